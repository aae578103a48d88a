package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/** Plans a whole solution without touching it; {@link #plan()} returns the shift per unpinned agent-day. */
final class GreedyRoster {

    private static final int MAX_IMPROVEMENT_PASSES = 50;
    static final long DEFAULT_BUDGET_MILLIS = 3_000;
    static final long MIN_BUDGET_MILLIS = 100;
    /** Ruin and recreate: agents per ruined week, iterations per agent-week, time budget. */
    private static final int RUIN_AGENTS = 6;
    private static final int RUIN_ITERATIONS_PER_AGENT_WEEK = 50;
    private final long budgetNanos;

    private final RosterSolution solution;
    private final Random random;
    private final CoverageGrid grid;
    private final int horizonDays;
    private final ContractWeeks contractWeeks;
    private final ResidualCoverage residual;
    private final long wShort;
    private final long wOver;
    private final long wPreferredDayOff;
    private final long wShiftTime;
    private final long wPreferredShift;
    private final long wWeekend;
    private final long wLate;
    private final long wStable;
    private final long wTimeBank;
    private final List<AgentState> agents = new ArrayList<>();
    /** Weekly totals per set of eligible shift options (agents of one contract shape share it). */
    private final Map<List<ShiftOption>, WeeklyTotals> totalsByOptions = new HashMap<>();
    /** Objective improvement accumulated by {@link #improveWeek} (weighted, as the score). */
    private long gain;
    /** The solve's end: every loop here stops there too, so that a stop does not wait for a polish. */
    private final SolveDeadline solveDeadline;
    /** The LP's start-time mix still to fill, when construction aims at it; null: plain greedy. */
    private ShiftMixTargets targets;
    /** Whether {@link #fillWeek} currently aims at the targets: in construction, not in ruin and recreate. */
    private boolean guiding;
    /** A (day, option) is still planned while the LP puts at least this many more of the group there (rounding). */
    static final double PLANNED_AT_LEAST = 0.5;

    GreedyRoster(RosterSolution solution, Random random) {
        this(solution, random, DEFAULT_BUDGET_MILLIS);
    }

    GreedyRoster(RosterSolution solution, Random random, long budgetMillis) {
        this(solution, random, budgetMillis, agent -> true);
    }

    /**
     * Plans only the agents {@code planned} accepts (a partition of a large center, {@link PartitionedRoster}); the
     * other agents' current shifts are held fixed and count as coverage, so this plan works on the requirement they
     * leave open.
     */
    GreedyRoster(RosterSolution solution, Random random, long budgetMillis, Predicate<Agent> planned) {
        this(solution, random, budgetMillis, planned, false);
    }

    /**
     * A greedy roster of all agents that values the coverage objective alone: the preference, fairness, start-time
     * and time-bank weights count 0, so its values are changes of {@link CoverageBound#objectiveOf} (the group
     * replanning's coverage rounds, {@link GroupReplanning#valuesCoverageAlone}).
     */
    static GreedyRoster valuingCoverageAlone(RosterSolution solution, Random random) {
        return new GreedyRoster(solution, random, 0, agent -> true, true);
    }

    private GreedyRoster(RosterSolution solution, Random random, long budgetMillis, Predicate<Agent> planned,
            boolean coverageAlone) {
        this.budgetNanos = budgetMillis * 1_000_000L;
        this.solution = solution;
        this.solveDeadline = solution.getSolveDeadline();
        this.random = random;
        this.grid = solution.getCoverageGrid();
        this.horizonDays = solution.getHorizonDays();
        this.contractWeeks = solution.getContractWeeks();
        RosterConstraintConfiguration c = solution.getConstraintConfiguration() == null
                ? new RosterConstraintConfiguration() : solution.getConstraintConfiguration();
        wShort = c.getCoverageShortfall().softScore();
        wOver = c.getOverstaffing().softScore();
        long others = coverageAlone ? 0 : 1;
        wPreferredDayOff = others * c.getPreferredDayOff().softScore();
        wShiftTime = others * c.getShiftTimePreference().softScore();
        wPreferredShift = others * c.getPreferredShift().softScore();
        wWeekend = others * c.getFairWeekendWork().softScore();
        wLate = others * c.getFairLateShifts().softScore();
        wStable = others * c.getStableStartTimes().softScore();
        wTimeBank = others * c.getTimeBankIdleDayOff().softScore();
        residual = new ResidualCoverage(grid, wShort, wOver);
        Map<Agent, AgentState> stateByAgent = new HashMap<>();
        for (AgentDay agentDay : solution.getAgentDays()) {
            if (!planned.test(agentDay.getAgent())) {
                if (agentDay.getShift() != null) {
                    addCoverage(agentDay.getDayIndex(), agentDay.getShift(), -1);
                }
                continue;
            }
            AgentState state = stateByAgent.computeIfAbsent(agentDay.getAgent(), a -> new AgentState(a, contractWeeks));
            state.days[agentDay.getDayIndex()] = agentDay;
        }
        for (Unavailability unavailability : solution.getUnavailabilities()) {
            AgentState state = stateByAgent.get(unavailability.getAgent());
            if (state != null) {
                state.unavailabilities.add(unavailability);
            }
        }
        for (Agent agent : solution.getAgents()) {
            AgentState state = stateByAgent.get(agent);
            if (state != null) {
                state.weeklyTotals = totalsByOptions.computeIfAbsent(agent.getEligibleShiftOptions(), WeeklyTotals::new);
                agents.add(state);
            }
        }
        // Pinned days (and credited absence minutes) are part of the starting point.
        for (AgentState state : agents) {
            for (AgentDay agentDay : state.days) {
                if (agentDay == null) {
                    continue;
                }
                state.weekMinutes[agentDay.getWeekIndex()] += agentDay.getCreditedMinutes();
                if (agentDay.isPinned() && agentDay.getShift() != null) {
                    state.assign(agentDay.getDayIndex(), agentDay.getShift());
                    addCoverage(agentDay.getDayIndex(), agentDay.getShift(), -1);
                }
            }
        }
    }

