package com.timebank.wfm.roster.solver;

/** An agent's preference for the time of day of their shifts. */
public enum ShiftTimePreference {
    /** No preference. */
    NONE,
    /** Prefers early shifts: a late shift is a preference violation. */
    EARLY,
    /** Prefers late shifts: an early shift is a preference violation. */
    LATE;

    /** Whether working {@code shift} goes against this preference. */
    public boolean isViolatedBy(ShiftOption shift) {
        return switch (this) {
            case NONE -> false;
            case EARLY -> shift.isLate();
            case LATE -> shift.isEarly();
        };
    }
}
