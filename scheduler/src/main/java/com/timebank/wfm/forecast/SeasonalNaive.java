package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * Seasonal naive: each interval as it was on the same weekday one week earlier - the baseline every other
 * method must beat (and on contact-center data often barely does).
 *
 * <p>For later weeks of the horizon the last observed week repeats. If that weekday was closed (holiday) or
 * a planner special day last week, the method steps back another week: it never learns zero from a
 * closed day.
 */
public final class SeasonalNaive implements ForecastMethod {

    public static final String NAME = "seasonal-naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] predictContacts(IntervalHistory history, ForecastCalendar calendar, List<LocalDate> days) {
        int[] source = lastLearnableByWeekday(history, calendar);
        int slots = history.slotsPerDay();
        double[][] out = new double[days.size()][slots];
        for (int i = 0; i < days.size(); i++) {
            int j = source[IntervalHistory.weekdayIndex(days.get(i))];
            if (j < 0) {
                continue;
            }
            for (int s = 0; s < slots; s++) {
                out[i][s] = history.contacts(j, s);
            }
        }
        return out;
    }

    /** Index of the last learnable day of each weekday (0 = Monday), -1 if none. */
    static int[] lastLearnableByWeekday(IntervalHistory h, ForecastCalendar calendar) {
        int[] last = {-1, -1, -1, -1, -1, -1, -1};
        int found = 0;
        for (int i = h.dayCount() - 1; i >= 0 && found < 7; i--) {
            int w = h.weekdayIndex(i);
            if (last[w] < 0 && DayOutlook.learnable(h, calendar, i)) {
                last[w] = i;
                found++;
            }
        }
        return last;
    }

    /**
     * In-sample mean absolute error of the one-week seasonal naive over the open slots of learnable days:
     * the MASE denominator. A day whose weekday was closed a week earlier is compared with the last open
     * occurrence of that weekday within five weeks, as the method itself would forecast it.
     */
    static double inSampleMae(IntervalHistory h, ForecastCalendar calendar) {
        int[] last = {-1, -1, -1, -1, -1, -1, -1};
        double sum = 0;
        long n = 0;
        for (int i = 0; i < h.dayCount(); i++) {
            if (!DayOutlook.learnable(h, calendar, i)) {
                continue;
            }
            int w = h.weekdayIndex(i);
            int j = last[w];
            if (j >= 0 && i - j <= 35) {
                boolean[] mask = h.openSlotMask(w);
                for (int s = 0; s < mask.length; s++) {
                    if (mask[s]) {
                        sum += Math.abs(h.contacts(i, s) - h.contacts(j, s));
                        n++;
                    }
                }
            }
            last[w] = i;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
