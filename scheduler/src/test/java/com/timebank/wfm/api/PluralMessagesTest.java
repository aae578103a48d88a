package com.timebank.wfm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Counted nouns go through ICU plural forms ("1 day", "2 days"), never "day(s)". */
class PluralMessagesTest {

    private static final Pattern PARENTHESISED_PLURAL = Pattern.compile("[A-Za-z]\\(s\\)");

    @Test
    void aCountReadsAsOneOrMany() {
        assertThat(Message.of("timeoff.time-off-requested-least", 1, "2026-12-02", "2026-12-03").english()).contains("1 day ")
                .doesNotContain("(s)");
        assertThat(Message.of("timeoff.time-off-requested-least", 2, "2026-12-02", "2026-12-04").english()).contains("2 days ");
        assertThat(Message.of("upload.refused", 1, 1).english()).contains("1 problem in 1 line");
        assertThat(Message.of("upload.refused", 3, 2).english()).contains("3 problems in 2 lines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "common", "agent", "lead", "planner", "admin", "roster", "reports"})
    void noBundleWritesAPluralAsParenthesisedS(String basename) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/" + basename + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(p.stringPropertyNames()).allSatisfy(k ->
                assertThat(PARENTHESISED_PLURAL.matcher(p.getProperty(k)).find()).as(k).isFalse());
    }
}
