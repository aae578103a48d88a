package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rolling-origin backtest: for each origin (an open day), learn from history up to it and forecast the next
 * {@code horizonDays} open days; compare with what happened.
 *
 * <p>Counted: every interval of a day that actually was open, where either a forecast exists or contacts
 * arrived (an interval the method thought closed but had contacts is a miss, not ignored). Days forecast
 * open that turned out closed are skipped - their "actual" is not zero.
 * MASE divides each error by the in-sample MAE of the one-week seasonal naive of that origin's history.
 */
public final class Backtest {

    /** Minimum open days of learning before the first origin. */
    static final int MIN_TRAIN_OPEN_DAYS = 28;

    /**
     * @param origins        number of origins (the latest ones that leave a full horizon of actuals)
     * @param horizonDays    open days forecast from each origin
     * @param stepOpenDays   open days between consecutive origins
     * @param withIntervals  also compute prediction intervals and report their coverage (doubles the cost)
     */
    public record Options(int origins, int horizonDays, int stepOpenDays, boolean withIntervals) {
        public Options {
            if (origins < 1 || horizonDays < 1 || stepOpenDays < 1) {
                throw new IllegalArgumentException("origins, horizonDays and stepOpenDays must be >= 1");
            }
            if (horizonDays > 30) {
                throw new IllegalArgumentException("horizonDays is at most 30 open days (6 weeks): " + horizonDays);
            }
        }

        /** Origins a week of open days apart (consecutive days for short horizons), with intervals. */
        public static Options of(int origins, int horizonDays) {
            return new Options(origins, horizonDays, Math.min(horizonDays, 5), true);
        }
    }

    /** Errors of one method over all origins. Coverage is NaN when intervals were not computed. */
    public record MethodResult(String method, double mae, double rmse, double wmape, double mase,
                               int origins, long intervals, double coverage80, double coverage95) {
    }

    public record Report(int horizonDays, List<LocalDate> origins, List<MethodResult> results) {
        public Report {
            origins = List.copyOf(origins);
            results = List.copyOf(results);
        }

        public Optional<MethodResult> result(String method) {
            return results.stream().filter(r -> r.method().equals(method)).findFirst();
        }
    }

    private Backtest() {
    }

    public static Report run(IntervalHistory history, ForecastCalendar calendar, List<ForecastMethod> methods,
                             Options options) {
        List<Integer> openDays = new ArrayList<>();
        for (int i = 0; i < history.dayCount(); i++) {
            if (history.isOpen(i)) {
                openDays.add(i);
            }
        }
        List<Integer> originPositions = new ArrayList<>();
        for (int p = openDays.size() - 1 - options.horizonDays(), k = 0;
             k < options.origins() && p >= MIN_TRAIN_OPEN_DAYS - 1; p -= options.stepOpenDays(), k++) {
            originPositions.add(0, p);
        }
        Accumulator[] acc = new Accumulator[methods.size()];
        for (int m = 0; m < acc.length; m++) {
            acc[m] = new Accumulator();
        }
        List<LocalDate> origins = new ArrayList<>();
        int slots = history.slotsPerDay();
        for (int p : originPositions) {
            LocalDate origin = history.date(openDays.get(p));
            LocalDate to = history.date(openDays.get(p + options.horizonDays()));
            origins.add(origin);
            IntervalHistory train = history.upTo(origin);
            double scale = SeasonalNaive.inSampleMae(train, calendar);
            for (int m = 0; m < methods.size(); m++) {
                Forecast f = ForecastAssembler.build(methods.get(m), train, calendar, origin.plusDays(1), to,
                        options.withIntervals());
                IntervalForecast[][] grid = grid(f, origin.plusDays(1), to, slots);
                for (int d = 0; d < grid.length; d++) {
                    int hi = history.dayIndex(origin.plusDays(1 + d));
                    if (!history.isOpen(hi)) {
                        continue;
                    }
                    for (int s = 0; s < slots; s++) {
                        IntervalForecast fc = grid[d][s];
                        double actual = history.contacts(hi, s);
                        if (fc == null && actual == 0) {
                            continue;
                        }
                        acc[m].add(actual, fc, scale);
                    }
                }
                acc[m].origins++;
            }
        }
        List<MethodResult> results = new ArrayList<>();
        for (int m = 0; m < methods.size(); m++) {
            results.add(acc[m].result(methods.get(m).name(), options.withIntervals()));
        }
        return new Report(options.horizonDays(), origins, results);
    }

    private static IntervalForecast[][] grid(Forecast f, LocalDate from, LocalDate to, int slots) {
        int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        IntervalForecast[][] g = new IntervalForecast[days][slots];
        int minutes = f.intervalMinutes();
        for (IntervalForecast i : f.intervals()) {
            LocalDateTime t = i.start();
            int d = (int) (t.toLocalDate().toEpochDay() - from.toEpochDay());
            g[d][(t.getHour() * 60 + t.getMinute()) / minutes] = i;
        }
        return g;
    }

    private static final class Accumulator {
        double abs;
        double sq;
        double actualSum;
        double scaled;
        boolean scaleMissing;
        long n;
        long in80;
        long in95;
        int origins;

        void add(double actual, IntervalForecast fc, double scale) {
            double predicted = fc == null ? 0 : fc.contacts();
            double e = Math.abs(actual - predicted);
            abs += e;
            sq += e * e;
            actualSum += actual;
            if (scale > 0) {
                scaled += e / scale;
            } else {
                scaleMissing = true;
            }
            n++;
            if (fc != null && actual >= fc.lower80() && actual <= fc.upper80()) {
                in80++;
            }
            if (fc != null && actual >= fc.lower95() && actual <= fc.upper95()) {
                in95++;
            }
        }

        MethodResult result(String method, boolean withIntervals) {
            if (n == 0) {
                return new MethodResult(method, Double.NaN, Double.NaN, Double.NaN, Double.NaN, origins, 0,
                        Double.NaN, Double.NaN);
            }
            return new MethodResult(method, abs / n, Math.sqrt(sq / n),
                    actualSum > 0 ? abs / actualSum : Double.NaN,
                    scaleMissing ? Double.NaN : scaled / n, origins, n,
                    withIntervals ? (double) in80 / n : Double.NaN,
                    withIntervals ? (double) in95 / n : Double.NaN);
        }
    }
}
