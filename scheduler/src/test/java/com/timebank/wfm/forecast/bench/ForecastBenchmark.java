package com.timebank.wfm.forecast.bench;

import com.timebank.wfm.forecast.Backtest;
import com.timebank.wfm.forecast.Forecast;
import com.timebank.wfm.forecast.ForecastCalendar;
import com.timebank.wfm.forecast.ForecastMethod;
import com.timebank.wfm.forecast.ForecastMethods;
import com.timebank.wfm.forecast.IntervalHistory;
import com.timebank.wfm.forecast.MethodSelection;
import com.timebank.wfm.forecast.Forecaster;
import com.timebank.wfm.forecast.SyntheticCenter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Speed benchmark (not a test): one year of 15-minute synthetic history; times fit + 6-week forecast of each
 * method (with prediction intervals) and a 20-origin backtest of all methods.
 *
 * <p>Run: {@code scripts/bench-forecast} (with the Erlang benchmark).
 */
public final class ForecastBenchmark {

    public static void main(String[] args) {
        LocalDate start = LocalDate.of(2024, 1, 1);
        SyntheticCenter.Builder b = SyntheticCenter.builder().intervalMinutes(15).start(start).days(365)
                .monthEnd(3.0).monthStart(1.5).trendPerDay(0.0003).dayNoise(0.06).seed(7);
        double[] weekday = {1.25, 1.05, 1.0, 0.95, 0.9};
        for (int i = 0; i < 5; i++) {
            b.day(DayOfWeek.of(i + 1), 2400 * weekday[i], LocalTime.of(8, 0), LocalTime.of(20, 0));
        }
        b.day(DayOfWeek.SATURDAY, 900, LocalTime.of(9, 0), LocalTime.of(15, 0));
        for (LocalDate h : List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1),
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 9), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 10, 3),
                LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 26), LocalDate.of(2025, 1, 1))) {
            b.holiday(h, 0);
        }
        SyntheticCenter center = b.build();
        long t0 = System.nanoTime();
        IntervalHistory history = center.history();
        ForecastCalendar calendar = center.calendar(3, 3);
        System.out.printf("history: %d days (%d open), %d-minute intervals, built in %.0f ms%n",
                history.dayCount(), history.openDayCount(), history.intervalMinutes(), ms(t0));

        LocalDate from = history.lastDate().plusDays(1);
        LocalDate to = from.plusDays(41);
        List<ForecastMethod> methods = ForecastMethods.standard();
        System.out.println();
        System.out.println("fit + forecast 6 weeks (with prediction intervals): first call (cold JVM) / median of 5 warm");
        double[] cold = new double[methods.size()];
        for (int m = 0; m < methods.size(); m++) {
            long t = System.nanoTime();
            methods.get(m).forecast(history, calendar, from, to);
            cold[m] = ms(t);
        }
        for (int m = 0; m < methods.size(); m++) {
            double[] warm = new double[5];
            Forecast f = null;
            for (int k = 0; k < warm.length; k++) {
                long t = System.nanoTime();
                f = methods.get(m).forecast(history, calendar, from, to);
                warm[k] = ms(t);
            }
            java.util.Arrays.sort(warm);
            System.out.printf("  %-26s %7.1f ms / %6.1f ms  (%d intervals)%n", methods.get(m).name(), cold[m], warm[2],
                    f.intervals().size());
        }

        System.out.println();
        long t = System.nanoTime();
        Backtest.Report report = Backtest.run(history, calendar, methods, Backtest.Options.of(20, 10));
        double backtestMs = ms(t);
        System.out.printf("backtest: %d origins x %d open days, all %d methods, with intervals: %.0f ms%n",
                report.origins().size(), report.horizonDays(), methods.size(), backtestMs);
        System.out.printf("  %-26s %8s %8s %7s %6s %6s %6s%n", "method", "MAE", "RMSE", "wMAPE", "MASE", "cov80", "cov95");
        for (Backtest.MethodResult r : report.results()) {
            System.out.printf("  %-26s %8.2f %8.2f %6.1f%% %6.3f %5.1f%% %5.1f%%%n", r.method(), r.mae(), r.rmse(),
                    100 * r.wmape(), r.mase(), 100 * r.coverage80(), 100 * r.coverage95());
        }

        System.out.println();
        t = System.nanoTime();
        MethodSelection.Choice choice = new Forecaster().select(history, calendar);
        System.out.printf("automatic selection (%d origins, point forecasts): %.0f ms%n  %s%n",
                choice.report().origins().size(), ms(t), choice.explanation());
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
