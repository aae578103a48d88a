package com.timebank.wfm.roster.solver;

import java.util.List;
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
 * left to local search.
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
            polishPartitions(scoreDirector, solution);
            log.debug("Polish of the greedy roster in partitions: {} ms", (System.nanoTime() - started) / 1_000_000);
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

    /**
     * Each partition against the requirement all others leave ({@link PartitionedRoster#polish}): its budget per step
     * is proportional to its agent-days as for a center of its size, and all of them together (two steps each) take at
     * most half of the time the construction left (a large center's construction is several seconds).
     */
    private void polishPartitions(ScoreDirector<RosterSolution> scoreDirector, RosterSolution solution) {
        List<List<Agent>> partitions = PartitionedRoster.partition(solution.getAgents(), partitionAgents());
        int largest = partitions.stream().mapToInt(List::size).max().orElse(0);
        long remainingMillis = Math.max(0, timeLimitMillis() - solution.millisSinceConstruction());
        long budget = proportional()
                ? Math.min(GreedyRoster.budgetFor(largest * solution.getHorizonDays(), budgetMillis()),
                        remainingMillis / (4L * partitions.size()))
                : budgetMillis();
        PartitionedRoster.polish(solution, partitions, budget, plan -> RosterInitializer.apply(scoreDirector, plan));
    }
}
