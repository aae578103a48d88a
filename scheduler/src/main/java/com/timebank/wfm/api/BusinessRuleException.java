package com.timebank.wfm.api;

/** 422: the request is well-formed but a business rule refuses it (cap reached, balance too low, quota full). */
public class BusinessRuleException extends RuntimeException {

    public BusinessRuleException(String message) {
        super(message);
    }
}
