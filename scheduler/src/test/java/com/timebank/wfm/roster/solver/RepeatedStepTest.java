package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.director.ScoreDirector;

class RepeatedStepTest {

    /** Listed five times, planning three rounds: rounds 0, 1 and 2 of three run, the later listings do nothing. */
    @Test
    void aStepRunsTheRoundsItPlannedNotEveryListing() {
        List<String> ran = new ArrayList<>();
        RepeatedStep step = new RepeatedStep(5) {
            @Override
            long budgetMillis(RosterSolution solution) {
                return 60_000;
            }

            @Override
            int plannedRounds(long budgetMillis) {
                assertThat(budgetMillis).isEqualTo(60_000);
                return 3;
            }

            @Override
            boolean round(ScoreDirector<RosterSolution> scoreDirector, RosterSolution solution, int round, int rounds,
                    SolveDeadline end) {
                ran.add(round + " of " + rounds);
                return false;
            }
        };
        RosterSolution solution = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(4, 7));
        solution.markConstructedHere();
        @SuppressWarnings("unchecked")
        ScoreDirector<RosterSolution> scoreDirector = mock(ScoreDirector.class);
        when(scoreDirector.getWorkingSolution()).thenReturn(solution);
        for (int listing = 0; listing < 5; listing++) {
            step.changeWorkingSolution(scoreDirector);
        }
        assertThat(ran).containsExactly("0 of 3", "1 of 3", "2 of 3");
    }
}
