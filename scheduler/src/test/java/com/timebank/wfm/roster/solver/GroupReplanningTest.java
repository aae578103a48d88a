package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class GroupReplanningTest {

    /** A try frees the week of its date alone or with a week next to it, about half and half, never past the horizon. */
    @Test
    void aTryFreesTheWeekAloneOrWithANeighbour() {
        Random random = new Random(11);
        for (int week = 0; week < 4; week++) {
            int alone = 0;
            int withNeighbour = 0;
            for (int draw = 0; draw < 1_000; draw++) {
                int[] window = GroupReplanning.window(week, 4, random);
                assertThat(window[0]).isBetween(0, week);
                assertThat(window[1]).isBetween(week, 3);
                assertThat(window[1] - window[0]).isBetween(0, 1);
                if (window[0] == window[1]) {
                    alone++;
                } else {
                    withNeighbour++;
                }
            }
            assertThat(alone).as("week %d alone", week).isBetween(400, 600);
            assertThat(withNeighbour).as("week %d with a neighbour", week).isBetween(400, 600);
        }
        assertThat(GroupReplanning.window(0, 1, random)).as("a one-week horizon").containsExactly(0, 0);
    }

    /**
     * The first two rounds value a move by the change of the coverage objective alone; the later rounds value
     * everything, so some moves are worth something else to them.
     */
    @Test
    void theFirstRoundsValueCoverageAloneAndTheLaterOnesEverything() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(20, 14)
                .withSeed(5));
        new GreedyRoster(problem, new Random(0), 0).plan(0, 0).forEach(AgentDay::setShift);
        List<AgentDay> movable = problem.getAgentDays().stream().filter(d -> !d.isPinned()).toList();
        for (int round = 0; round < GroupReplanning.ROUNDS; round++) {
            GreedyRoster greedy = GroupReplanning.greedyFor(problem, round, GroupReplanning.ROUNDS);
            Random random = new Random(7);
            int otherThanCoverage = 0;
            for (int move = 0; move < 200; move++) {
                AgentDay agentDay = movable.get(random.nextInt(movable.size()));
                List<ShiftOption> options = agentDay.getAgent().getEligibleShiftOptions();
                ShiftOption shift = random.nextInt(4) == 0 || options.isEmpty() ? null
                        : options.get(random.nextInt(options.size()));
                ShiftOption old = agentDay.getShift();
                long before = CoverageBound.objectiveOf(problem);
                agentDay.setShift(shift);
                long coverageValue = before - CoverageBound.objectiveOf(problem);
                agentDay.setShift(old);
                otherThanCoverage += greedy.moveValue(agentDay, shift) != coverageValue ? 1 : 0;
            }
            if (round < 2) {
                assertThat(otherThanCoverage).as("round %d", round).isZero();
            } else {
                assertThat(otherThanCoverage).as("round %d", round).isGreaterThan(20);
            }
        }
    }

    /**
     * Eight rounds for a 60-s solve's budget; a longer one split into rounds of at most the limit (a long solve's best
     * roster is published every few seconds), up to the rounds listed; a reproducible solve eight.
     */
    @Test
    void aLongBudgetIsSplitIntoMoreRoundsOfAtMostTheLimit() {
        GroupReplanning step = new GroupReplanning();
        assertThat(step.plannedRounds(0)).isEqualTo(GroupReplanning.ROUNDS);
        assertThat(step.plannedRounds(45_000)).as("a 60-s solve of 100 agents").isEqualTo(GroupReplanning.ROUNDS);
        assertThat(step.plannedRounds(265_000)).as("a 300-s solve of 100 agents").isEqualTo(34);
        assertThat(265_000L / 34).isLessThanOrEqualTo(GroupReplanning.ROUND_LIMIT_MILLIS);
        assertThat(step.plannedRounds(3_600_000)).as("an hour").isEqualTo(GroupReplanning.MAX_ROUNDS);
        assertThat(RosterSolver.firstPhaseSteps().stream().filter(GroupReplanning.class::equals).count())
                .as("listed in the first phase").isEqualTo(GroupReplanning.MAX_ROUNDS);
        step.setProportionalBudget("false");
        assertThat(step.plannedRounds(265_000)).as("a reproducible solve").isEqualTo(GroupReplanning.ROUNDS);
    }

    /**
     * Of eight rounds the first two value coverage alone; of more, a quarter of them after two valuing everything, so
     * that a long solve's best roster improves from its start.
     */
    @Test
    void aQuarterOfTheRoundsValueCoverageAloneAfterTwoLeadingOnesInALongSolve() {
        assertThat(coverageAloneRounds(GroupReplanning.ROUNDS)).containsExactly(0, 1);
        assertThat(coverageAloneRounds(34)).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(coverageAloneRounds(GroupReplanning.MAX_ROUNDS)).hasSize(16).startsWith(2).endsWith(17);
    }

    private static List<Integer> coverageAloneRounds(int rounds) {
        return IntStream.range(0, rounds)
                .filter(round -> GroupReplanning.valuesCoverageAlone(round, rounds)).boxed().toList();
    }
}
