package com.timebank.wfm.jobs;

import java.time.LocalDateTime;

/** One run of a job for a center, as admins and planners see it. Instants are UTC. */
public record JobRun(long id, String job, long centerId, String dates, String triggeredBy, String instanceId,
        LocalDateTime startedAt, LocalDateTime finishedAt, Status status, int processed, int posted, String error) {

    /** ABANDONED: the run stopped beating while RUNNING, so the instance that ran it died. */
    public enum Status {
        RUNNING, SUCCEEDED, FAILED, ABANDONED
    }
}
