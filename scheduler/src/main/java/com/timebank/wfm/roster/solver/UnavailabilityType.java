package com.timebank.wfm.roster.solver;

/** Why an agent cannot work. */
public enum UnavailabilityType {
    /** Approved leave (vacation, sick leave, ...): a full-day leave is pinned as a day off. */
    LEAVE,
    /** Approved time off taken from the time bank: a full-day time off is pinned as a day off. */
    TIME_OFF,
    /** Declared unavailability (for example "not before 10:00 on Tuesdays"); not pinned, just forbidden. */
    UNAVAILABLE;

    public boolean isApprovedAbsence() {
        return this != UNAVAILABLE;
    }
}
