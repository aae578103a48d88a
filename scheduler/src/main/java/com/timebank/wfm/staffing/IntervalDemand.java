package com.timebank.wfm.staffing;

/**
 * Expected workload of one interval (typically a forecast row).
 *
 * @param contacts   offered contacts in the interval (may be fractional: it is an expectation)
 * @param ahtSeconds average handle time, seconds; may be 0 only when there are no contacts
 */
public record IntervalDemand(double contacts, double ahtSeconds) {

    public IntervalDemand {
        Require.nonNegative("contacts", contacts);
        Require.nonNegative("ahtSeconds", ahtSeconds);
        if (contacts > 0 && ahtSeconds == 0) {
            throw new IllegalArgumentException("ahtSeconds must be > 0 when there are contacts, was 0.0");
        }
    }
}
