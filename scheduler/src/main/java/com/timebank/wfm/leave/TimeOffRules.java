package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.util.OptionalInt;

import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.QuotaMode;

/** Service 6 rules without a database: notice, the requested amount, and a date's quota. */
public final class TimeOffRules {

    private TimeOffRules() {
    }

    /** The first date an agent may ask for on {@code today}. */
    public static LocalDate earliestDate(LocalDate today, int minNoticeDays) {
        return today.plusDays(minNoticeDays);
    }

    public static boolean enoughNotice(LocalDate today, LocalDate date, int minNoticeDays) {
        return !date.isBefore(earliestDate(today, minNoticeDays));
    }

    /** Time off is the whole scheduled shift or a part of it. */
    public static boolean withinShift(long seconds, long shiftWorkSeconds) {
        return seconds > 0 && seconds <= shiftWorkSeconds;
    }

    /** DERIVED uses the roster's answer when there is one; otherwise, and in FIXED mode, the busy/idle setting. */
    public static int slots(CenterSettings settings, boolean busy, OptionalInt derived) {
        if (settings.quotaMode() == QuotaMode.DERIVED && derived.isPresent()) {
            return Math.max(0, derived.getAsInt());
        }
        return settings.fixedQuota(busy);
    }

    /** A date's quota: slots, and used = approved requests plus the slots held for offered waitlisted requests. */
    public record Quota(LocalDate date, boolean busy, int slots, int used) {

        public boolean full() {
            return used >= slots;
        }

        public int free() {
            return Math.max(0, slots - used);
        }
    }
}
