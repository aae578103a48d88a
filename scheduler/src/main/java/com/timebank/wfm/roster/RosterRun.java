package com.timebank.wfm.roster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import com.timebank.wfm.api.Message;

/**
 * A roster as stored: its request (period, forecast, solve time, the queue it staffs, the service-level policy
 * of its requirement), its state and best score. A re-solve has a parent and reopens some dates and/or agents.
 */
public record RosterRun(long id, long centerId, long forecastId, Long parentId, LocalDate from, LocalDate to,
        int solveSeconds, RosterStatus status, String skill, BigDecimal serviceLevelTarget, int serviceLevelSeconds,
        BigDecimal shrinkage, Set<LocalDate> reopenedDates, Set<String> reopenedAgents, Long hardScore, Long softScore,
        long solvedMillis, String error, String createdBy, LocalDateTime createdAt, LocalDateTime updatedAt,
        String publishedBy, LocalDateTime publishedAt) {

    /** The queue name used when the forecast covers all queues. */
    public static final String ALL_QUEUES = "all";

    /** Why a roster FAILED, stored as a message code in {@code error}; the exception itself is in the log. */
    static final String FAILED_SOLVER = "roster.failed.solver";
    static final String FAILED_RESUME = "roster.failed.resume";
    static final String FAILED_SAVE = "roster.failed.save";

    public HardSoftLongScore score() {
        return hardScore == null ? null : HardSoftLongScore.of(hardScore, softScore);
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }

    public boolean isResolve() {
        return parentId != null;
    }

    /** Why it failed, in the reader's language; a text stored before the codes shows as it was written. */
    public Message failure() {
        return error == null ? null : Message.of(error);
    }
}
