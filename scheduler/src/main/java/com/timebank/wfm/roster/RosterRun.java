package com.timebank.wfm.roster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

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

    public HardSoftLongScore score() {
        return hardScore == null ? null : HardSoftLongScore.of(hardScore, softScore);
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }

    public boolean isResolve() {
        return parentId != null;
    }
}
