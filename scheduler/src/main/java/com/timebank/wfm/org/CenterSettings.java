package com.timebank.wfm.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A center's rules in force from {@code effectiveFrom} on. Every row is complete, so the settings for a date
 * are simply the latest row at or before it. Defaults are those of timebank.md and workforce.md.
 */
public record CenterSettings(
        LocalDate effectiveFrom,
        BigDecimal auxTarget,
        BigDecimal overtimeRate1,
        BigDecimal overtimeRate2,
        BigDecimal overtimeRate3,
        BigDecimal bonusCapRatio,
        int idleDayQuota,
        int busyDayQuota,
        int busyFirstDays,
        int busyLastDays,
        int monthCloseDay,
        int minNoticeDays,
        BigDecimal serviceLevelTarget,
        int serviceLevelSeconds,
        BigDecimal maxOccupancy,
        BigDecimal shrinkage,
        QuotaMode quotaMode,
        int standardDayMinutes) {

    /** The standard paid day of a center unless it sets its own: 8 h. */
    public static final int DEFAULT_STANDARD_DAY_MINUTES = 480;

    /** Far enough back that a new center's defaults cover any history imported for it. */
    public static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    public static CenterSettings defaults() {
        return new CenterSettings(BEGINNING, new BigDecimal("0.037"),
                new BigDecimal("0.30"), new BigDecimal("0.45"), new BigDecimal("0.60"),
                new BigDecimal("0.01"), 2, 0, 4, 2, 2, 1,
                new BigDecimal("0.90"), 30, new BigDecimal("0.85"), new BigDecimal("0.30"), QuotaMode.FIXED,
                DEFAULT_STANDARD_DAY_MINUTES);
    }

    public BigDecimal overtimeRate(int level) {
        return switch (level) {
            case 1 -> overtimeRate1;
            case 2 -> overtimeRate2;
            case 3 -> overtimeRate3;
            default -> throw new IllegalArgumentException("Emergency level must be 1, 2 or 3, was " + level);
        };
    }

    /** Busy: the first N and last M calendar days of the month, plus the center's special busy dates. */
    public boolean isBusyDay(LocalDate date, Set<LocalDate> specialBusyDates) {
        int day = date.getDayOfMonth();
        return day <= busyFirstDays || day > date.lengthOfMonth() - busyLastDays || specialBusyDates.contains(date);
    }

    /** The daily time-off quota that applies without a roster-derived one. */
    public int fixedQuota(boolean busy) {
        return busy ? busyDayQuota : idleDayQuota;
    }

    /** The standard paid day in seconds: what one agent-day of a balance is. */
    public long standardDaySeconds() {
        return standardDayMinutes * 60L;
    }

    public CenterSettings withEffectiveFrom(LocalDate date) {
        return new CenterSettings(date, auxTarget, overtimeRate1, overtimeRate2, overtimeRate3, bonusCapRatio,
                idleDayQuota, busyDayQuota, busyFirstDays, busyLastDays, monthCloseDay, minNoticeDays,
                serviceLevelTarget, serviceLevelSeconds, maxOccupancy, shrinkage, quotaMode, standardDayMinutes);
    }
}
