package com.timebank.wfm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.ibm.icu.text.MessageFormat;
import com.timebank.wfm.ledger.EntryKind;

/**
 * Every message code the services name exists in the bundles, and every pattern of {@code i18n/messages} is valid
 * ICU in both languages. Codes are found as string literals of the service-message families (pages keep their own
 * keys, checked by {@code MessageBundlesTest}).
 */
class MessageCodesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/timebank/wfm");
    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Set<String> FAMILIES = Set.of("problem", "type", "range", "validation", "not-found", "upload",
            "csv", "number", "text", "time", "activity", "leave", "timeoff", "bonus", "emergency", "settings", "org",
            "user", "history", "forecast", "calendar", "roster", "shift", "staffing", "ledger", "job", "statement",
            "monthclose", "quota", "template", "idempotency", "audit");
    /** Literals of those families that are no message: an audit action, a system property. */
    private static final Set<String> NOT_CODES = Set.of("leave.migrate", "user.name", "org.jooq.no-logo",
            "org.jooq.no-tips");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");
    private static final Pattern PAGE_REFUSAL = Pattern.compile(
            "InvalidInputException\\.of\\(\"[^\"]*\",\\s*\"([^\"]+)\""
                    + "|(?:BusinessRule|Conflict|Forbidden)Exception\\.of\\(\"([^\"]+)\"");
    private static final Pattern NOT_FOUND = Pattern.compile("new NotFoundException\\(\"([^\"]+)\"");

    @Test
    void everyCodeTheServicesNameIsInTheBundles() throws IOException {
        Properties en = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/web/")).toList()) {
                String text = Files.readString(f);
                Matcher m = LITERAL.matcher(text);
                while (m.find()) {
                    String code = m.group(1);
                    if (FAMILIES.contains(code.substring(0, code.indexOf('.'))) && !NOT_CODES.contains(code)
                            && !en.containsKey(code)) {
                        missing.add(SOURCES.relativize(f) + ": " + code);
                    }
                }
                Matcher nf = NOT_FOUND.matcher(text);
                while (nf.find()) {
                    String code = new NotFoundException(nf.group(1), "x").reason().code();
                    if (!en.containsKey(code)) {
                        missing.add(SOURCES.relativize(f) + ": " + code);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The pages refuse with service codes too; an English text in place of a code would show untranslated. */
    @Test
    void everyCodeThePagesRefuseWithIsInTheBundles() throws IOException {
        Properties en = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("web"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = PAGE_REFUSAL.matcher(Files.readString(f));
                while (m.find()) {
                    String code = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!en.containsKey(code)) {
                        missing.add(SOURCES.relativize(f) + ": " + code);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** A refused correction names the entry's kind ({@code correction.kind.<kind>}), whatever the kind. */
    @Test
    void everyEntryKindHasACorrectionNameInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        for (EntryKind kind : EntryKind.values()) {
            assertThat(en.getProperty("correction.kind." + kind)).as("correction.kind.%s", kind).isNotBlank();
            assertThat(zh.getProperty("correction.kind." + kind)).as("correction.kind.%s in Chinese", kind)
                    .isNotBlank();
        }
        IcuMessageSource source = new IcuMessageSource();
        source.setBasenames(IcuMessageSource.SERVICE_MESSAGES);
        assertThat(source.getMessage(Message.of("correction.kind-not-correctable", 12,
                Message.of("correction.kind." + EntryKind.TRANSFER_IN)), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("记录 12 是余额转入：这里只能更正时间红包或应急加班存入");
    }

    @Test
    void everyPatternIsValidIcuInBothLanguages() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties p = load(file);
            Locale locale = file.contains("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            for (String key : p.stringPropertyNames()) {
                MessageFormat format = new MessageFormat(p.getProperty(key), locale);
                assertThat(format).as("%s in %s", key, file).isNotNull();
            }
        }
    }

    @Test
    void argumentsAreTheSameInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        Pattern argument = Pattern.compile("\\{(\\d+)");
        for (String key : en.stringPropertyNames()) {
            assertThat(arguments(argument, zh.getProperty(key))).as(key)
                    .isEqualTo(arguments(argument, en.getProperty(key)));
        }
    }

    private static Set<String> arguments(Pattern argument, String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = argument.matcher(pattern == null ? "" : pattern.replace("''", ""));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(I18N.resolve(file))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