    /** Construction aims at the LP's start-time mix ({@code null}: plain greedy). */
    GreedyRoster aimAt(ShiftMix mix) {
        targets = mix == null ? null : new ShiftMixTargets(mix);
        return this;
    }

    Map<AgentDay, ShiftOption> plan() {
        return plan(MAX_IMPROVEMENT_PASSES, -1);
    }

    /**
     * The greedy construction, at most {@code improvementPasses} passes of {@link #improve}, then
     * {@code ruinIterations} of {@link #ruinAndRecreate} (-1: {@value #RUIN_ITERATIONS_PER_AGENT_WEEK} per
     * agent-week), each within its time budget.
     */
    Map<AgentDay, ShiftOption> plan(int improvementPasses, long ruinIterations) {
        int weeks = contractWeeks.count();
        guiding = targets != null;
        for (int week = 0; week < weeks; week++) {
            planWeek(week);
        }
        guiding = false;
        improve(improvementPasses, System.nanoTime() + budgetNanos);
        ruinAndRecreate(ruinIterations >= 0 ? ruinIterations
                : (long) RUIN_ITERATIONS_PER_AGENT_WEEK * agents.size() * weeks, System.nanoTime() + budgetNanos);
        return currentPlan();
    }

    /**
     * The agents this plan leaves below a contract week's minimum (construction leaves those to local search when
     * the rules close every free day), the one hard rule a construction can break.
     */
    List<Agent> agentsBelowWeeklyMinimum() {
        List<Agent> below = new ArrayList<>();
        for (AgentState state : agents) {
            for (int w = 0; w < contractWeeks.count(); w++) {
                if (state.weekMinutes[w] < state.requiredWeeklyMinutes(w)) {
                    below.add(state.agent);
                    break;
                }
            }
        }
        return below;
    }

    /** The weighted coverage penalty of day {@code dayIndex} as the plan stands. */
    long dayPenalty(int dayIndex) {
        return residual.dayPenalty(dayIndex);
    }

    /** The agents this plan plans, in the solution's order. */
    List<AgentState> agentStates() {
        return agents;
    }

    Map<AgentDay, ShiftOption> currentPlan() {
        Map<AgentDay, ShiftOption> plan = new HashMap<>();
        for (AgentState state : agents) {
            for (AgentDay agentDay : state.days) {
                if (agentDay != null && !agentDay.isPinned()) {
                    plan.put(agentDay, state.shifts[agentDay.getDayIndex()]);
                }
            }
        }
        return plan;
    }

    /**
     * The improvement time for an instance: proportional to its agent-days (0.5 ms each: 1.4 s at 100 agents over
     * 4 weeks, the cap from 215 agents on), at least {@value #MIN_BUDGET_MILLIS} ms and at most {@code cap}. Less
     * is not better: these array moves improve faster than local search (measured at 50 µs an agent-day, the
     * objective after 10 s was 13% worse at 100 agents and 5% at 500).
     */
    static long budgetFor(RosterSolution solution, long cap) {
        return budgetFor(solution.getAgentDays().size(), cap);
    }

    static long budgetFor(int agentDays, long cap) {
        return Math.min(cap, Math.max(MIN_BUDGET_MILLIS, agentDays / 2));
    }

    /** Takes the solution's current shifts of unpinned days as this plan's starting point (after construction). */
    void adoptWorkingShifts() {
        for (AgentState state : agents) {
            for (AgentDay agentDay : state.days) {
                if (agentDay != null && !agentDay.isPinned() && agentDay.getShift() != null
                        && state.shifts[agentDay.getDayIndex()] == null) {
                    work(state, agentDay.getDayIndex(), agentDay.getShift());
                }
            }
        }
    }

    /** Hill climbing, then ruin and recreate, each within the time budget, on the plan as it is. */
    Map<AgentDay, ShiftOption> polish() {
        int weeks = contractWeeks.count();
        improve(MAX_IMPROVEMENT_PASSES, System.nanoTime() + budgetNanos);
        ruinAndRecreate((long) RUIN_ITERATIONS_PER_AGENT_WEEK * agents.size() * weeks, System.nanoTime() + budgetNanos);
        return currentPlan();
    }

