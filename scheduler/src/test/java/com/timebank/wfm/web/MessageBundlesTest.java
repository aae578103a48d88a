package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.timebank.wfm.forecast.ForecastMethods;

/** Every page text exists in English and Simplified Chinese, and every key a template names exists. */
class MessageBundlesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** #{key} or #{key(args)} with a literal key; keys built at run time ('error.' + ...) are checked by the pages. */
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[(}]");
    private static final Path SOURCES = Path.of("src/main/java/com/timebank/wfm/web");
    /** The last argument of {@code FormErrors.reject(binding, e, fields, "code")}. */
    private static final Pattern FORM_ERRORS =
            Pattern.compile("FormErrors\\.reject\\([^;]*?\"([a-z][a-zA-Z0-9.-]+)\"\\)\\s*;");
    /** An aria-label written in the template, or a unit glued to a number in an expression. */
    private static final Pattern LITERAL_TEXT = Pattern.compile("(?<![:-])aria-label=\"[A-Za-z][^\"]*\"|\\+ ' s'");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern ARGUMENT_INDEX = Pattern.compile("\\{\\s*(\\d+)");
    /**
     * What is not prose in a pattern: a simple argument ({0}, {0,number,#}), the head of a plural or select
     * ({0,plural,), a case's selector (one{, =0{, AGENT{), the braces and # left.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\s*\\d+[^{}]*}|\\{\\s*\\d+\\s*,\\s*(?:plural|select|selectordinal)\\s*,|(?:=\\d+|[A-Za-z_]+)\\s*\\{|[{}#]");
    private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u9fff\\uff00-\\uffef]");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Set<String> SAME_IN_BOTH = Set.of("MASE", "wMAPE", "MAE", "RMSE");
    /** The first part of the page bundles' keys; the service messages' codes are checked by MessageCodesTest. */
    private static final Set<String> PAGE_FAMILIES = Set.of("account", "action", "admin", "agent", "app",
            "availability", "duration", "error", "footer", "format", "home", "lang", "lead", "login", "nav", "paging",
            "planner", "reports", "htmx", "role", "roster");
    /** A literal key, and whether a {@code +} follows it (the start of a key built at run time). */
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9_-]+)+\\.?)\"(\\s*\\+)?");

    @ParameterizedTest
    @ValueSource(strings = {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"})
    void englishAndChineseHaveTheSameKeys(String basename) throws IOException {
        Properties en = load(basename + ".properties");
        Properties zh = load(basename + "_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).as("keys of %s_zh_CN", basename)
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        zh.forEach((k, v) -> assertThat(v.toString()).as("%s in Chinese", k).isNotBlank());
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String b : new String[] {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"}) {
            known.addAll(load(b + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(COMMENT.matcher(Files.readString(f)).replaceAll(""));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(f) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * A text without arguments is shown as written (the message source formats only patterns given arguments), so
     * an apostrophe doubled for MessageFormat would show twice: "agent''s".
     */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"})
    void anApostropheIsWrittenOnceInATextWithoutArguments(String basename) throws IOException {
        for (String file : new String[] {basename + ".properties", basename + "_zh_CN.properties"}) {
            Properties p = load(file);
            Set<String> doubled = new TreeSet<>();
            p.forEach((k, v) -> {
                if (v.toString().contains("''") && !ARGUMENT.matcher(v.toString()).find()) {
                    doubled.add(k.toString());
                }
            });
            assertThat(doubled).as("texts without arguments in %s that double an apostrophe", file).isEmpty();
        }
    }

    /**
     * A service's error of a field the form does not have is shown as an error of the whole form, under the code the
     * page gives {@link FormErrors#reject}; without that key the page would show the service's English text.
     */
    @Test
    void everyWholeFormErrorCodeExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String b : new String[] {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"}) {
            known.addAll(load(b + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = FORM_ERRORS.matcher(Files.readString(f));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(SOURCES.relativize(f) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Attributes a screen reader says and units next to numbers come from the bundles like any other text. */
    @Test
    void noTemplateWritesAnEnglishLabelOrUnitOfItsOwn() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_TEXT.matcher(COMMENT.matcher(Files.readString(f)).replaceAll(""));
                while (m.find()) {
                    found.add(TEMPLATES.relativize(f) + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** A pattern's arguments ({0}, {1}…) are the same in both languages, or a figure would go missing in one. */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"})
    void argumentsAreTheSameInBothLanguages(String basename) throws IOException {
        Properties en = load(basename + ".properties");
        Properties zh = load(basename + "_zh_CN.properties");
        Set<String> differ = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            if (!arguments(en.getProperty(key)).equals(arguments(zh.getProperty(key, "")))) {
                differ.add(key + ": " + en.getProperty(key) + " | " + zh.getProperty(key));
            }
        }
        assertThat(differ).as("texts of %s whose arguments differ in Chinese", basename).isEmpty();
    }

    /**
     * A Chinese text with no Chinese in it but English words was not translated. Names that read the same in both
     * languages (measures, file formats) are listed here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"})
    void noChineseTextIsLeftInEnglish(String basename) throws IOException {
        Properties zh = load(basename + "_zh_CN.properties");
        Set<String> english = new TreeSet<>();
        zh.forEach((k, v) -> {
            String text = PLACEHOLDER.matcher(v.toString()).replaceAll("");
            if (!CHINESE.matcher(text).find() && WORD.matcher(text).results()
                    .anyMatch(w -> !SAME_IN_BOTH.contains(w.group()))) {
                english.add(k + "=" + v);
            }
        });
        assertThat(english).as("texts of %s_zh_CN still in English", basename).isEmpty();
    }

    /**
     * Every page text the Java code names by a literal key exists (flash messages, field errors, labels built in
     * Java); a literal followed by {@code +} is the start of keys built at run time, and one handed on as a prefix
     * ({@code "agent.timeoff"} for its {@code .error.part.*}) has keys under it.
     */
    @Test
    void everyPageKeyTheCodeNamesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String b : new String[] {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"}) {
            known.addAll(load(b + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!PAGE_FAMILIES.contains(key.substring(0, key.indexOf('.')))) {
                        continue;
                    }
                    String start = m.group(2) != null || key.endsWith(".") ? key : key + ".";
                    boolean found = known.contains(key) || known.stream().anyMatch(k -> k.startsWith(start));
                    if (!found) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT_INDEX.matcher(pattern.replace("''", ""));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyForecastMethodHasANameInBothLanguages() throws IOException {
        Properties en = load("planner.properties");
        Properties zh = load("planner_zh_CN.properties");
        for (String method : ForecastMethods.names()) {
            assertThat(en.getProperty("planner.method." + method)).as(method).isNotBlank();
            assertThat(zh.getProperty("planner.method." + method)).as("%s in Chinese", method).isNotBlank();
        }
    }

    @Test
    void bundlesAreReadAsUtf8() throws IOException {
        assertThat(load("common_zh_CN.properties").getProperty("login.submit")).isEqualTo("登录");
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(I18N.resolve(file))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
