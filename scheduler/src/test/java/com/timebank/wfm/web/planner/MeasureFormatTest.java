package com.timebank.wfm.web.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Backtest measures round half up for display, as reports.md says, and a measure not computed is a dash. */
class MeasureFormatTest {

    private final MeasureFormat measure = new MeasureFormat(null);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void decimalsRoundHalfUp() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(measure.decimal(0.125, 2)).isEqualTo("0.13");
        assertThat(measure.decimal(2.5, 0)).isEqualTo("3");
        assertThat(measure.decimal(1234.5, 1)).isEqualTo("1,234.5");
        assertThat(measure.decimal(Double.NaN, 2)).isEqualTo("—");
    }
}
