package com.timebank.wfm.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.timebank.wfm.api.Message;

/**
 * One append-only line of an agent's statement. {@code createdAt} is UTC. {@code reason} is null on entries written
 * before reasons were stored as messages: their {@code reference} text is all there is.
 */
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
        LocalDateTime createdAt,
        Message reason) {
}
