package com.timebank.wfm.forecast.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.timebank.wfm.forecast.Forecast;
import com.timebank.wfm.forecast.IntervalForecast;

/** A forecast as stored: its run, its open intervals, and the backtest behind an automatic method choice. */
public record StoredForecast(ForecastRun run, List<IntervalForecast> intervals, Optional<StoredBacktest> selection) {

    public StoredForecast {
        intervals = List.copyOf(intervals);
    }

    /** Days of the period without any forecast interval: predicted closed. */
    public List<LocalDate> closedDays() {
        Set<LocalDate> open = intervals.stream().map(i -> i.start().toLocalDate()).collect(Collectors.toSet());
        List<LocalDate> closed = new ArrayList<>();
        for (LocalDate d = run.from(); !d.isAfter(run.to()); d = d.plusDays(1)) {
            if (!open.contains(d)) {
                closed.add(d);
            }
        }
        return closed;
    }

    /** The domain form, e.g. for the intraday reforecast. */
    public Forecast toForecast() {
        return new Forecast(run.method(), run.from(), run.to(), run.learnedUpTo(), run.intervalMinutes(), intervals,
                closedDays(), run.notes());
    }
}
