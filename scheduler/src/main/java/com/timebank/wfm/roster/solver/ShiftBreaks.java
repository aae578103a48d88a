package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a shift's breaks fall: a fixed function of the shift's length and its template's {@link BreakRule}, so that
 * every shift option carries its breaks and the solver scores the coverage net of them (see {@link NetCoverage}).
 * The roster publishes exactly these breaks, and shifts read back from the published roster (without their break
 * times) get them again from the same rule.
 * <p>
 * <b>Why a rule and not a post-pass or planning variables.</b> The requirement is agents on the phone, so where a
 * break falls changes the objective; a post-pass that staggers breaks after solving optimises one coverage and
 * reports another. Break positions as planning variables would triple the entities and slow every move. A rule
 * makes each shift option's net coverage a constant vector: the search (constraints and greedy alike) sees exactly
 * the coverage the roster reports, at no cost per move. Breaks still stagger, because starts do: options start every
 * 30 minutes (or the template's step) and each break sits at a fixed offset from its shift's start.
 * <p>
 * <b>The rule.</b> The meal break starts in the middle of its window (rounded down to a 15-minute step from the
 * window start). Short breaks sit in the middle of the part before and the part after the meal break (or of each
 * half of a shift without a meal, or of the whole of a short shift), at least 45 minutes from the shift edges and
 * from the meal break, on the same 15-minute step.
 */
public final class ShiftBreaks {

    static final int STEP_MINUTES = 15;
    static final int MIN_GAP_MINUTES = 45;

    /** A break as an offset in minutes from its shift's start. */
    public record Offset(PlannedBreak.Kind kind, int offsetMinutes, int minutes) {

        public PlannedBreak at(LocalDateTime shiftStart) {
            return new PlannedBreak(kind, shiftStart.plusMinutes(offsetMinutes), minutes);
        }
    }

    private ShiftBreaks() {
    }

    /** The breaks of a shift of {@code lengthMinutes} under {@code rule}, sorted by offset. */
    public static List<Offset> of(int lengthMinutes, BreakRule rule) {
        List<Offset> breaks = new ArrayList<>(3);
        int mealStart = -1;
        int mealEnd = -1;
        if (rule.hasMealBreak()) {
            int from = Math.max(0, rule.mealWindowStartOffset());
            int to = Math.max(from, Math.min(rule.mealWindowEndOffset(), lengthMinutes - rule.mealBreakMinutes()));
            mealStart = middle(from, to);
            mealEnd = mealStart + rule.mealBreakMinutes();
            breaks.add(new Offset(PlannedBreak.Kind.MEAL, mealStart, rule.mealBreakMinutes()));
        }
        int shortMinutes = rule.shortBreakMinutes();
        if (rule.shortBreakCount() >= 1 && shortMinutes > 0 && shortMinutes < lengthMinutes) {
            List<int[]> windows = new ArrayList<>(2);
            if (rule.shortBreakCount() >= 2 && mealStart >= 0) {
                windows.add(new int[] {MIN_GAP_MINUTES, mealStart - MIN_GAP_MINUTES - shortMinutes});
                windows.add(new int[] {mealEnd + MIN_GAP_MINUTES, lengthMinutes - MIN_GAP_MINUTES - shortMinutes});
            } else if (rule.shortBreakCount() >= 2) {
                int half = lengthMinutes / 2;
                windows.add(new int[] {MIN_GAP_MINUTES, half - shortMinutes});
                windows.add(new int[] {half, lengthMinutes - MIN_GAP_MINUTES - shortMinutes});
            } else {
                windows.add(new int[] {MIN_GAP_MINUTES, lengthMinutes - MIN_GAP_MINUTES - shortMinutes});
            }
            for (int[] window : windows) {
                int from = Math.max(0, window[0]);
                int to = Math.min(lengthMinutes - shortMinutes, window[1]);
                int offset = to < from // window too small for the gaps: its middle, kept inside the shift
                        ? Math.max(0, Math.min(lengthMinutes - shortMinutes, (window[0] + window[1]) / 2))
                        : middle(from, to);
                breaks.add(new Offset(PlannedBreak.Kind.SHORT, offset, shortMinutes));
            }
        }
        breaks.sort(Comparator.comparingInt(Offset::offsetMinutes));
        return List.copyOf(breaks);
    }

    /** The breaks of a shift starting at {@code shiftStart}. */
    public static List<PlannedBreak> at(LocalDateTime shiftStart, List<Offset> offsets) {
        return offsets.stream().map(o -> o.at(shiftStart)).toList();
    }

    /** The breaks of a shift from {@code start} to {@code end} with {@code mealBreakMinutes}, under the standard rule. */
    public static List<PlannedBreak> standard(LocalDateTime start, LocalDateTime end, int mealBreakMinutes) {
        int length = (int) java.time.Duration.between(start, end).toMinutes();
        return at(start, of(length, BreakRule.standard(length, mealBreakMinutes)));
    }

    private static int middle(int from, int to) {
        return from + (to - from) / 2 / STEP_MINUTES * STEP_MINUTES;
    }
}
