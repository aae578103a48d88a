package com.timebank.wfm.roster.solver;

import java.util.Map;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second step of the first phase: the greedy roster {@link RosterInitializer} just built is improved by hill
 * climbing and ruin and recreate in plain arrays ({@link GreedyRoster#polish}). A separate step, so that the
 * constructed roster is reported as the first best solution before this runs. The time budget is proportional to
 * the instance ({@link GreedyRoster#budgetFor}), capped by the configured {@code budgetMillis}. A warm start is
 * left to local search, a center planned in partitions to {@link PartitionCoordination}.
 */
public class RosterImprovement extends FirstPhaseStep {

    private static final Logger log = LoggerFactory.getLogger(RosterImprovement.class);

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> scoreDirector) {
        RosterSolution solution = scoreDirector.getWorkingSolution();
        if (!solution.isConstructedHere()) {
            return;
        }
        long started = System.nanoTime();
        if (plannedInPartitions(solution)) {
            return;
        }
        GreedyRoster greedy = new GreedyRoster(solution, new Random(0), polishBudgetMillis(solution));
        greedy.adoptWorkingShifts();
        Map<AgentDay, ShiftOption> plan = greedy.polish();
        long polished = System.nanoTime();
        RosterInitializer.apply(scoreDirector, plan);
        log.debug("Polish of the greedy roster: {} ms in arrays, applied to the score in {} ms",
                (polished - started) / 1_000_000, (System.nanoTime() - polished) / 1_000_000);
    }
}
