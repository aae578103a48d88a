package com.timebank.wfm.roster.solver;

/**
 * An agent's fixed shifts (published, pinned) just outside the horizon, as far as the rules that look across the
 * period edge need them: the end of the last shift before the horizon and the start of the first one after it
 * (minimum rest), and the run of working days ending the day before and starting the day after the horizon
 * (maximum consecutive working days). Minutes are in {@link Unavailability#localMinute} units.
 *
 * @param workedDaysBefore consecutive working days up to the day before the horizon (at most the agent's maximum)
 * @param workedDaysAfter  consecutive working days from the day after the horizon (at most the agent's maximum)
 */
public record PeriodEdges(long previousShiftEndMinute, long nextShiftStartMinute, int workedDaysBefore,
        int workedDaysAfter, int horizonDays) {

    static final long NO_SHIFT_BEFORE = Long.MIN_VALUE;
    static final long NO_SHIFT_AFTER = Long.MAX_VALUE;
    public static final PeriodEdges NONE = new PeriodEdges(NO_SHIFT_BEFORE, NO_SHIFT_AFTER, 0, 0, 0);

    /** Minutes of rest missing between {@code shift} on {@code day} and the fixed shifts outside the horizon. */
    public long restShortfall(RosterDay day, ShiftOption shift, int minRestMinutes) {
        long shortfall = 0;
        if (day.getDayIndex() == 0 && hasShiftBefore()) {
            long start = day.getStartMinute() + shift.getStartMinuteOfDay();
            shortfall += Math.max(0L, minRestMinutes - (start - previousShiftEndMinute));
        }
        if (day.getDayIndex() == day.getHorizonDays() - 1 && hasShiftAfter()) {
            long end = day.getStartMinute() + shift.getEndMinuteOfDay();
            shortfall += Math.max(0L, minRestMinutes - (nextShiftStartMinute - end));
        }
        return shortfall;
    }

    public boolean hasShiftBefore() {
        return previousShiftEndMinute != NO_SHIFT_BEFORE;
    }

    public boolean hasShiftAfter() {
        return nextShiftStartMinute != NO_SHIFT_AFTER;
    }
}
