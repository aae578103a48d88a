package com.timebank.wfm.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.IcuMessageSource;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Validation;

class SettingsChangeTest {

    private static final LocalDate FROM = LocalDate.of(2027, 1, 1);

    private static SettingsChange change(Map<String, BigDecimal> rates, BigDecimal aux, Integer closeDay) {
        return new SettingsChange(FROM, aux, rates, null, null, null, null, null, closeDay, null, null, null, null, null, null,
                null);
    }

    /** The audit trail names every field a change sets, with its value, in both languages (nothing left as a key). */
    @Test
    void everyFieldSetIsAuditedByNameAndValue() {
        SettingsChange all = new SettingsChange(FROM, new BigDecimal("0.037"), Map.of("2", new BigDecimal("0.45")),
                new BigDecimal("0.01"), 4, 2, new SettingsChange.BusyDays(3, 5), List.of(FROM.plusDays(9)), 5, 7,
                new BigDecimal("0.8"), 20, new BigDecimal("0.85"), new BigDecimal("0.3"), QuotaMode.FIXED, 450);
        IcuMessageSource bundles = new IcuMessageSource();
        bundles.setBasenames("i18n/messages", "i18n/planner");
        Message detail = Message.of("audit.settings-changed", FROM, all.audited());

        assertThat(all.audited()).hasSize(16);
        assertThat(bundles.getMessage(detail, Locale.ENGLISH)).isEqualTo("From 2027-01-01: aux allowance: 3.7%, "
                + "emergency interest, level 2: 45%, time-bonus budget: 1%, quota on idle days: 4, "
                + "quota on busy days: 2, busy days at the start of each month: 3, "
                + "busy days at the end of each month: 5, special busy dates: 2027-01-10, "
                + "month close on day 5 of the next month, minimum notice: 7 days, service-level target: 80%, "
                + "answered within 20 s, maximum occupancy: 85%, unplanned shrinkage: 30%, quota from: These numbers, "
                + "standard paid day: 450 min");
        assertThat(bundles.getMessage(detail, Locale.SIMPLIFIED_CHINESE)).startsWith("自 2027-01-01 起：示忙目标：3.7%、")
                .endsWith("名额来源：上面的固定名额、标准带薪工作日：450 分钟").doesNotContain("audit.", "planner.");
        assertThat(change(null, null, 9).audited()).containsExactly(Message.of("audit.setting.monthCloseDay", 9));
    }

    @Test
    void leftOutFieldsKeepTheValueInForce() {
        Validation v = new Validation();
        CenterSettings s = change(Map.of("3", new BigDecimal("0.55")), new BigDecimal("0.035"), null)
                .applyTo(CenterSettings.defaults(), FROM, v);
        assertThat(v.hasErrors()).isFalse();
        assertThat(s.effectiveFrom()).isEqualTo(FROM);
        assertThat(s.auxTarget()).isEqualByComparingTo("0.035");
        assertThat(s.overtimeRate(1)).isEqualByComparingTo("0.30");
        assertThat(s.overtimeRate(3)).isEqualByComparingTo("0.55");
        assertThat(s.monthCloseDay()).isEqualTo(2);
        assertThat(s.shrinkage()).isEqualByComparingTo("0.30");
    }

    @Test
    void overtimeRatesMustStayBetween30And60PercentForLevels1To3() {
        Validation v = new Validation();
        change(Map.of("1", new BigDecimal("0.29"), "2", new BigDecimal("0.61"), "4", new BigDecimal("0.4")), null, 29)
                .applyTo(CenterSettings.defaults(), FROM, v);
        assertThat(v.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("overtimeRates.1", "overtimeRates.2", "overtimeRates", "monthCloseDay");
    }

    @Test
    void theStandardPaidDayIsKeptUnlessSetAndStaysBetween1And12Hours() {
        assertThat(CenterSettings.defaults().standardDayMinutes()).isEqualTo(480);
        assertThat(CenterSettings.defaults().standardDaySeconds()).isEqualTo(28_800);
        SettingsChange none = change(null, null, null);
        assertThat(none.applyTo(CenterSettings.defaults(), FROM, new Validation()).standardDayMinutes())
                .isEqualTo(480);
        for (int minutes : new int[] {59, 721, 0, -480}) {
            Validation v = new Validation();
            withStandardDay(minutes).applyTo(CenterSettings.defaults(), FROM, v);
            assertThat(v.errors()).as("%d min", minutes).extracting(FieldError::field)
                    .containsExactly("standardDayMinutes");
        }
        for (int minutes : new int[] {60, 450, 720}) {
            Validation v = new Validation();
            CenterSettings s = withStandardDay(minutes).applyTo(CenterSettings.defaults(), FROM, v);
            assertThat(v.hasErrors()).as("%d min", minutes).isFalse();
            assertThat(s.standardDaySeconds()).isEqualTo(minutes * 60L);
        }
        assertThat(withStandardDay(450).adminOnlyFields()).containsExactly("standardDayMinutes");
    }

    private static SettingsChange withStandardDay(int minutes) {
        return new SettingsChange(FROM, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, minutes);
    }

    @Test
    void boundaryRatesAreAllowed() {
        Validation v = new Validation();
        change(Map.of("1", new BigDecimal("0.30"), "3", new BigDecimal("0.60")), new BigDecimal("0.20"), 28)
                .applyTo(CenterSettings.defaults(), FROM, v);
        assertThat(v.hasErrors()).isFalse();
    }

    @Test
    void anAuxTargetOfZeroOrAboveAFifthIsRefused() {
        for (String aux : new String[] {"0", "0.21", "-0.01"}) {
            Validation v = new Validation();
            change(Map.of(), new BigDecimal(aux), 28).applyTo(CenterSettings.defaults(), FROM, v);
            assertThat(v.errors()).as(aux).extracting(FieldError::field, FieldError::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("auxTarget", "number.above-at-most"));
        }
    }

    @Test
    void busyDaysAreFirstFourLastTwoAndSpecialDates() {
        CenterSettings s = CenterSettings.defaults();
        Set<LocalDate> special = Set.of(LocalDate.of(2027, 2, 14));
        List<Integer> busyFebruary = LocalDate.of(2027, 2, 1).datesUntil(LocalDate.of(2027, 3, 1))
                .filter(d -> s.isBusyDay(d, special)).map(LocalDate::getDayOfMonth).toList();
        assertThat(busyFebruary).containsExactly(1, 2, 3, 4, 14, 27, 28);
        assertThat(s.isBusyDay(LocalDate.of(2028, 2, 28), Set.of())).isTrue();
        assertThat(s.isBusyDay(LocalDate.of(2028, 2, 27), Set.of())).isFalse();
        assertThat(s.fixedQuota(true)).isZero();
        assertThat(s.fixedQuota(false)).isEqualTo(2);
    }
}