    private void planWeek(int week) {
        int firstDay = contractWeeks.firstDay(week);
        int lastDay = contractWeeks.lastDay(week);
        int daysInWeek = lastDay - firstDay + 1;
        fillWeek(agents, week, firstDay, lastDay, daysInWeek);
        for (AgentState state : agents) {
            repairWeeklyMinimum(state, week, firstDay, lastDay, daysInWeek);
        }
    }

    /**
     * Round robin over {@code group} within one contract week: each round every agent takes its single best
     * remaining (day, shift), while below its weekly minimum or while that shift still pays off, so the best
     * intervals are shared out rather than grabbed by the first agents. Returns the sum of the values taken (the
     * change of the weighted objective).
     */
    private long fillWeek(List<AgentState> group, int week, int firstDay, int lastDay, int daysInWeek) {
        long taken = 0;
        List<AgentState> active = new ArrayList<>(group);
        while (!active.isEmpty()) {
            Collections.shuffle(active, random);
            List<AgentState> stillActive = new ArrayList<>(active.size());
            for (AgentState state : active) {
                boolean belowMinimum = state.weekMinutes[week] < state.agent.minWeeklyMinutesIn(week, daysInWeek);
                Candidate best = guiding ? guidedCandidate(state, week, firstDay, lastDay)
                        : bestCandidate(state, week, firstDay, lastDay);
                if (best == null || (!belowMinimum && best.value <= 0)) {
                    continue;
                }
                work(state, best.dayIndex, best.shift);
                taken += best.value;
                stillActive.add(state);
            }
            active = stillActive;
        }
        return taken;
    }

    /**
     * An agent can end a week below the minimum when every free day is blocked by a run of working days
     * reaching in from the previous week (or by rest after its last shift). Relocate one shift of that
     * run to another free day of its own week (same minutes there), then add the missing shift.
     */
    private void repairWeeklyMinimum(AgentState state, int week, int firstDay, int lastDay, int daysInWeek) {
        int minimum = state.agent.minWeeklyMinutesIn(week, daysInWeek);
        for (int guard = 0; guard < 14 && state.weekMinutes[week] < minimum; guard++) {
            Candidate direct = bestCandidate(state, week, firstDay, lastDay);
            if (direct != null) {
                work(state, direct.dayIndex, direct.shift);
            } else if (!relocateToMakeRoom(state, week, firstDay, lastDay)
                    && !lengthenAShift(state, week)) {
                return; // leave it to local search
            }
        }
    }

    /**
     * An agent free to work any length can fill a week with short shifts while coverage is best served by them (a
     * partition planned late sees mostly evening gaps), until the maximum consecutive days or the rest rule closes
     * the remaining days below the minimum. Swap one of the week's shifts for a longer one on the same day: the best
     * by value among those the rules allow.
     */
    private boolean lengthenAShift(AgentState state, int week) {
        int maxMinutes = state.maxWeeklyMinutes(week);
        Candidate best = null;
        for (int d = contractWeeks.firstDay(week); d <= contractWeeks.lastDay(week); d++) {
            ShiftOption old = state.shifts[d];
            if (old == null || state.days[d].isPinned()) {
                continue;
            }
            free(state, d);
            long keep = candidateValue(state, d, old);
            for (ShiftOption shift : state.agent.getEligibleShiftOptions()) {
                if (shift.getPaidMinutes() > old.getPaidMinutes()
                        && state.weekMinutes[week] + shift.getPaidMinutes() <= maxMinutes && state.allows(d, shift)) {
                    long value = candidateValue(state, d, shift) - keep;
                    if (best == null || value > best.value) {
                        best = new Candidate(d, shift, value);
                    }
                }
            }
            work(state, d, old);
        }
        if (best == null) {
            return false;
        }
        free(state, best.dayIndex);
        work(state, best.dayIndex, best.shift);
        return true;
    }

    private boolean relocateToMakeRoom(AgentState state, int week, int firstDay, int lastDay) {
        int reach = state.agent.getMaxConsecutiveWorkingDays();
        for (int y = firstDay; y <= lastDay; y++) {
            if (!state.isFree(y)) {
                continue;
            }
            for (int x = Math.max(0, y - reach); x <= Math.min(horizonDays - 1, y + reach); x++) {
                ShiftOption moved = state.shifts[x];
                if (x == y || moved == null || state.days[x].isPinned()) {
                    continue;
                }
                int weekOfX = contractWeeks.weekOf(x);
                for (int z = contractWeeks.firstDay(weekOfX); z <= contractWeeks.lastDay(weekOfX); z++) {
                    if (z == x || z == y || !state.isFree(z)) {
                        continue;
                    }
                    state.unassign(x);
                    if (state.allows(z, moved)) {
                        state.assign(z, moved);
                        Candidate added = bestCandidate(state, week, firstDay, lastDay);
                        if (added != null) {
                            addCoverage(x, moved, +1);
                            addCoverage(z, moved, -1);
                            if (targets != null) {
                                targets.giveBack(state.agent, x, moved);
                                targets.take(state.agent, z, moved);
                            }
                            work(state, added.dayIndex, added.shift);
                            return true;
                        }
                        state.unassign(z);
                    }
                    state.assign(x, moved);
                }
            }
        }
        return false;
    }

