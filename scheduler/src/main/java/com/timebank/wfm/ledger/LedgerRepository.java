package com.timebank.wfm.ledger;

import static com.timebank.wfm.db.Tables.LEDGER_ENTRY;
import static com.timebank.wfm.db.Tables.LEDGER_MONTH_SUMMARY;
import static com.timebank.wfm.db.Tables.TIMEBANK_ACCOUNT;
import static com.timebank.wfm.db.Tables.TIMEBANK_RESERVATION;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.api.ReasonArgs;
import com.timebank.wfm.database.BulkStatements;
import com.timebank.wfm.database.Ids;
import com.timebank.wfm.db.tables.records.LedgerEntryRecord;
import com.timebank.wfm.db.tables.records.TimebankReservationRecord;

@Repository
class LedgerRepository {

    private final DSLContext db;
    private final DSLContext bulk;

    LedgerRepository(DSLContext db) {
        this.db = db;
        this.bulk = BulkStatements.of(db);
    }

    /** Locks the accounts (creating missing ones) in id order, so concurrent lockers cannot deadlock on them. */
    Map<Long, Account> lockAccounts(Collection<Long> agentIds, LocalDateTime now) {
        TreeSet<Long> ids = new TreeSet<>(agentIds);
        Map<Long, Account> locked = selectForUpdate(ids);
        if (locked.size() < ids.size()) {
            var insert = bulk.insertInto(TIMEBANK_ACCOUNT, TIMEBANK_ACCOUNT.AGENT_ID, TIMEBANK_ACCOUNT.BALANCE_SECONDS,
                    TIMEBANK_ACCOUNT.RESERVED_SECONDS, TIMEBANK_ACCOUNT.UPDATED_AT);
            for (Long id : ids) {
                if (!locked.containsKey(id)) {
                    insert = insert.values(id, 0L, 0L, now);
                }
            }
            insert.onDuplicateKeyIgnore().execute();
            locked = selectForUpdate(ids);
        }
        return locked;
    }

    private Map<Long, Account> selectForUpdate(Collection<Long> ids) {
        Map<Long, Account> accounts = new java.util.HashMap<>();
        bulk.select(TIMEBANK_ACCOUNT.AGENT_ID, TIMEBANK_ACCOUNT.BALANCE_SECONDS, TIMEBANK_ACCOUNT.RESERVED_SECONDS)
                .from(TIMEBANK_ACCOUNT).where(TIMEBANK_ACCOUNT.AGENT_ID.in(ids))
                .orderBy(TIMEBANK_ACCOUNT.AGENT_ID).forUpdate()
                .forEach(r -> accounts.put(r.value1(), new Account(r.value1(), r.value2(), r.value3())));
        return accounts;
    }

    Optional<Account> account(long agentId) {
        return db.select(TIMEBANK_ACCOUNT.AGENT_ID, TIMEBANK_ACCOUNT.BALANCE_SECONDS, TIMEBANK_ACCOUNT.RESERVED_SECONDS)
                .from(TIMEBANK_ACCOUNT).where(TIMEBANK_ACCOUNT.AGENT_ID.eq(agentId))
                .fetchOptional(r -> new Account(r.value1(), r.value2(), r.value3()));
    }

    Map<Long, Account> accounts(Collection<Long> agentIds) {
        Map<Long, Account> accounts = new java.util.HashMap<>();
        db.select(TIMEBANK_ACCOUNT.AGENT_ID, TIMEBANK_ACCOUNT.BALANCE_SECONDS, TIMEBANK_ACCOUNT.RESERVED_SECONDS)
                .from(TIMEBANK_ACCOUNT).where(TIMEBANK_ACCOUNT.AGENT_ID.in(agentIds))
                .forEach(r -> accounts.put(r.value1(), new Account(r.value1(), r.value2(), r.value3())));
        return accounts;
    }

    /** Writes the accounts' new balances in one statement. */
    void saveAccounts(Collection<Account> accounts, LocalDateTime now) {
        if (accounts.isEmpty()) {
            return;
        }
        var insert = bulk.insertInto(TIMEBANK_ACCOUNT, TIMEBANK_ACCOUNT.AGENT_ID, TIMEBANK_ACCOUNT.BALANCE_SECONDS,
                TIMEBANK_ACCOUNT.RESERVED_SECONDS, TIMEBANK_ACCOUNT.UPDATED_AT);
        for (Account a : accounts) {
            insert = insert.values(a.agentId(), a.balanceSeconds(), a.reservedSeconds(), now);
        }
        insert.onDuplicateKeyUpdate()
                .set(TIMEBANK_ACCOUNT.BALANCE_SECONDS, DSL.excluded(TIMEBANK_ACCOUNT.BALANCE_SECONDS))
                .set(TIMEBANK_ACCOUNT.RESERVED_SECONDS, DSL.excluded(TIMEBANK_ACCOUNT.RESERVED_SECONDS))
                .set(TIMEBANK_ACCOUNT.UPDATED_AT, DSL.excluded(TIMEBANK_ACCOUNT.UPDATED_AT))
                .execute();
    }

