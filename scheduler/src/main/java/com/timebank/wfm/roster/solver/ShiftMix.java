package com.timebank.wfm.roster.solver;

import java.util.List;
import java.util.Map;

/**
 * The coverage bound's relaxed plan: for each group of agents with the same eligible shift options, how many of them
 * the LP optimum puts on each shift option on each day (fractional). It is the start-time mix of a roster no worse
 * than the bound, so construction and moves can aim at it; it is a guide, not a roster (rest, integrality and the
 * per-agent rules are relaxed).
 */
public final class ShiftMix {

    private final Map<List<ShiftOption>, double[][]> byGroup;

    ShiftMix(Map<List<ShiftOption>, double[][]> byGroup) {
        this.byGroup = Map.copyOf(byGroup);
    }

    /**
     * The planned counts of the agent's group, indexed {@code [dayIndex][index in agent.getEligibleShiftOptions()]},
     * or null when the agent has no group in the plan (no eligible options).
     */
    public double[][] plannedFor(Agent agent) {
        return byGroup.get(agent.getEligibleShiftOptions());
    }

    /** The groups, each keyed by its agents' eligible shift options. */
    public Map<List<ShiftOption>, double[][]> groups() {
        return byGroup;
    }
}
