package com.timebank.wfm.roster;

import com.timebank.wfm.roster.solver.CoverageBound;

/**
 * How good a roster's coverage is against the best any roster of the same agents could do: the solver's coverage
 * objective (weighted squared shortfall plus weighted overstaffing, as positive numbers) of the saved best solution,
 * the lower bound of that objective computed next to the solve ({@link CoverageBound}: the LP at solve start, then
 * raised by whole agent plans), and the gap (objective − bound) / bound; with the bound, the fewest short
 * agent-intervals any roster of these agents can leave ({@link CoverageBound.Result#shortfallFloor}).
 *
 * @param boundState     null for rosters solved before the bound existed
 * @param bound          set when {@code boundState} is AVAILABLE
 * @param objective      null until a solution is saved
 * @param shortfallFloor agent-intervals; set only with an available bound (and not for rosters solved before it)
 */
public record CoverageQuality(BoundState boundState, Double bound, Long objective, Double shortfallFloor) {

    public enum BoundState {
        COMPUTING, AVAILABLE, NOT_AVAILABLE
    }

    static final CoverageQuality NONE = new CoverageQuality(null, null, null, null);

    /** A bound that a saved roster beats is not a bound of this problem: it is shown as not available. */
    public CoverageQuality {
        if (boundState == BoundState.AVAILABLE && bound != null && objective != null
                && objective < bound - 1e-6 * bound) {
            boundState = BoundState.NOT_AVAILABLE;
            bound = null;
        }
        if (boundState != BoundState.AVAILABLE) {
            shortfallFloor = null;
        }
    }

    /**
     * The fewest short agent-intervals any roster of these agents can leave, when known and not above {@code
     * shortfall}, the saved roster's own (a roster below it would prove it wrong for this problem, as for the bound).
     */
    public Double shortfallFloorFor(double shortfall) {
        return shortfallFloor == null || shortfallFloor > shortfall + 0.005 ? null : shortfallFloor;
    }

    /** (objective − bound) / bound, or null when either is missing (or the bound is 0 under a positive objective). */
    public Double gap() {
        return boundState != BoundState.AVAILABLE || bound == null || objective == null ? null
                : CoverageBound.gap(objective, bound);
    }
}
