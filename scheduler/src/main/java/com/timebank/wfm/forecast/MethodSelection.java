package com.timebank.wfm.forecast;

import java.util.Comparator;
import java.util.List;

/**
 * Automatic method choice: the method with the lowest rolling-origin backtest MASE (ties, and a MASE that
 * cannot be computed, fall back to wMAPE, then to list order - simpler methods first).
 */
public final class MethodSelection {

    /** The chosen method, the backtest behind the choice, and a note saying why. */
    public record Choice(ForecastMethod method, Backtest.Report report, Note explanation) {
        public String methodName() {
            return method.name();
        }
    }

    private MethodSelection() {
    }

    public static Choice select(IntervalHistory history, ForecastCalendar calendar, List<ForecastMethod> methods,
                                Backtest.Options options) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods to choose from");
        }
        Backtest.Report report = Backtest.run(history, calendar, methods, options);
        if (report.origins().isEmpty()) {
            return new Choice(methods.get(0), report, Note.of("forecast.note.history-too-short",
                    history.openDayCount(), Backtest.MIN_TRAIN_OPEN_DAYS + options.horizonDays(), methods.get(0).name()));
        }
        Comparator<Backtest.MethodResult> byError = Comparator
                .comparingDouble((Backtest.MethodResult r) -> Double.isNaN(r.mase()) ? Double.MAX_VALUE : r.mase())
                .thenComparingDouble(r -> Double.isNaN(r.wmape()) ? Double.MAX_VALUE : r.wmape());
        int best = 0;
        for (int i = 1; i < methods.size(); i++) {
            if (byError.compare(report.results().get(i), report.results().get(best)) < 0) {
                best = i;
            }
        }
        Backtest.MethodResult b = report.results().get(best);
        // the others' scores are one text argument: names and numbers read the same in every language
        StringBuilder others = new StringBuilder();
        for (Backtest.MethodResult r : report.results()) {
            if (r != b) {
                others.append(others.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.3f",
                        r.method(), r.mase()));
            }
        }
        return new Choice(methods.get(best), report, Note.of("forecast.note.auto-picked", b.method(),
                finite(b.mase()), finite(b.wmape()), report.origins().size(), report.horizonDays(), others.toString()));
    }

    /** NaN cannot be stored as a number; a score that cannot be computed is shown as 0. */
    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
