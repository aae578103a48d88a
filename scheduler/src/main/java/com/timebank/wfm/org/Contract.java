package com.timebank.wfm.org;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An agent's weekly contract from {@code effectiveFrom} on (until the next one). {@code createdAt} is UTC.
 * {@link #FROM_THE_START} marks the contract the agent had before their first dated change.
 */
public record Contract(long agentId, LocalDate effectiveFrom, int weeklyMinMinutes, int weeklyMaxMinutes,
        String createdBy, LocalDateTime createdAt) {

    public static final LocalDate FROM_THE_START = LocalDate.of(1970, 1, 1);

    public boolean fromTheStart() {
        return FROM_THE_START.equals(effectiveFrom);
    }
}
