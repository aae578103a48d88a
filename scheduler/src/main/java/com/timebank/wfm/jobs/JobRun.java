package com.timebank.wfm.jobs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.timebank.wfm.api.Message;

/**
 * One run of a job for a center, as admins and planners see it. Instants are UTC. {@code dates} and {@code error}
 * are English texts for API clients; pages read {@code span} and {@code failure} in the reader's language (both
 * null on runs stored before they were kept).
 */
public record JobRun(long id, String job, long centerId, String dates, String triggeredBy, String instanceId,
        LocalDateTime startedAt, LocalDateTime finishedAt, Status status, int processed, int posted, String error,
        DateSpan span, Message failure) {

    /** ABANDONED: the run stopped beating while RUNNING, so the instance that ran it died. */
    public enum Status {
        RUNNING, SUCCEEDED, FAILED, ABANDONED
    }

    /** The business dates a run covered, in order: the first, the last and how many (months by their first day). */
    public record DateSpan(LocalDate first, LocalDate last, int count) {

        /** Null when there are none. */
        static DateSpan of(List<LocalDate> dates) {
            return dates.isEmpty() ? null : new DateSpan(dates.get(0), dates.get(dates.size() - 1), dates.size());
        }

        /** As the API has it: {@code 2026-03-09} or {@code 2026-03-09..2026-03-11 (3 dates)}. */
        String english() {
            return count == 1 ? first.toString() : first + ".." + last + " (" + count + " dates)";
        }
    }
}
