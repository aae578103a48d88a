package com.timebank.wfm.roster;

import com.timebank.wfm.api.Message;

/** Life of a roster: solving in the background, then stopped by the planner or solved to its time limit, then published. */
public enum RosterStatus {
    SOLVING, STOPPED, SOLVED, PUBLISHED, FAILED;

    /** A finished solve whose best solution may be published. */
    public boolean isPublishable() {
        return this == STOPPED || this == SOLVED;
    }

    /** The status in the reader's language, as an argument of a message. */
    public Message label() {
        return Message.of("roster.status." + name());
    }
}
