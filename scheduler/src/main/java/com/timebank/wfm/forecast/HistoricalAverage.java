package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Historical average of the same weekday and interval over the last {@code weeks} open occurrences of the
 * weekday (closed and planner-special days are skipped, never counted as zero). Three flavours:
 * <ul>
 *   <li>{@link #mean(int)} - plain mean, steadier than seasonal naive;</li>
 *   <li>{@link #trimmedMean(int, int)} - drops the highest and lowest values per interval, so an unflagged
 *       outage or month-end peak does not drag the forecast;</li>
 *   <li>{@link #weightedMean(int, double)} - geometric weights favouring recent weeks, to follow level shifts.</li>
 * </ul>
 */
public final class HistoricalAverage implements ForecastMethod {

    public enum Kind { MEAN, TRIMMED_MEAN, WEIGHTED_MEAN }

    private final Kind kind;
    private final int weeks;
    private final int trim;
    private final double decay;

    private HistoricalAverage(Kind kind, int weeks, int trim, double decay) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be >= 1: " + weeks);
        }
        this.kind = kind;
        this.weeks = weeks;
        this.trim = trim;
        this.decay = decay;
    }

    public static HistoricalAverage mean(int weeks) {
        return new HistoricalAverage(Kind.MEAN, weeks, 0, 1);
    }

    /** Mean after dropping the {@code trimEachSide} highest and lowest values of each interval. */
    public static HistoricalAverage trimmedMean(int weeks, int trimEachSide) {
        if (trimEachSide < 0 || 2 * trimEachSide >= weeks) {
            throw new IllegalArgumentException("trim must leave at least one value: weeks " + weeks + ", trim " + trimEachSide);
        }
        return new HistoricalAverage(Kind.TRIMMED_MEAN, weeks, trimEachSide, 1);
    }

    /** Weighted mean, the week {@code k} weeks back weighing {@code decay^k} (0 < decay <= 1). */
    public static HistoricalAverage weightedMean(int weeks, double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1]: " + decay);
        }
        return new HistoricalAverage(Kind.WEIGHTED_MEAN, weeks, 0, decay);
    }

    @Override
    public String name() {
        return switch (kind) {
            case MEAN -> "historical-mean";
            case TRIMMED_MEAN -> "historical-trimmed-mean";
            case WEIGHTED_MEAN -> "historical-weighted-mean";
        };
    }

    public Kind kind() {
        return kind;
    }

    public int weeks() {
        return weeks;
    }

    @Override
    public double[][] predictContacts(IntervalHistory history, ForecastCalendar calendar, List<LocalDate> days) {
        double[][] byWeekday = new double[7][];
        double[][] out = new double[days.size()][];
        for (int i = 0; i < days.size(); i++) {
            int w = IntervalHistory.weekdayIndex(days.get(i));
            if (byWeekday[w] == null) {
                byWeekday[w] = average(history, calendar, w);
            }
            out[i] = byWeekday[w].clone();
        }
        return out;
    }

    private double[] average(IntervalHistory h, ForecastCalendar calendar, int weekday) {
        int slots = h.slotsPerDay();
        int[] src = new int[weeks];
        int n = 0;
        for (int i = h.dayCount() - 1; i >= 0 && n < weeks; i--) {
            if (h.weekdayIndex(i) == weekday && DayOutlook.learnable(h, calendar, i)) {
                src[n++] = i; // most recent first
            }
        }
        double[] result = new double[slots];
        if (n == 0) {
            return result;
        }
        boolean[] mask = h.openSlotMask(weekday);
        double[] values = new double[n];
        int t = Math.min(trim, (n - 1) / 2);
        for (int s = 0; s < slots; s++) {
            if (!mask[s]) {
                continue;
            }
            switch (kind) {
                case MEAN -> {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        sum += h.contacts(src[k], s);
                    }
                    result[s] = sum / n;
                }
                case TRIMMED_MEAN -> {
                    for (int k = 0; k < n; k++) {
                        values[k] = h.contacts(src[k], s);
                    }
                    Arrays.sort(values, 0, n);
                    double sum = 0;
                    for (int k = t; k < n - t; k++) {
                        sum += values[k];
                    }
                    result[s] = sum / (n - 2 * t);
                }
                case WEIGHTED_MEAN -> {
                    double sum = 0;
                    double wsum = 0;
                    double wt = 1;
                    for (int k = 0; k < n; k++) {
                        sum += wt * h.contacts(src[k], s);
                        wsum += wt;
                        wt *= decay;
                    }
                    result[s] = sum / wsum;
                }
            }
        }
        return result;
    }
}
