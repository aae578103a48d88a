package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Center local time across the clock changes of daylight saving time. */
class ClockChangeTest {

    /** Europe/Berlin: on 2027-03-28 the clocks jump from 02:00 to 03:00. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate SPRING = LocalDate.of(2027, 3, 28);

    /** A center open around the clock, 30-minute intervals, {@code weeks} weeks up to {@code last}. */
    private static List<IntervalHistory.Row> roundTheClock(LocalDate last, int weeks) {
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (LocalDate d = last.minusWeeks(weeks).plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (int slot = 0; slot < 48; slot++) {
                LocalDateTime start = d.atStartOfDay().plusMinutes(30L * slot);
                rows.add(new IntervalHistory.Row(start, 10 + slot % 7 + d.getDayOfMonth() % 3, 240));
            }
        }
        return rows;
    }

    @Test
    void noMethodForecastsTheIntervalsTheClocksSkip() {
        IntervalHistory h = IntervalHistory.of(30, roundTheClock(SPRING.minusDays(7), 10));
        ForecastCalendar calendar = ForecastCalendar.builder().zone(BERLIN).build();
        for (ForecastMethod m : ForecastMethods.standard()) {
            Forecast f = m.forecast(h, calendar, SPRING.minusDays(6), SPRING.plusDays(1));
            assertThat(f.intervalsOn(SPRING)).as(m.name()).hasSize(46)
                    .noneMatch(i -> i.start().toLocalTime().equals(LocalTime.of(2, 0)))
                    .noneMatch(i -> i.start().toLocalTime().equals(LocalTime.of(2, 30)));
            assertThat(f.intervalsOn(SPRING.minusDays(1))).as(m.name()).hasSize(48);
            assertThat(f.intervalsOn(SPRING.plusDays(1))).as(m.name()).hasSize(48);
            assertThat(f.notes()).as(m.name())
                    .contains(Note.of("forecast.note.clock-change-skipped", SPRING, 2));
        }
        // a center without clock changes keeps every interval
        Forecast utc = new SeasonalNaive().forecast(h, ForecastCalendar.defaults(), SPRING, SPRING);
        assertThat(utc.intervalsOn(SPRING)).hasSize(48);
    }

    @Test
    void theDaysTheClocksChangeAreNotLearnedFrom() {
        // the history as the phone system sends it: nothing in the skipped hour of 2027-03-28, twice the contacts in
        // the hour repeated on 2026-10-25 (both of its hours summed into the local intervals)
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (IntervalHistory.Row r : roundTheClock(SPRING, 30)) {
            int hour = r.intervalStart().getHour();
            if (r.intervalStart().toLocalDate().equals(SPRING) && hour == 2) {
                continue;
            }
            double factor = r.intervalStart().toLocalDate().equals(autumn) && hour == 2 ? 2 : 1;
            rows.add(new IntervalHistory.Row(r.intervalStart(), r.contacts() * factor, r.ahtSeconds()));
        }
        IntervalHistory h = IntervalHistory.of(30, rows);
        ForecastCalendar calendar = ForecastCalendar.builder().zone(BERLIN).build();
        LocalDate nextSunday = SPRING.plusDays(7);
        for (ForecastMethod m : ForecastMethods.standard()) {
            Forecast f = m.forecast(h, calendar, SPRING.plusDays(1), nextSunday);
            double twoAm = f.at(nextSunday.atTime(2, 0)).orElseThrow().contacts();
            double oneAm = f.at(nextSunday.atTime(1, 0)).orElseThrow().contacts();
            assertThat(twoAm).as(m.name()).isGreaterThan(0.8 * oneAm);
        }
        assertThat(calendar.clocksChange(SPRING)).isTrue();
        assertThat(calendar.clocksChange(autumn)).isTrue();
        assertThat(calendar.clocksChange(SPRING.minusDays(1))).isFalse();
        assertThat(ForecastCalendar.defaults().clocksChange(SPRING)).isFalse();
    }

    @Test
    void anIntervalOnlyPartlySkippedStays() {
        // Australia/Lord_Howe moves its clocks by half an hour, from 02:00 to 02:30 on 2027-10-03: of the hourly
        // interval 02:00-03:00 the half hour from 02:30 exists
        LocalDate lordHoweSpring = LocalDate.of(2027, 10, 3);
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (LocalDate d = lordHoweSpring.minusWeeks(6); d.isBefore(lordHoweSpring); d = d.plusDays(1)) {
            for (int hour = 0; hour < 24; hour++) {
                rows.add(new IntervalHistory.Row(d.atTime(hour, 0), 20, 200));
            }
        }
        Forecast f = new SeasonalNaive().forecast(IntervalHistory.of(60, rows),
                ForecastCalendar.builder().zone(ZoneId.of("Australia/Lord_Howe")).build(), lordHoweSpring,
                lordHoweSpring);
        assertThat(f.intervalsOn(lordHoweSpring)).hasSize(24);
    }
}
