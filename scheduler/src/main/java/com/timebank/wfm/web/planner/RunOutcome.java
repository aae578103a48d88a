package com.timebank.wfm.web.planner;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.jobs.JobRun;

/**
 * What a finished run did, in words: above all why it processed or posted nothing (no activity uploaded, nothing
 * due, already settled), so "0 processed" is never left unexplained.
 */
final class RunOutcome {

    private RunOutcome() {
    }

    /** Null while running or when failed (the error says what happened). */
    static Message of(JobRun r) {
        if (r.status() != JobRun.Status.SUCCEEDED) {
            return null;
        }
        if (r.processed() == 0) {
            return Message.of("planner.jobs.why." + r.job() + ".none");
        }
        if (r.posted() == 0) {
            return Message.of("planner.jobs.why." + r.job() + ".unchanged", r.processed());
        }
        return Message.of("planner.jobs.why.posted", r.processed(), r.posted());
    }
}
