package com.timebank.wfm.ledger;

import java.time.LocalDate;

import com.timebank.wfm.api.Message;

/**
 * A request to append an entry. The idempotency key makes a repeated posting (a job re-run, a client retry)
 * post nothing and return the entry that already exists. {@code reason} (optional) says why in words the pages
 * render in the reader's language; {@code reference} keeps the same in English for API clients.
 */
public record Posting(
        long agentId,
        LocalDate businessDate,
        EntryKind kind,
        long seconds,
        String actor,
        String reference,
        String idempotencyKey,
        Long reversesEntryId,
        Message reason) {

    public Posting(long agentId, LocalDate businessDate, EntryKind kind, long seconds, String actor, String reference,
            String idempotencyKey, Long reversesEntryId) {
        this(agentId, businessDate, kind, seconds, actor, reference, idempotencyKey, reversesEntryId, null);
    }

    public Posting {
        if (seconds == 0) {
            throw new IllegalArgumentException("A posting of zero seconds posts nothing");
        }
        boolean credit = seconds > 0;
        switch (kind) {
            case AUX_SAVING, EMERGENCY_OVERTIME, TIME_BONUS, TRANSFER_IN -> require(credit, kind);
            case AUX_OVERDRAFT, LEAVE_OFFSET, TIME_OFF, PAYOUT, TRANSFER_OUT -> require(!credit, kind);
            case REVERSAL -> {
                if (reversesEntryId == null) {
                    throw new IllegalArgumentException("A reversal names the entry it reverses");
                }
            }
        }
    }

    public static Posting of(long agentId, LocalDate date, EntryKind kind, long seconds, String actor, String reference,
            String key) {
        return new Posting(agentId, date, kind, seconds, actor, reference, key, null);
    }

    public Posting withReason(Message why) {
        return new Posting(agentId, businessDate, kind, seconds, actor, reference, idempotencyKey, reversesEntryId, why);
    }

    private static void require(boolean ok, EntryKind kind) {
        if (!ok) {
            throw new IllegalArgumentException(kind + " has the wrong sign");
        }
    }
}
