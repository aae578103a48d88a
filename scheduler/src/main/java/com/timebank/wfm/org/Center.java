package com.timebank.wfm.org;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** An operating unit with its own time zone and interval grid; business dates are dates in its zone. */
public record Center(long id, String code, String name, ZoneId timeZone, int intervalMinutes) {

    public static final java.util.Set<Integer> INTERVALS = java.util.Set.of(5, 15, 30, 60);

    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }
}
