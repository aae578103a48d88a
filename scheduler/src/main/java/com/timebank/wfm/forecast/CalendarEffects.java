package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Day-level calendar multipliers learned from history: each busy-day position of the month
 * ({@code month-start-1..N}, {@code month-end-1..M}), {@code holiday} (when open), {@code holiday-eve}
 * and {@code after-holiday}.
 *
 * <p>Each past open day's volume is compared with a baseline: the median of the same weekday within
 * three weeks either side, using only ordinary days. A multiplier is the geometric mean of those ratios
 * over the effect's occurrences, shrunk towards 1 by how noisy ordinary days are (empirical Bayes), so
 * one odd day does not become a rule while a steady 3x month-end is taken at face value. Effects that
 * overlap on a day multiply.
 */
public final class CalendarEffects {

    public static final String HOLIDAY = "holiday";
    public static final String HOLIDAY_EVE = "holiday-eve";
    public static final String AFTER_HOLIDAY = "after-holiday";
    /** Prior spread of log effects: calendar effects can be large (3x is log 1.1). */
    private static final double PRIOR_LOG_VARIANCE = 0.5 * 0.5;
    private static final int BASELINE_WEEKS = 3;

    private final IntervalHistory history;
    private final ForecastCalendar calendar;
    private final DayOutlook outlook;
    private final Map<String, Double> multipliers;
    private final boolean[] ordinary;

    private CalendarEffects(IntervalHistory history, ForecastCalendar calendar, DayOutlook outlook) {
        this.history = history;
        this.calendar = calendar;
        this.outlook = outlook;
        int n = history.dayCount();
        this.ordinary = new boolean[n];
        List<List<String>> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> k = DayOutlook.learnable(history, calendar, i) ? effectsOn(history.date(i)) : List.of();
            keys.add(k);
            ordinary[i] = DayOutlook.learnable(history, calendar, i) && k.isEmpty();
        }
        double[] logRatio = new double[n];
        Arrays.fill(logRatio, Double.NaN);
        double noiseSum = 0;
        int noiseCount = 0;
        for (int i = 0; i < n; i++) {
            if (!DayOutlook.learnable(history, calendar, i)) {
                continue;
            }
            double base = baseline(i);
            if (!(base > 0)) {
                continue;
            }
            logRatio[i] = Math.log(Math.max(history.dayTotal(i), 0.5) / base);
            if (ordinary[i]) {
                noiseSum += logRatio[i] * logRatio[i];
                noiseCount++;
            }
        }
        double noise = noiseCount > 1 ? Math.max(noiseSum / noiseCount, 1e-4) : 0.05;

        Map<String, Double> est = new LinkedHashMap<>();
        // Pass 1: days with exactly one effect; pass 2: every affected day, net of the other effects.
        for (int pass = 1; pass <= 2; pass++) {
            Map<String, double[]> acc = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                List<String> k = keys.get(i);
                if (k.isEmpty() || Double.isNaN(logRatio[i]) || (pass == 1 && k.size() != 1)) {
                    continue;
                }
                for (String key : k) {
                    double others = 0;
                    for (String o : k) {
                        if (!o.equals(key)) {
                            others += est.getOrDefault(o, 0.0);
                        }
                    }
                    double[] a = acc.computeIfAbsent(key, x -> new double[2]);
                    a[0] += logRatio[i] - others;
                    a[1]++;
                }
            }
            for (Map.Entry<String, double[]> e : acc.entrySet()) {
                double sum = e.getValue()[0];
                double count = e.getValue()[1];
                est.put(e.getKey(), sum * PRIOR_LOG_VARIANCE / (count * PRIOR_LOG_VARIANCE + noise));
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        est.forEach((k, v) -> m.put(k, Math.exp(v)));
        this.multipliers = Collections.unmodifiableMap(m);
    }

    /** Learns the effects from {@code history} (only its learnable open days). */
    public static CalendarEffects estimate(IntervalHistory history, ForecastCalendar calendar) {
        return new CalendarEffects(history, calendar, DayOutlook.of(history, calendar));
    }

    /** Learned multipliers by effect name. */
    public Map<String, Double> multipliers() {
        return multipliers;
    }

    public double multiplier(String effect) {
        return multipliers.getOrDefault(effect, 1.0);
    }

    /** Product of the learned multipliers of the effects on a date (1 for an ordinary day). */
    public double multiplier(LocalDate date) {
        double m = 1;
        for (String k : effectsOn(date)) {
            m *= multipliers.getOrDefault(k, 1.0);
        }
        return m;
    }

    /** The calendar effects that apply to a date (past or future); none on a closed day. */
    public List<String> effectsOn(LocalDate date) {
        if (!outlook.isOpen(date)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(2);
        if (calendar.isHoliday(date)) {
            keys.add(HOLIDAY);
        } else {
            // Eve: the next day that is open or a holiday is a holiday (skipping a closed weekend).
            for (int k = 1; k <= 3; k++) {
                LocalDate e = date.plusDays(k);
                if (calendar.isHoliday(e)) {
                    keys.add(HOLIDAY_EVE);
                    break;
                }
                if (outlook.isOpen(e)) {
                    break;
                }
            }
            for (int k = 1; k <= 4; k++) {
                LocalDate e = date.minusDays(k);
                if (calendar.isHoliday(e)) {
                    keys.add(AFTER_HOLIDAY);
                    break;
                }
                if (outlook.isOpen(e)) {
                    break;
                }
            }
        }
        if (calendar.busyFirstDays() > 0) {
            int pos = 0;
            for (LocalDate d = date.withDayOfMonth(1); !d.isAfter(date) && pos <= calendar.busyFirstDays(); d = d.plusDays(1)) {
                if (outlook.isOpen(d)) {
                    pos++;
                }
            }
            if (pos <= calendar.busyFirstDays()) {
                keys.add("month-start-" + pos);
            }
        }
        if (calendar.busyLastDays() > 0) {
            int pos = 0;
            LocalDate end = date.withDayOfMonth(date.lengthOfMonth());
            for (LocalDate d = end; !d.isBefore(date) && pos <= calendar.busyLastDays(); d = d.minusDays(1)) {
                if (outlook.isOpen(d)) {
                    pos++;
                }
            }
            if (pos <= calendar.busyLastDays()) {
                keys.add("month-end-" + pos);
            }
        }
        return keys;
    }

    /**
     * What a day of history would have seen without effects: the median volume of ordinary days of the
     * same weekday within three weeks either side; NaN when fewer than two exist.
     */
    double baseline(int day) {
        double[] v = new double[2 * BASELINE_WEEKS];
        int c = 0;
        for (int k = -BASELINE_WEEKS; k <= BASELINE_WEEKS; k++) {
            int j = day + 7 * k;
            if (k != 0 && j >= 0 && j < history.dayCount() && ordinary[j]) {
                v[c++] = history.dayTotal(j);
            }
        }
        if (c < 2) {
            return Double.NaN;
        }
        Arrays.sort(v, 0, c);
        return c % 2 == 1 ? v[c / 2] : 0.5 * (v[c / 2 - 1] + v[c / 2]);
    }

    boolean isOrdinary(int day) {
        return ordinary[day];
    }
}
