package com.timebank.wfm.roster.solver;

import java.util.List;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A center planned in partitions ({@link PartitionedRoster}): one round of coordination, every partition polished in
 * turn against the requirement all the others leave; the first phase lists {@value #ROUNDS} rounds
 * ({@link RepeatedStep}).
 * <p>
 * Why rounds until most of the solve is used: at 10,000 agents local search makes a few hundred moves a second
 * (each new best clones 280,000 agent-days) and gained 0.1% in its 25 s of a 60-s solve, while one round of this
 * polish gained 27%. So the rounds share {@link RepeatedStep#TIME_SHARE} of the time left after construction; a
 * round that gains less than {@value #STALLED_FRACTION} of the objective ends them early and leaves the rest to local
 * search.
 */
public class PartitionCoordination extends RepeatedStep {

    /** Coordination rounds the first phase lists. */
    static final int ROUNDS = 4;
    /** A round gaining less than this fraction of the weighted objective ends the coordination. */
    static final double STALLED_FRACTION = 0.001;

    private static final Logger log = LoggerFactory.getLogger(PartitionCoordination.class);

    public PartitionCoordination() {
        super(ROUNDS);
    }

    @Override
    boolean appliesTo(RosterSolution solution) {
        return plannedInPartitions(solution);
    }

    @Override
    long budgetMillis(RosterSolution solution) {
        return (long) (millisLeft(solution) * TIME_SHARE);
    }

    @Override
    boolean round(ScoreDirector<RosterSolution> scoreDirector, RosterSolution solution, int round, int rounds,
            SolveDeadline end) {
        long started = System.nanoTime();
        List<List<Agent>> partitions = PartitionedRoster.partition(solution.getAgents(), partitionAgents());
        int largest = partitions.stream().mapToInt(List::size).max().orElse(0);
        long budget = proportional()
                ? Math.min(GreedyRoster.budgetFor(largest * solution.getHorizonDays(), budgetMillis()),
                        end.millisLeft(Long.MAX_VALUE) / (2L * partitions.size() * (rounds - round)))
                : budgetMillis();
        if (budget <= 0) {
            return true;
        }
        HardSoftLongScore before = scoreOf(scoreDirector);
        PartitionedRoster.polish(solution, partitions, budget, plan -> RosterInitializer.apply(scoreDirector, plan));
        HardSoftLongScore after = scoreOf(scoreDirector);
        log.info("Partition coordination round {}: {} partitions, {} ms a step, soft score {} -> {} in {} ms",
                round + 1, partitions.size(), budget, before.softScore(), after.softScore(),
                (System.nanoTime() - started) / 1_000_000);
        return after.softScore() - before.softScore() < STALLED_FRACTION * Math.abs(before.softScore());
    }
}
