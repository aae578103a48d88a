package com.timebank.wfm.roster.solver;

/**
 * Break rules of a shift template, all offsets in minutes from the shift start.
 *
 * @param mealBreakMinutes       unpaid meal break length (0 = no meal break)
 * @param mealWindowStartOffset  earliest start of the meal break
 * @param mealWindowEndOffset    latest start of the meal break
 * @param shortBreakCount        number of paid short breaks (0, 1 or 2)
 * @param shortBreakMinutes      length of each short break
 */
public record BreakRule(int mealBreakMinutes, int mealWindowStartOffset, int mealWindowEndOffset,
        int shortBreakCount, int shortBreakMinutes) {

    public BreakRule {
        if (mealBreakMinutes < 0 || shortBreakCount < 0 || shortBreakMinutes < 0) {
            throw new IllegalArgumentException("Break minutes and counts must not be negative.");
        }
        if (mealBreakMinutes > 0 && mealWindowEndOffset < mealWindowStartOffset) {
            throw new IllegalArgumentException("Meal window end (" + mealWindowEndOffset
                    + ") is before its start (" + mealWindowStartOffset + ").");
        }
    }

    public static BreakRule none() {
        return new BreakRule(0, 0, 0, 0, 0);
    }

    /**
     * A typical contact-center rule: shifts of 6 h and more get a meal break that starts no earlier than 2 h
     * after the shift start and ends no later than 2 h before the shift end, plus two paid 15-minute breaks;
     * shorter shifts get one paid 15-minute break.
     */
    public static BreakRule standard(int lengthMinutes, int mealBreakMinutes) {
        if (lengthMinutes >= 360 && mealBreakMinutes > 0) {
            int earliest = 120;
            int latest = Math.max(earliest, lengthMinutes - 120 - mealBreakMinutes);
            return new BreakRule(mealBreakMinutes, earliest, latest, 2, 15);
        }
        return new BreakRule(0, 0, 0, lengthMinutes >= 180 ? 1 : 0, 15);
    }

    public boolean hasMealBreak() {
        return mealBreakMinutes > 0;
    }
}
