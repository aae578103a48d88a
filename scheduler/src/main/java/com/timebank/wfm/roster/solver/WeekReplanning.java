package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last step of the first phase, after the guided construction: every agent's pairs of neighbouring contract weeks
 * replanned as a whole against everyone else's shifts ({@link GreedyRoster#replanWeeks}, {@link BestWeek}), pass after
 * pass while that gains, within the polish's time budget; the roster only improves and stays within the hard rules.
 * <p>
 * Why: hill climbing and ruin and recreate end in a roster where no single shift is better elsewhere, but several
 * shifts of one agent moved together still can be (a day off moved out of a peak week, a run of starts moved later
 * together to keep the rest), and local search cannot get there either: each step of such a move is worse on its own.
 * Measured with scripts/bench-roster (100 agents, 30 s, center weights): gap to the bound 33.3% → 31.1% on the
 * weekend-peak instance, 9.5% → 9.3% standard, tight unchanged. A skipped warm start and a center planned in
 * partitions are left to local search.
 */
public class WeekReplanning extends FirstPhaseStep {

    private static final Logger log = LoggerFactory.getLogger(WeekReplanning.class);

    /** At most this many passes over all agents, so that a reproducible solve stops on a count, not the clock. */
    static final int MAX_PASSES = 5;

    /**
     * The polish budget; a center planned in partitions (whose coordination rounds have stalled by now) may use the
     * same share of the time left as the rounds, since local search at that size gains little.
     */
    private long budgetMillis(RosterSolution solution) {
        if (!plannedInPartitions(solution) || !proportional()) {
            return polishBudgetMillis(solution);
        }
        long leftMillis = Math.min(Math.max(0, timeLimitMillis() - solution.millisSinceConstruction()),
                solution.getSolveDeadline().millisLeft(Long.MAX_VALUE));
        return (long) (leftMillis * PartitionCoordination.TIME_SHARE);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> scoreDirector) {
        RosterSolution solution = scoreDirector.getWorkingSolution();
        if (!solution.isConstructedHere()) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + budgetMillis(solution) * 1_000_000;
        GreedyRoster greedy = new GreedyRoster(solution, new Random(2), 0);
        greedy.adoptWorkingShifts();
        int weeks = solution.getContractWeeks().count();
        List<AgentState> order = new ArrayList<>(greedy.agentStates());
        Random random = new Random(2);
        // each week with the next one (a one-week horizon: the week alone)
        int lastFirstWeek = Math.max(0, weeks - 2);
        long total = 0;
        int passes = 0;
        SolveDeadline end = solution.getSolveDeadline();
        while (passes < MAX_PASSES && end.allows(deadline)) {
            Collections.shuffle(order, random);
            long passGain = 0;
            for (AgentState state : order) {
                for (int week = 0; week <= lastFirstWeek && end.allows(deadline); week++) {
                    passGain += greedy.replanWeeks(state, week, Math.min(week + 1, weeks - 1));
                }
            }
            total += passGain;
            passes++;
            if (passGain == 0) {
                break;
            }
        }
        RosterInitializer.apply(scoreDirector, greedy.currentPlan());
        log.info("Week replanning: {} passes, gain {} in {} ms", passes, total, (System.nanoTime() - started) / 1_000_000);
    }
}
