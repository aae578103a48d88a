package com.timebank.wfm.api;

import java.util.Locale;

/**
 * 404: the record does not exist, or exists outside the caller's scope — the two are indistinguishable on purpose.
 * The message code is {@code not-found.<what>} ("Time-off request" → {@code not-found.time-off-request}).
 */
public class NotFoundException extends RefusedException {

    public NotFoundException(String what, Object key) {
        this(Message.of("not-found." + what.toLowerCase(Locale.ROOT).replace(' ', '-'), String.valueOf(key)));
    }

    public NotFoundException(Message reason) {
        super(reason);
    }
}
