package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Coverage counted net of breaks, the one definition used by the solver (constraints and greedy construction), the
 * roster's coverage and service level, the coverage heatmap, the derived time-off quota and the lead's "with and
 * without the agent": an agent counts in an interval for the minutes of it they are on shift and not on a break
 * (a 15-minute break in a 30-minute interval leaves half an agent on the phone).
 * <p>
 * The soft penalties are in fixed point so that fractional agents keep integer scores: shortfall in hundredths of a
 * squared missing agent, overstaffing in tenths of an agent (with the default weights, a whole missing agent costs
 * 100 and a whole extra agent 10, as before breaks were netted).
 */
public final class NetCoverage {

    private NetCoverage() {
    }

    /**
     * The coverage vector of a shift option: minutes on the phone in each interval its span touches, index 0 being
     * the interval its start falls in ({@link CoverageGrid#firstSlotOf}). The same for every day.
     */
    public static int[] onPhoneMinutesPerSlot(ShiftOption shift, int slotMinutes) {
        int startOffset = shift.getStartMinuteOfDay() % slotMinutes;
        int slots = (startOffset + shift.getLengthMinutes() + slotMinutes - 1) / slotMinutes;
        int[] minutes = new int[slots];
        long shiftStart = startOffset;
        long shiftEnd = shiftStart + shift.getLengthMinutes();
        for (int i = 0; i < slots; i++) {
            long from = (long) i * slotMinutes;
            minutes[i] = onPhoneMinutes(from, from + slotMinutes, shiftStart, shiftEnd, shift.getBreakOffsets());
        }
        return minutes;
    }

    /**
     * Minutes of [{@code from}, {@code to}) an agent on a shift [{@code shiftStart}, {@code shiftEnd}) spends on the
     * phone: the overlap less the overlap of each break (breaks at offsets from the shift start, clipped to it).
     */
    public static int onPhoneMinutes(long from, long to, long shiftStart, long shiftEnd,
            List<ShiftBreaks.Offset> breaks) {
        long minutes = overlap(from, to, shiftStart, shiftEnd);
        if (minutes == 0) {
            return 0;
        }
        for (ShiftBreaks.Offset b : breaks) {
            long breakStart = Math.max(shiftStart, shiftStart + b.offsetMinutes());
            long breakEnd = Math.min(shiftEnd, breakStart + b.minutes());
            minutes -= overlap(from, to, breakStart, breakEnd);
        }
        return (int) Math.max(0, minutes);
    }

    /** {@link #onPhoneMinutes(long, long, long, long, List)} for a shift and an interval in local date-times. */
    public static int onPhoneMinutes(LocalDateTime intervalStart, int intervalMinutes, LocalDateTime shiftStart,
            LocalDateTime shiftEnd, List<PlannedBreak> breaks) {
        long from = Unavailability.localMinute(intervalStart);
        long start = Unavailability.localMinute(shiftStart);
        long end = Unavailability.localMinute(shiftEnd);
        long minutes = overlap(from, from + intervalMinutes, start, end);
        if (minutes == 0) {
            return 0;
        }
        for (PlannedBreak b : breaks) {
            long breakStart = Math.max(start, Unavailability.localMinute(b.start()));
            long breakEnd = Math.min(end, breakStart + b.minutes());
            minutes -= overlap(from, from + intervalMinutes, breakStart, breakEnd);
        }
        return (int) Math.max(0, minutes);
    }

    /** Shortfall penalty of an interval missing {@code missingMinutes} agent-minutes: hundredths of agents², rounded. */
    public static long shortfallPenalty(long missingMinutes, int slotMinutes) {
        if (missingMinutes <= 0) {
            return 0;
        }
        long squareSlot = (long) slotMinutes * slotMinutes;
        return (100 * missingMinutes * missingMinutes + squareSlot / 2) / squareSlot;
    }

    /** Overstaffing penalty of {@code extraMinutes} agent-minutes above the requirement: tenths of agents, rounded. */
    public static long overstaffingPenalty(long extraMinutes, int slotMinutes) {
        if (extraMinutes <= 0) {
            return 0;
        }
        return (10 * extraMinutes + slotMinutes / 2) / slotMinutes;
    }

    private static long overlap(long from, long to, long start, long end) {
        return Math.max(0, Math.min(to, end) - Math.max(from, start));
    }
}
