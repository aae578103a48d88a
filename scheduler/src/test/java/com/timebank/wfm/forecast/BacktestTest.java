package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    /** Daily intervals (one slot a day), 7 days a week; even weeks 10 contacts a day, odd weeks 12. */
    private static IntervalHistory alternatingWeeks(int weeks, LocalDate closedDay) {
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (int d = 0; d < 7 * weeks; d++) {
            LocalDate date = START.plusDays(d);
            if (!date.equals(closedDay)) {
                rows.add(new IntervalHistory.Row(date.atStartOfDay(), (d / 7) % 2 == 0 ? 10 : 12, 100));
            }
        }
        return IntervalHistory.of(1440, rows);
    }

    @Test
    void metricsOfSeasonalNaiveAreExact() {
        // Every forecast is last week's value: always off by 2, and so is the in-sample naive: MASE = 1.
        IntervalHistory h = alternatingWeeks(10, null);
        Backtest.Report r = Backtest.run(h, ForecastCalendar.none(), List.of(new SeasonalNaive()),
                new Backtest.Options(5, 3, 2, true));
        Backtest.MethodResult naive = r.results().get(0);

        assertThat(r.origins()).hasSize(5).isSorted();
        assertThat(r.origins().get(4)).isEqualTo(h.lastDate().minusDays(3));
        assertThat(naive.intervals()).isEqualTo(15);
        assertThat(naive.mae()).isCloseTo(2, within(1e-9));
        assertThat(naive.rmse()).isCloseTo(2, within(1e-9));
        assertThat(naive.mase()).isCloseTo(1, within(1e-9));
        double actualSum = 0;
        for (LocalDate o : r.origins()) {
            for (int k = 1; k <= 3; k++) {
                actualSum += h.dayTotal(h.dayIndex(o.plusDays(k)));
            }
        }
        assertThat(naive.wmape()).isCloseTo(30 / actualSum, within(1e-9));
    }

    @Test
    void closedDaysInTheHorizonAreNotCountedAsZero() {
        LocalDate closed = START.plusDays(7 * 9 + 3);
        IntervalHistory h = alternatingWeeks(10, closed);
        Backtest.Report r = Backtest.run(h, ForecastCalendar.none(), List.of(HistoricalAverage.mean(2)),
                new Backtest.Options(1, 6, 1, false));
        // Six open days after the origin, skipping the closed one: 7 calendar days, 6 compared intervals.
        assertThat(r.origins().get(0)).isEqualTo(h.lastDate().minusDays(7));
        assertThat(r.results().get(0).intervals()).isEqualTo(6);
        assertThat(r.results().get(0).mae()).isCloseTo(1, within(1e-9)); // mean of 10 and 12 vs 10 or 12
    }

    @Test
    void selectionPicksTheLowestMaseAndSaysSo() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(30 * 7).monthEnd(3).build();
        List<ForecastMethod> methods = List.of(new SeasonalNaive(), HistoricalAverage.mean(6), new DailyVolumeTimesProfile());
        MethodSelection.Choice choice = MethodSelection.select(center.history(), center.calendar(3, 3), methods,
                new Backtest.Options(10, 10, 5, false));

        double best = choice.report().results().stream().mapToDouble(Backtest.MethodResult::mase).min().orElseThrow();
        assertThat(choice.report().result(choice.methodName()).orElseThrow().mase()).isEqualTo(best);
        // Only the model with calendar effects foresees month-end peaks.
        assertThat(choice.methodName()).isEqualTo(DailyVolumeTimesProfile.NAME);
        assertThat(choice.explanation().code()).isEqualTo("forecast.note.auto-picked");
        assertThat(choice.explanation().args().get(0)).isEqualTo("daily-volume-profile");
        assertThat((String) choice.explanation().args().get(5)).contains("seasonal-naive");
        Backtest.MethodResult naive = choice.report().result(SeasonalNaive.NAME).orElseThrow();
        assertThat(best).isLessThan(0.8 * naive.mase());
        assertThat(naive.rmse()).isGreaterThanOrEqualTo(naive.mae());
    }

    @Test
    void tooShortHistoryFallsBackToTheFirstMethod() {
        SyntheticCenter center = SyntheticCenter.weekdayCenter().start(START).days(4 * 7).build();
        MethodSelection.Choice choice = MethodSelection.select(center.history(), ForecastCalendar.none(),
                List.of(HistoricalAverage.mean(4), new SeasonalNaive()), new Backtest.Options(5, 5, 5, false));
        assertThat(choice.methodName()).isEqualTo("historical-mean");
        assertThat(choice.explanation().code()).isEqualTo("forecast.note.history-too-short");
        assertThat(choice.explanation().args()).endsWith("historical-mean");
    }
}
