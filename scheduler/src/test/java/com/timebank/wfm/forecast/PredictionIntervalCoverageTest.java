package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prediction intervals on simulated Poisson arrivals: learn from 20 weeks of history, forecast 4 weeks, and
 * count how often fresh Poisson draws of those 4 weeks (20 independent paths) fall inside the bounds.
 */
class PredictionIntervalCoverageTest {

    private static final int PATHS = 20;

    private static SyntheticCenter center(int intervalMinutes, double weekdayVolume, long seed) {
        SyntheticCenter.Builder b = SyntheticCenter.builder().intervalMinutes(intervalMinutes)
                .start(LocalDate.of(2024, 1, 1)).days(20 * 7).seed(seed);
        double[] v = {1.25, 1.05, 1.0, 0.95, 0.9};
        for (int i = 0; i < 5; i++) {
            b.day(DayOfWeek.of(i + 1), weekdayVolume * v[i], LocalTime.of(8, 0), LocalTime.of(18, 0));
        }
        return b.day(DayOfWeek.SATURDAY, weekdayVolume / 2, LocalTime.of(9, 0), LocalTime.of(14, 0)).build();
    }

    /** Fraction of (path, interval) pairs inside the 80% and the 95% bounds. */
    private static double[] coverage(SyntheticCenter center, ForecastMethod method) {
        LocalDate from = center.end().plusDays(1);
        LocalDate to = from.plusDays(27);
        Forecast f = method.forecast(center.history(), ForecastCalendar.none(), from, to);
        long n = 0;
        long in80 = 0;
        long in95 = 0;
        for (int path = 0; path < PATHS; path++) {
            Map<LocalDateTime, Double> actual = new HashMap<>();
            center.rows(from, to, 1000 + path).forEach(r -> actual.put(r.intervalStart(), r.contacts()));
            for (IntervalForecast i : f.intervals()) {
                double y = actual.getOrDefault(i.start(), 0.0);
                n++;
                in80 += y >= i.lower80() && y <= i.upper80() ? 1 : 0;
                in95 += y >= i.lower95() && y <= i.upper95() ? 1 : 0;
            }
        }
        return new double[] {(double) in80 / n, (double) in95 / n};
    }

    @Test
    void intervalsOfEveryMethodCoverTheirLevel() {
        for (long seed : new long[] {11, 12}) {
            SyntheticCenter center = center(30, 1000, seed); // 10 to 120 calls per half hour
            for (ForecastMethod m : ForecastMethods.standard()) {
                double[] c = coverage(center, m);
                assertThat(c[0]).as("80%% coverage of %s, seed %d", m.name(), seed).isBetween(0.75, 0.85);
                assertThat(c[1]).as("95%% coverage of %s, seed %d", m.name(), seed).isBetween(0.92, 0.98);
            }
        }
    }

    @Test
    void quietIntervalsAreCoveredToo() {
        // 15-minute intervals with 0.3 to 5 calls each: the continuity correction keeps zero inside the bounds.
        SyntheticCenter center = center(15, 80, 5);
        for (ForecastMethod m : new ForecastMethod[] {HistoricalAverage.mean(6), new DailyVolumeTimesProfile()}) {
            double[] c = coverage(center, m);
            assertThat(c[0]).as("80%% coverage of %s", m.name()).isBetween(0.75, 0.85);
            assertThat(c[1]).as("95%% coverage of %s", m.name()).isBetween(0.92, 0.98);
        }
    }

    @Test
    void boundsAreOrderedAndNeverNegative() {
        Forecast f = new DailyVolumeTimesProfile().forecast(center(30, 1000, 3).history(), ForecastCalendar.none(),
                LocalDate.of(2024, 5, 20), LocalDate.of(2024, 5, 26));
        assertThat(f.intervals()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.lower95()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(i.lower80());
            assertThat(i.lower80()).isLessThanOrEqualTo(i.contacts());
            assertThat(i.contacts()).isLessThanOrEqualTo(i.upper80());
            assertThat(i.upper80()).isLessThanOrEqualTo(i.upper95());
        });
        assertThat(f.notes()).anyMatch(n -> n.code().equals("forecast.note.intervals-calibrated"));
    }
}
