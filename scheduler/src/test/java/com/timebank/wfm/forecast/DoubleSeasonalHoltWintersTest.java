package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DoubleSeasonalHoltWintersTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void reproducesTheWeekdayTimesIntradayPattern() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(20 * 7)
                .day(DayOfWeek.SATURDAY, 500, LocalTime.of(9, 0), LocalTime.of(14, 0)).build();
        LocalDate from = center.end().plusDays(1);
        Forecast f = new DoubleSeasonalHoltWinters().forecast(center.history(), ForecastCalendar.none(), from, from.plusDays(13));

        double absError = 0;
        double truthSum = 0;
        for (IntervalForecast i : f.intervals()) {
            LocalDate d = i.start().toLocalDate();
            double truth = center.expected(d, i.start().getHour() * 2 + i.start().getMinute() / 30);
            absError += Math.abs(i.contacts() - truth);
            truthSum += truth;
        }
        // Poisson noise in the learning data alone makes a few percent unavoidable.
        assertThat(absError / truthSum).isLessThan(0.06);
        for (int k = 0; k < 6; k++) {
            LocalDate d = from.plusDays(k);
            assertThat(f.dayTotal(d)).as(d.getDayOfWeek().toString()).isCloseTo(center.expectedDayTotal(d), withPercentage(4));
        }
        assertThat(f.closedDays()).containsExactly(from.plusDays(6), from.plusDays(13));
    }

    @Test
    void carriesTheLearnedMonthEndPeak() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(364).monthEnd(3.0).build();
        LocalDate monthEnd = LocalDate.of(2025, 1, 31);
        Forecast f = new DoubleSeasonalHoltWinters().forecast(center.history(), center.calendar(3, 3),
                center.end().plusDays(1), monthEnd);
        assertThat(f.dayTotal(monthEnd)).isCloseTo(center.expectedDayTotal(monthEnd), withPercentage(8));
        LocalDate ordinary = LocalDate.of(2025, 1, 15);
        assertThat(f.dayTotal(ordinary)).isCloseTo(center.expectedDayTotal(ordinary), withPercentage(5));
    }
}
