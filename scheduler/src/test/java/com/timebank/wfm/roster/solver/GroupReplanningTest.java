package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

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
            GreedyRoster greedy = GroupReplanning.greedyFor(problem, round);
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
}
