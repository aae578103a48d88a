package com.timebank.wfm.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One append-only line of an agent's statement. {@code createdAt} is UTC. */
public record LedgerEntry(
        long id,
        long agentId,
        LocalDate businessDate,
        EntryKind kind,
        long seconds,
        long balanceAfterSeconds,
        String actor,
        String reference,
        String idempotencyKey,
        Long reversesEntryId,
        LocalDateTime createdAt) {
}