    Map<String, LedgerEntry> entriesByKey(Collection<String> keys) {
        Map<String, LedgerEntry> found = new java.util.HashMap<>();
        if (!keys.isEmpty()) {
            bulk.selectFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.IDEMPOTENCY_KEY.in(keys))
                    .forEach(r -> found.put(r.getIdempotencyKey(), entry(r)));
        }
        return found;
    }

    /** Appends entries with one multi-row insert. */
    void insertEntries(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var insert = bulk.insertInto(LEDGER_ENTRY, LEDGER_ENTRY.AGENT_ID, LEDGER_ENTRY.BUSINESS_DATE, LEDGER_ENTRY.KIND,
                LEDGER_ENTRY.SECONDS, LEDGER_ENTRY.BALANCE_AFTER_SECONDS, LEDGER_ENTRY.ACTOR, LEDGER_ENTRY.REFERENCE,
                LEDGER_ENTRY.IDEMPOTENCY_KEY, LEDGER_ENTRY.REVERSES_ENTRY_ID, LEDGER_ENTRY.CREATED_AT,
                LEDGER_ENTRY.REASON_CODE, LEDGER_ENTRY.REASON_ARGS);
        for (LedgerEntry e : entries) {
            insert = insert.values(e.agentId(), e.businessDate(), e.kind().name(), e.seconds(), e.balanceAfterSeconds(),
                    e.actor(), e.reference(), e.idempotencyKey(), e.reversesEntryId(), e.createdAt(),
                    e.reason() == null ? null : e.reason().code(), e.reason() == null ? null : ReasonArgs.write(e.reason()));
        }
        insert.execute();
        addToMonthSummary(entries);
    }

    /** Adds the entries to the per-account monthly sums, in the same transaction (the accounts are locked). */
    private void addToMonthSummary(List<LedgerEntry> entries) {
        Map<Long, EntryKind> reversedFlows = flowsOf(entries.stream().map(LedgerEntry::reversesEntryId)
                .filter(java.util.Objects::nonNull).toList());
        Map<MonthSum.Key, long[]> sums = new java.util.LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            EntryKind flow = e.kind() == EntryKind.REVERSAL ? reversedFlows.getOrDefault(e.reversesEntryId(), EntryKind.REVERSAL) : e.kind();
            long[] sum = sums.computeIfAbsent(new MonthSum.Key(e.agentId(), e.businessDate().withDayOfMonth(1), flow,
                    e.kind() == EntryKind.REVERSAL), k -> new long[2]);
            sum[0] += e.seconds();
            sum[1]++;
        }
        var upsert = bulk.insertInto(LEDGER_MONTH_SUMMARY, LEDGER_MONTH_SUMMARY.AGENT_ID, LEDGER_MONTH_SUMMARY.MONTH_START,
                LEDGER_MONTH_SUMMARY.FLOW, LEDGER_MONTH_SUMMARY.REVERSAL, LEDGER_MONTH_SUMMARY.SECONDS,
                LEDGER_MONTH_SUMMARY.ENTRIES);
        for (var s : sums.entrySet()) {
            MonthSum.Key k = s.getKey();
            upsert = upsert.values(k.agentId(), k.monthStart(), k.flow().name(), k.reversal(), s.getValue()[0],
                    (int) s.getValue()[1]);
        }
        upsert.onDuplicateKeyUpdate()
                .set(LEDGER_MONTH_SUMMARY.SECONDS, LEDGER_MONTH_SUMMARY.SECONDS.plus(DSL.excluded(LEDGER_MONTH_SUMMARY.SECONDS)))
                .set(LEDGER_MONTH_SUMMARY.ENTRIES, LEDGER_MONTH_SUMMARY.ENTRIES.plus(DSL.excluded(LEDGER_MONTH_SUMMARY.ENTRIES)))
                .execute();
    }

    /** The flow each entry belongs to: its kind, or for a reversal the flow of the entry it reverses. */
    private Map<Long, EntryKind> flowsOf(Collection<Long> entryIds) {
        Map<Long, EntryKind> flows = new java.util.HashMap<>();
        // entry still to look up -> the reversed entries whose flow it decides
        Map<Long, List<Long>> pending = new java.util.HashMap<>();
        entryIds.forEach(id -> pending.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(id));
        while (!pending.isEmpty()) {
            Map<Long, List<Long>> next = new java.util.HashMap<>();
            for (var r : db.select(LEDGER_ENTRY.ID, LEDGER_ENTRY.KIND, LEDGER_ENTRY.REVERSES_ENTRY_ID).from(LEDGER_ENTRY)
                    .where(LEDGER_ENTRY.ID.in(pending.keySet())).fetch()) {
                EntryKind kind = EntryKind.valueOf(r.value2());
                List<Long> origins = pending.get(r.value1());
                if (kind == EntryKind.REVERSAL && r.value3() != null) {
                    next.computeIfAbsent(r.value3(), k -> new java.util.ArrayList<>()).addAll(origins);
                } else {
                    origins.forEach(o -> flows.put(o, kind));
                }
            }
            pending.clear();
            pending.putAll(next);
        }
        return flows;
    }

    /** Per account: the sum of the months before {@code month} (the opening balance). */
    Map<Long, Long> openingBalances(Collection<Long> agentIds, LocalDate monthStart) {
        Map<Long, Long> opening = new java.util.HashMap<>();
        bulk.select(LEDGER_MONTH_SUMMARY.AGENT_ID, DSL.sum(LEDGER_MONTH_SUMMARY.SECONDS).cast(Long.class))
                .from(LEDGER_MONTH_SUMMARY)
                .where(LEDGER_MONTH_SUMMARY.AGENT_ID.in(agentIds).and(LEDGER_MONTH_SUMMARY.MONTH_START.lt(monthStart)))
                .groupBy(LEDGER_MONTH_SUMMARY.AGENT_ID)
                .forEach(r -> opening.put(r.value1(), r.value2()));
        return opening;
    }

    /** The month's sums of the accounts, per flow and reversal. */
    List<MonthSum> monthSums(Collection<Long> agentIds, LocalDate monthStart) {
        return bulk.select(LEDGER_MONTH_SUMMARY.AGENT_ID, LEDGER_MONTH_SUMMARY.FLOW, LEDGER_MONTH_SUMMARY.REVERSAL,
                        LEDGER_MONTH_SUMMARY.SECONDS, LEDGER_MONTH_SUMMARY.ENTRIES)
                .from(LEDGER_MONTH_SUMMARY)
                .where(LEDGER_MONTH_SUMMARY.AGENT_ID.in(agentIds).and(LEDGER_MONTH_SUMMARY.MONTH_START.eq(monthStart)))
                .fetch(r -> new MonthSum(r.value1(), EntryKind.valueOf(r.value2()), r.value3(), r.value4(), r.value5()));
    }

    /** The accounts' sums per flow and reversal over whole months {@code firstMonth..lastMonth} (month starts). */
    List<MonthSum> monthSumsBetween(Collection<Long> agentIds, LocalDate firstMonth, LocalDate lastMonth) {
        return bulk.select(LEDGER_MONTH_SUMMARY.AGENT_ID, LEDGER_MONTH_SUMMARY.FLOW, LEDGER_MONTH_SUMMARY.REVERSAL,
                        DSL.sum(LEDGER_MONTH_SUMMARY.SECONDS).cast(Long.class),
                        DSL.sum(LEDGER_MONTH_SUMMARY.ENTRIES).cast(Integer.class))
                .from(LEDGER_MONTH_SUMMARY)
                .where(LEDGER_MONTH_SUMMARY.AGENT_ID.in(agentIds)
                        .and(LEDGER_MONTH_SUMMARY.MONTH_START.between(firstMonth, lastMonth)))
                .groupBy(LEDGER_MONTH_SUMMARY.AGENT_ID, LEDGER_MONTH_SUMMARY.FLOW, LEDGER_MONTH_SUMMARY.REVERSAL)
                .fetch(r -> new MonthSum(r.value1(), EntryKind.valueOf(r.value2()), r.value3(), r.value4(), r.value5()));
    }

    /**
     * The accounts' sums per flow and reversal over business dates {@code from..to} straight from the entries (for
     * part of a month, which the monthly summary cannot give); flows as the summary keeps them.
     */
    List<MonthSum> entrySumsBetween(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        var rows = bulk.select(LEDGER_ENTRY.AGENT_ID, LEDGER_ENTRY.KIND, LEDGER_ENTRY.REVERSES_ENTRY_ID,
                        DSL.sum(LEDGER_ENTRY.SECONDS).cast(Long.class), DSL.count())
                .from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.AGENT_ID.in(agentIds).and(LEDGER_ENTRY.BUSINESS_DATE.between(from, to)))
                .groupBy(LEDGER_ENTRY.AGENT_ID, LEDGER_ENTRY.KIND, LEDGER_ENTRY.REVERSES_ENTRY_ID)
                .fetch();
        Map<Long, EntryKind> reversedFlows = flowsOf(rows.stream().map(r -> r.value3())
                .filter(java.util.Objects::nonNull).toList());
        Map<MonthSum.Key, long[]> sums = new java.util.LinkedHashMap<>();
        for (var r : rows) {
            EntryKind kind = EntryKind.valueOf(r.value2());
            boolean reversal = kind == EntryKind.REVERSAL;
            EntryKind flow = reversal ? reversedFlows.getOrDefault(r.value3(), EntryKind.REVERSAL) : kind;
            long[] sum = sums.computeIfAbsent(new MonthSum.Key(r.value1(), from, flow, reversal), k -> new long[2]);
            sum[0] += r.value4();
            sum[1] += r.value5();
        }
        return sums.entrySet().stream().map(e -> new MonthSum(e.getKey().agentId(), e.getKey().flow(),
                e.getKey().reversal(), e.getValue()[0], (int) e.getValue()[1])).toList();
    }

    /**
     * Seconds held at the end of a month: reservations made by {@code utc} and not yet closed then, except those
     * posted with a business date before {@code nextMonthStart} — their debit is dated in the month, so the closing
     * already holds it (a time off of the 31st posted after midnight must not count twice).
     */
    Map<Long, Long> heldAt(Collection<Long> agentIds, LocalDateTime utc, LocalDate nextMonthStart) {
        Map<Long, Long> held = new java.util.HashMap<>();
        bulk.select(TIMEBANK_RESERVATION.AGENT_ID, DSL.sum(TIMEBANK_RESERVATION.SECONDS).cast(Long.class))
                .from(TIMEBANK_RESERVATION)
                .where(TIMEBANK_RESERVATION.AGENT_ID.in(agentIds)
                        .and(TIMEBANK_RESERVATION.CREATED_AT.le(utc))
                        .and(TIMEBANK_RESERVATION.CLOSED_AT.isNull().or(TIMEBANK_RESERVATION.CLOSED_AT.gt(utc)))
                        .andNot(TIMEBANK_RESERVATION.STATUS.eq(Reservation.Status.POSTED.name())
                                .and(TIMEBANK_RESERVATION.BUSINESS_DATE.lt(nextMonthStart))))
                .groupBy(TIMEBANK_RESERVATION.AGENT_ID)
                .forEach(r -> held.put(r.value1(), r.value2()));
        return held;
    }

    /** Σ entries of the account with a business date up to {@code date}: for audits of the summary. */
    long sumOfEntriesThrough(long agentId, LocalDate date) {
        Long sum = db.select(DSL.sum(LEDGER_ENTRY.SECONDS).cast(Long.class)).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.AGENT_ID.eq(agentId).and(LEDGER_ENTRY.BUSINESS_DATE.le(date)))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    /** The stored versions, with ids, of entries just inserted; in the given order. */
    List<LedgerEntry> entriesWithIds(List<LedgerEntry> entries) {
        Map<String, LedgerEntry> stored = entriesByKey(entries.stream().map(LedgerEntry::idempotencyKey).toList());
        return entries.stream().map(e -> stored.get(e.idempotencyKey())).toList();
    }

    Optional<LedgerEntry> entry(long id) {
        return db.selectFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.ID.eq(id)).fetchOptional().map(LedgerRepository::entry);
    }

    List<LedgerEntry> statement(long agentId, LocalDate from, LocalDate to, int offset, int limit) {
        return db.selectFrom(LEDGER_ENTRY).where(statementOf(agentId, from, to))
                .orderBy(LEDGER_ENTRY.BUSINESS_DATE, LEDGER_ENTRY.ID)
                .offset(offset).limit(limit)
                .fetch(LedgerRepository::entry);
    }

    int countStatement(long agentId, LocalDate from, LocalDate to) {
        return db.fetchCount(LEDGER_ENTRY, statementOf(agentId, from, to));
    }

    long sumOfEntries(long agentId) {
        Long sum = db.select(DSL.sum(LEDGER_ENTRY.SECONDS).cast(Long.class)).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.AGENT_ID.eq(agentId)).fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    long sumOfEntriesBefore(long agentId, LocalDate date) {
        Long sum = db.select(DSL.sum(LEDGER_ENTRY.SECONDS).cast(Long.class)).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.AGENT_ID.eq(agentId).and(LEDGER_ENTRY.BUSINESS_DATE.lt(date)))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    long sumOfHeldReservations(long agentId) {
        Long sum = db.select(DSL.sum(TIMEBANK_RESERVATION.SECONDS).cast(Long.class)).from(TIMEBANK_RESERVATION)
                .where(TIMEBANK_RESERVATION.AGENT_ID.eq(agentId)
                        .and(TIMEBANK_RESERVATION.STATUS.eq(Reservation.Status.HELD.name())))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    private static Condition statementOf(long agentId, LocalDate from, LocalDate to) {
        Condition c = LEDGER_ENTRY.AGENT_ID.eq(agentId);
        if (from != null) {
            c = c.and(LEDGER_ENTRY.BUSINESS_DATE.ge(from));
        }
        if (to != null) {
            c = c.and(LEDGER_ENTRY.BUSINESS_DATE.le(to));
        }
        return c;
    }

    long insertReservation(long agentId, LocalDate date, long seconds, String reference, String key, LocalDateTime now) {
        db.insertInto(TIMEBANK_RESERVATION)
                .set(TIMEBANK_RESERVATION.AGENT_ID, agentId)
                .set(TIMEBANK_RESERVATION.BUSINESS_DATE, date)
                .set(TIMEBANK_RESERVATION.SECONDS, seconds)
                .set(TIMEBANK_RESERVATION.STATUS, Reservation.Status.HELD.name())
                .set(TIMEBANK_RESERVATION.REFERENCE, reference)
                .set(TIMEBANK_RESERVATION.IDEMPOTENCY_KEY, key)
                .set(TIMEBANK_RESERVATION.CREATED_AT, now)
                .execute();
        return Ids.lastInserted(db);
    }

    Optional<Reservation> reservation(long id) {
        return db.selectFrom(TIMEBANK_RESERVATION).where(TIMEBANK_RESERVATION.ID.eq(id)).fetchOptional()
                .map(LedgerRepository::reservation);
    }

    Optional<Reservation> reservationByKey(String key) {
        return db.selectFrom(TIMEBANK_RESERVATION).where(TIMEBANK_RESERVATION.IDEMPOTENCY_KEY.eq(key)).fetchOptional()
                .map(LedgerRepository::reservation);
    }

    void closeReservation(long id, Reservation.Status status, Long entryId, String actor, LocalDateTime now) {
        db.update(TIMEBANK_RESERVATION)
                .set(TIMEBANK_RESERVATION.STATUS, status.name())
                .set(TIMEBANK_RESERVATION.ENTRY_ID, entryId)
                .set(TIMEBANK_RESERVATION.CLOSED_AT, now)
                .set(TIMEBANK_RESERVATION.CLOSED_BY, actor)
                .where(TIMEBANK_RESERVATION.ID.eq(id))
                .execute();
    }

    List<Reservation> heldReservationsUpTo(Collection<Long> agentIds, LocalDate date) {
        return db.selectFrom(TIMEBANK_RESERVATION)
                .where(TIMEBANK_RESERVATION.AGENT_ID.in(agentIds)
                        .and(TIMEBANK_RESERVATION.STATUS.eq(Reservation.Status.HELD.name()))
                        .and(TIMEBANK_RESERVATION.BUSINESS_DATE.le(date)))
                .orderBy(TIMEBANK_RESERVATION.ID)
                .fetch(LedgerRepository::reservation);
    }

    static LedgerEntry entry(LedgerEntryRecord r) {
        return new LedgerEntry(r.getId(), r.getAgentId(), r.getBusinessDate(), EntryKind.valueOf(r.getKind()),
                r.getSeconds(), r.getBalanceAfterSeconds(), r.getActor(), r.getReference(), r.getIdempotencyKey(),
                r.getReversesEntryId(), r.getCreatedAt(),
                r.getReasonCode() == null ? null : ReasonArgs.read(r.getReasonCode(), r.getReasonArgs()));
    }

    private static Reservation reservation(TimebankReservationRecord r) {
        return new Reservation(r.getId(), r.getAgentId(), r.getBusinessDate(), r.getSeconds(),
                Reservation.Status.valueOf(r.getStatus()), r.getReference(), r.getEntryId());
    }
}
