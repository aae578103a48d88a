package com.timebank.wfm.api;

/** 422: the request is well-formed but a business rule refuses it (cap reached, balance too low, quota full). */
public class BusinessRuleException extends RefusedException {

    public BusinessRuleException(Message reason) {
        super(reason);
    }

    /** A text without a code: shown as written, untranslated. Use {@link #of(String, Object...)}. */
    @Deprecated
    public BusinessRuleException(String text) {
        this(new Message(text, null));
    }

    public static BusinessRuleException of(String code, Object... args) {
        return new BusinessRuleException(Message.of(code, args));
    }
}
