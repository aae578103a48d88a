package com.timebank.wfm.forecast.app;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.timebank.wfm.forecast.Backtest;

/**
 * A stored rolling-origin backtest: asked for by a planner ({@code REQUEST}) or run to pick a forecast's method
 * ({@code SELECTION}). {@code method} null means all methods. {@code createdAt} is UTC.
 */
public record StoredBacktest(long id, long centerId, String queue, String purpose, String method, int horizonDays,
        int originsRequested, boolean withIntervals, LocalDate asOf, LocalDate learnedUpTo, List<LocalDate> origins,
        List<Backtest.MethodResult> results, String createdBy, LocalDateTime createdAt) {

    public static final String REQUEST = "REQUEST";
    public static final String SELECTION = "SELECTION";

    public StoredBacktest {
        origins = List.copyOf(origins);
        results = List.copyOf(results);
    }

    /** The method with the lowest MASE (then wMAPE), as automatic selection ranks them. */
    public Optional<String> best() {
        return results.stream().filter(r -> !Double.isNaN(r.mase()) || !Double.isNaN(r.wmape()))
                .min(Comparator.comparingDouble((Backtest.MethodResult r) -> nanLast(r.mase()))
                        .thenComparingDouble(r -> nanLast(r.wmape())))
                .map(Backtest.MethodResult::method);
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }
}
