package com.timebank.wfm.timebank;

import java.math.BigDecimal;

import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.Seconds;

/**
 * Services 1 and 2 for one agent-day: {@code allowance = round_half_up(auxTarget × logged)}; aux below it is
 * credited, aux above it is debited as far as the available balance goes, and the rest becomes personal leave
 * on that date (the balance never goes negative).
 */
public record AuxSettlement(long allowanceSeconds, long creditSeconds, long debitSeconds, long leaveSeconds) {

    public static AuxSettlement settle(long loggedSeconds, long auxSeconds, BigDecimal auxTarget, long availableSeconds) {
        if (loggedSeconds < 0 || auxSeconds < 0 || auxSeconds > loggedSeconds) {
            throw new IllegalArgumentException("Impossible activity: logged " + loggedSeconds + " s, aux " + auxSeconds + " s");
        }
        long allowance = Seconds.times(loggedSeconds, auxTarget);
        if (auxSeconds <= allowance) {
            return new AuxSettlement(allowance, allowance - auxSeconds, 0, 0);
        }
        long excess = auxSeconds - allowance;
        long debit = Math.min(excess, Math.max(0, availableSeconds));
        return new AuxSettlement(allowance, 0, debit, excess - debit);
    }

    /** The signed amount to post (0: nothing to post). */
    public long entrySeconds() {
        return creditSeconds - debitSeconds;
    }

    public EntryKind kind() {
        return creditSeconds > 0 ? EntryKind.AUX_SAVING : EntryKind.AUX_OVERDRAFT;
    }
}
