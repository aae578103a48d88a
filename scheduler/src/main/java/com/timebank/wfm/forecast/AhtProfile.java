package com.timebank.wfm.forecast;

/**
 * AHT forecast shared by all methods: contact-weighted average per weekday and slot over the last
 * {@value #WEEKS} occurrences of the weekday, shrunk towards the weekday's average when a slot has few
 * contacts (a quiet interval's AHT is mostly noise).
 */
final class AhtProfile {

    static final int WEEKS = 8;
    /** Contacts' worth of weight given to the weekday average in each slot. */
    private static final double PRIOR_CONTACTS = 20;

    private final double[][] aht;

    private AhtProfile(double[][] aht) {
        this.aht = aht;
    }

    static AhtProfile estimate(IntervalHistory h, ForecastCalendar calendar) {
        int slots = h.slotsPerDay();
        double[][] weighted = new double[7][slots];
        double[][] counts = new double[7][slots];
        int[] seen = new int[7];
        for (int i = h.dayCount() - 1; i >= 0; i--) {
            int w = h.weekdayIndex(i);
            if (seen[w] >= WEEKS || !DayOutlook.learnable(h, calendar, i)) {
                continue;
            }
            seen[w]++;
            for (int s = 0; s < slots; s++) {
                double c = h.contacts(i, s);
                double a = h.ahtSeconds(i, s);
                if (c > 0 && a >= 0) {
                    weighted[w][s] += c * a;
                    counts[w][s] += c;
                }
            }
        }
        double allWeighted = 0;
        double allCount = 0;
        double[] dayAvg = new double[7];
        for (int w = 0; w < 7; w++) {
            double sw = 0;
            double sc = 0;
            for (int s = 0; s < slots; s++) {
                sw += weighted[w][s];
                sc += counts[w][s];
            }
            dayAvg[w] = sc > 0 ? sw / sc : Double.NaN;
            allWeighted += sw;
            allCount += sc;
        }
        double global = allCount > 0 ? allWeighted / allCount : 0;
        double[][] result = new double[7][slots];
        for (int w = 0; w < 7; w++) {
            double prior = Double.isNaN(dayAvg[w]) ? global : dayAvg[w];
            for (int s = 0; s < slots; s++) {
                result[w][s] = (weighted[w][s] + PRIOR_CONTACTS * prior) / (counts[w][s] + PRIOR_CONTACTS);
            }
        }
        return new AhtProfile(result);
    }

    double aht(int weekday, int slot) {
        return aht[weekday][slot];
    }
}
