package com.timebank.wfm.roster.solver;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is left of the coverage bound's start-time mix ({@link ShiftMix}) while {@link GreedyRoster} builds a roster:
 * per group of agents with the same eligible shift options, the LP's count of agents per day and option minus the
 * shifts the roster already gives the group there. Construction prefers what is left, so the roster follows the LP's
 * mix of starts and lengths instead of the greedy's myopic choice.
 */
final class ShiftMixTargets {

    private final Map<List<ShiftOption>, Group> groups = new HashMap<>();
    private final Map<Agent, Group> groupOf = new IdentityHashMap<>();

    /** A group's remaining counts per day and option, and where each option is in its agents' eligible options. */
    static final class Group {
        private final double[][] remaining;
        private final Map<ShiftOption, Integer> optionIndex = new IdentityHashMap<>();

        private Group(List<ShiftOption> options, double[][] planned) {
            for (int o = 0; o < options.size(); o++) {
                optionIndex.put(options.get(o), o);
            }
            remaining = new double[planned.length][];
            for (int d = 0; d < planned.length; d++) {
                remaining[d] = planned[d].clone();
            }
        }

        /** The agents still planned on option {@code o} (its index in the eligible options) on the day. */
        double remaining(int dayIndex, int o) {
            return remaining[dayIndex][o];
        }

        private void add(int dayIndex, ShiftOption shift, int count) {
            Integer o = optionIndex.get(shift);
            if (o != null) {
                remaining[dayIndex][o] += count;
            }
        }
    }

    ShiftMixTargets(ShiftMix mix) {
        mix.groups().forEach((options, planned) -> groups.put(options, new Group(options, planned)));
    }

    /** The agent's group, or null when the mix has no group for the agent. */
    Group groupOf(Agent agent) {
        return groupOf.computeIfAbsent(agent, a -> groups.get(a.getEligibleShiftOptions()));
    }

    /** One more of the agent's group works {@code shift} on the day. */
    void take(Agent agent, int dayIndex, ShiftOption shift) {
        Group group = groupOf(agent);
        if (group != null) {
            group.add(dayIndex, shift, -1);
        }
    }

    /** One fewer of the agent's group works {@code shift} on the day. */
    void giveBack(Agent agent, int dayIndex, ShiftOption shift) {
        Group group = groupOf(agent);
        if (group != null) {
            group.add(dayIndex, shift, +1);
        }
    }
}
