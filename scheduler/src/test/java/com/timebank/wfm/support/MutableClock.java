package com.timebank.wfm.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Real time unless a test pins it; pinning affects the whole test context, so tests reset it when done. */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();
    private final ZoneId zone;

    public MutableClock() {
        this(ZoneOffset.UTC, null);
    }

    private MutableClock(ZoneId zone, Instant pinnedAt) {
        this.zone = zone;
        this.pinned.set(pinnedAt);
    }

    public void pin(Instant instant) {
        pinned.set(instant);
    }

    public void reset() {
        pinned.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return parent.withZone(z);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant p = pinned.get();
        return p != null ? p : Instant.now();
    }
}
