package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The solve's end as the first phase's own loops read it: a stop ends a polish within one move, not one step. */
class SolveDeadlineTest {

    @Test
    void noEndUntilOneIsSetThenTheEarliestOne() {
        SolveDeadline deadline = new SolveDeadline();
        assertThat(deadline.allows(Long.MAX_VALUE)).isTrue();
        assertThat(deadline.millisLeft(5_000)).isEqualTo(5_000);
        assertThat(deadline.allows(System.nanoTime() - 1)).as("the caller's own deadline").isFalse();

        deadline.endIn(Duration.ofHours(1));
        deadline.endIn(Duration.ofDays(365_000));
        assertThat(deadline.millisLeft(Long.MAX_VALUE)).isBetween(3_500_000L, 3_600_000L);
        assertThat(deadline.allows(Long.MAX_VALUE)).isTrue();

        deadline.endNow();
        deadline.endIn(Duration.ofHours(1));
        assertThat(deadline.allows(Long.MAX_VALUE)).as("a stop is not undone by a later limit").isFalse();
        assertThat(deadline.millisLeft(5_000)).isZero();
    }

    @Test
    void aStoppedSolveEndsThePolishAtOnceHoweverLongItsOwnBudget() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(4));
        GreedyRoster greedy = new GreedyRoster(problem, new Random(0), 0);
        greedy.plan(0, 0).forEach(AgentDay::setShift);
        GreedyRoster polish = new GreedyRoster(problem, new Random(0), Long.MAX_VALUE / 2_000_000);
        polish.adoptWorkingShifts();

        problem.getSolveDeadline().endNow();

        // without the solve's end both would run on: no pass or iteration count, no deadline of their own
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(polish.improve(Integer.MAX_VALUE, Long.MAX_VALUE)).isZero();
            assertThat(polish.ruinAndRecreate(Long.MAX_VALUE, Long.MAX_VALUE)).isZero();
        });
    }

    @Test
    void thePlanningClonesShareTheSolvesEnd() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(5, 7).withSeed(1));
        RosterSolution clone = new RosterSolutionCloner().cloneSolution(problem);

        problem.getSolveDeadline().endNow();

        assertThat(clone.getSolveDeadline().allows(Long.MAX_VALUE)).isFalse();
    }
}
