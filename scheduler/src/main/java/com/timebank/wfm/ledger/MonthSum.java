package com.timebank.wfm.ledger;

import java.time.LocalDate;

/**
 * An account's entries of one month (by business date) and one flow, summed: {@code flow} is the entry kind, or for
 * reversals ({@code reversal} true) the kind of the entry reversed.
 */
public record MonthSum(long agentId, EntryKind flow, boolean reversal, long seconds, int entries) {

    record Key(long agentId, LocalDate monthStart, EntryKind flow, boolean reversal) {
    }
}
