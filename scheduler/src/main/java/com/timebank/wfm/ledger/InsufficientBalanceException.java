package com.timebank.wfm.ledger;

import com.timebank.wfm.api.BusinessRuleException;

/** 422: a debit or reservation larger than the available balance. */
public class InsufficientBalanceException extends BusinessRuleException {

    public InsufficientBalanceException(long agentId, long requested, long available) {
        super("The available balance (" + Seconds.format(available) + ", " + available + " s) does not cover "
                + Seconds.format(requested) + " (" + requested + " s)");
    }
}
