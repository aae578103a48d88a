package com.timebank.wfm.roster;

import java.time.LocalDateTime;

/** The best score after {@code elapsedMillis} of solving (the live chart's data). */
public record ScorePoint(long elapsedMillis, long hardScore, long softScore, LocalDateTime recordedAt) {
}
