package com.timebank.wfm.ledger;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Postings to accounts locked for the current transaction, applied in memory and written with one insert of
 * entries and one update of balances — the way nightly settlement posts thousands of agent-days per second.
 * Every posting is checked against the account's invariants as it is applied.
 */
public final class LedgerBatch {

    private final LedgerRepository repository;
    private final Map<Long, Account> accounts;
    private final Set<Long> changed = new HashSet<>();
    private final Map<String, LedgerEntry> pending = new LinkedHashMap<>();
    private final LocalDateTime now;

    LedgerBatch(LedgerRepository repository, Map<Long, Account> lockedAccounts, LocalDateTime now) {
        this.repository = repository;
        this.accounts = lockedAccounts;
        this.now = now;
    }

    public Account account(long agentId) {
        Account a = accounts.get(agentId);
        if (a == null) {
            throw new IllegalStateException("Account " + agentId + " is not locked in this batch");
        }
        return a;
    }

    /** Applies the posting to the locked account; it is written by {@link #write()}. */
    public void post(Posting p) {
        if (pending.containsKey(p.idempotencyKey())) {
            return;
        }
        queue(p, account(p.agentId()).post(p.seconds()));
    }

    void hold(long agentId, long seconds) {
        accounts.put(agentId, account(agentId).reserve(seconds));
        changed.add(agentId);
    }

    void releaseHeld(long agentId, long seconds) {
        accounts.put(agentId, account(agentId).release(seconds));
        changed.add(agentId);
    }

    void postHeld(Posting p) {
        queue(p, account(p.agentId()).postReserved(-p.seconds()));
    }

    private void queue(Posting p, Account after) {
        accounts.put(p.agentId(), after);
        changed.add(p.agentId());
        pending.put(p.idempotencyKey(), new LedgerEntry(0, p.agentId(), p.businessDate(), p.kind(), p.seconds(),
                after.balanceSeconds(), p.actor(), p.reference(), p.idempotencyKey(), p.reversesEntryId(), now,
                p.reason()));
    }

    /** Writes the entries and balances; returns the entries with their ids, in posting order. */
    public List<LedgerEntry> write() {
        List<LedgerEntry> entries = new ArrayList<>(pending.values());
        writeEntries();
        return repository.entriesWithIds(entries);
    }

    /**
     * Writes the entries and balances without reading the entries' ids back: for callers that find their entries
     * by idempotency key when they need them. Returns how many entries were written.
     */
    public int writeEntries() {
        int count = pending.size();
        repository.insertEntries(new ArrayList<>(pending.values()));
        repository.saveAccounts(changed.stream().map(accounts::get).toList(), now);
        pending.clear();
        changed.clear();
        return count;
    }
}
