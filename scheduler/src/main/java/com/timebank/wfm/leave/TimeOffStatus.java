package com.timebank.wfm.leave;

import com.timebank.wfm.api.Message;

/**
 * PENDING waits for the lead; WAITLISTED waits for a slot on a full date (first come, first served) and becomes
 * PENDING again when a slot is offered; APPROVED is posted as TIME_OFF on the day; EXPIRED: the day came undecided.
 */
public enum TimeOffStatus {
    PENDING, WAITLISTED, APPROVED, REJECTED, CANCELLED, EXPIRED;

    public boolean active() {
        return this == PENDING || this == WAITLISTED || this == APPROVED;
    }

    /** The status in the reader's language, as an argument of a message. */
    public Message label() {
        return Message.of("agent.status." + name());
    }
}
