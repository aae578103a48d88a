package com.timebank.wfm.roster.solver;

import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Which weekly paid totals an agent's shift lengths can make: with 9 h shifts paid 480 min, 8 h paid 450 and 4 h paid
 * 240, a 40 h week (exactly 2,400 min) is five 9 h shifts and nothing with an 8 h one. Construction asks this before
 * it gives an agent a shift, so that it never takes a length after which the week's minimum and maximum can no
 * longer both be met (rest and consecutive days aside, which construction checks day by day).
 */
final class WeeklyTotals {

    /** At most one shift a day. */
    static final int MAX_SHIFTS = 7;

    /** {@code sums[k]}: the totals of exactly k shifts. */
    private final BitSet[] sums = new BitSet[MAX_SHIFTS + 1];

    WeeklyTotals(List<ShiftOption> options) {
        TreeSet<Integer> lengths = new TreeSet<>();
        options.forEach(o -> lengths.add(o.getPaidMinutes()));
        sums[0] = new BitSet();
        sums[0].set(0);
        for (int k = 1; k <= MAX_SHIFTS; k++) {
            BitSet next = new BitSet();
            for (int s = sums[k - 1].nextSetBit(0); s >= 0; s = sums[k - 1].nextSetBit(s + 1)) {
                for (int length : lengths) {
                    next.set(s + length);
                }
            }
            sums[k] = next;
        }
    }

    /**
     * Whether at most {@code shifts} more shifts can bring a week's total from {@code minutes} to within
     * [{@code min}, {@code max}] (none needed when it is there already).
     */
    boolean reachable(int minutes, int min, int max, int shifts) {
        int low = Math.max(0, min - minutes);
        int high = max - minutes;
        if (high < 0) {
            return false;
        }
        if (low == 0) {
            return true;
        }
        for (int k = 1; k <= Math.min(shifts, MAX_SHIFTS); k++) {
            int s = sums[k].nextSetBit(low);
            if (s >= 0 && s <= high) {
                return true;
            }
        }
        return false;
    }
}
