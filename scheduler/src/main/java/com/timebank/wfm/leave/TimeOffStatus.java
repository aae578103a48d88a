package com.timebank.wfm.leave;

/**
 * PENDING waits for the lead; WAITLISTED waits for a slot on a full date (first come, first served) and becomes
 * PENDING again when a slot is offered; APPROVED is posted as TIME_OFF on the day; EXPIRED: the day came undecided.
 */
public enum TimeOffStatus {
    PENDING, WAITLISTED, APPROVED, REJECTED, CANCELLED, EXPIRED;

    public boolean active() {
        return this == PENDING || this == WAITLISTED || this == APPROVED;
    }
}
