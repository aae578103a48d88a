package com.timebank.wfm.api;

/** 409: a duplicate or a state that does not allow the request. */
public class ConflictException extends RefusedException {

    public ConflictException(Message reason) {
        super(reason);
    }

    /** A text without a code: shown as written, untranslated. Use {@link #of(String, Object...)}. */
    @Deprecated
    public ConflictException(String text) {
        this(new Message(text, null));
    }

    public static ConflictException of(String code, Object... args) {
        return new ConflictException(Message.of(code, args));
    }
}