    private record Candidate(int dayIndex, ShiftOption shift, long value) {
    }

    /**
     * Hill climbing on the greedy roster, in plain arrays (thousands of times faster per move than the full
     * score): each unpinned working day is taken out and put back where it does the most good: the same day,
     * another free day of its contract week, another start or length, or nowhere if the week stays at or above
     * the contract minimum; then every agent may take an extra shift that still pays off. Same hard rules and
     * the same marginal values as the construction, so the roster only improves and stays feasible.
     */
    int improve(int maxPasses, long deadline) {
        int total = 0;
        List<AgentState> order = new ArrayList<>(agents);
        int weeks = contractWeeks.count();
        for (int pass = 0; pass < maxPasses && solveDeadline.allows(deadline); pass++) {
            Collections.shuffle(order, random);
            int improved = 0;
            for (AgentState state : order) {
                if (!solveDeadline.allows(deadline)) {
                    return total + improved;
                }
                for (int week = 0; week < weeks; week++) {
                    improved += improveWeek(state, week);
                }
            }
            total += improved;
            if (improved == 0) {
                break;
            }
        }
        return total;
    }

    private int improveWeek(AgentState state, int week) {
        int firstDay = contractWeeks.firstDay(week);
        int lastDay = contractWeeks.lastDay(week);
        int daysInWeek = lastDay - firstDay + 1;
        int minimum = state.agent.minWeeklyMinutesIn(week, daysInWeek);
        int improved = 0;
        for (int d = firstDay; d <= lastDay; d++) {
            ShiftOption old = state.shifts[d];
            if (old == null || state.days[d] == null || state.days[d].isPinned()) {
                continue;
            }
            int floor = Math.min(minimum, state.weekMinutes[week]);
            free(state, d);
            long keep = candidateValue(state, d, old);
            Candidate best = bestCandidate(state, week, firstDay, lastDay, floor);
            boolean dropAllowed = state.weekMinutes[week] >= floor;
            if (best != null && best.value > keep && (!dropAllowed || best.value > 0)) {
                work(state, best.dayIndex, best.shift);
                gain += best.value - keep;
                improved++;
            } else if (dropAllowed && keep < 0 && (best == null || best.value <= 0)) {
                gain -= keep;
                improved++; // the day off is worth more than any shift
            } else {
                work(state, d, old);
            }
        }
        Candidate extra = bestCandidate(state, week, firstDay, lastDay, 0);
        if (extra != null && extra.value > 0) {
            work(state, extra.dayIndex, extra.shift);
            gain += extra.value;
            improved++;
        }
        return improved;
    }

    /**
     * Replans the agent's contract weeks {@code fromWeek} to {@code toWeek} as a whole ({@link BestWeek}) against
     * everyone else's shifts, each week within its own limits (days off can move across a week's edge, e.g. out of a
     * peak week); keeps the new weeks when the weighted objective improves (valued exactly, shift by shift, as the
     * construction values), otherwise restores the old ones. Returns the gain (0: unchanged).
     */
    long replanWeeks(AgentState state, int fromWeek, int toWeek) {
        long improvement = replanIfBetter(state, fromWeek, toWeek, floors(state, fromWeek, toWeek));
        gain += improvement;
        return improvement;
    }

    /**
     * The agent's weeks {@code fromWeek} to {@code toWeek} freed and planned again ({@link #planFreedWeeks}) with
     * {@code floors}; kept when the weighted objective improves, otherwise restored. Returns the improvement (0:
     * unchanged).
     */
    private long replanIfBetter(AgentState state, int fromWeek, int toWeek, int[] floors) {
        int firstDay = contractWeeks.firstDay(fromWeek);
        int lastDay = contractWeeks.lastDay(toWeek);
        ShiftOption[] saved = Arrays.copyOfRange(state.shifts, firstDay, lastDay + 1);
        long delta = freeDays(state, firstDay, lastDay);
        long planned = planFreedWeeks(state, fromWeek, toWeek, floors);
        if (planned != NOT_PLANNED && delta + planned > 0) {
            return delta + planned;
        }
        restoreDays(state, firstDay, saved);
        return 0;
    }

    /** Returned by {@link #planFreedWeeks} when no plan keeps the rules. */
    private static final long NOT_PLANNED = Long.MIN_VALUE;

    /** Per week of the window: the least paid minutes a replan may leave (the contract's, or less if already less). */
    private int[] floors(AgentState state, int fromWeek, int toWeek) {
        int[] floors = new int[toWeek - fromWeek + 1];
        for (int w = fromWeek; w <= toWeek; w++) {
            floors[w - fromWeek] = Math.min(state.requiredWeeklyMinutes(w),
                    state.weekMinutes[w]);
        }
        return floors;
    }

