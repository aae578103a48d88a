package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The multi-seasonal model recovers known structure from synthetic Poisson data. */
class DailyVolumeTimesProfileTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void recoversTheWeekdayTimesIntradayProfile() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(26 * 7)
                .day(DayOfWeek.SATURDAY, 500, LocalTime.of(9, 0), LocalTime.of(14, 0)).build();
        DailyVolumeTimesProfile.Model model = new DailyVolumeTimesProfile().fit(center.history(), ForecastCalendar.none());

        // Weekday effects relative to Wednesday: 1.25, 1.05, 1, 0.95, 0.9, 0.5.
        double wed = model.weekdayEffect(DayOfWeek.WEDNESDAY);
        assertThat(model.weekdayEffect(DayOfWeek.MONDAY) / wed).isCloseTo(1.25, within(0.03));
        assertThat(model.weekdayEffect(DayOfWeek.FRIDAY) / wed).isCloseTo(0.90, within(0.03));
        assertThat(model.weekdayEffect(DayOfWeek.SATURDAY) / wed).isCloseTo(0.50, within(0.02));
        for (DayOfWeek w : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY}) {
            double[] fitted = model.intradayProfile(w);
            double[] truth = center.trueProfile(w);
            double l1 = 0;
            for (int s = 0; s < truth.length; s++) {
                l1 += Math.abs(fitted[s] - truth[s]);
                if (truth[s] == 0) {
                    assertThat(fitted[s]).isZero();
                }
            }
            assertThat(l1).as("L1 distance of %s profile", w).isLessThan(0.06);
        }
        LocalDate nextMonday = center.end().plusDays(1);
        assertThat(model.expectedDayTotal(nextMonday)).isCloseTo(1250, withPercentage(3));
        assertThat(model.expectedDayTotal(nextMonday.plusDays(5))).isCloseTo(500, withPercentage(4));
    }

    @Test
    void recoversAMonthEndMultiplierOfThree() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(364)
                .monthEnd(3.0).monthStart(1.5).build();
        ForecastCalendar calendar = center.calendar(3, 3);
        DailyVolumeTimesProfile.Model model = new DailyVolumeTimesProfile().fit(center.history(), calendar);

        CalendarEffects effects = model.calendarEffects();
        assertThat(effects.multiplier("month-end-1")).isCloseTo(3.0, within(0.15));
        assertThat(effects.multiplier("month-start-1")).isCloseTo(1.5, within(0.08));
        for (String ordinary : new String[] {"month-end-2", "month-end-3", "month-start-2", "month-start-3"}) {
            assertThat(effects.multiplier(ordinary)).as(ordinary).isCloseTo(1.0, within(0.05));
        }
        // The last open day of January 2025 is Friday the 31st; the forecast carries the peak, and the level
        // did not absorb past peaks (an ordinary Wednesday stays ordinary).
        LocalDate monthEnd = LocalDate.of(2025, 1, 31);
        Forecast f = new DailyVolumeTimesProfile().forecast(center.history(), calendar, center.end().plusDays(1), monthEnd);
        assertThat(f.dayTotal(monthEnd)).isCloseTo(center.expectedDayTotal(monthEnd), withPercentage(8));
        LocalDate wednesday = LocalDate.of(2025, 1, 15);
        assertThat(f.dayTotal(wednesday)).isCloseTo(center.expectedDayTotal(wednesday), withPercentage(5));
    }

    @Test
    void learnsAnOpenHolidayDip() {
        // A 7-day center open on holidays at 40% of normal volume.
        SyntheticCenter.Builder b = SyntheticCenter.builder().start(START).days(364);
        for (DayOfWeek w : DayOfWeek.values()) {
            b.day(w, 800, LocalTime.of(7, 0), LocalTime.of(22, 0));
        }
        for (int month = 1; month <= 12; month++) {
            b.holiday(LocalDate.of(2024, month, 12), 0.4);
        }
        LocalDate futureHoliday = LocalDate.of(2025, 1, 12);
        b.holiday(futureHoliday, 0.4);
        SyntheticCenter center = b.build();
        ForecastCalendar calendar = center.calendar(0, 0);

        DailyVolumeTimesProfile.Model model = new DailyVolumeTimesProfile().fit(center.history(), calendar);
        assertThat(model.calendarEffects().multiplier(CalendarEffects.HOLIDAY)).isCloseTo(0.4, within(0.03));
        for (ForecastMethod m : new ForecastMethod[] {new DailyVolumeTimesProfile(), new DoubleSeasonalHoltWinters()}) {
            Forecast f = m.forecast(center.history(), calendar, center.end().plusDays(1), futureHoliday);
            assertThat(f.dayTotal(futureHoliday)).as(m.name()).isCloseTo(320, withPercentage(8));
            assertThat(f.dayTotal(futureHoliday.minusDays(1))).as(m.name()).isCloseTo(800, withPercentage(5));
        }
    }

    @Test
    void closedHolidayIsForecastClosedAndTheDayAfterCatchesUp() {
        SyntheticCenter.Builder b = SyntheticCenter.weekdayCenter().start(START).days(364).afterHoliday(1.6);
        for (int month = 1; month <= 12; month++) {
            LocalDate d = LocalDate.of(2024, month, 10);
            while (d.getDayOfWeek().getValue() > 4) {
                d = d.plusDays(1); // a Monday-Thursday holiday, so the day after is open
            }
            b.holiday(d, 0);
        }
        LocalDate futureHoliday = LocalDate.of(2025, 1, 8); // Wednesday
        b.holiday(futureHoliday, 0);
        SyntheticCenter center = b.build();
        ForecastCalendar calendar = center.calendar(0, 0);

        DailyVolumeTimesProfile.Model model = new DailyVolumeTimesProfile().fit(center.history(), calendar);
        assertThat(model.calendarEffects().multiplier(CalendarEffects.AFTER_HOLIDAY)).isCloseTo(1.6, within(0.1));
        assertThat(model.calendarEffects().multiplier(CalendarEffects.HOLIDAY_EVE)).isCloseTo(1.0, within(0.06));

        Forecast f = new DailyVolumeTimesProfile().forecast(center.history(), calendar, center.end().plusDays(1), futureHoliday.plusDays(1));
        assertThat(f.closedDays()).contains(futureHoliday);
        assertThat(f.dayTotal(futureHoliday.plusDays(1))).isCloseTo(center.expectedDayTotal(futureHoliday.plusDays(1)), withPercentage(8));
    }
}
