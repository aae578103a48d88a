package com.timebank.wfm.web.planner;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Synthetic interval history for the page tests: Monday to Saturday 08:00–20:00, closed on Sundays. */
final class HistoryCsv {

    static final String HEADER = "interval_start,contacts,aht_seconds\n";

    private HistoryCsv() {
    }

    /** {@code days} days of 30-minute history ending on {@code last}, with a daily and weekly shape. */
    static String days(LocalDate last, int days) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (LocalDate d = last.minusDays(days - 1L); !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double day = d.getDayOfWeek() == DayOfWeek.MONDAY ? 1.3 : d.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.6 : 1.0;
            for (int slot = 0; slot < 24; slot++) {
                double shape = Math.sin(Math.PI * (slot + 0.5) / 24);
                long h = (d.toEpochDay() * 48 + slot) * 0x9E3779B97F4A7C15L;
                int noise = (int) Math.floorMod(h >>> 40, 9) - 4; // differs week to week
                int contacts = Math.max(0, (int) Math.round(60 * day * shape) + noise);
                csv.append(d.atTime(8, 0).plusMinutes(30L * slot)).append(',').append(contacts).append(',')
                        .append(170 + Math.floorMod(slot * 7, 20)).append('\n');
            }
        }
        return csv.toString();
    }
}
