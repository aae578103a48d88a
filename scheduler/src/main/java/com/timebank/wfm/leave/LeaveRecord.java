package com.timebank.wfm.leave;

import java.time.LocalDate;

public record LeaveRecord(long id, long agentId, LocalDate date, long seconds, LeaveType type, LeaveSource source,
        String reference, Integer startMinute, Integer endMinute) {

    /** Leave without a time of day (the whole day). */
    public LeaveRecord(long id, long agentId, LocalDate date, long seconds, LeaveType type, LeaveSource source,
            String reference) {
        this(id, agentId, date, seconds, type, source, reference, null, null);
    }

    /** Part of a day: blocks only [startMinute, endMinute) of the center's local day; otherwise the whole day. */
    public boolean partOfDay() {
        return startMinute != null;
    }
}
