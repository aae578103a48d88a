package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the two-week replanning: pairs of agents replanned together, a large neighbourhood search. Each try frees one
 * contract week or two neighbouring ones ({@link #window}) of {@value #GROUP_SIZE} agents (mostly ones working on one
 * date of those weeks, so they compete for the same intervals), then plans each of them in turn as a whole against
 * everyone else, twice over ({@link GreedyRoster#replanGroup}, {@link BestWeek}), and keeps the result when the
 * objective is no worse. The budget is split into {@value #ROUNDS} rounds, more in a long solve (rounds of at most
 * {@link #ROUND_LIMIT_MILLIS}), each round a step published as it ends.
 * <p>
 * Why: after the two-week replanning every agent's plan is the best answer to everyone else's, and local search's
 * moves, one or two shifts at a time, find little more (100 agents: the gap after 30 s and 60 s is the same). Freeing
 * two agents at once lets the first one replanned take what the other gave up and the other fill what it left.
 */
public class GroupReplanning extends RepeatedStep {

    private static final Logger log = LoggerFactory.getLogger(GroupReplanning.class);

    static final int ROUNDS = 8;
    /**
     * Agents per group. Measured with scripts/bench-roster (100 agents, loose, long-hours and weekend-peak, 60 s,
     * center weights, two passes over each group): groups of 2–6 agents left the weighted objectives at
     * 181,631–182,065, 956,522–956,953 and 590,130–591,745 (two runs); 2–8: 182,622 and 959,010; 2–4: 180,986,
     * 952,617, 588,500; 2–3: 180,659, 951,664, 586,365; pairs: 179,864, 949,515, 583,650. Pairs make about twice the
     * tries a round (loose ~5,800 against ~2,800), and the pairs' many small gains add up to more than the larger
     * groups' fewer. Nor do larger groups help once the pairs have converged: in 300-s solves (100 agents, standard
     * and weekend-peak) the first of eight rounds made nearly all the gain, and groups of three from the fifth round
     * on ended worse (weighted 1,025,410 against 1,024,322; 574,560 against 574,170).
     */
    static final int GROUP_SIZE = 2;
    /**
     * Of eight rounds the first two value the coverage objective alone (preferences, fairness and steady start times
     * count 0), of more rounds a quarter ({@link #valuesCoverageAlone}); the rounds after them value everything again.
     * Why: after the two-week replanning the pairs sit in a roster whose start times and preferences pin every agent's
     * plan, and they keep the pairs from moving coverage. Freed of those for two rounds of eight the pairs reach a
     * roster with better coverage, and the later rounds buy back most of the preferences: on all eight 100-agent
     * instances the coverage objective after 60 s was lower, the weighted one lower on four and 0.03–0.36% higher on
     * four (README). Measured with scripts/bench-roster (100 agents, 60 s, center weights, two runs each; weighted
     * objective / coverage objective): weekend-peak 579,010–581,455 / 519,510–522,020 with none, 575,995–577,695 /
     * 517,030–517,900 with one, 576,610–577,960 / 515,670–515,730 with two; standard 1,028,063–1,029,153 /
     * 996,110–996,680 with none, 1,026,929–1,028,651 / 993,400–994,680 with one, 1,028,639–1,028,856 / 993,650–993,880
     * with two.
     */
    static final int COVERAGE_ROUNDS = 2;
    /**
     * The longest a round is planned to take: a longer budget is split into more rounds (at most
     * {@value #MAX_ROUNDS}), so a long solve's best roster is published every few seconds rather than every eighth of
     * the solve (~33 s in a 300-s solve of 100 agents). A 60-s solve of 100 agents has rounds of ~6 s, as before. The
     * rounds' length did not change where a 300-s solve ends (100 agents, center weights, coverage rounds first, one
     * run each; weighted / coverage objective): weekend-peak 573,040 / 513,650 in 34 rounds of ~8 s, coverage 513,980
     * in eight of ~33 s; part-time 616,238 / 584,360 and 583,970.
     */
    static final long ROUND_LIMIT_MILLIS = 8_000;
    /** The rounds the first phase lists: enough for a budget of {@value #MAX_ROUNDS} × 8 s. */
    static final int MAX_ROUNDS = 64;
    /**
     * In a budget of more than eight rounds, the rounds before the coverage rounds: they value everything, so the
     * solve's best roster improves from the start rather than wait through a quarter of the budget. Measured with
     * scripts/bench-roster (100 agents, 300 s, center weights, one run each; weighted / coverage objective after 60 s
     * → after 300 s): weekend-peak 638,550 / 517,660 → 573,040 / 513,650 with the coverage rounds first,
     * 591,695 / 521,710 → 573,855 / 513,950 with two rounds before them; part-time 648,202 → 616,238 / 584,360 and
     * 622,567 → 616,466 / 584,280. Only two coverage rounds of 8 s, the rest valuing everything: 583,065 → 575,395 /
     * 516,860 and 621,020 → 615,821 / 584,505 (weekend-peak's coverage 0.6% higher after 300 s).
     */
    static final int LEADING_ROUNDS = 2;
    /** Tries per agent and pair of weeks when the budget is not proportional (a reproducible solve). */
    static final int TRIES_PER_AGENT_WEEK = 2;

    /**
     * The contract weeks a try frees around {@code week} (of {@code weeks}), first and last: half the tries the week
     * alone, half the week and one next to it. Measured with scripts/bench-roster (100 agents, all eight instances,
     * 60 s, center weights, weighted objectives): one week alone makes ~60% more tries and ended lower on all eight
     * than two weeks alone, but weekend-peak's coverage gap rose (4.4% and 4.5% against 3.9–4.1%: a day off cannot
     * move across the week's edge); the half-and-half mix ended lower than two weeks alone on six of eight, with
     * weekend-peak's coverage gap at 3.8–4.2%.
     */
    static int[] window(int week, int weeks, Random random) {
        if (weeks < 2 || random.nextBoolean()) {
            return new int[] {week, week};
        }
        int from = Math.max(0, Math.min(weeks - 2, week - random.nextInt(2)));
        return new int[] {from, from + 1};
    }

    /**
     * Draws a try's group into {@code group} (cleared first): up to {@value #GROUP_SIZE} agents, mostly ones working on
     * {@code date} (one not working is taken a third of the times drawn), in at most {@code 4 × GROUP_SIZE} draws;
     * whether it has at least two.
     */
    static boolean drawGroup(List<AgentState> agents, int date, Random random, List<AgentState> group) {
        group.clear();
        for (int t = 0; t < GROUP_SIZE * 4 && group.size() < GROUP_SIZE; t++) {
            AgentState state = agents.get(random.nextInt(agents.size()));
            boolean works = state.shifts[date] != null;
            if (!group.contains(state) && (works || random.nextInt(3) == 0)) {
                group.add(state);
            }
        }
        return group.size() >= 2;
    }

    public GroupReplanning() {
        super(MAX_ROUNDS);
    }

    /**
     * {@value #ROUNDS} rounds, more when they would be longer than {@link #ROUND_LIMIT_MILLIS}; a reproducible solve
     * (no proportional budget) {@value #ROUNDS}.
     */
    @Override
    int plannedRounds(long budgetMillis) {
        if (!proportional()) {
            return ROUNDS;
        }
        long rounds = (budgetMillis + ROUND_LIMIT_MILLIS - 1) / ROUND_LIMIT_MILLIS;
        return (int) Math.max(ROUNDS, Math.min(MAX_ROUNDS, rounds));
    }

    /**
     * Whether round {@code round} of {@code rounds} values coverage alone: a quarter of the rounds, as
     * {@value #COVERAGE_ROUNDS} of eight; when the budget has more than eight rounds, after
     * {@value #LEADING_ROUNDS} valuing everything.
     */
    static boolean valuesCoverageAlone(int round, int rounds) {
        int first = rounds > ROUNDS ? LEADING_ROUNDS : 0;
        return round >= first && round < first + rounds * COVERAGE_ROUNDS / ROUNDS;
    }

    /**
     * Not for a center planned in partitions: not tried at 10,000 agents, where each round would copy the whole center
     * into arrays.
     */
    @Override
    boolean appliesTo(RosterSolution solution) {
        return solution.getAgents().size() > 1 && !plannedInPartitions(solution);
    }

    /** {@link RepeatedStep#TIME_SHARE} of the time the two-week replanning leaves. */
    @Override
    long budgetMillis(RosterSolution solution) {
        return shareOfTimeLeftMillis(solution);
    }

    /**
     * Round {@code round}'s (of {@code rounds}) view of the roster, holding its working shifts: valuing coverage alone
     * in the coverage rounds.
     */
    static GreedyRoster greedyFor(RosterSolution solution, int round, int rounds) {
        Random random = new Random(3 + round);
        GreedyRoster greedy = valuesCoverageAlone(round, rounds) ? GreedyRoster.valuingCoverageAlone(solution, random)
                : new GreedyRoster(solution, random, 0);
        greedy.adoptWorkingShifts();
        return greedy;
    }

    @Override
    boolean round(ScoreDirector<RosterSolution> scoreDirector, RosterSolution solution, int round, int rounds,
            SolveDeadline end) {
        long started = System.nanoTime();
        GreedyRoster greedy = greedyFor(solution, round, rounds);
        List<AgentState> agents = greedy.agentStates();
        int weeks = solution.getContractWeeks().count();
        ContractWeeks contractWeeks = solution.getContractWeeks();
        Random random = new Random(17 + round);
        SolveDeadline solveEnd = solution.getSolveDeadline();
        // this round's share of what the rounds have left
        long roundEnd = System.nanoTime() + Math.max(0, end.nanos() - System.nanoTime()) / (rounds - round);
        long tries = proportional() ? Long.MAX_VALUE : (long) TRIES_PER_AGENT_WEEK * agents.size() * weeks / rounds;
        long gain = 0;
        int kept = 0;
        long tried = 0;
        List<AgentState> group = new ArrayList<>(GROUP_SIZE);
        int days = solution.getHorizonDays();
        long[] cumulative = new long[days];
        for (; tried < tries && solveEnd.allows(Math.min(roundEnd, end.nanos())); tried++) {
            if (tried % 64 == 0) {
                long sum = 0;
                for (int d = 0; d < days; d++) {
                    sum += greedy.dayPenalty(d);
                    cumulative[d] = sum;
                }
            }
            // half the tries on a date drawn by its coverage penalty (where the gaps are), half on any date
            int date = random.nextInt(days);
            if (random.nextBoolean() && cumulative[days - 1] > 0) {
                long at = (long) (random.nextDouble() * cumulative[days - 1]);
                date = 0;
                while (cumulative[date] <= at) {
                    date++;
                }
            }
            int[] window = window(contractWeeks.weekOf(date), weeks, random);
            int fromWeek = window[0];
            int toWeek = window[1];
            if (!drawGroup(agents, date, random, group)) {
                continue;
            }
            // a record-to-record acceptance (keeping groups up to 0.002% or 0.02% of the coverage penalty worse than
            // the round's best) was no better at 0.002% and worse at 0.02%: it kept 97% of the tries and wandered
            long delta = greedy.replanGroup(group, fromWeek, toWeek);
            if (delta >= 0) {
                gain += delta;
                kept++;
            }
        }
        if (gain > 0) {
            RosterInitializer.apply(scoreDirector, greedy.currentPlan());
        }
        log.info("Group replanning round {} of {}: {} tries, {} kept, gain {} in {} ms", round + 1, rounds, tried, kept,
                gain, (System.nanoTime() - started) / 1_000_000);
        return !solveEnd.allows(end.nanos());
    }
}
