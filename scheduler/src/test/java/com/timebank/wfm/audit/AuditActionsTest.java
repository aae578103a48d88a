package com.timebank.wfm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every action the services record has a name on the audit page in English and Chinese, and is recorded somewhere
 * (an action nobody records any more would keep a label for nothing). Events name their action only through
 * {@link AuditAction}, as {@link AuditLog#record} takes nothing else.
 */
class AuditActionsTest {

    private static final Path SOURCES = Path.of("src/main/java/com/timebank/wfm");
    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Pattern USE = Pattern.compile("AuditAction\\.([A-Z][A-Z_]*)");

    @Test
    void everyActionHasANameInBothLanguages() throws IOException {
        Properties en = load("admin.properties");
        Properties zh = load("admin_zh_CN.properties");
        for (AuditAction action : AuditAction.values()) {
            String key = "admin.audit.action." + action.name();
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(zh.getProperty(key)).as("%s in Chinese", key).isNotBlank();
        }
    }

    @Test
    void everyActionIsRecordedSomewhereAndTheirCodesAreDistinct() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(SOURCES.resolve("audit")))
                    .toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(AuditAction.values()).map(AuditAction::name).toList());
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code).collect(Collectors.toSet()))
                .hasSize(AuditAction.values().length);
    }

    @Test
    void aStoredCodeFindsItsAction() {
        assertThat(AuditAction.of("CENTER_RENAMED")).contains(AuditAction.CENTER_RENAMED);
        assertThat(AuditAction.of("leave.migrate")).contains(AuditAction.LEAVE_MIGRATED);
        assertThat(AuditAction.of("NO_SUCH_ACTION")).isEmpty();
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(I18N.resolve(file))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
