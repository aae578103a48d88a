package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;

class MonthStatementTest {

    private static LedgerEntry entry(long id, int day, EntryKind kind, long seconds, long storedBalanceAfter) {
        return new LedgerEntry(id, 1, LocalDate.of(2026, 11, day), kind, seconds, storedBalanceAfter, "t", "r", "k" + id,
                null, LocalDateTime.of(2026, 12, 1, 2, 0), null);
    }

    @Test
    void openingPlusTheRowsIsTheClosingAndTheRunningBalanceFollowsTheRows() {
        // the stored balances follow posting order (a late posting for the 5th): the statement does not use them
        List<LedgerEntry> rows = List.of(entry(7, 5, EntryKind.AUX_SAVING, 600, 9_000),
                entry(3, 9, EntryKind.AUX_OVERDRAFT, -720, 7_680), entry(4, 9, EntryKind.AUX_SAVING, 300, 7_980),
                entry(5, 20, EntryKind.TIME_BONUS, 1_200, 8_400));
        MonthStatement s = MonthStatement.of(YearMonth.of(2026, 11), 7_800, rows);
        assertThat(s.rows()).extracting(MonthStatement.Row::balanceSeconds).containsExactly(8_400L, 7_680L, 7_980L, 9_180L);
        assertThat(s.closingSeconds()).isEqualTo(7_800 + 600 - 720 + 300 + 1_200);
        assertThat(s.totals()).containsExactly(new MonthStatement.ServiceTotal(EntryKind.AUX_SAVING, 900, 0),
                new MonthStatement.ServiceTotal(EntryKind.AUX_OVERDRAFT, 0, -720),
                new MonthStatement.ServiceTotal(EntryKind.TIME_BONUS, 1_200, 0));
        assertThat(s.openingSeconds() + s.creditSeconds() + s.debitSeconds()).isEqualTo(s.closingSeconds());
    }

    @Test
    void anEmptyMonthClosesAtItsOpening() {
        MonthStatement s = MonthStatement.of(YearMonth.of(2026, 11), 3_600, List.of());
        assertThat(s.closingSeconds()).isEqualTo(3_600);
        assertThat(s.totals()).isEmpty();
    }
}
