package com.timebank.wfm.api;

/** 404: the record does not exist, or exists outside the caller's scope — the two are indistinguishable on purpose. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " " + key + " not found");
    }
}
