package com.timebank.wfm.api;

/** 409: a duplicate or a state that does not allow the request. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
