package com.timebank.wfm.roster;

/** Life of a roster: solving in the background, then stopped by the planner or solved to its time limit, then published. */
public enum RosterStatus {
    SOLVING, STOPPED, SOLVED, PUBLISHED, FAILED;

    /** A finished solve whose best solution may be published. */
    public boolean isPublishable() {
        return this == STOPPED || this == SOLVED;
    }
}
