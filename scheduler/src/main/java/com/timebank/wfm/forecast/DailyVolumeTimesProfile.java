package com.timebank.wfm.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multi-seasonal model: daily volume times an intraday profile per weekday.
 *
 * <p>Daily volume = (level + damped trend) x weekday effect x learned calendar multipliers
 * ({@link CalendarEffects}: busy days of the month, holidays, eves, days after). Level, trend and weekday
 * effects come from Holt-Winters smoothing of the daily totals of open days, after dividing out the calendar
 * multipliers so a month-end peak does not lift the level. Gaps (closed days) are skipped, the trend
 * advancing per calendar day. Smoothing parameters are chosen by a small grid search minimising the error
 * of forecasts 1-14 days ahead, which is what planning needs, rather than one step ahead.
 *
 * <p>The intraday profile of each weekday is the share of the day's volume per interval over the last
 * {@value #PROFILE_WEEKS} ordinary occurrences of the weekday, recent weeks weighing more.
 */
public final class DailyVolumeTimesProfile implements ForecastMethod {

    public static final String NAME = "daily-volume-profile";

    private static final double TREND_DAMPING = 0.98;
    private static final double[] ALPHAS = {0.03, 0.08, 0.15, 0.3, 0.5};
    private static final double[] BETAS = {0, 0.02, 0.06};
    private static final double[] GAMMAS = {0.02, 0.05, 0.1, 0.2};
    private static final int TUNING_LEAD_DAYS = 14;
    private static final int INIT_DAYS = 28;
    static final int PROFILE_WEEKS = 12;
    private static final double PROFILE_DECAY = 0.9;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] predictContacts(IntervalHistory history, ForecastCalendar calendar, List<LocalDate> days) {
        return fit(history, calendar).predict(days);
    }

    /** Fits the model to the whole of {@code history}. */
    public Model fit(IntervalHistory history, ForecastCalendar calendar) {
        if (history.openDayCount() == 0) {
            throw NothingToLearn.noLearnableDay();
        }
        CalendarEffects effects = CalendarEffects.estimate(history, calendar);
        // Calendar-adjusted daily totals of learnable days.
        int n = 0;
        long[] epoch = new long[history.dayCount()];
        int[] weekday = new int[history.dayCount()];
        double[] adjusted = new double[history.dayCount()];
        for (int i = 0; i < history.dayCount(); i++) {
            if (DayOutlook.learnable(history, calendar, i)) {
                epoch[n] = history.firstEpochDay() + i;
                weekday[n] = history.weekdayIndex(i);
                adjusted[n] = history.dayTotal(i) / effects.multiplier(history.date(i));
                n++;
            }
        }
        if (n == 0) {
            throw NothingToLearn.noLearnableDay();
        }
        Series series = new Series(n, epoch, weekday, adjusted);
        double[] best = {0.15, 0.02, 0.05};
        double bestScore = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    double score = series.smooth(a, b, g, null);
                    if (score < bestScore) {
                        bestScore = score;
                        best = new double[] {a, b, g};
                    }
                }
            }
        }
        double[] state = new double[9]; // level, trend, 7 weekday factors
        series.smooth(best[0], best[1], best[2], state);
        double[] seasonal = Arrays.copyOfRange(state, 2, 9);
        // Normalise weekday effects to mean 1 over the weekdays seen, moving the scale into level and trend.
        double sum = 0;
        int seen = 0;
        for (double s : seasonal) {
            if (!Double.isNaN(s)) {
                sum += s;
                seen++;
            }
        }
        double c = sum / seen;
        for (int w = 0; w < 7; w++) {
            seasonal[w] = Double.isNaN(seasonal[w]) ? 0 : seasonal[w] / c; // never open: no volume
        }
        double[][] profiles = new double[7][];
        for (int w = 0; w < 7; w++) {
            profiles[w] = profile(history, calendar, effects, w);
        }
        return new Model(history, effects, state[0] * c, state[1] * c, seasonal, profiles, best);
    }

    /** Share of the day's contacts per slot for a weekday (sums to 1 over its open slots, or all zeros). */
    private static double[] profile(IntervalHistory h, ForecastCalendar calendar, CalendarEffects effects, int weekday) {
        List<Integer> ordinary = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        for (int i = h.dayCount() - 1; i >= 0 && ordinary.size() < PROFILE_WEEKS; i--) {
            if (h.weekdayIndex(i) != weekday || !DayOutlook.learnable(h, calendar, i)) {
                continue;
            }
            (effects.isOrdinary(i) ? ordinary : other).add(i);
        }
        List<Integer> use = new ArrayList<>(ordinary);
        // Too few ordinary days (short history): special-but-open days still carry the shape.
        for (int k = 0; use.size() < 3 && k < other.size() && k < PROFILE_WEEKS; k++) {
            use.add(other.get(k));
        }
        use.sort((a, b) -> Integer.compare(b, a));
        int slots = h.slotsPerDay();
        boolean[] mask = h.openSlotMask(weekday);
        double[] num = new double[slots];
        double den = 0;
        double wt = 1;
        for (int i : use) {
            for (int s = 0; s < slots; s++) {
                if (mask[s]) {
                    num[s] += wt * h.contacts(i, s);
                }
            }
            den += wt * h.dayTotal(i);
            wt *= PROFILE_DECAY;
        }
        double[] p = new double[slots];
        if (den > 0) {
            for (int s = 0; s < slots; s++) {
                p[s] = num[s] / den;
            }
        } else {
            int open = h.openSlotCount(DayOfWeek.of(weekday + 1));
            for (int s = 0; s < slots; s++) {
                p[s] = mask[s] ? 1.0 / open : 0;
            }
        }
        return p;
    }

    /** Daily series of learnable days with the damped-trend, weekday-seasonal smoother. */
    private static final class Series {
        final int n;
        final long[] epoch;
        final int[] weekday;
        final double[] value;
        final double[] cumDamping; // cumDamping[g] = sum_{k=1..g} damping^k
        final int warmUpEnd;

        Series(int n, long[] epoch, int[] weekday, double[] value) {
            this.n = n;
            this.epoch = epoch;
            this.weekday = weekday;
            this.value = value;
            int maxGap = 1;
            for (int i = 1; i < n; i++) {
                maxGap = (int) Math.max(maxGap, epoch[i] - epoch[i - 1]);
            }
            cumDamping = new double[Math.max(maxGap, TUNING_LEAD_DAYS) + 1];
            double p = 1;
            for (int g = 1; g < cumDamping.length; g++) {
                p *= TREND_DAMPING;
                cumDamping[g] = cumDamping[g - 1] + p;
            }
            int w = 0;
            while (w < n && epoch[w] - epoch[0] < INIT_DAYS) {
                w++;
            }
            warmUpEnd = w;
        }

        /**
         * Runs the smoother; returns the mean squared error of forecasts 1..14 days ahead made from each day
         * after warm-up. With {@code state != null} stores level, trend and weekday factors at the end.
         */
        double smooth(double alpha, double beta, double gamma, double[] state) {
            double[] s = new double[7];
            Arrays.fill(s, Double.NaN);
            double[] sum = new double[7];
            int[] cnt = new int[7];
            double total = 0;
            int totalCount = 0;
            for (int i = 0; i < n && epoch[i] - epoch[0] < INIT_DAYS; i++) {
                sum[weekday[i]] += value[i];
                cnt[weekday[i]]++;
                total += value[i];
                totalCount++;
            }
            double level = total / totalCount;
            double trend = 0;
            for (int w = 0; w < 7; w++) {
                if (cnt[w] > 0 && level > 0) {
                    s[w] = sum[w] / cnt[w] / level;
                }
            }
            double sse = 0;
            long errors = 0;
            long prev = epoch[0] - 1;
            for (int i = 0; i < n; i++) {
                int gap = (int) (epoch[i] - prev);
                int w = weekday[i];
                double y = value[i];
                double levelPred = level + trend * cumDamping[gap];
                if (Double.isNaN(s[w])) {
                    s[w] = levelPred > 0 ? y / levelPred : 1;
                }
                double newLevel = Math.max(alpha * y / Math.max(s[w], 1e-6) + (1 - alpha) * levelPred, 1e-9);
                double damp = Math.pow(TREND_DAMPING, gap);
                trend = beta * (newLevel - level) / gap + (1 - beta) * damp * trend;
                s[w] = gamma * y / newLevel + (1 - gamma) * s[w];
                level = newLevel;
                prev = epoch[i];
                if (state == null && i >= warmUpEnd) {
                    for (int j = i + 1; j < n && epoch[j] - epoch[i] <= TUNING_LEAD_DAYS; j++) {
                        double sw = Double.isNaN(s[weekday[j]]) ? 1 : s[weekday[j]];
                        double e = value[j] - (level + trend * cumDamping[(int) (epoch[j] - epoch[i])]) * sw;
                        sse += e * e;
                        errors++;
                    }
                }
            }
            if (state != null) {
                state[0] = level;
                state[1] = trend;
                System.arraycopy(s, 0, state, 2, 7);
            }
            return errors == 0 ? 0 : sse / errors;
        }
    }

    /** A fitted model: inspect it, or forecast days after the history's last date. */
    public static final class Model {
        private final IntervalHistory history;
        private final CalendarEffects effects;
        private final double level;
        private final double trend;
        private final double[] weekdayEffects;
        private final double[][] profiles;
        private final double[] smoothing;

        private Model(IntervalHistory history, CalendarEffects effects, double level, double trend,
                      double[] weekdayEffects, double[][] profiles, double[] smoothing) {
            this.history = history;
            this.effects = effects;
            this.level = level;
            this.trend = trend;
            this.weekdayEffects = weekdayEffects;
            this.profiles = profiles;
            this.smoothing = smoothing;
        }

        /** Weekday factor, normalised to mean 1 over the weekdays seen in history; 0 for a weekday never open. */
        public double weekdayEffect(DayOfWeek dayOfWeek) {
            return weekdayEffects[dayOfWeek.getValue() - 1];
        }

        /** Share of the day's volume per slot for a weekday (a copy). */
        public double[] intradayProfile(DayOfWeek dayOfWeek) {
            return profiles[dayOfWeek.getValue() - 1].clone();
        }

        public CalendarEffects calendarEffects() {
            return effects;
        }

        /** Deseasonalised daily level at the end of history, and its trend per day. */
        public double level() {
            return level;
        }

        public double trend() {
            return trend;
        }

        /** Smoothing parameters chosen: alpha (level), beta (trend), gamma (weekday). */
        public double[] smoothingParameters() {
            return smoothing.clone();
        }

        /** Expected contacts of a future day, calendar effects included. */
        public double expectedDayTotal(LocalDate date) {
            long lead = Math.max(1, date.toEpochDay() - history.lastDate().toEpochDay());
            double cum = TREND_DAMPING * (1 - Math.pow(TREND_DAMPING, lead)) / (1 - TREND_DAMPING);
            double base = Math.max(0, level + trend * cum);
            return base * weekdayEffects[IntervalHistory.weekdayIndex(date)] * effects.multiplier(date);
        }

        double[][] predict(List<LocalDate> days) {
            double[][] out = new double[days.size()][];
            for (int i = 0; i < days.size(); i++) {
                LocalDate d = days.get(i);
                double total = expectedDayTotal(d);
                double[] p = profiles[IntervalHistory.weekdayIndex(d)];
                out[i] = new double[p.length];
                for (int s = 0; s < p.length; s++) {
                    out[i][s] = total * p[s];
                }
            }
            return out;
        }
    }
}
