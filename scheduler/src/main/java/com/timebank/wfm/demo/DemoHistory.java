package com.timebank.wfm.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.timebank.wfm.history.ContactVolume;

/**
 * Synthetic interval history with the shape the seeds describe: a weekday × time-of-day profile, month-start and
 * month-end peaks (first 4 and last 2 days), a slight trend and Poisson-like noise. Open 08:00–22:00 every day.
 */
public final class DemoHistory {

    static final LocalTime OPEN = LocalTime.of(8, 0);
    static final LocalTime CLOSE = LocalTime.of(22, 0);
    private static final double[] WEEKDAY = {1.15, 1.05, 1.0, 1.0, 1.08, 0.75, 0.65};

    private DemoHistory() {
    }

    public static List<ContactVolume> generate(LocalDate from, LocalDate toInclusive, int intervalMinutes, long seed) {
        Random random = new Random(seed);
        List<ContactVolume> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            double dayFactor = WEEKDAY[day.getDayOfWeek().getValue() - 1] * monthFactor(day);
            for (LocalTime t = OPEN; t.isBefore(CLOSE); t = t.plusMinutes(intervalMinutes)) {
                double mean = 120.0 * intervalMinutes / 30 * dayFactor * intraday(t, day.getDayOfWeek());
                int contacts = (int) Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
                int aht = (int) Math.round(240 + 30 * Math.sin(t.getHour() / 3.0) + random.nextGaussian() * 10);
                rows.add(new ContactVolume(ContactVolume.DEFAULT_QUEUE, day.atTime(t), contacts, aht));
            }
        }
        return rows;
    }

    /** Month start and end are busy: up to about twice a normal day on the first day, 1.6× at month end. */
    static double monthFactor(LocalDate day) {
        int d = day.getDayOfMonth();
        int fromEnd = day.lengthOfMonth() - d;
        if (d <= 4) {
            return 2.0 - 0.2 * (d - 1);
        }
        if (fromEnd < 2) {
            return 1.6;
        }
        return 1.0;
    }

    /** Two peaks (late morning, early afternoon) and an evening tail; weekends peak later. */
    static double intraday(LocalTime t, DayOfWeek dow) {
        double h = t.getHour() + t.getMinute() / 60.0;
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        double morning = Math.exp(-Math.pow((h - (weekend ? 11.5 : 10.5)) / 1.6, 2));
        double afternoon = 0.85 * Math.exp(-Math.pow((h - 15) / 2.0, 2));
        double evening = 0.35 * Math.exp(-Math.pow((h - 19.5) / 1.5, 2));
        return 0.15 + morning + afternoon + evening;
    }
}
