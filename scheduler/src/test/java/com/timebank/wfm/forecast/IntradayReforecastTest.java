package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntradayReforecastTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 3);

    /** Ten half-hour intervals from 08:00, 20 contacts each. */
    private static Forecast forecast() {
        List<IntervalForecast> intervals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            intervals.add(new IntervalForecast(TODAY.atTime(8, 0).plusMinutes(30L * i), 20, 240, 15, 25, 12, 28));
        }
        return new Forecast("test", TODAY, TODAY, TODAY.minusDays(1), 30, intervals, List.of(), List.of());
    }

    private static Map<LocalDateTime, Double> actuals(int intervals, double each) {
        Map<LocalDateTime, Double> a = new HashMap<>();
        for (int i = 0; i < intervals; i++) {
            a.put(TODAY.atTime(8, 0).plusMinutes(30L * i), each);
        }
        return a;
    }

    @Test
    void undampedRatioRescalesTheRestExactly() {
        IntradayReforecast.Result r = new IntradayReforecast(1, 0, 1)
                .reforecast(forecast(), actuals(4, 26), TODAY.atTime(10, 10));
        assertThat(r.ratio()).isCloseTo(1.3, within(1e-9));
        // 10:00 is in progress: part of the rest, not of the evidence.
        assertThat(r.rest()).hasSize(6);
        assertThat(r.rest().get(0).start()).isEqualTo(TODAY.atTime(10, 0));
        assertThat(r.rest()).allSatisfy(i -> {
            assertThat(i.contacts()).isCloseTo(26, within(1e-9));
            assertThat(i.upper80()).isCloseTo(32.5, within(1e-9));
            assertThat(i.ahtSeconds()).isEqualTo(240);
        });
    }

    @Test
    void dampingShrinksTheCorrectionAndFadesItLater() {
        IntradayReforecast.Result r = new IntradayReforecast().reforecast(forecast(), actuals(4, 26), TODAY.atTime(10, 0));
        assertThat(r.weight()).isCloseTo(0.8 * 80 / (80 + 50), within(1e-9));
        double first = r.rest().get(0).contacts();
        double last = r.rest().get(5).contacts();
        assertThat(first).isGreaterThan(20).isLessThan(26);
        assertThat(last).isGreaterThan(20).isLessThan(first);
    }

    @Test
    void withoutActualsNothingChanges() {
        IntradayReforecast.Result r = new IntradayReforecast().reforecast(forecast(), Map.of(), TODAY.atTime(9, 0));
        assertThat(r.ratio()).isEqualTo(1);
        assertThat(r.rest()).hasSize(8).allSatisfy(i -> assertThat(i.contacts()).isEqualTo(20));
    }

    @Test
    void aQuietDayLowersTheRest() {
        IntradayReforecast.Result r = new IntradayReforecast().reforecast(forecast(), actuals(6, 10), TODAY.atTime(11, 0));
        assertThat(r.ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(r.rest()).hasSize(4).allSatisfy(i -> assertThat(i.contacts()).isLessThan(20).isGreaterThan(10));
    }
}
