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

    /** A center open around the clock, 30-minute intervals, ten weeks up to {@code last}. */
    private static IntervalHistory roundTheClock(LocalDate last) {
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (LocalDate d = last.minusWeeks(10).plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (int slot = 0; slot < 48; slot++) {
                LocalDateTime start = d.atStartOfDay().plusMinutes(30L * slot);
                rows.add(new IntervalHistory.Row(start, 10 + slot % 7 + d.getDayOfMonth() % 3, 240));
            }
        }
        return IntervalHistory.of(30, rows);
    }

    @Test
    void noMethodForecastsTheIntervalsTheClocksSkip() {
        IntervalHistory h = roundTheClock(SPRING.minusDays(7));
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
