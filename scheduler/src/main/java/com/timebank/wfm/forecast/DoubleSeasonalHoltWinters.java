package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * Double-seasonal Holt-Winters after Taylor (2003, 2008): a level times an intraday cycle times a weekly
 * cycle, smoothed interval by interval, run over the open intervals of open days only.
 *
 * <pre>
 *   l_t        = l + a_t * (y_t / (D[s] W[w][s]) - l)
 *   D[s]       = delta * y_t / (l_t W[w][s]) + (1 - delta) * D[s]       (intraday cycle, period one day)
 *   W[w][s]    = omega * y_t / (l_t D[s])    + (1 - omega) * W[w][s]    (weekly cycle, period one week)
 *   forecast   = l * D[s] * W[w][s] * calendar multiplier of the day
 * </pre>
 * Adaptations to contact-center data, each for a reason:
 * <ul>
 *   <li>Closed days and closed intervals are skipped rather than fed as zeros, and the cycles are indexed by
 *       slot and weekday, so "one day / one week earlier" means the previous open occurrence.</li>
 *   <li>The level gain {@code a_t = alpha * D[s] W[w][s]} grows with the interval's expected share: a quiet
 *       07:00 interval with three calls carries far more relative Poisson noise than the noon peak.</li>
 *   <li>Calendar effects ({@link CalendarEffects}) are divided out before smoothing and multiplied back into the
 *       forecast, so month-end peaks neither lift the level nor distort the cycles.</li>
 *   <li>Taylor's AR(1) residual adjustment is left out: forecasts here always start at a day boundary, where
 *       its effect has died out; same-day corrections are {@link IntradayReforecast}'s job.</li>
 *   <li>Parameters are chosen by grid search on day-ahead errors (level frozen at the start of each day),
 *       closer to a planning horizon than one-interval-ahead errors.</li>
 * </ul>
 */
public final class DoubleSeasonalHoltWinters implements ForecastMethod {

    public static final String NAME = "double-seasonal-hw";

