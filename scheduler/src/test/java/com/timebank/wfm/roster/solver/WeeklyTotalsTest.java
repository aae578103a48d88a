package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WeeklyTotalsTest {

    /** 9 h shifts paid 480, 8 h paid 450, 4 h paid 240. */
    private static final WeeklyTotals NINE_EIGHT_FOUR = new WeeklyTotals(List.of(DAY_9, DAY_8, PART_4));

    @Test
    void anExactFortyHourWeekIsFiveNineHourShiftsAndNothingWithAnEightHourOne() {
        assertThat(NINE_EIGHT_FOUR.reachable(0, 2_400, 2_400, 5)).isTrue();
        assertThat(NINE_EIGHT_FOUR.reachable(450, 2_400, 2_400, 6)).as("after an 8 h shift").isFalse();
        assertThat(NINE_EIGHT_FOUR.reachable(480, 2_400, 2_400, 4)).isTrue();
        assertThat(NINE_EIGHT_FOUR.reachable(480, 2_400, 2_400, 3)).as("too few days left").isFalse();
    }

    @Test
    void aWeekWithinItsLimitsNeedsNothingMoreAndOneAboveItsMaximumIsLost() {
        assertThat(NINE_EIGHT_FOUR.reachable(2_400, 2_400, 2_400, 0)).isTrue();
        assertThat(NINE_EIGHT_FOUR.reachable(1_000, 0, 2_400, 0)).isTrue();
        assertThat(NINE_EIGHT_FOUR.reachable(2_430, 2_400, 2_400, 3)).isFalse();
    }

    @Test
    void aRangeIsReachedByAnyTotalInsideIt() {
        // 1,920–2,100: four 8 h shifts (1,800) + nothing is short, four 9 h (1,920) is in, so is 3 × 450 + 480 + 240
        assertThat(NINE_EIGHT_FOUR.reachable(0, 1_920, 2_100, 4)).isTrue();
        assertThat(NINE_EIGHT_FOUR.reachable(0, 1_921, 1_949, 7)).as("no total between 1,921 and 1,949")
                .isFalse();
    }

    /**
     * Eight agents on exact 40 h contracts with 9 h, 8 h and 4 h shifts, and calls all day: construction alone (no
     * local search) gives every agent exactly 2,400 minutes, so the first roster is already feasible. Before, it could
     * take an 8 h shift for coverage and end the week 30 minutes short with no shift left that fits.
     */
    @Test
    void constructionAloneMeetsExactContracts() {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            agents.add(Agent.builder("E" + i).team("T1").weeklyMinutes(2_400, 2_400).skills("general").build());
        }
        ShiftOption early8 = ShiftOption.of("general", LocalTime.of(8, 0), 480, 30);
        ShiftOption late9 = ShiftOption.of("general", LocalTime.of(12, 0), 540, 60);
        int[] required = new int[7 * 48];
        for (int d = 0; d < 7; d++) {
            for (int s = 16; s < 42; s++) {
                required[d * 48 + s] = s < 24 || s >= 34 ? 3 : 6;
            }
        }
        RosterSolution problem = RosterProblemBuilder.forHorizon(MONDAY, 7)
                .shiftOptions(List.of(DAY_9, DAY_8, early8, late9, PART_4)).agents(agents)
                .requirement("general", required).build();

        new GreedyRoster(problem, new Random(0), 0).plan(0, 0).forEach(AgentDay::setShift);

        for (Agent agent : agents) {
            int paid = problem.getAgentDays().stream().filter(d -> d.getAgent() == agent && d.isWorking())
                    .mapToInt(d -> d.getShift().getPaidMinutes()).sum();
            assertThat(paid).as(agent.getEmployeeNo()).isEqualTo(2_400);
        }
        assertThat(new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1))).score(problem)
                .hardScore()).isZero();
    }
}