    /**
     * Plans the agent's freed weeks {@code fromWeek} to {@code toWeek} as a whole ({@link BestWeek}) against everyone
     * else's shifts and works the plan; returns its change of the weighted objective, or {@link #NOT_PLANNED} (the
     * days may then hold part of a plan: the caller restores them).
     */
    private long planFreedWeeks(AgentState state, int fromWeek, int toWeek, int[] floors) {
        int firstDay = contractWeeks.firstDay(fromWeek);
        int lastDay = contractWeeks.lastDay(toWeek);
        List<BestWeek.Week> weeks = new ArrayList<>(floors.length);
        for (int w = fromWeek; w <= toWeek; w++) {
            List<BestWeek.Day> days = new ArrayList<>(7);
            for (int d = contractWeeks.firstDay(w); d <= contractWeeks.lastDay(w); d++) {
                AgentDay agentDay = state.days[d];
                if (agentDay == null) {
                    days.add(BestWeek.Day.fixedOff());
                } else if (agentDay.isPinned()) {
                    ShiftOption pinned = state.shifts[d];
                    days.add(pinned == null ? BestWeek.Day.fixedOff() : BestWeek.Day.fixedShift(pinned));
                } else {
                    days.add(openDay(state, d));
                }
            }
            weeks.add(new BestWeek.Week(days, baseMinutes(state, w), floors[w - fromWeek], state.maxWeeklyMinutes(w)));
        }
        ShiftOption[] plan = BestWeek.plan(weeks, edgesOf(state, firstDay, lastDay));
        if (plan == null) {
            return NOT_PLANNED;
        }
        long delta = 0;
        for (int d = firstDay; d <= lastDay; d++) {
            ShiftOption shift = plan[d - firstDay];
            if (shift != null && state.isFree(d)) {
                delta += candidateValue(state, d, shift);
                work(state, d, shift);
            }
        }
        for (int w = fromWeek; w <= toWeek; w++) {
            if (state.weekMinutes[w] < floors[w - fromWeek] || state.weekMinutes[w] > state.maxWeeklyMinutes(w)) {
                return NOT_PLANNED;
            }
        }
        return delta;
    }

    /**
     * Several agents' weeks {@code fromWeek} to {@code toWeek} replanned together: all of them freed first, then
     * each planned as a whole in turn ({@link BestWeek}) against everyone else, in {@link #GROUP_PASSES} passes, so an
     * agent can take what another gave up; kept when the weighted objective is no worse (every value is an exact
     * marginal, so their sum is the change), otherwise all restored. Returns the gain, or -1 when restored.
     */
    long replanGroup(List<AgentState> group, int fromWeek, int toWeek) {
        return replanGroup(group, fromWeek, toWeek, GROUP_PASSES);
    }

    /**
     * Passes over a replanned group: the first plans each member in turn into what the others gave up; each further
     * one replans every member once more against the others' new plans (a member planned early could not take what the
     * later ones left), kept only when better. Measured with scripts/bench-roster, 100 agents, 60 s, center weights:
     * two passes halve the tries a round and still ended better (weighted objective loose −0.9%, long-hours −0.2%,
     * weekend-peak −0.8%); three were between one and two.
     */
    static final int GROUP_PASSES = 2;

    /** {@link #replanGroup(List, int, int)} with {@code passes} passes over the group (at least one). */
    long replanGroup(List<AgentState> group, int fromWeek, int toWeek, int passes) {
        int firstDay = contractWeeks.firstDay(fromWeek);
        int lastDay = contractWeeks.lastDay(toWeek);
        int[][] floors = new int[group.size()][];
        ShiftOption[][] saved = new ShiftOption[group.size()][];
        long delta = 0;
        for (int g = 0; g < group.size(); g++) {
            AgentState state = group.get(g);
            floors[g] = floors(state, fromWeek, toWeek);
            saved[g] = Arrays.copyOfRange(state.shifts, firstDay, lastDay + 1);
            delta += freeDays(state, firstDay, lastDay);
        }
        boolean planned = true;
        for (int g = 0; g < group.size() && planned; g++) {
            long value = planFreedWeeks(group.get(g), fromWeek, toWeek, floors[g]);
            planned = value != NOT_PLANNED;
            delta += planned ? value : 0;
        }
        for (int pass = 1; pass < passes && planned; pass++) {
            for (int g = 0; g < group.size(); g++) {
                delta += replanIfBetter(group.get(g), fromWeek, toWeek, floors[g]);
            }
        }
        if (planned && delta >= 0) {
            gain += delta;
            return delta;
        }
        for (int g = 0; g < group.size(); g++) {
            restoreDays(group.get(g), firstDay, saved[g]);
        }
        return -1;
    }

