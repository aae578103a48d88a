package com.timebank.wfm.api;

/** 403: the caller's role may not perform this kind of action at all (no particular record is involved). */
public class ForbiddenException extends RefusedException {

    public ForbiddenException(Message reason) {
        super(reason);
    }

    /** A text without a code: shown as written, untranslated. Use {@link #of(String, Object...)}. */
    @Deprecated
    public ForbiddenException(String text) {
        this(new Message(text, null));
    }

    public static ForbiddenException of(String code, Object... args) {
        return new ForbiddenException(Message.of(code, args));
    }
}
