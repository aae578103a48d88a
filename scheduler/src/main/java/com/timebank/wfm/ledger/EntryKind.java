package com.timebank.wfm.ledger;

/** The service an entry belongs to; its sign follows from the service. */
public enum EntryKind {
    /** Service 1: aux time saved below the allowance (credit). */
    AUX_SAVING,
    /** Service 2: aux time above the allowance (debit). */
    AUX_OVERDRAFT,
    /** Service 3: emergency overtime with interest (credit). */
    EMERGENCY_OVERTIME,
    /** Service 4: a time bonus granted by a lead (credit). */
    TIME_BONUS,
    /** Service 5: outstanding leave offset at month close (debit). */
    LEAVE_OFFSET,
    /** Service 6: time off taken (debit of a reservation). */
    TIME_OFF,
    /** Cancels an earlier entry (the opposite sign); corrections never update entries. */
    REVERSAL,
    /** A disabled agent's available balance paid out (debit). */
    PAYOUT,
    /** A disabled agent's available balance moved to another agent (debit; the other side is TRANSFER_IN). */
    TRANSFER_OUT,
    /** The credit of a balance moved from another agent (the other side is TRANSFER_OUT). */
    TRANSFER_IN
}