    /** The week's paid minutes apart from its unpinned shifts (credited absence), once those are freed. */
    private int baseMinutes(AgentState state, int week) {
        int base = state.weekMinutes[week];
        for (int d = contractWeeks.firstDay(week); d <= contractWeeks.lastDay(week); d++) {
            if (state.days[d] != null && state.days[d].isPinned() && state.shifts[d] != null) {
                base -= state.shifts[d].getPaidMinutes();
            }
        }
        return base;
    }

    /** The rules around the agent's days {@code firstDay} to {@code lastDay} (its own unpinned shifts freed). */
    private BestWeek.Edges edgesOf(AgentState state, int firstDay, int lastDay) {
        Agent agent = state.agent;
        int before = firstDay - 1;
        int runBefore = 0;
        for (; before >= 0 && state.shifts[before] != null; before--) {
            runBefore++;
        }
        runBefore += before < 0 ? agent.getEdges().workedDaysBefore() : 0;
        int after = lastDay + 1;
        int runAfter = 0;
        for (; after < horizonDays && state.shifts[after] != null; after++) {
            runAfter++;
        }
        runAfter += after >= horizonDays ? agent.getEdges().workedDaysAfter() : 0;
        return new BestWeek.Edges(firstDay > 0 ? state.shifts[firstDay - 1] : null,
                lastDay + 1 < horizonDays ? state.shifts[lastDay + 1] : null, runBefore, runAfter,
                agent.getMaxConsecutiveWorkingDays(), agent.getMinRestMinutes(), wStable);
    }

    /**
     * Free day {@code d} open to the shifts the agent may work as far as that day alone goes (availability, rest
     * against the published shifts around the horizon), valued as the construction values them but without the
     * start-time changes, which {@link BestWeek} prices between the days it chooses.
     */
    private BestWeek.Day openDay(AgentState state, int d) {
        AllowedShifts allowed = allowedShifts(state, d);
        long dayValue = dayValue(state, d);
        ShiftOption[] shifts = allowed.shifts();
        long[] values = new long[shifts.length];
        for (int i = 0; i < shifts.length; i++) {
            values[i] = dayValue + residual.value(d, allowed.coverageIds()[i]) + allowed.preferenceValues()[i]
                    - lateValue(state, shifts[i]);
        }
        return BestWeek.Day.open(shifts, values);
    }

    /**
     * The agent's eligible shifts that day {@code d} alone allows ({@link AgentState#dayAllows}) with their
     * {@link #preferenceValue}s. Neither changes while this plan works, and the plan search asks for them on every
     * freed day of every try: worked out once per agent and day.
     */
    private AllowedShifts allowedShifts(AgentState state, int d) {
        if (state.allowedShifts == null) {
            state.allowedShifts = new AllowedShifts[horizonDays];
        }
        AllowedShifts allowed = state.allowedShifts[d];
        if (allowed == null) {
            List<ShiftOption> eligible = state.agent.getEligibleShiftOptions();
            ShiftOption[] shifts = new ShiftOption[eligible.size()];
            long[] values = new long[eligible.size()];
            int count = 0;
            for (ShiftOption shift : eligible) {
                if (state.dayAllows(d, shift)) {
                    shifts[count] = shift;
                    values[count++] = preferenceValue(state.agent, shift);
                }
            }
            int[] coverageIds = new int[count];
            for (int i = 0; i < count; i++) {
                coverageIds[i] = residual.idOf(shifts[i]);
            }
            allowed = new AllowedShifts(Arrays.copyOf(shifts, count), Arrays.copyOf(values, count), coverageIds);
            state.allowedShifts[d] = allowed;
        }
        return allowed;
    }

    /**
     * {@link #allowedShifts}: the shifts and, at the same index, their preference values and their numbers in the
     * residual coverage ({@link ResidualCoverage#idOf}).
     */
    record AllowedShifts(ShiftOption[] shifts, long[] preferenceValues, int[] coverageIds) {
    }

