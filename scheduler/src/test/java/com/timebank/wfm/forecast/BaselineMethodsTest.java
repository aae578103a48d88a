package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seasonal naive and historical averages on a deterministic series whose answers are known exactly. */
class BaselineMethodsTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1); // a Monday
    private static final int WEEKS = 10;

    /** Weekdays only, 09:00-12:00 (30 min); value = 10 * week + slot + weekday, week 7's Tuesday is closed. */
    private static IntervalHistory history() {
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            for (int wd = 0; wd < 5; wd++) {
                if (week == 7 && wd == 1) {
                    continue;
                }
                LocalDate d = START.plusDays(7L * week + wd);
                for (int s = 18; s < 24; s++) {
                    rows.add(new IntervalHistory.Row(d.atStartOfDay().plusMinutes(30L * s), value(week, wd, s), 180));
                }
            }
        }
        return IntervalHistory.of(30, rows);
    }

    private static double value(int week, int weekday, int slot) {
        return 10 * week + slot + weekday + (week == 8 && weekday == 0 ? 100 : 0); // week 8's Monday spikes
    }

    private static final LocalDate NEXT_MONDAY = START.plusDays(7L * WEEKS);

    @Test
    void seasonalNaiveRepeatsLastWeekAndStepsBackOverAClosedDay() {
        IntervalHistory h = history();
        Forecast f = new SeasonalNaive().forecast(h, ForecastCalendar.none(), NEXT_MONDAY, NEXT_MONDAY.plusDays(13));

        assertThat(f.at(NEXT_MONDAY.atTime(9, 0)).orElseThrow().contacts()).isEqualTo(value(9, 0, 18));
        // The second week of the horizon repeats the last observed week too.
        assertThat(f.at(NEXT_MONDAY.plusDays(9).atTime(11, 30)).orElseThrow().contacts()).isEqualTo(value(9, 2, 23));
        // Week 9 Tuesday exists, so last Tuesday is used; and nothing outside 09:00-12:00 or at weekends.
        assertThat(f.intervals()).hasSize(10 * 6);
        assertThat(f.closedDays()).hasSize(4);
        assertThat(f.intervals()).allSatisfy(i -> {
            assertThat(i.start().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(i.start().getHour()).isBetween(9, 11);
        });
    }

    @Test
    void seasonalNaiveNeverLearnsZeroFromAClosedDay() {
        // Learn up to week 7 (whose Tuesday is closed): next Tuesday must come from week 6.
        IntervalHistory h = history().upTo(START.plusDays(7L * 7 + 4));
        LocalDate tuesday = START.plusDays(7L * 8 + 1);
        Forecast f = new SeasonalNaive().forecast(h, ForecastCalendar.none(), tuesday, tuesday);
        assertThat(f.at(tuesday.atTime(10, 0)).orElseThrow().contacts()).isEqualTo(value(6, 1, 20));
    }

    @Test
    void meanAveragesTheLastOpenOccurrences() {
        LocalDate tuesday = NEXT_MONDAY.plusDays(1);
        Forecast f = HistoricalAverage.mean(3).forecast(history(), ForecastCalendar.none(), tuesday, tuesday);
        // Tuesdays of weeks 9, 8, 6 (week 7's is closed and skipped, not a zero).
        double expected = (value(9, 1, 20) + value(8, 1, 20) + value(6, 1, 20)) / 3;
        assertThat(f.at(tuesday.atTime(10, 0)).orElseThrow().contacts()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void trimmedMeanDropsTheSpike() {
        Forecast f = HistoricalAverage.trimmedMean(5, 1).forecast(history(), ForecastCalendar.none(), NEXT_MONDAY, NEXT_MONDAY);
        // Mondays of weeks 5..9; week 8 spikes by 100 (dropped as the highest), week 5 is the lowest.
        double expected = (value(9, 0, 18) + value(7, 0, 18) + value(6, 0, 18)) / 3;
        assertThat(f.at(NEXT_MONDAY.atTime(9, 0)).orElseThrow().contacts()).isCloseTo(expected, within(1e-9));
        assertThat(f.intervals().get(0).contacts()).isEqualTo(expected);
    }

    @Test
    void weightedMeanFavoursRecentWeeks() {
        Forecast f = HistoricalAverage.weightedMean(3, 0.5).forecast(history(), ForecastCalendar.none(), NEXT_MONDAY, NEXT_MONDAY);
        double expected = (value(9, 0, 19) + 0.5 * value(8, 0, 19) + 0.25 * value(7, 0, 19)) / 1.75;
        assertThat(f.at(NEXT_MONDAY.atTime(9, 30)).orElseThrow().contacts()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void methodNamesAreDistinct() {
        assertThat(ForecastMethods.names()).containsExactly("seasonal-naive", "historical-mean",
                "historical-trimmed-mean", "historical-weighted-mean", "daily-volume-profile", "double-seasonal-hw");
    }
}
