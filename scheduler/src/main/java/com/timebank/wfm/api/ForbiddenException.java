package com.timebank.wfm.api;

/** 403: the caller's role may not perform this kind of action at all (no particular record is involved). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
