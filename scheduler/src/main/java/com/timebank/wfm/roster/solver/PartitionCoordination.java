package com.timebank.wfm.roster.solver;

import java.util.List;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A center planned in partitions ({@link PartitionedRoster}): one round of coordination, every partition polished in
 * turn against the requirement all the others leave. The first phase lists {@value #ROUNDS} rounds, each its own
 * step, so each round's roster is published as the best so far and a stop is honoured between rounds (and within
 * one, through the {@link SolveDeadline}).
 * <p>
 * Why rounds until most of the solve is used: at 10,000 agents local search makes a few hundred moves a second
 * (each new best clones 280,000 agent-days) and gained 0.1% in its 25 s of a 60-s solve, while one round of this
 * polish gained 27%. So the rounds share 90% of the time left after construction; a round that gains less than
 * {@value #STALLED_FRACTION} of the objective ends them early and leaves the rest to local search.
 */
public class PartitionCoordination extends FirstPhaseStep {

    /** Coordination rounds the first phase lists. */
    static final int ROUNDS = 4;
    /** The share of the time left after construction the rounds may use; local search has the rest. */
    static final double TIME_SHARE = 0.9;
    /** A round gaining less than this fraction of the weighted objective ends the coordination. */
    static final double STALLED_FRACTION = 0.001;

    private static final Logger log = LoggerFactory.getLogger(PartitionCoordination.class);

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> scoreDirector) {
        RosterSolution solution = scoreDirector.getWorkingSolution();
        if (!solution.isConstructedHere() || !plannedInPartitions(solution)) {
            return;
        }
        RosterSolution.Rounds state = solution.coordination();
        if (state.ended()) {
            return;
        }
        long started = System.nanoTime();
        if (state.round() == 0) {
            state.endIn((long) (millisLeft(solution) * TIME_SHARE));
        }
        List<List<Agent>> partitions = PartitionedRoster.partition(solution.getAgents(), partitionAgents());
        int largest = partitions.stream().mapToInt(List::size).max().orElse(0);
        long budget = proportional()
                ? Math.min(GreedyRoster.budgetFor(largest * solution.getHorizonDays(), budgetMillis()),
                        state.millisLeft() / (2L * partitions.size() * (ROUNDS - state.round())))
                : budgetMillis();
        if (budget <= 0) {
            state.end();
            return;
        }
        HardSoftLongScore before = scoreOf(scoreDirector);
        PartitionedRoster.polish(solution, partitions, budget, plan -> RosterInitializer.apply(scoreDirector, plan));
        HardSoftLongScore after = scoreOf(scoreDirector);
        long gain = after.softScore() - before.softScore();
        state.roundDone(gain < STALLED_FRACTION * Math.abs(before.softScore()));
        log.info("Partition coordination round {}: {} partitions, {} ms a step, soft score {} -> {} in {} ms",
                state.round(), partitions.size(), budget, before.softScore(), after.softScore(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static HardSoftLongScore scoreOf(ScoreDirector<RosterSolution> scoreDirector) {
        return ((InnerScoreDirector<RosterSolution, HardSoftLongScore>) scoreDirector).calculateScore();
    }
}