    /**
     * Ruin and recreate, to leave the local optimum of single relocations: empty one contract week of a few
     * agents who work on the same date (their shifts compete for the same intervals), plan it again as the
     * construction does and polish it; keep the result if the weighted objective is no worse (every value is an
     * exact marginal, so their sum is the change), otherwise restore the week. Stops after {@code iterations}
     * or at the deadline; returns the number of strict improvements.
     */
    int ruinAndRecreate(long iterations, long deadline) {
        int weeks = contractWeeks.count();
        int improvements = 0;
        for (long iteration = 0; iteration < iterations; iteration++) {
            if ((iteration & 31) == 0 && !solveDeadline.allows(deadline)) {
                break;
            }
            int week = random.nextInt(weeks);
            int firstDay = contractWeeks.firstDay(week);
            int lastDay = contractWeeks.lastDay(week);
            int daysInWeek = lastDay - firstDay + 1;
            int date = firstDay + random.nextInt(daysInWeek);
            List<AgentState> group = new ArrayList<>(RUIN_AGENTS);
            for (int t = 0; t < RUIN_AGENTS * 4 && group.size() < RUIN_AGENTS; t++) {
                AgentState state = agents.get(random.nextInt(agents.size()));
                if (state.shifts[date] != null && !state.days[date].isPinned() && !group.contains(state)) {
                    group.add(state);
                }
            }
            if (group.isEmpty()) {
                continue;
            }
            ShiftOption[][] saved = new ShiftOption[group.size()][];
            int[] floors = new int[group.size()];
            long delta = 0;
            for (int g = 0; g < group.size(); g++) {
                AgentState state = group.get(g);
                saved[g] = Arrays.copyOfRange(state.shifts, firstDay, lastDay + 1);
                floors[g] = Math.min(state.agent.minWeeklyMinutesIn(week, daysInWeek), state.weekMinutes[week]);
                delta += freeDays(state, firstDay, lastDay);
            }
            delta += fillWeek(group, week, firstDay, lastDay, daysInWeek);
            gain = 0;
            boolean feasible = true;
            for (int g = 0; g < group.size(); g++) {
                improveWeek(group.get(g), week);
                feasible &= group.get(g).weekMinutes[week] >= floors[g];
            }
            delta += gain;
            if (feasible && delta >= 0) {
                improvements += delta > 0 ? 1 : 0;
                continue;
            }
            for (int g = 0; g < group.size(); g++) {
                restoreDays(group.get(g), firstDay, saved[g]);
            }
        }
        return improvements;
    }

    /**
     * Frees the agent's unpinned shifts of days {@code firstDay} to {@code lastDay}; returns the change of the weighted
     * objective (each shift's exact marginal value once the others are out).
     */
    private long freeDays(AgentState state, int firstDay, int lastDay) {
        long delta = 0;
        for (int d = firstDay; d <= lastDay; d++) {
            ShiftOption old = state.shifts[d];
            if (old != null && !state.days[d].isPinned()) {
                free(state, d);
                delta -= candidateValue(state, d, old);
            }
        }
        return delta;
    }

    /** Gives the agent's unpinned days from {@code firstDay} on the shifts {@code saved} again, whatever they hold now. */
    private void restoreDays(AgentState state, int firstDay, ShiftOption[] saved) {
        int lastDay = firstDay + saved.length - 1;
        for (int d = firstDay; d <= lastDay; d++) {
            if (state.shifts[d] != null && !state.days[d].isPinned()) {
                free(state, d);
            }
        }
        for (int d = firstDay; d <= lastDay; d++) {
            if (saved[d - firstDay] != null && !state.days[d].isPinned()) {
                work(state, d, saved[d - firstDay]);
            }
        }
    }

    private Candidate bestCandidate(AgentState state, int week, int firstDay, int lastDay) {
        return bestCandidate(state, week, firstDay, lastDay, 0);
    }

    /**
     * The best (day, shift) among those the LP's mix still plans for the agent's group; when there is none, the plain
     * best (taken while the agent is below its weekly minimum or while it pays off, as without guidance).
     */
    private Candidate guidedCandidate(AgentState state, int week, int firstDay, int lastDay) {
        ShiftMixTargets.Group remaining = targets.groupOf(state.agent);
        Candidate best = remaining == null ? null
                : bestCandidate(state, week, firstDay, lastDay, 0, remaining);
        return best != null ? best : bestCandidate(state, week, firstDay, lastDay);
    }

    private Candidate bestCandidate(AgentState state, int week, int firstDay, int lastDay, int floor) {
        return bestCandidate(state, week, firstDay, lastDay, floor, null);
    }

    /** The marginal value of working {@code shift} on free day {@code d} (hard rules not checked). */
    private long candidateValue(AgentState state, int d, ShiftOption shift) {
        return dayValue(state, d) + coverageValue(d, shift) + preferenceValue(state.agent, shift)
                - lateValue(state, shift) - wStable * state.startDifferenceHalfHours(d, shift);
    }

    /** The part of a shift's value on day {@code d} that is the day's, whatever the shift: preferences, fairness. */
    private long dayValue(AgentState state, int d) {
        Agent agent = state.agent;
        RosterDay day = state.days[d].getDay();
        long value = 0;
        if (agent.prefersDayOff(day.getDayOfWeek())) {
            value -= wPreferredDayOff;
        }
        if (day.isWeekend()) {
            value -= wWeekend * (2L * state.weekendDays + 1);
        }
        if (day.isIdle()) {
            value -= wTimeBank * agent.getPositiveTimeBankHours();
        }
        return value;
    }

    /** The agent's preferences about the shift itself (its time of day, its template), whatever the day. */
    private long preferenceValue(Agent agent, ShiftOption shift) {
        long value = 0;
        if (agent.getShiftTimePreference().isViolatedBy(shift)) {
            value -= wShiftTime;
        }
        if (agent.isPreferredShiftMissedBy(shift)) {
            value -= wPreferredShift;
        }
        return value;
    }

    /** The fair-late-shifts price of one more late shift for the agent (0 for a shift that is not late). */
    private long lateValue(AgentState state, ShiftOption shift) {
        return shift.isLate() ? wLate * (2L * state.lateShifts + 1) : 0;
    }

