package com.timebank.wfm.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A shift in force for an agent on a date (center local time); an overnight shift ends the next day. */
public record PublishedShift(long agentId, LocalDate date, LocalDateTime start, LocalDateTime end, int breakMinutes,
        String source) {

    /**
     * Paid, scheduled work time: the shift less its unpaid break, measured in the center's {@code zone} — a night
     * shift over the change to or from daylight saving time works an hour less or more than its clock times say.
     * Times that a change skips are taken as the zone shifts them (an hour later).
     */
    public long workSeconds(ZoneId zone) {
        return Duration.between(start.atZone(zone), end.atZone(zone)).toSeconds() - breakMinutes * 60L;
    }
}
