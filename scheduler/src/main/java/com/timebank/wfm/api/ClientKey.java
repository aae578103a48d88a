package com.timebank.wfm.api;

/**
 * A key the client chose for one intended action (the API's {@code Idempotency-Key}), which the filter keeps with
 * the answer and a service may keep with what it creates, so that a retry finds it.
 */
public final class ClientKey {

    /** The header that carries it. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key the API takes; every column that keeps one (with its prefix) fits it. */
    public static final int MAX_LENGTH = 255;

    private ClientKey() {
    }

    /** A key given to a service: blank or longer than {@link #MAX_LENGTH} is refused, named by its header. */
    public static void check(Validation v, String key) {
        v.require(key == null || (!key.isBlank() && key.length() <= MAX_LENGTH), "idempotencyKey",
                "idempotency.key.invalid", HEADER);
    }
}
