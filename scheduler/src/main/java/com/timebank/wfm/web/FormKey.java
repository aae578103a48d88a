package com.timebank.wfm.web;

import java.util.UUID;

/**
 * A key a page chooses when it shows a form, sent back with it: the service does the form's work once per key, so a
 * form sent twice (a double click, a resend) grants or records once.
 */
public final class FormKey {

    private FormKey() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** The key when it is one a page chose (a UUID); otherwise none, and the form's work is its own. */
    public static String orNull(String key) {
        try {
            return key == null ? null : UUID.fromString(key).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
