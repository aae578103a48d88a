package com.timebank.wfm.ledger;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.Message;

/** 422: a debit or reservation larger than the available balance. */
public class InsufficientBalanceException extends BusinessRuleException {

    public InsufficientBalanceException(long agentId, long requested, long available) {
        super(Message.of("ledger.insufficient-balance", Message.duration(available), available,
                Message.duration(requested), requested));
    }
}