    /**
     * The best (day, shift) of the week within the hard rules whose paid minutes bring the week to {@code floor};
     * with {@code planned} (remaining LP counts of the agent's group), only where at least
     * {@link #PLANNED_AT_LEAST} agents are still planned.
     */
    private Candidate bestCandidate(AgentState state, int week, int firstDay, int lastDay, int floor,
            ShiftMixTargets.Group planned) {
        Agent agent = state.agent;
        int maxMinutes = state.maxWeeklyMinutes(week);
        int minMinutes = state.requiredWeeklyMinutes(week);
        int freeDays = 0;
        for (int d = firstDay; d <= lastDay; d++) {
            freeDays += state.isFree(d) ? 1 : 0;
        }
        WeeklyTotals totals = state.weeklyTotals;
        // only when the week can still end within its limits does a shift have to keep it so
        boolean keepReachable = totals.reachable(state.weekMinutes[week], minMinutes, maxMinutes, freeDays);
        Candidate best = null;
        for (int d = firstDay; d <= lastDay; d++) {
            AgentDay agentDay = state.days[d];
            if (!state.isFree(d) || state.runLengthIfWorking(d) > agent.getMaxConsecutiveWorkingDays()) {
                continue;
            }
            RosterDay day = agentDay.getDay();
            long dayValue = dayValue(state, d);
            List<ShiftOption> options = agent.getEligibleShiftOptions();
            for (int o = 0; o < options.size(); o++) {
                ShiftOption shift = options.get(o);
                if (planned != null && planned.remaining(d, o) < PLANNED_AT_LEAST) {
                    continue;
                }
                if (state.weekMinutes[week] + shift.getPaidMinutes() > maxMinutes
                        || state.weekMinutes[week] + shift.getPaidMinutes() < floor
                        || !state.restAllows(d, shift) || state.overlapsUnavailability(day, shift)
                        || keepReachable && !totals.reachable(state.weekMinutes[week] + shift.getPaidMinutes(),
                                minMinutes, maxMinutes, freeDays - 1)) {
                    continue;
                }
                long value = dayValue + coverageValue(d, shift) + preferenceValue(agent, shift)
                        - lateValue(state, shift) - wStable * state.startDifferenceHalfHours(d, shift);
                if (best == null || value > best.value) {
                    best = new Candidate(d, shift, value);
                }
            }
        }
        return best;
    }

    /**
     * The change of the weighted soft objective (as a score: higher is better) if {@code agentDay} worked
     * {@code shift} (null: a day off) instead of what it works in this plan now; the plan is left unchanged. The
     * construction, hill climbing and ruin and recreate all choose by these values, so they must equal the soft
     * score change the constraints compute.
     */
    long moveValue(AgentDay agentDay, ShiftOption shift) {
        AgentState state = stateOf(agentDay);
        int d = agentDay.getDayIndex();
        ShiftOption old = state.shifts[d];
        long value = 0;
        if (old != null) {
            state.unassign(d);
            addCoverage(d, old, +1);
            value -= candidateValue(state, d, old);
        }
        if (shift != null) {
            value += candidateValue(state, d, shift);
        }
        if (old != null) {
            state.assign(d, old);
            addCoverage(d, old, -1);
        }
        return value;
    }

    /** Makes {@code agentDay} work {@code shift} (null: a day off) in this plan, as a move in local search would. */
    void apply(AgentDay agentDay, ShiftOption shift) {
        AgentState state = stateOf(agentDay);
        int d = agentDay.getDayIndex();
        if (state.shifts[d] != null) {
            free(state, d);
        }
        if (shift != null) {
            work(state, d, shift);
        }
    }

    /** The agent works {@code shift} on free day {@code d} in this plan. */
    private void work(AgentState state, int d, ShiftOption shift) {
        state.assign(d, shift);
        addCoverage(d, shift, -1);
        if (targets != null) {
            targets.take(state.agent, d, shift);
        }
    }

    /** The agent's shift on day {@code d} is taken out of this plan. */
    private void free(AgentState state, int d) {
        ShiftOption old = state.shifts[d];
        state.unassign(d);
        addCoverage(d, old, +1);
        if (targets != null) {
            targets.giveBack(state.agent, d, old);
        }
    }

    private AgentState stateOf(AgentDay agentDay) {
        for (AgentState state : agents) {
            if (state.agent == agentDay.getAgent()) {
                return state;
            }
        }
        throw new IllegalArgumentException("Not an agent of this roster: " + agentDay.getAgent());
    }

    /** Marginal decrease of the weighted shortfall + overstaffing if one more agent works the shift. */
    private long coverageValue(int dayIndex, ShiftOption shift) {
        return residual.value(dayIndex, shift);
    }

    /**
     * Adds {@code residualDelta} times the shift's coverage vector (-1: one more agent on the shift) to the residual
     * agent-minutes of its slots.
     */
    private void addCoverage(int dayIndex, ShiftOption shift, int residualDelta) {
        residual.add(dayIndex, shift, residualDelta);
    }
}
