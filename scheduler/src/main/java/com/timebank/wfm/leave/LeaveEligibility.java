package com.timebank.wfm.leave;

/**
 * Service 5: which leave the balance may offset. Overdraft leave always; recorded leave only on idle days, since
 * an absence on a busy day costs the service level more than the bank's time can repay.
 */
public final class LeaveEligibility {

    private LeaveEligibility() {
    }

    public static boolean eligible(LeaveSource source, boolean busyDay) {
        return source == LeaveSource.OVERDRAFT || !busyDay;
    }

    public static String reason(LeaveSource source, boolean busyDay) {
        if (source == LeaveSource.OVERDRAFT) {
            return "overdraft leave is always eligible";
        }
        return busyDay ? "leave on a busy day is not eligible" : "leave on an idle day is eligible";
    }
}
