package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Closed days and hours: never forecast, never learned as zero. */
class ClosedDaysTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void everyMethodForecastsOnlyOpenDaysAndHours() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(16 * 7).build();
        IntervalHistory h = center.history();
        LocalDate from = center.end().plusDays(1);
        for (ForecastMethod m : ForecastMethods.standard()) {
            Forecast f = m.forecast(h, ForecastCalendar.defaults(), from, from.plusDays(13));
            assertThat(f.closedDays()).as(m.name()).hasSize(4)
                    .allSatisfy(d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            assertThat(f.intervals()).as(m.name()).hasSize(10 * 20).allSatisfy(i -> {
                assertThat(i.start().toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(17, 30));
                assertThat(i.contacts()).isPositive();
            });
        }
    }

    @Test
    void anUnannouncedClosedDayIsNotLearnedAsZero() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(12 * 7).build();
        LocalDate lastWednesday = center.end().minusDays(4);
        assertThat(lastWednesday.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        // Drop every row of the last Wednesday: a closed day the calendar does not know about.
        IntervalHistory h = IntervalHistory.of(30, center.rows(START, center.end(), 42).stream()
                .filter(r -> !r.intervalStart().toLocalDate().equals(lastWednesday)).toList());
        LocalDate nextWednesday = lastWednesday.plusDays(7);
        double truth = center.expectedDayTotal(nextWednesday);

        for (ForecastMethod m : ForecastMethods.standard()) {
            Forecast f = m.forecast(h, ForecastCalendar.none(), nextWednesday.minusDays(2), nextWednesday);
            assertThat(f.dayTotal(nextWednesday)).as(m.name()).isCloseTo(truth, org.assertj.core.data.Percentage.withPercentage(12));
        }
        Forecast naive = new SeasonalNaive().forecast(h, ForecastCalendar.none(), nextWednesday, nextWednesday);
        assertThat(naive.dayTotal(nextWednesday)).isEqualTo(h.dayTotal(h.dayIndex(lastWednesday.minusDays(7))));
    }

    @Test
    void holidaysTheCenterClosedOnArePredictedClosedAndPlannerClosuresToo() {
        LocalDate pastHoliday1 = LocalDate.of(2024, 1, 15);
        LocalDate pastHoliday2 = LocalDate.of(2024, 2, 19);
        LocalDate futureHoliday = LocalDate.of(2024, 4, 10);
        LocalDate plannerClosed = LocalDate.of(2024, 4, 12);
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(13 * 7)
                .holiday(pastHoliday1, 0).holiday(pastHoliday2, 0).holiday(futureHoliday, 0).build();
        ForecastCalendar calendar = ForecastCalendar.builder().holiday(pastHoliday1, "h1").holiday(pastHoliday2, "h2")
                .holiday(futureHoliday, "h3").closed(plannerClosed).build();
        LocalDate from = center.end().plusDays(1);
        for (ForecastMethod m : ForecastMethods.standard()) {
            Forecast f = m.forecast(center.history(), calendar, from, from.plusDays(13));
            assertThat(f.closedDays()).as(m.name()).contains(futureHoliday, plannerClosed);
            assertThat(f.intervalsOn(futureHoliday)).isEmpty();
            assertThat(f.intervalsOn(plannerClosed)).isEmpty();
            assertThat(f.intervalsOn(futureHoliday.minusDays(1))).isNotEmpty();
        }
    }

    @Test
    void withoutEvidenceAHolidayIsPredictedOpen() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(8 * 7).build();
        LocalDate holiday = center.end().plusDays(3);
        ForecastCalendar calendar = ForecastCalendar.builder().holiday(holiday, "new holiday").build();
        Forecast f = HistoricalAverage.mean(4).forecast(center.history(), calendar, holiday, holiday);
        assertThat(f.intervalsOn(holiday)).hasSize(20);
    }

    @Test
    void veryShortHistoriesStillForecastWithWideIntervals() {
        for (int days : new int[] {1, 3, 10}) {
            SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(days).build();
            LocalDate from = center.end().plusDays(1);
            for (ForecastMethod m : ForecastMethods.standard()) {
                Forecast f = m.forecast(center.history(), ForecastCalendar.defaults(), from, from.plusDays(6));
                assertThat(f.intervals()).as("%s after %d days", m.name(), days).isNotEmpty()
                        .allSatisfy(i -> assertThat(i.upper95()).isGreaterThanOrEqualTo(i.contacts()).isFinite());
                assertThat(f.notes()).anyMatch(n -> n.code().equals("forecast.note.intervals-default"));
            }
        }
    }

    @Test
    void aWeekdayTheCenterStoppedOpeningIsPredictedClosed() {
        // Saturdays were open for 7 weeks, then stopped: 3 of the last 4 Saturdays in the history are closed.
        // (The history ends with its last row, Friday: a trailing day without rows is unknown, not closed.)
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(11 * 7)
                .day(DayOfWeek.SATURDAY, 300, LocalTime.of(9, 0), LocalTime.of(13, 0)).build();
        LocalDate stop = START.plusDays(7 * 7);
        IntervalHistory h = IntervalHistory.of(30, center.rows(START, center.end(), 1).stream()
                .filter(r -> r.intervalStart().getDayOfWeek() != DayOfWeek.SATURDAY || r.intervalStart().toLocalDate().isBefore(stop))
                .toList());
        LocalDate from = center.end().plusDays(1);
        Forecast f = HistoricalAverage.mean(6).forecast(h, ForecastCalendar.none(), from, from.plusDays(6));
        assertThat(f.closedDays()).containsExactly(from.plusDays(5), from.plusDays(6));
    }
}
