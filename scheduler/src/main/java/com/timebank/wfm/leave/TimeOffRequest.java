package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A request to take time off paid from the balance; instants are UTC. */
public record TimeOffRequest(long id, long centerId, long teamId, long agentId, LocalDate date, long seconds,
        TimeOffStatus status, Long reservationId, Long entryId, LocalDateTime waitlistedAt, LocalDateTime offeredAt,
        String createdBy, LocalDateTime createdAt, String decidedBy, LocalDateTime decidedAt, String note,
        Integer startMinute, Integer endMinute) {

    /** A request without a time of day (the whole day, as before part-day requests). */
    public TimeOffRequest(long id, long centerId, long teamId, long agentId, LocalDate date, long seconds,
            TimeOffStatus status, Long reservationId, Long entryId, LocalDateTime waitlistedAt, LocalDateTime offeredAt,
            String createdBy, LocalDateTime createdAt, String decidedBy, LocalDateTime decidedAt, String note) {
        this(id, centerId, teamId, agentId, date, seconds, status, reservationId, entryId, waitlistedAt, offeredAt,
                createdBy, createdAt, decidedBy, decidedAt, note, null, null);
    }

    /** Part of a day: blocks only [startMinute, endMinute) of the center's local day; otherwise the whole day. */
    public boolean partOfDay() {
        return startMinute != null;
    }

    /** A waitlisted request offered a freed slot: it holds that slot until the lead decides. */
    public boolean offered() {
        return status == TimeOffStatus.PENDING && offeredAt != null;
    }
}
