package com.timebank.wfm.forecast;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A planner's change to the intervals of a forecast in {@code [from, to)}: by {@code percent} (+10 = ten percent
 * more), or to a total of {@code contacts} over the range, spread in the forecast's own intraday shape (evenly when
 * the forecast had none). The prediction bounds move by the same factor; AHT is kept.
 */
public record ForecastAdjustment(LocalDateTime from, LocalDateTime to, BigDecimal percent, BigDecimal contacts) {

    /** The forecast's intervals with those in range changed; the others as they were. */
    public List<IntervalForecast> apply(List<IntervalForecast> intervals) {
        List<IntervalForecast> in = intervals.stream().filter(this::covers).toList();
        double total = in.stream().mapToDouble(IntervalForecast::contacts).sum();
        List<IntervalForecast> out = new ArrayList<>(intervals.size());
        for (IntervalForecast i : intervals) {
            if (!covers(i)) {
                out.add(i);
            } else if (percent != null) {
                out.add(i.scaled(1 + percent.doubleValue() / 100));
            } else if (total > 0) {
                out.add(i.scaled(contacts.doubleValue() / total));
            } else {
                double each = contacts.doubleValue() / in.size();
                out.add(new IntervalForecast(i.start(), each, i.ahtSeconds(), each, each, each, each));
            }
        }
        return out;
    }

    public boolean covers(IntervalForecast i) {
        return !i.start().isBefore(from) && i.start().isBefore(to);
    }
}
