package com.timebank.wfm.roster.solver;

import java.util.Collection;
import java.util.HashMap;
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

    /**
     * The share of this mix that falls to {@code members} of a center's {@code agents} (a partition,
     * {@link PartitionedRoster}): each group's counts times the fraction of the group's agents among the members.
     */
    ShiftMix shareOf(Collection<Agent> members, Collection<Agent> agents) {
        Map<List<ShiftOption>, Integer> inGroup = new HashMap<>();
        Map<List<ShiftOption>, Integer> membersInGroup = new HashMap<>();
        agents.forEach(agent -> inGroup.merge(agent.getEligibleShiftOptions(), 1, Integer::sum));
        members.forEach(agent -> membersInGroup.merge(agent.getEligibleShiftOptions(), 1, Integer::sum));
        Map<List<ShiftOption>, double[][]> shares = new HashMap<>();
        byGroup.forEach((options, planned) -> {
            double fraction = membersInGroup.getOrDefault(options, 0)
                    / (double) Math.max(1, inGroup.getOrDefault(options, 0));
            double[][] share = new double[planned.length][];
            for (int d = 0; d < planned.length; d++) {
                share[d] = new double[planned[d].length];
                for (int o = 0; o < planned[d].length; o++) {
                    share[d][o] = planned[d][o] * fraction;
                }
            }
            shares.put(options, share);
        });
        return new ShiftMix(shares);
    }

    /** The groups, each keyed by its agents' eligible shift options. */
    public Map<List<ShiftOption>, double[][]> groups() {
        return byGroup;
    }
}
