package com.timebank.wfm.api;

/** The common part of the API's refusals: the reason as a {@link Message}, its English text as the exception's. */
public abstract class RefusedException extends RuntimeException implements Refusal {

    private final transient Message reason;

    protected RefusedException(Message reason) {
        super(reason.english());
        this.reason = reason;
    }

    @Override
    public Message reason() {
        return reason;
    }
}
