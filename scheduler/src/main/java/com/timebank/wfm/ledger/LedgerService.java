package com.timebank.wfm.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.database.Transactions;

/**
 * The ledger: postings to one account are serialised by a row lock on the account, so that
 * {@code balance = sum(entries)}, {@code balance ≥ 0} and {@code available ≥ 0} hold under any concurrency.
 * Methods marked MANDATORY join the caller's transaction, so a posting commits with its cause or not at all.
 */
@Service
public class LedgerService {

    private final LedgerRepository repository;
    private final Transactions transactions;
    private final Clock clock;

    LedgerService(LedgerRepository repository, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The posted entry and whether it already existed (a repeated idempotency key posts nothing). */
    public record Posted(LedgerEntry entry, boolean duplicate) {
    }

    /**
     * Posts one entry in its own (retried) transaction. A retry after a commit whose answer was lost finds the
     * entry by its idempotency key and posts nothing more.
     */
    public Posted post(Posting posting) {
        return transactions.writeIdempotent(() -> postWithin(posting));
    }

    /** Posts one entry inside the caller's transaction, which must hold everything the posting is caused by. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Posted postWithin(Posting posting) {
        LedgerBatch batch = lock(List.of(posting.agentId()));
        Optional<LedgerEntry> existing = existing(posting);
        if (existing.isPresent()) {
            return new Posted(existing.get(), true);
        }
        batch.post(posting);
        return new Posted(batch.write().get(0), false);
    }

    /** A balance moved: the debit of the source and, for a transfer, the credit of the target (null for a payout). */
    public record BalanceMove(LedgerEntry out, LedgerEntry in, boolean duplicate) {
    }

    /**
     * Moves the whole available balance of {@code fromAgentId} out in one transaction: paid out ({@code toAgentId}
     * null, one PAYOUT entry) or to another account (TRANSFER_OUT and TRANSFER_IN of the same seconds, so the sum
     * over both accounts is unchanged). Time held for approved time off stays. {@code key} makes a retry return the
     * entries already posted.
     *
     * @throws BusinessRuleException {@code ledger.balance-move.nothing} when nothing is available to move
     */
    public BalanceMove moveBalance(long fromAgentId, Long toAgentId, LocalDate date, String actor, String key,
            String reference, Message outReason, Message inReason) {
        return transactions.writeIdempotent(() -> {
            List<Long> ids = toAgentId == null ? List.of(fromAgentId) : List.of(fromAgentId, toAgentId);
            LedgerBatch batch = lock(ids);
            String outKey = PostingKeys.balanceMove(actor, key, false);
            String inKey = PostingKeys.balanceMove(actor, key, true);
            Map<String, LedgerEntry> done = repository.entriesByKey(List.of(outKey, inKey));
            if (done.containsKey(outKey)) {
                LedgerEntry out = done.get(outKey);
                if (out.agentId() != fromAgentId || (toAgentId == null) != (out.kind() == EntryKind.PAYOUT)) {
                    throw ConflictException.of("ledger.posting-already-made-other", outKey);
                }
                return new BalanceMove(out, done.get(inKey), true);
            }
            long seconds = batch.account(fromAgentId).availableSeconds();
            if (seconds <= 0) {
                throw BusinessRuleException.of("ledger.balance-move.nothing");
            }
            batch.post(new Posting(fromAgentId, date, toAgentId == null ? EntryKind.PAYOUT : EntryKind.TRANSFER_OUT,
                    -seconds, actor, reference, outKey, null, outReason));
            if (toAgentId != null) {
                batch.post(new Posting(toAgentId, date, EntryKind.TRANSFER_IN, seconds, actor, reference, inKey, null,
                        inReason));
            }
            List<LedgerEntry> written = batch.write();
            return new BalanceMove(written.get(0), written.size() > 1 ? written.get(1) : null, false);
        });
    }

    /** Locks the accounts for a batch of postings in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerBatch lock(Collection<Long> agentIds) {
        return new LedgerBatch(repository, repository.lockAccounts(agentIds, now()), now());
    }

    /**
     * Locks the accounts in the caller's transaction without posting: a write that changes what a posting or a
     * month close of these agents reads (leave, offset choices) waits for them, and they for it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockAccounts(Collection<Long> agentIds) {
        if (!agentIds.isEmpty()) {
            repository.lockAccounts(agentIds, now());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LedgerEntry> existing(Posting posting) {
        LedgerEntry e = repository.entriesByKey(List.of(posting.idempotencyKey())).get(posting.idempotencyKey());
        if (e == null) {
            return Optional.empty();
        }
        if (e.agentId() != posting.agentId() || e.kind() != posting.kind() || e.seconds() != posting.seconds()) {
            throw ConflictException.of("ledger.posting-already-made-other", posting.idempotencyKey());
        }
        return Optional.of(e);
    }

    /** Holds a pending debit; the same key returns the reservation already held. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Reservation reserve(long agentId, LocalDate date, long seconds, String reference, String key) {
        LedgerBatch batch = lock(List.of(agentId));
        Optional<Reservation> existing = repository.reservationByKey(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        batch.hold(agentId, seconds);
        batch.write();
        long id = repository.insertReservation(agentId, date, seconds, reference, key, now());
        return repository.reservation(id).orElseThrow();
    }

    /** Releases a held reservation (rejection, cancellation); releasing twice changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Reservation release(long reservationId, String actor) {
        Reservation r = reservation(reservationId);
        LedgerBatch batch = lock(List.of(r.agentId()));
        r = reservation(reservationId);
        if (r.status() != Reservation.Status.HELD) {
            return r;
        }
        batch.releaseHeld(r.agentId(), r.seconds());
        batch.write();
        repository.closeReservation(r.id(), Reservation.Status.RELEASED, null, actor, now());
        return reservation(reservationId);
    }

    /** Turns a held reservation into its debit entry; posting twice returns the first entry. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry postReservation(long reservationId, EntryKind kind, String actor) {
        return postReservation(reservationId, kind, actor, null);
    }

    /** As {@link #postReservation(long, EntryKind, String)}, with the entry's reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry postReservation(long reservationId, EntryKind kind, String actor, Message reason) {
        Reservation r = reservation(reservationId);
        LedgerBatch batch = lock(List.of(r.agentId()));
        r = reservation(reservationId);
        if (r.status() == Reservation.Status.POSTED) {
            return repository.entry(r.entryId()).orElseThrow();
        }
        if (r.status() == Reservation.Status.RELEASED) {
            throw ConflictException.of("ledger.reservation-number-released", reservationId);
        }
        batch.postHeld(new Posting(r.agentId(), r.businessDate(), kind, -r.seconds(), actor, r.reference(),
                PostingKeys.reservationPosting(r.id()), null, reason));
        LedgerEntry entry = batch.write().get(0);
        repository.closeReservation(r.id(), Reservation.Status.POSTED, entry.id(), actor, now());
        return entry;
    }

    @Transactional(readOnly = true)
    public Reservation reservation(long id) {
        return repository.reservation(id).orElseThrow(() -> new NotFoundException("Reservation", id));
    }

    @Transactional(readOnly = true)
    public List<Reservation> heldReservationsUpTo(Collection<Long> agentIds, LocalDate date) {
        return agentIds.isEmpty() ? List.of() : repository.heldReservationsUpTo(agentIds, date);
    }

    @Transactional(readOnly = true)
    public Account account(long agentId) {
        return repository.account(agentId).orElse(Account.empty(agentId));
    }

    @Transactional(readOnly = true)
    public Map<Long, Account> accounts(Collection<Long> agentIds) {
        Map<Long, Account> found = new java.util.HashMap<>(agentIds.isEmpty() ? Map.of() : repository.accounts(agentIds));
        agentIds.forEach(id -> found.putIfAbsent(id, Account.empty(id)));
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<LedgerEntry> entry(long id) {
        return repository.entry(id);
    }

    @Transactional(readOnly = true)
    public Map<String, LedgerEntry> entriesByKey(Collection<String> keys) {
        return repository.entriesByKey(keys);
    }

    public record Statement(List<LedgerEntry> entries, long total) {
    }

    @Transactional(readOnly = true)
    public Statement statement(long agentId, LocalDate from, LocalDate to, int offset, int limit) {
        return new Statement(repository.statement(agentId, from, to, offset, limit),
                repository.countStatement(agentId, from, to));
    }

    /**
     * The accounts' month (entries by business date): opening balance per agent (Σ of earlier months; absent = 0),
     * the month's sums per flow, and the seconds held in reservations at {@code endUtc} whose debit is not dated in
     * the month. Read from the monthly summary the postings keep, so a month of a large center costs a few index
     * reads per agent.
     */
    public record MonthSheet(Map<Long, Long> opening, List<MonthSum> sums, Map<Long, Long> heldAtEnd) {
    }

    @Transactional(readOnly = true)
    public MonthSheet monthSheet(Collection<Long> agentIds, java.time.YearMonth month, LocalDateTime endUtc) {
        if (agentIds.isEmpty()) {
            return new MonthSheet(Map.of(), List.of(), Map.of());
        }
        return new MonthSheet(repository.openingBalances(agentIds, month.atDay(1)),
                repository.monthSums(agentIds, month.atDay(1)),
                repository.heldAt(agentIds, endUtc, month.plusMonths(1).atDay(1)));
    }

    /**
     * The accounts' sums per flow over the business dates {@code from..to} (inclusive), exact to the day: whole
     * months from the monthly summary, the part-months at either edge from the entries. Per agent, flow and
     * reversal as in {@link MonthSheet}.
     */
    @Transactional(readOnly = true)
    public List<MonthSum> rangeSums(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        if (agentIds.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        java.time.YearMonth first = java.time.YearMonth.from(from);
        java.time.YearMonth last = java.time.YearMonth.from(to);
        if (first.equals(last) && (from.getDayOfMonth() != 1 || !to.equals(last.atEndOfMonth()))) {
            return repository.entrySumsBetween(agentIds, from, to);
        }
        List<MonthSum> sums = new java.util.ArrayList<>();
        if (from.getDayOfMonth() != 1) {
            sums.addAll(repository.entrySumsBetween(agentIds, from, first.atEndOfMonth()));
            first = first.plusMonths(1);
        }
        if (!to.equals(last.atEndOfMonth())) {
            sums.addAll(repository.entrySumsBetween(agentIds, last.atDay(1), to));
            last = last.minusMonths(1);
        }
        if (!first.isAfter(last)) {
            sums.addAll(repository.monthSumsBetween(agentIds, first.atDay(1), last.atDay(1)));
        }
        return sums;
    }

    /** Balance per agent at the end of the business date (Σ entries dated up to it; absent = 0). */
    @Transactional(readOnly = true)
    public Map<Long, Long> balancesThrough(Collection<Long> agentIds, LocalDate date) {
        if (agentIds.isEmpty()) {
            return Map.of();
        }
        LocalDate monthStart = date.withDayOfMonth(1);
        Map<Long, Long> balances = new java.util.HashMap<>(repository.openingBalances(agentIds, monthStart));
        repository.entrySumsBetween(agentIds, monthStart, date)
                .forEach(s -> balances.merge(s.agentId(), s.seconds(), Long::sum));
        return balances;
    }

    /** Closing balance per agent at the end of the month (absent = 0), from the monthly summary. */
    @Transactional(readOnly = true)
    public Map<Long, Long> closingBalances(Collection<Long> agentIds, java.time.YearMonth month) {
        return agentIds.isEmpty() ? Map.of() : repository.openingBalances(agentIds, month.plusMonths(1).atDay(1));
    }

    /** Σ entries of the account with a business date up to the date, straight from the entries (for audits). */
    @Transactional(readOnly = true)
    public long sumOfEntriesThrough(long agentId, LocalDate date) {
        return repository.sumOfEntriesThrough(agentId, date);
    }

    /** The sum of the agent's entries dated before {@code date}: a statement's opening balance. */
    @Transactional(readOnly = true)
    public long balanceBefore(long agentId, LocalDate date) {
        return repository.sumOfEntriesBefore(agentId, date);
    }

    /** For audits and tests: does the stored account agree with its entries and reservations? */
    @Transactional(readOnly = true)
    public boolean consistent(long agentId) {
        Account a = account(agentId);
        return a.balanceSeconds() == repository.sumOfEntries(agentId)
                && a.reservedSeconds() == repository.sumOfHeldReservations(agentId);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
