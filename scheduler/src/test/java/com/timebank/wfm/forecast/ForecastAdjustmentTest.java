package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A manual change touches only the intervals in its range and keeps the forecast's intraday shape. */
class ForecastAdjustmentTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static IntervalForecast at(int hour, double contacts) {
        return new IntervalForecast(DAY.atTime(hour, 0), contacts, 300, contacts * 0.8, contacts * 1.2,
                contacts * 0.6, contacts * 1.4);
    }

    private final List<IntervalForecast> forecast = List.of(at(8, 10), at(9, 30), at(10, 60), at(11, 20));

    @Test
    void aPercentageScalesTheRangeAndItsBoundsAndLeavesTheRestAlone() {
        var a = new ForecastAdjustment(DAY.atTime(9, 0), DAY.atTime(11, 0), new BigDecimal("10"), null);
        List<IntervalForecast> out = a.apply(forecast);
        assertThat(out.get(0)).isEqualTo(forecast.get(0));
        assertThat(out.get(1).contacts()).isCloseTo(33, within(1e-9));
        assertThat(out.get(2).contacts()).isCloseTo(66, within(1e-9));
        assertThat(out.get(2).upper95()).isCloseTo(60 * 1.4 * 1.1, within(1e-9));
        assertThat(out.get(2).ahtSeconds()).isEqualTo(300);
        assertThat(out.get(3)).isEqualTo(forecast.get(3));
    }

    @Test
    void aTotalIsSpreadInTheForecastsOwnShape() {
        var a = new ForecastAdjustment(DAY.atStartOfDay(), DAY.plusDays(1).atStartOfDay(), null, new BigDecimal("240"));
        List<IntervalForecast> out = a.apply(forecast);
        assertThat(out.stream().mapToDouble(IntervalForecast::contacts).sum()).isCloseTo(240, within(1e-9));
        assertThat(out.get(2).contacts() / out.get(0).contacts()).isCloseTo(6, within(1e-9));
    }

    @Test
    void aTotalOverAnEmptyRangeIsSpreadEvenly() {
        List<IntervalForecast> quiet = List.of(at(8, 0), at(9, 0));
        var a = new ForecastAdjustment(DAY.atTime(8, 0), DAY.atTime(10, 0), null, new BigDecimal("50"));
        assertThat(a.apply(quiet)).extracting(IntervalForecast::contacts).containsExactly(25.0, 25.0);
    }

    @Test
    void theRangeIncludesItsStartAndExcludesItsEnd() {
        var a = new ForecastAdjustment(DAY.atTime(9, 0), DAY.atTime(10, 0), new BigDecimal("-50"), null);
        assertThat(a.covers(at(9, 1))).isTrue();
        assertThat(a.covers(at(10, 1))).isFalse();
        assertThat(a.apply(forecast).get(1).contacts()).isCloseTo(15, within(1e-9));
        assertThat(LocalDateTime.of(DAY, java.time.LocalTime.NOON)).isAfter(a.to());
    }
}
