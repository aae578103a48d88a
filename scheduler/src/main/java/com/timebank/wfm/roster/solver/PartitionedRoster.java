package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A large center (a national one: 10,000 agents) planned in partitions of at most a couple of thousand agents, by the
 * same greedy construction and array polish as a small one ({@link GreedyRoster}), so that the first feasible roster
 * and its polish stay proportional to a partition while every partition still works on the whole requirement:
 * <ol>
 * <li><b>Partitions</b> ({@link #partition}): whole teams (a team is one site and one lead), dealt largest first into
 * the currently smallest of ⌈agents / partition size⌉ partitions, so the partitions are balanced and every one is a
 * sample of the center's skills and contracts. Agents without a team are dealt one by one, sorted by skill set and
 * contract (weekly minutes, shift lengths), so each partition gets its share of every kind.</li>
 * <li><b>Construction</b> ({@link #construct}): each partition in turn, against the requirement left by the
 * partitions already planned (requirement minus their coverage on the phone); the ones still to come count for
 * nothing yet. Each agent's hard rules are their own, so a roster feasible per partition is feasible as a whole.</li>
 * <li><b>Coordination</b> ({@link #polish}): every partition again, hill climbing and ruin and recreate against the
 * requirement all the others leave (their current shifts held fixed), so the first partitions give back what they
 * took before the later ones came. Local search over the whole roster follows as the solver's next phase.</li>
 * </ol>
 * The result is the same {@link RosterSolution} with all agent-days: the service, the explanation and publishing do
 * not know it was partitioned. Used by {@link RosterInitializer} and {@link PartitionCoordination} above
 * {@link RosterSolver.Settings#partitionThresholdAgents()} agents.
 */
final class PartitionedRoster {

    /** Centers with more agents than this are planned in partitions. */
    static final int DEFAULT_THRESHOLD_AGENTS = 3_000;
    /** Largest partition (whole teams may make one a little larger). */
    static final int DEFAULT_PARTITION_AGENTS = 2_000;

    private PartitionedRoster() {
    }

    /**
     * Splits the agents into ⌈agents / {@code maxAgents}⌉ balanced partitions of whole teams (see the class comment);
     * deterministic: the same agents give the same partitions.
     */
    static List<List<Agent>> partition(List<Agent> agents, int maxAgents) {
        if (maxAgents < 1) {
            throw new IllegalArgumentException("A partition needs room for at least one agent: " + maxAgents);
        }
        int count = Math.max(1, (agents.size() + maxAgents - 1) / maxAgents);
        List<List<Agent>> units = units(agents);
        units.sort(Comparator.comparingInt((List<Agent> unit) -> -unit.size()));
        List<List<Agent>> partitions = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            partitions.add(new ArrayList<>());
        }
        for (List<Agent> unit : units) {
            List<Agent> smallest = partitions.get(0);
            for (List<Agent> partition : partitions) {
                if (partition.size() < smallest.size()) {
                    smallest = partition;
                }
            }
            smallest.addAll(unit);
        }
        partitions.removeIf(List::isEmpty);
        return partitions;
    }

    /**
     * The units dealt into partitions: each team (in order of first appearance), then every agent without a team on
     * their own, sorted by skill set and contract so that dealing them in turn spreads each kind evenly.
     */
    private static List<List<Agent>> units(List<Agent> agents) {
        Map<String, List<Agent>> teams = new LinkedHashMap<>();
        List<Agent> withoutTeam = new ArrayList<>();
        for (Agent agent : agents) {
            if (agent.getTeam() == null || agent.getTeam().isBlank()) {
                withoutTeam.add(agent);
            } else {
                teams.computeIfAbsent(agent.getTeam(), t -> new ArrayList<>()).add(agent);
            }
        }
        withoutTeam.sort(Comparator.comparing(PartitionedRoster::kind).thenComparing(Agent::getEmployeeNo));
        List<List<Agent>> units = new ArrayList<>(teams.values());
        withoutTeam.forEach(agent -> units.add(List.of(agent)));
        return units;
    }

    /** Skill set and contract group of an agent, as a sortable key. */
    private static String kind(Agent agent) {
        return new java.util.TreeSet<>(agent.getSkills()) + "|" + agent.getMinWeeklyMinutes() + "-"
                + agent.getMaxWeeklyMinutes() + "|" + new java.util.TreeSet<>(agent.getAllowedShiftLengths());
    }

    /**
     * The greedy construction, one partition after the other, each against the requirement the partitions before it
     * left; {@code apply} makes each partition's plan the solution's shifts before the next one is planned. The
     * solution's unpinned days must be free when this starts (the partitions to come count for nothing yet).
     * {@code mix}: the LP's start-time mix, each partition aiming at its share of it; null: the plain greedy.
     * Returns the agents left below a contract week's minimum.
     */
    static List<Agent> construct(RosterSolution solution, List<List<Agent>> partitions, ShiftMix mix,
            Consumer<Map<AgentDay, ShiftOption>> apply) {
        List<Agent> belowMinimum = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            Set<Agent> members = members(partitions.get(p));
            GreedyRoster greedy = new GreedyRoster(solution, new Random(p), 0, members::contains);
            if (mix != null) {
                greedy.aimAt(mix.shareOf(members, solution.getAgents()));
            }
            apply.accept(greedy.plan(0, 0));
            belowMinimum.addAll(greedy.agentsBelowWeeklyMinimum());
        }
        return belowMinimum;
    }

    /**
     * Hill climbing and ruin and recreate ({@link GreedyRoster#polish}), one partition after the other, each against
     * the requirement all the other partitions leave, within {@code budgetMillis} per partition and step.
     */
    static void polish(RosterSolution solution, List<List<Agent>> partitions, long budgetMillis,
            Consumer<Map<AgentDay, ShiftOption>> apply) {
        for (int p = 0; p < partitions.size(); p++) {
            GreedyRoster greedy = new GreedyRoster(solution, new Random(p), budgetMillis,
                    members(partitions.get(p))::contains);
            greedy.adoptWorkingShifts();
            apply.accept(greedy.polish());
        }
    }

    private static Set<Agent> members(List<Agent> partition) {
        Set<Agent> members = Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(partition);
        return members;
    }
}