    private static final double[] ALPHAS = {0.005, 0.015, 0.04, 0.1};
    private static final double[] DELTAS = {0.01, 0.04, 0.12, 0.3};
    private static final double[] OMEGAS = {0.02, 0.06, 0.15, 0.35};
    private static final int WARM_UP_DAYS = 21;
    private static final double FLOOR = 1e-3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] predictContacts(IntervalHistory history, ForecastCalendar calendar, List<LocalDate> days) {
        return fit(history, calendar).predict(days);
    }

    public Model fit(IntervalHistory h, ForecastCalendar calendar) {
        CalendarEffects effects = CalendarEffects.estimate(h, calendar);
        Data data = new Data(h, calendar, effects);
        if (data.days == 0) {
            throw NothingToLearn.noLearnableDay();
        }
        double[] best = {0.015, 0.04, 0.06};
        double bestScore = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double d : DELTAS) {
                for (double o : OMEGAS) {
                    double score = data.run(a, d, o, null);
                    if (score < bestScore) {
                        bestScore = score;
                        best = new double[] {a, d, o};
                    }
                }
            }
        }
        State state = new State(h.slotsPerDay());
        data.run(best[0], best[1], best[2], state);
        return new Model(h, effects, state, best);
    }

    /** Observations flattened for fast repeated smoothing passes. */
    private static final class Data {
        final int slots;
        final int days;
        final int[] dayWeekday;
        final int[] dayStart;     // index into obsSlot/obsValue of each day's first observation
        final double[] dayMultiplier;
        final int[] obsSlot;
        final double[] obsValue;  // calendar-adjusted contacts
        final boolean[][] openMask;
        final boolean[] anyOpen;
        final int warmUpEndDay;
        final double initLevel;
        final double[][] initWeekly;

        Data(IntervalHistory h, ForecastCalendar calendar, CalendarEffects effects) {
            slots = h.slotsPerDay();
            openMask = new boolean[7][];
            anyOpen = new boolean[slots];
            int obsCount = 0;
            int dayCount = 0;
            for (int w = 0; w < 7; w++) {
                openMask[w] = h.openSlotMask(w);
                for (int s = 0; s < slots; s++) {
                    anyOpen[s] |= openMask[w][s];
                }
            }
            int[] openCount = new int[7];
            for (int w = 0; w < 7; w++) {
                for (boolean b : openMask[w]) {
                    openCount[w] += b ? 1 : 0;
                }
            }
            for (int i = 0; i < h.dayCount(); i++) {
                if (DayOutlook.learnable(h, calendar, i)) {
                    dayCount++;
                    obsCount += openCount[h.weekdayIndex(i)];
                }
            }
            days = dayCount;
            dayWeekday = new int[dayCount + 1];
            dayStart = new int[dayCount + 1];
            dayMultiplier = new double[dayCount];
            obsSlot = new int[obsCount];
            obsValue = new double[obsCount];
            int d = 0;
            int o = 0;
            int warmUp = -1;
            long firstEpoch = Long.MIN_VALUE;
            double[][] firstSum = new double[7][slots];
            int[] firstSeen = new int[7];
            for (int i = 0; i < h.dayCount(); i++) {
                if (!DayOutlook.learnable(h, calendar, i)) {
                    continue;
                }
                int w = h.weekdayIndex(i);
                long epoch = h.firstEpochDay() + i;
                if (firstEpoch == Long.MIN_VALUE) {
                    firstEpoch = epoch;
                }
                if (warmUp < 0 && epoch - firstEpoch >= WARM_UP_DAYS) {
                    warmUp = d;
                }
                double m = effects.multiplier(h.date(i));
                dayWeekday[d] = w;
                dayStart[d] = o;
                dayMultiplier[d] = m;
                boolean init = firstSeen[w] < 2;
                if (init) {
                    firstSeen[w]++;
                }
                for (int s = 0; s < slots; s++) {
                    if (openMask[w][s]) {
                        obsSlot[o] = s;
                        obsValue[o] = h.contacts(i, s) / m;
                        if (init) {
                            firstSum[w][s] += obsValue[o];
                        }
                        o++;
                    }
                }
                d++;
            }
            dayStart[days] = o;
            warmUpEndDay = warmUp < 0 ? days : warmUp;
            // Initial cycles from the first two occurrences of each weekday; the level is their mean.
            double sum = 0;
            int count = 0;
            initWeekly = new double[7][slots];
            for (int w = 0; w < 7; w++) {
                for (int s = 0; s < slots; s++) {
                    if (openMask[w][s] && firstSeen[w] > 0) {
                        initWeekly[w][s] = firstSum[w][s] / firstSeen[w];
                        sum += initWeekly[w][s];
                        count++;
                    }
                }
            }
            initLevel = count > 0 && sum > 0 ? sum / count : 1;
            for (int w = 0; w < 7; w++) {
                for (int s = 0; s < slots; s++) {
                    initWeekly[w][s] = Math.max(initWeekly[w][s] / initLevel, FLOOR);
                }
            }
        }

        /** One smoothing pass; returns the day-ahead mean squared error after warm-up (original units). */
        double run(double alpha, double delta, double omega, State out) {
            double level = initLevel;
            double[] daily = new double[slots];
            java.util.Arrays.fill(daily, 1.0);
            double[][] weekly = new double[7][];
            for (int w = 0; w < 7; w++) {
                weekly[w] = initWeekly[w].clone();
            }
            double sse = 0;
            long n = 0;
            for (int d = 0; d < days; d++) {
                int w = dayWeekday[d];
                double[] wk = weekly[w];
                double m = dayMultiplier[d];
                double dayLevel = level;
                boolean score = out == null && d >= warmUpEndDay;
                for (int o = dayStart[d], end = dayStart[d + 1]; o < end; o++) {
                    int s = obsSlot[o];
                    double y = obsValue[o];
                    double ds = daily[s];
                    double ws = wk[s];
                    double dw = ds * ws;
                    if (score) {
                        double e = (y - dayLevel * dw) * m;
                        sse += e * e;
                        n++;
                    }
                    double gain = Math.min(alpha * dw, 0.5);
                    double newLevel = Math.max(level + gain * (y / Math.max(dw, FLOOR) - level), FLOOR);
                    daily[s] = Math.max(delta * y / (newLevel * ws) + (1 - delta) * ds, FLOOR);
                    wk[s] = Math.max(omega * y / (newLevel * ds) + (1 - omega) * ws, FLOOR);
                    level = newLevel;
                }
                if (d % 7 == 6) {
                    level = normalise(level, daily, weekly);
                }
            }
            level = normalise(level, daily, weekly);
            if (out != null) {
                out.level = level;
                out.daily = daily;
                out.weekly = weekly;
            }
            return n == 0 ? 0 : sse / n;
        }

        /** Keeps the cycles at mean 1 (moving the scale into the level) so they cannot drift apart. */
        private double normalise(double level, double[] daily, double[][] weekly) {
            double sum = 0;
            int c = 0;
            for (int s = 0; s < slots; s++) {
                if (anyOpen[s]) {
                    sum += daily[s];
                    c++;
                }
            }
            if (c > 0 && sum > 0) {
                double k = sum / c;
                for (int s = 0; s < slots; s++) {
                    daily[s] /= k;
                }
                level *= k;
            }
            sum = 0;
            c = 0;
            for (int w = 0; w < 7; w++) {
                for (int s = 0; s < slots; s++) {
                    if (openMask[w][s]) {
                        sum += weekly[w][s];
                        c++;
                    }
                }
            }
            if (c > 0 && sum > 0) {
                double k = sum / c;
                for (double[] wk : weekly) {
                    for (int s = 0; s < slots; s++) {
                        wk[s] /= k;
                    }
                }
                level *= k;
            }
            return level;
        }
    }

    private static final class State {
        double level;
        double[] daily;
        double[][] weekly;

        State(int slots) {
            daily = new double[slots];
        }
    }

    /** A fitted model. */
    public static final class Model {
        private final IntervalHistory history;
        private final CalendarEffects effects;
        private final State state;
        private final double[] parameters;

        private Model(IntervalHistory history, CalendarEffects effects, State state, double[] parameters) {
            this.history = history;
            this.effects = effects;
            this.state = state;
            this.parameters = parameters;
        }

        /** Smoothing parameters chosen: alpha (level), delta (intraday cycle), omega (weekly cycle). */
        public double[] smoothingParameters() {
            return parameters.clone();
        }

        public CalendarEffects calendarEffects() {
            return effects;
        }

        double[][] predict(List<LocalDate> days) {
            int slots = history.slotsPerDay();
            double[][] out = new double[days.size()][slots];
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = days.get(i);
                int w = IntervalHistory.weekdayIndex(day);
                boolean[] mask = history.openSlotMask(w);
                double m = effects.multiplier(day);
                for (int s = 0; s < slots; s++) {
                    if (mask[s]) {
                        out[i][s] = state.level * state.daily[s] * state.weekly[w][s] * m;
                    }
                }
            }
            return out;
        }
    }
}
