package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;

/** A break of a shift, where {@link ShiftBreaks} puts it. */
public record PlannedBreak(Kind kind, LocalDateTime start, int minutes) {

    public enum Kind {
        /** The unpaid meal break. */
        MEAL,
        /** A paid short break. */
        SHORT
    }

    public LocalDateTime end() {
        return start.plusMinutes(minutes);
    }
}
