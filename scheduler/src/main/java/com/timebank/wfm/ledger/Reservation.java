package com.timebank.wfm.ledger;

import java.time.LocalDate;

/** A pending debit of time off: held at request time, then posted on the day or released. */
public record Reservation(long id, long agentId, LocalDate businessDate, long seconds, Status status, String reference,
        Long entryId) {

    public enum Status {
        HELD, POSTED, RELEASED
    }
}
