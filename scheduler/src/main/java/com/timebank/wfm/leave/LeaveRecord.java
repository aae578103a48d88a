package com.timebank.wfm.leave;

import java.time.LocalDate;

public record LeaveRecord(long id, long agentId, LocalDate date, long seconds, LeaveType type, LeaveSource source,
        String reference) {
}
