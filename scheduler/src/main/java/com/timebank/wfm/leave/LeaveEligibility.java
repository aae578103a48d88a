package com.timebank.wfm.leave;

import com.timebank.wfm.api.Message;

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

    public static Message reason(LeaveSource source, boolean busyDay) {
        if (source == LeaveSource.OVERDRAFT) {
            return Message.of("leave.eligible.overdraft");
        }
        return Message.of(busyDay ? "leave.eligible.busy-day" : "leave.eligible.idle-day");
    }
}
