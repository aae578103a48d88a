package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

class SplitOrMergeShiftTest {

    /**
     * An agent on 30–32 h a week working 9 h, 4 h, 9 h, 4 h, 9 h (32 h paid) can go to six days by a split (a 9 h day
     * cut to 4 h plus a 4 h shift on a day off) or to four by a merge (a 4 h day made 8 h or 9 h, another 4 h day
     * off); no single change keeps that week within its contract. Every move the factory makes keeps the week within
     * the contract, changes the number of working days by one, and its undo restores the roster and the score.
     */
    @Test
    void splitsAndMergesKeepTheWeekWithinTheContractAndUndoExactly() {
        Agent ann = agent("ann").weeklyMinutes(1_800, 1_920).build();
        RosterSolution problem = problem(7, ann);
        work(problem, ann, DAY_9, PART_4, DAY_9, PART_4, DAY_9, null, null);
        InnerScoreDirector<RosterSolution, HardSoftLongScore> scoreDirector = scoreDirector(problem);
        RosterMoveFactories.SplitOrMergeShift factory = new RosterMoveFactories.SplitOrMergeShift();
        factory.phaseStarted(scoreDirector);
        Iterator<Move<RosterSolution>> moves = factory.createRandomMoveIterator(scoreDirector, new Random(1));

        int splits = 0;
        int merges = 0;
        for (int i = 0; i < 500; i++) {
            Move<RosterSolution> move = moves.next();
            if (!move.isMoveDoable(scoreDirector)) {
                continue;
            }
            List<ShiftOption> before = shifts(problem);
            HardSoftLongScore scoreBefore = scoreDirector.calculateScore();
            Move<RosterSolution> undo = move.doMove(scoreDirector);
            int paid = problem.getAgentDays().stream().filter(AgentDay::isWorking)
                    .mapToInt(d -> d.getShift().getPaidMinutes()).sum();
            long working = problem.getAgentDays().stream().filter(AgentDay::isWorking).count();
            assertThat(paid).as(move.toString()).isBetween(1_800, 1_920);
            assertThat(working).as(move.toString()).isIn(4L, 6L);
            splits += working == 6 ? 1 : 0;
            merges += working == 4 ? 1 : 0;
            undo.doMove(scoreDirector);
            assertThat(shifts(problem)).isEqualTo(before);
            assertThat(scoreDirector.calculateScore()).isEqualTo(scoreBefore);
        }
        assertThat(splits).as("splits").isPositive();
        assertThat(merges).as("merges").isPositive();
    }

    private static List<ShiftOption> shifts(RosterSolution problem) {
        List<ShiftOption> out = new ArrayList<>();
        problem.getAgentDays().forEach(d -> out.add(d.getShift()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static InnerScoreDirector<RosterSolution, HardSoftLongScore> scoreDirector(RosterSolution problem) {
        DefaultSolverFactory<RosterSolution> factory = (DefaultSolverFactory<RosterSolution>) SolverFactory
                .<RosterSolution>create(RosterSolver.solverConfig(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1))));
        InnerScoreDirector<RosterSolution, HardSoftLongScore> director =
                (InnerScoreDirector<RosterSolution, HardSoftLongScore>) (Object) factory.getScoreDirectorFactory()
                        .buildScoreDirector(true, false);
        director.setWorkingSolution(problem);
        return director;
    }
}
