package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** reports.md: shares and decimals are rounded half up to two places for display, never half even. */
class ReportFormatTest {

    private final ReportFormat format = new ReportFormat();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void decimalsRoundHalfUp() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(format.decimal(new BigDecimal("0.125"))).isEqualTo("0.13");
        assertThat(format.decimal(new BigDecimal("0.135"))).isEqualTo("0.14");
        assertThat(format.decimal(new BigDecimal("2.005"))).isEqualTo("2.01");
        assertThat(format.decimal(new BigDecimal("-0.125"))).isEqualTo("-0.13");
        assertThat(format.decimal(new BigDecimal("0.124999"))).isEqualTo("0.12");
        assertThat(format.decimal(new BigDecimal("8.2"))).isEqualTo("8.20");
        assertThat(format.decimal(null)).isEqualTo(ReportFormat.NONE);
    }

    @Test
    void percentagesRoundHalfUp() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(format.percent(new BigDecimal("0.03125"))).isEqualTo("3.13%");
        assertThat(format.percent(new BigDecimal("0.03135"))).isEqualTo("3.14%");
    }
}
