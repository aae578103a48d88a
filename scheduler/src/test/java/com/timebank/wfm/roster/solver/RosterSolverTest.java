package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.config.solver.EnvironmentMode;

class RosterSolverTest {

    @Test
    void solvesAGeneratedTenAgentWeekToAFeasibleRosterWithBreaks() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(10, 7));
        RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(10))
                .withUnimprovedTimeLimit(Duration.ofSeconds(1)));

        long start = System.nanoTime();
        RosterSolution roster = solver.solve(problem);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(11_000);
        assertThat(roster.getScore().isFeasible()).as("score %s", roster.getScore()).isTrue();
        assertThat(solver.explain(roster).getScore()).isEqualTo(roster.getScore());
        for (AgentDay agentDay : roster.getAgentDays()) {
            if (agentDay.isPinned()) {
                assertThat(agentDay.getShift()).as("approved absence %s", agentDay).isNull();
            }
            if (agentDay.getShift() != null) {
                assertThat(agentDay.getAgent().isEligibleFor(agentDay.getShift())).isTrue();
                long meals = agentDay.getBreaks().stream().filter(b -> b.kind() == PlannedBreak.Kind.MEAL).count();
                assertThat(meals).isEqualTo(agentDay.getShift().getBreakRule().hasMealBreak() ? 1 : 0);
            } else {
                assertThat(agentDay.getBreaks()).isEmpty();
            }
        }
        assertThat(roster.getAgentDays()).anyMatch(AgentDay::isWorking);
        CoverageReport report = CoverageReport.of(roster);
        assertThat(report.intervalsWithRequirement()).isPositive();
        assertThat(report.coveredIntervalShare()).isGreaterThan(0.5);
    }

    @Test
    void incrementalScoreMatchesAFullRecalculation() {
        // FULL_ASSERT recalculates the score from scratch after every move and undo move and fails on any drift:
        // this covers the custom moves, the solution cloner and the coverage seeds.
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(6, 7).withSeed(3));
        RosterSolution roster = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(2))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)).solve(problem);

        assertThat(roster.getScore()).isNotNull();
    }

    @Test
    void keepsPinnedAgentDays() {
        Agent ann = agent("ANN").weeklyMinutes(1800, 2400).build();
        Agent bob = agent("BOB").weeklyMinutes(1800, 2400).build();
        int[] requirement = new int[7 * 48];
        for (int d = 0; d < 7; d++) {
            for (int s = 14; s < 46; s++) {
                requirement[d * 48 + s] = 1;
            }
        }
        RosterSolution problem = builder(7, ann, bob)
                .requirement("general", requirement)
                .pin(ann, MONDAY, LATE_9)
                .pin(ann, MONDAY.plusDays(1), null)
                .build();
        RosterSolution roster = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(5))
                .withUnimprovedTimeLimit(Duration.ofMillis(500))).solve(problem);

        assertThat(day(roster, ann, 0).getShift()).isSameAs(LATE_9);
        assertThat(day(roster, ann, 0).isPinned()).isTrue();
        assertThat(day(roster, ann, 1).getShift()).isNull();
        assertThat(roster.getScore().isFeasible()).as("score %s", roster.getScore()).isTrue();
    }

    @Test
    void initializerBuildsAFeasibleRosterOnItsOwn() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(60, 14));
        new GreedyRoster(problem, new Random(0)).plan().forEach(AgentDay::setShift);

        HardSoftLongScore score = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)))
                .score(problem);

        assertThat(score.isFeasible()).as("score %s", score).isTrue();
        assertThat(problem.getAgentDays().stream().filter(AgentDay::isWorking).count())
                .isGreaterThan(problem.getAgentDays().size() / 2);
    }

    @Test
    void initializerLengthensAShiftWhenShortShiftsLeaveTheWeekBelowItsMinimum() {
        // coverage is best served by the 4-hour shift every day, but six of them (the most consecutive days) make
        // 24 h against a minimum of 28 h: one of them must become a 9-hour shift
        Agent ann = agent("ANN").weeklyMinutes(1680, 1920).build();
        int[] requirement = new int[7 * 48];
        for (int d = 0; d < 7; d++) {
            System.arraycopy(dayRequirement(18, 26, 1), 0, requirement, d * 48, 48);
        }
        RosterSolution problem = RosterProblemBuilder.forHorizon(MONDAY, 7).shiftOptions(List.of(PART_4, DAY_9))
                .agents(List.of(ann)).requirement("general", requirement).build();

        new GreedyRoster(problem, new Random(0), 0).plan(0, 0).forEach(AgentDay::setShift);
        HardSoftLongScore score = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)))
                .score(problem);

        assertThat(score.isFeasible()).as("score %s, %s", score, problem.getAgentDays()).isTrue();
        assertThat(problem.getAgentDays()).anyMatch(d -> d.getShift() == DAY_9);
    }

    @Test
    void initializerImprovementKeepsTheRosterFeasibleAndMakesItBetter() {
        RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        RosterInstanceGenerator.Spec spec = RosterInstanceGenerator.Spec.of(60, 14);
        RosterSolution constructed = new RosterInstanceGenerator().generate(spec);
        new GreedyRoster(constructed, new Random(0)).plan(0, 0).forEach(AgentDay::setShift);
        RosterSolution improved = new RosterInstanceGenerator().generate(spec);
        new GreedyRoster(improved, new Random(0)).plan(50, 0).forEach(AgentDay::setShift);

        HardSoftLongScore before = scorer.score(constructed);
        HardSoftLongScore after = scorer.score(improved);

        assertThat(after.isFeasible()).as("score %s", after).isTrue();
        assertThat(after).as("%s after improvement, %s before", after, before).isGreaterThan(before);
        CoverageReport beforeCoverage = CoverageReport.of(constructed);
        CoverageReport afterCoverage = CoverageReport.of(improved);
        assertThat(afterCoverage.shortfallAgentIntervals() + afterCoverage.overstaffedAgentIntervals())
                .isLessThan(beforeCoverage.shortfallAgentIntervals() + beforeCoverage.overstaffedAgentIntervals());
    }

    @Test
    void ruinAndRecreateKeepsTheRosterFeasibleAndMakesItBetter() {
        RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        RosterInstanceGenerator.Spec spec = RosterInstanceGenerator.Spec.of(60, 14);
        RosterSolution polished = new RosterInstanceGenerator().generate(spec);
        new GreedyRoster(polished, new Random(0)).plan(50, 0).forEach(AgentDay::setShift);
        RosterSolution recreated = new RosterInstanceGenerator().generate(spec);
        new GreedyRoster(recreated, new Random(0)).plan(50, 2_000).forEach(AgentDay::setShift);

        HardSoftLongScore before = scorer.score(polished);
        HardSoftLongScore after = scorer.score(recreated);

        assertThat(after.isFeasible()).as("score %s", after).isTrue();
        assertThat(after).as("%s after ruin and recreate, %s before", after, before).isGreaterThan(before);
        for (AgentDay agentDay : recreated.getAgentDays()) {
            if (agentDay.isPinned()) {
                assertThat(agentDay.getShift()).as("approved absence %s", agentDay).isNull();
            }
        }
    }

    @Test
    void constraintWeightsAreConfigurablePerCenter() {
        Agent ann = agent("ANN").preferredDaysOff(java.time.DayOfWeek.MONDAY).build();
        RosterSolution defaults = builder(1, ann).requirement("general", MONDAY, dayRequirement(14, 30, 1)).build();
        day(defaults, ann, 0).setShift(EARLY_8);
        RosterConstraintConfiguration centerWeights = new RosterConstraintConfiguration();
        centerWeights.setPreferredDayOff(HardSoftLongScore.ofSoft(1000));
        centerWeights.setOverstaffing(HardSoftLongScore.ZERO);
        RosterSolution custom = builder(1, ann).requirement("general", MONDAY, dayRequirement(14, 30, 1))
                .constraintConfiguration(centerWeights)
                .build();
        day(custom, ann, 0).setShift(EARLY_8);
        RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));

        // Exact coverage but for the 4 intervals where Ann is on a break (half an agent short: 25 each), one preferred
        // day off worked, an early shift (no late/weekend/idle effects).
        assertThat(solver.score(defaults)).isEqualTo(HardSoftLongScore.ofSoft(-150 - 4 * 25));
        assertThat(solver.score(custom)).isEqualTo(HardSoftLongScore.ofSoft(-1000 - 4 * 25));
        List<String> constraints = solver.explain(custom).getConstraintMatchTotalMap().values().stream()
                .map(total -> total.getConstraintName()).toList();
        assertThat(constraints).doesNotContain(RosterConstraintConfiguration.OVERSTAFFING);
    }

    @Test
    void aShortSolveGivesTheInitializerAQuarterOfItsTimeAndALongOneThreeSeconds() {
        assertThat(RosterSolver.initializerBudgetMillis(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(2))))
                .isEqualTo(500);
        assertThat(RosterSolver.initializerBudgetMillis(RosterSolver.Settings.withTimeLimit(Duration.ofMinutes(5))))
                .isEqualTo(3_000);
        var phase = (org.optaplanner.core.config.phase.custom.CustomPhaseConfig) RosterSolver
                .solverConfig(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(2))).getPhaseConfigList().get(0);
        assertThat(phase.getCustomProperties()).containsEntry("budgetMillis", "500");
    }

    @Test
    void thePartitionSettingsReachTheFirstPhase() {
        var defaults = (org.optaplanner.core.config.phase.custom.CustomPhaseConfig) RosterSolver
                .solverConfig(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(60))).getPhaseConfigList().get(0);
        var configured = (org.optaplanner.core.config.phase.custom.CustomPhaseConfig) RosterSolver
                .solverConfig(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(60)).withPartitions(500, 100))
                .getPhaseConfigList().get(0);

        assertThat(defaults.getCustomProperties()).containsEntry("partitionThresholdAgents", "3000")
                .containsEntry("partitionAgents", "2000").containsEntry("timeLimitMillis", "60000");
        assertThat(configured.getCustomProperties()).containsEntry("partitionThresholdAgents", "500")
                .containsEntry("partitionAgents", "100");
    }
}
