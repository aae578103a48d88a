package com.timebank.wfm.timebank;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;

/**
 * A month of an agent's statement that adds up: the balance before the month's first business date, the month's
 * entries in one order (business date, then posting order) each with the running balance in that order, the credits
 * and debits per service, and the closing balance = opening + the sum of the rows. The balance stored on an entry
 * follows posting order, which differs when an entry is posted for an earlier date, so it is not shown here.
 */
public record MonthStatement(YearMonth month, long openingSeconds, List<Row> rows, List<ServiceTotal> totals,
        long closingSeconds) {

    public record Row(LedgerEntry entry, long balanceSeconds) {
    }

    /** One service's movements in the month: credits are positive, debits negative. */
    public record ServiceTotal(EntryKind kind, long creditSeconds, long debitSeconds) {
        public long netSeconds() {
            return creditSeconds + debitSeconds;
        }
    }

    /** {@code entries} must be the month's entries in business-date then posting order. */
    public static MonthStatement of(YearMonth month, long openingSeconds, List<LedgerEntry> entries) {
        long balance = openingSeconds;
        List<Row> rows = new ArrayList<>(entries.size());
        Map<EntryKind, long[]> byKind = new EnumMap<>(EntryKind.class);
        for (LedgerEntry e : entries) {
            balance += e.seconds();
            rows.add(new Row(e, balance));
            long[] t = byKind.computeIfAbsent(e.kind(), k -> new long[2]);
            t[e.seconds() >= 0 ? 0 : 1] += e.seconds();
        }
        List<ServiceTotal> totals = byKind.entrySet().stream()
                .map(t -> new ServiceTotal(t.getKey(), t.getValue()[0], t.getValue()[1])).toList();
        return new MonthStatement(month, openingSeconds, List.copyOf(rows), totals, balance);
    }

    public long creditSeconds() {
        return totals.stream().mapToLong(ServiceTotal::creditSeconds).sum();
    }

    public long debitSeconds() {
        return totals.stream().mapToLong(ServiceTotal::debitSeconds).sum();
    }
}
