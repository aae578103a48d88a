package com.timebank.wfm.history;

import java.time.LocalDateTime;

/** Offered contacts and average handle time of one queue in one interval (center local time). */
public record ContactVolume(String queue, LocalDateTime intervalStart, int contacts, int ahtSeconds) {

    public static final String DEFAULT_QUEUE = "default";
}
