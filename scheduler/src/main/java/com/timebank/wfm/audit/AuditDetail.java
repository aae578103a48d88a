package com.timebank.wfm.audit;

import java.util.Collection;

import com.timebank.wfm.api.Message;

/** Arguments that audit details of several capabilities share, written alike everywhere. */
public final class AuditDetail {

    private AuditDetail() {
    }

    /** A list of values (shown as a list of the reader's language), or "none" when it is empty. */
    public static Object list(Collection<?> items) {
        return items == null || items.isEmpty() ? Message.of("audit.none") : items;
    }

    /** A value that may be missing (an agent's employee number, a preferred shift): itself or "none". */
    public static Object orNone(Object value) {
        return value == null ? Message.of("audit.none") : value;
    }

    /**
     * An amount of time as people read it ({@code 7 h 46 min}), with the exact seconds when it is no whole number of
     * minutes: the audit keeps what was posted, and the short form would round it.
     */
    public static Message amount(long seconds) {
        return seconds % 60 == 0 || Math.abs(seconds) < 60 ? Message.duration(seconds)
                : Message.of("audit.seconds-exact", Message.duration(seconds), seconds);
    }
}
