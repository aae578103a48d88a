package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The contract weeks a horizon falls in. Weeks start on a given day of the week (for the service: the start of the
 * published roster whose last week the horizon continues, else the horizon's own first day), so a horizon that starts
 * mid-week has a partial first week whose other days lie before it: the published shifts there count towards that
 * week's contract minutes ({@link Agent#minWeeklyMinutesIn}). Without a week start (solver tests, benchmarks) weeks
 * are the 7-day blocks from the horizon start.
 *
 * @param offset      days of the first contract week before the horizon start (0..6)
 * @param horizonDays days in the horizon
 */
public record ContractWeeks(int offset, int horizonDays) {

    public ContractWeeks {
        if (offset < 0 || offset > 6 || horizonDays < 1) {
            throw new IllegalArgumentException("offset " + offset + ", horizon " + horizonDays);
        }
    }

    /** Weeks of 7 days from the horizon start. */
    public static ContractWeeks fromHorizonStart(int horizonDays) {
        return new ContractWeeks(0, horizonDays);
    }

    /** Weeks starting on {@code weekStart}. */
    public static ContractWeeks startingOn(DayOfWeek weekStart, LocalDate horizonStart, int horizonDays) {
        return new ContractWeeks((horizonStart.getDayOfWeek().getValue() - weekStart.getValue() + 7) % 7, horizonDays);
    }

    public int weekOf(int dayIndex) {
        return (dayIndex + offset) / 7;
    }

    /** Number of contract weeks the horizon touches. */
    public int count() {
        return (offset + horizonDays + 6) / 7;
    }

    /** First day index of week {@code week} inside the horizon. */
    public int firstDay(int week) {
        return Math.max(0, week * 7 - offset);
    }

    /** Last day index of week {@code week} inside the horizon. */
    public int lastDay(int week) {
        return Math.min(horizonDays - 1, week * 7 - offset + 6);
    }

    /** Days of week {@code week} inside the horizon. */
    public int daysIn(int week) {
        return lastDay(week) - firstDay(week) + 1;
    }

    /** The date the week starts on (possibly before the horizon). */
    public LocalDate weekStart(int week, LocalDate horizonStart) {
        return horizonStart.plusDays((long) week * 7 - offset);
    }
}
