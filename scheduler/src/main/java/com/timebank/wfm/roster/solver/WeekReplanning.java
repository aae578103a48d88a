package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last steps of the first phase, after the guided construction: every agent's pairs of neighbouring contract weeks
 * replanned as a whole against everyone else's shifts ({@link GreedyRoster#replanWeeks}, {@link BestWeek}). The
 * first phase lists this step {@value #MAX_PASSES} times, one pass over all agents each ({@link RepeatedStep}); the
 * passes end when one gains nothing. The roster only improves and stays within the hard rules.
 * <p>
 * Why: hill climbing and ruin and recreate end in a roster where no single shift is better elsewhere, but several
 * shifts of one agent moved together still can be (a day off moved out of a peak week, a run of starts moved later
 * together to keep the rest), and local search cannot get there either: each step of such a move is worse on its own.
 * Measured with scripts/bench-roster (100 agents, 30 s, center weights): gap to the bound 33.3% → 31.1% on the
 * weekend-peak instance, 9.5% → 9.3% standard, tight unchanged. A warm start is left to local search.
 */
public class WeekReplanning extends RepeatedStep {

    private static final Logger log = LoggerFactory.getLogger(WeekReplanning.class);

    /** At most this many passes over all agents, so that a reproducible solve stops on a count, not the clock. */
    static final int MAX_PASSES = 5;

    public WeekReplanning() {
        super(MAX_PASSES);
    }

    /**
     * Up to {@link RepeatedStep#TIME_SHARE} of the time left for all passes: they stop on their own once a pass gains
     * nothing (at 100 agents within a tenth of a second), and at 2,000 agents five passes (40 s) gained 1.5% of the
     * objective where local search in the same time gained less (gap to the bound after 60 s 7.5% → 6.6%,
     * weekend-peak 24.8% → 23.2%); a reproducible solve keeps the cap and stops on the pass count.
     */
    @Override
    long budgetMillis(RosterSolution solution) {
        return shareOfTimeLeftMillis(solution);
    }

    @Override
    boolean round(ScoreDirector<RosterSolution> scoreDirector, RosterSolution solution, int pass, int passes,
            SolveDeadline end) {
        long started = System.nanoTime();
        GreedyRoster greedy = new GreedyRoster(solution, new Random(2), 0);
        greedy.adoptWorkingShifts();
        int weeks = solution.getContractWeeks().count();
        List<AgentState> order = new ArrayList<>(greedy.agentStates());
        Collections.shuffle(order, new Random(2 + pass));
        // each week with the next one (a one-week horizon: the week alone)
        int lastFirstWeek = Math.max(0, weeks - 2);
        SolveDeadline solveEnd = solution.getSolveDeadline();
        long gain = 0;
        for (AgentState state : order) {
            for (int week = 0; week <= lastFirstWeek && solveEnd.allows(end.nanos()); week++) {
                gain += greedy.replanWeeks(state, week, Math.min(week + 1, weeks - 1));
            }
        }
        if (gain > 0) {
            RosterInitializer.apply(scoreDirector, greedy.currentPlan());
        }
        log.info("Week replanning pass {}: gain {} in {} ms", pass + 1, gain,
                (System.nanoTime() - started) / 1_000_000);
        return gain == 0 || !solveEnd.allows(end.nanos());
    }
}
