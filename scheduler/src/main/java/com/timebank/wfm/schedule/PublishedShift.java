package com.timebank.wfm.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A shift in force for an agent on a date (center local time); an overnight shift ends the next day. */
public record PublishedShift(long agentId, LocalDate date, LocalDateTime start, LocalDateTime end, int breakMinutes,
        String source) {

    /** Paid, scheduled work time: the shift less its unpaid break. */
    public long workSeconds() {
        return Duration.between(start, end).toSeconds() - breakMinutes * 60L;
    }
}
