package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Amounts, dates and times as the pages write them, in English and Simplified Chinese. */
class PageFormatTest {

    private final PageFormat fmt = new PageFormat(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/common");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void amountsAreHoursAndMinutesWithSecondsOnlyUnderAMinute() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.duration(27_960)).isEqualTo("7 h 46 min");
        assertThat(fmt.duration(27_999)).isEqualTo("7 h 46 min");
        assertThat(fmt.duration(28_800)).isEqualTo("8 h");
        assertThat(fmt.duration(466)).isEqualTo("7 min");
        assertThat(fmt.duration(45)).isEqualTo("45 s");
        assertThat(fmt.duration(0)).isEqualTo("0 min");
        assertThat(fmt.duration(-934)).isEqualTo("−15 min");
        assertThat(fmt.signedDuration(466)).isEqualTo("+7 min");
        assertThat(fmt.signedDuration(-3_720)).isEqualTo("−1 h 2 min");
        assertThat(fmt.duration(3_600L * 1_250)).isEqualTo("1,250 h");
        assertThat(fmt.exactSeconds(27_976)).isEqualTo("27,976 s exactly");
    }

    @Test
    void listsAreWrittenAsEachLanguageWritesThem() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.list(java.util.List.of("Saturday", "Sunday", "Monday"))).isEqualTo("Saturday, Sunday, Monday");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.list(java.util.List.of("星期六", "星期日"))).isEqualTo("星期六、星期日");
        assertThat(fmt.list(java.util.List.of("T1"))).isEqualTo("T1");
    }

    @Test
    void severalReasonsAreSeparatedAsEachLanguageSeparatesSentences() {
        var reasons = java.util.List.of(new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"x"}, "The date is in the past"),
                new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"y"},
                        "The reason is missing"));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.reasons(reasons)).isEqualTo("The date is in the past; The reason is missing");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.reasons(reasons)).isEqualTo("The date is in the past；The reason is missing");
    }

    @Test
    void chineseAmountsAndDates() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.duration(27_960)).isEqualTo("7 小时 46 分钟");
        assertThat(fmt.duration(45)).isEqualTo("45 秒");
        assertThat(fmt.month(YearMonth.of(2026, 11))).isEqualTo("2026年11月");
        assertThat(fmt.day(LocalDate.of(2026, 11, 23))).isEqualTo("11月23日 周一");
        assertThat(fmt.date(LocalDate.of(2026, 11, 23))).isEqualTo("2026年11月23日");
    }

    @Test
    void storedUtcTimesAreShownInTheCentersZone() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        LocalDateTime utc = LocalDateTime.of(2026, 11, 23, 17, 30);
        assertThat(fmt.dateTime(utc, ZoneId.of("Asia/Shanghai"))).isEqualTo("Nov 24, 2026, 1:30 AM");
        assertThat(fmt.dateTime(utc, ZoneId.of("Europe/Lisbon"))).isEqualTo("Nov 23, 2026, 5:30 PM");
        assertThat(fmt.day(LocalDate.of(2026, 11, 23))).isEqualTo("Mon 23 Nov");
        assertThat(fmt.month(YearMonth.of(2026, 11))).isEqualTo("November 2026");
    }

    @Test
    void percentagesRoundHalfUpAndAClaimOfWithinRoundsUp() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.percent(0.0125)).isEqualTo("1.3%");
        assertThat(fmt.percent(0.0135)).isEqualTo("1.4%");
        assertThat(fmt.percent(0.010101)).isEqualTo("1%");
        // "coverage within X%": a gap of 1.0101% is not within 1%, nor one of 0.004% within 0%
        assertThat(fmt.percentAtMost(0.010101)).isEqualTo("1.1%");
        assertThat(fmt.percentAtMost(0.00004)).isEqualTo("0.1%");
        assertThat(fmt.percentAtMost(0.012)).isEqualTo("1.2%");
        assertThat(fmt.percentAtMost(0)).isEqualTo("0%");
    }
}
