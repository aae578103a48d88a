package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

class CoverageBoundTest {

    private static final ShiftOption TINY_4 = new ShiftOption("general@09:00+240", "general", LocalTime.of(9, 0), 240,
            BreakRule.none(), false, false);
    private static final ShiftOption TINY_8 = new ShiftOption("general@09:00+480", "general", LocalTime.of(9, 0), 480,
            BreakRule.none(), false, false);

    /** A bound is raised for as long as its roster is solved, at least 30 s (a short solve), at most 5 minutes. */
    @Test
    void theBoundIsRaisedForTheSolvesTimeWithinItsLimits() {
        assertThat(CoverageBound.raiseTime(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(CoverageBound.raiseTime(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(CoverageBound.raiseTime(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(5));
    }

    /**
     * Two agents, one day, a 4-hour shift 09–13 and an 8-hour shift 09–17, both without breaks (so every agent on
     * shift is on the phone for the whole interval); 4 agents required 09–13, 1 agent 13–17
     * (weights: shortfall 100 per squared agent, overstaffing 10). By hand: 09–13 is at best 2 short in each of its 8
     * intervals (8 × 2² × 100 = 3,200); one 4 h and one 8 h shift then cover 13–17 exactly, so the optimum is 3,200,
     * and the LP can do no better (its shortfall at 09–13 is 4 − x ≥ 2 with x ≤ 2 agents).
     */
    @Test
    void boundOfATinyInstanceIsItsOptimumWorkedOutByHand() {
        RosterSolution problem = tinyProblem();

        CoverageBound.Result result = CoverageBound.of(problem, Duration.ofSeconds(30));

        assertThat(result.available()).as(result.state()).isTrue();
        assertThat(result.bound()).isCloseTo(3_200, within(1e-6));
        work(problem, problem.getAgents().get(0), TINY_4);
        work(problem, problem.getAgents().get(1), TINY_8);
        assertThat(CoverageBound.objectiveOf(problem)).isEqualTo(3_200);
        assertThat(CoverageBound.gap(3_200, result.bound())).isCloseTo(0.0, within(1e-9));
    }

    /**
     * The same tiny instance's shortfall floor by hand: 09–13 needs 4 agents in each of its 8 intervals and only 2
     * exist, so no roster leaves fewer than 2 × 8 = 16 short agent-intervals; 13–17 can be covered (one 8 h shift).
     */
    @Test
    void shortfallFloorOfATinyInstanceIsWorkedOutByHand() {
        RosterSolution problem = tinyProblem();

        CoverageBound.Result result = CoverageBound.of(problem, Duration.ofSeconds(30));

        assertThat(result.shortfallFloor()).isEqualTo(16.0);
        work(problem, problem.getAgents().get(0), TINY_4);
        work(problem, problem.getAgents().get(1), TINY_8);
        assertThat(CoverageReport.of(problem).shortfallAgentIntervals()).isEqualTo(16.0);
    }

    /** An interval no shift can reach counts in full: 2 agents at 20:00–20:30, where the shifts end at 17:00. */
    @Test
    void requirementNoShiftCanReachIsPartOfTheFloor() {
        int[] required = new int[48];
        required[40] = 2;
        RosterSolution problem = RosterProblemBuilder.forHorizon(MONDAY, 1).shiftOptions(List.of(TINY_4, TINY_8))
                .agents(List.of(agent("A").build())).requirement("general", MONDAY, required).build();

        assertThat(CoverageBound.of(problem, Duration.ofSeconds(30)).shortfallFloor()).isEqualTo(2.0);
    }

    /** The LP's start-time mix respects the per-day rows: no more agents planned on a day than are free then. */
    @Test
    void mixOfTheTinyInstancePlansTwoAgentsOnItsDay() {
        RosterSolution problem = tinyProblem();

        ShiftMix mix = CoverageBound.of(problem, Duration.ofSeconds(30)).mix();

        assertThat(mix).isNotNull();
        double planned = 0;
        for (Agent agent : problem.getAgents()) {
            assertThat(mix.plannedFor(agent)).isNotNull();
        }
        for (double[][] counts : mix.groups().values()) {
            for (double c : counts[0]) {
                assertThat(c).isGreaterThanOrEqualTo(0);
                planned += c;
            }
        }
        // 09–13 needs 4 and only 2 agents exist, so the optimum uses both
        assertThat(planned).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void theSolverReachesTheBoundOfTheTinyInstance() {
        RosterSolution roster = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(2)))
                .solve(tinyProblem());

        assertThat(roster.getScore().isFeasible()).isTrue();
        assertThat(CoverageBound.objectiveOf(roster)).isEqualTo(3_200);
    }

    @Test
    void objectiveIsTheSolversCoverageTerms() {
        RosterSolution problem = tinyProblem();
        work(problem, problem.getAgents().get(0), TINY_8);
        work(problem, problem.getAgents().get(1), TINY_8);
        // 09–13: 2 short in 8 intervals (3,200); 13–17: 1 over in 8 intervals (80)
        assertThat(CoverageBound.objectiveOf(problem)).isEqualTo(3_280);
        RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        var explanation = solver.explain(problem);
        long coverageTerms = explanation.getConstraintMatchTotalMap().values().stream()
                .filter(t -> t.getConstraintName().equals(RosterConstraintConfiguration.COVERAGE_SHORTFALL)
                        || t.getConstraintName().equals(RosterConstraintConfiguration.OVERSTAFFING))
                .mapToLong(t -> -((HardSoftLongScore) t.getScore()).softScore()).sum();
        assertThat(coverageTerms).isEqualTo(3_280);
    }

    /** The shortfall segments stay below s² at every integer (a valid bound) and equal it up to the exact part. */
    @Test
    void shortfallSegmentsUnderestimateTheSquareAtEveryInteger() {
        for (int rhs : new int[] {1, 2, 7, 8, 9, 30, 250}) {
            List<int[]> segments = CoverageBound.shortfallSegments(rhs);
            for (int s = 0; s <= rhs; s++) {
                double g = 0;
                for (int[] k : segments) {
                    g = Math.max(g, (2.0 * k[0] + 1) * s - (double) k[0] * (k[0] + 1));
                }
                assertThat(g).as("rhs %d, s %d", rhs, s).isLessThanOrEqualTo((double) s * s);
                if (s <= CoverageBound.EXACT_SEGMENTS + 1) {
                    assertThat(g).as("rhs %d, s %d", rhs, s).isEqualTo((double) s * s);
                }
            }
        }
    }

    /** Property: on generated instances, no solved roster beats the bound, with either set of weights. */
    @Test
    void noSolvedRosterBeatsTheBound() {
        // a valid bound holds for every roster; a second of solving already brings these small ones close to it
        RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        for (long seed = 1; seed <= 3; seed++) {
            Double floorAtCenterWeights = null;
            for (boolean coverageFirst : new boolean[] {false, true}) {
                RosterInstanceGenerator.Spec spec = RosterInstanceGenerator.Spec.of(12, 7).withSeed(seed)
                        .withUtilisation(seed == 2 ? 1.1 : 0.9);
                RosterSolution problem = new RosterInstanceGenerator().generate(spec,
                        coverageFirst ? RosterBenchmark.coverageFirst() : new RosterConstraintConfiguration());
                CoverageBound.Result bound = CoverageBound.of(problem, Duration.ofSeconds(30));
                RosterSolution roster = solver.solve(problem);

                assertThat(bound.available()).as(bound.state()).isTrue();
                assertThat(bound.bound()).isPositive();
                assertThat(CoverageBound.objectiveOf(roster)).as("seed %d, coverage first %s", seed, coverageFirst)
                        .isGreaterThanOrEqualTo((long) Math.floor(bound.bound() - 1e-6));
                // nor leaves fewer short agent-intervals than the floor, which the weights do not change
                assertThat(CoverageReport.of(roster).shortfallAgentIntervals()).as("seed %d", seed)
                        .isGreaterThanOrEqualTo(bound.shortfallFloor());
                if (floorAtCenterWeights == null) {
                    floorAtCenterWeights = bound.shortfallFloor();
                } else {
                    assertThat(bound.shortfallFloor()).isEqualTo(floorAtCenterWeights);
                }
                if (seed == 2) {
                    assertThat(bound.shortfallFloor()).as("requirement at 110% of capacity").isPositive();
                }
            }
        }
    }

    /**
     * The aggregated model with whole agents (SCIP's proven bound, valid before optimality) lies between the LP bound
     * and every solved roster: how the benchmark separates the relaxation's share of a gap from the search's.
     */
    @Test
    void theWholeAgentModelsBoundLiesBetweenTheLpAndASolvedRoster() {
        RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        for (long seed = 1; seed <= 2; seed++) {
            RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(12, 7)
                    .withSeed(seed).withUtilisation(1.1));
            CoverageBound.Result lpBound = CoverageBound.of(problem, Duration.ofSeconds(30));
            CoverageBound.Lp lp = CoverageBound.Lp.of(problem);
            MPSolver scip = MPSolver.createSolver("SCIP");
            try {
                MPVariable[] variables = lp.transcribe(scip, true);
                // the root node whole (its LP and cuts: 4-5 s on 2 idle cores), however long a loaded machine
                // takes for it; stopped inside it, the best bound may still lie below the LP's
                scip.setSolverSpecificParametersAsString("limits/nodes = 1\n");
                scip.setTimeLimit(120_000);
                scip.solve();
                double wholeAgentBound = scip.objective().bestBound() + lp.constant;
                long roster = CoverageBound.objectiveOf(solver.solve(problem));

                long integers = scip.exportModelToProto().getVariableList().stream()
                        .filter(v -> v.getIsInteger()).count();
                assertThat(integers).isEqualTo(lp.shiftColumns.values().stream()
                        .mapToLong(x -> (long) x.length * x[0].length).sum());
                assertThat(variables).hasSize(lp.columnCount());
                assertThat(wholeAgentBound).as("seed %d", seed).isGreaterThanOrEqualTo(lpBound.bound() - 1e-6)
                        .isLessThanOrEqualTo(roster + 1e-6);
            } finally {
                scip.delete();
            }
        }
    }

    /**
     * With a shortfall floor to raise after them, the bound's steps at a large center (where they do not settle in
     * 4 s) are asked at three quarters of their time whether they still gain, and the bound's state says what they
     * did: gave way to the floor, or went on.
     */
    @Test
    void theBoundsStepsAreAskedToGiveWayToTheShortfallFloor() {
        RosterSolution large = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(3_000, 7));
        CoverageBound.Result lp = CoverageBound.of(large, Duration.ofSeconds(60));
        assertThat(lp.available()).as(lp.state()).isTrue();
        assertThat(lp.duals().shortfallValues()).isNotNull();
        SolveDeadline end = new SolveDeadline();
        end.endIn(Duration.ofSeconds(4));

        CoverageBound.Result raised = CoverageBound.raise(large, lp, end);

        assertThat(raised.state()).containsAnyOf(", then gave way to the shortfall floor (+",
                ", still rising when their share of the time was up (+");
        assertThat(raised.bound()).isGreaterThan(lp.bound());
        assertThat(raised.shortfallFloor()).isGreaterThanOrEqualTo(lp.shortfallFloor());
    }

    /**
     * Every feasible roster is a point of the LP (x = agents of a group on each option and day, shortfall segments
     * filled cheapest first, overstaffing the excess) whose LP objective is at most the roster's coverage objective:
     * what makes the LP optimum a lower bound. Checked row by row on solved rosters of standard, loose (75%
     * utilisation) and leave-heavy instances, the last with published (pinned) shifts.
     */
    @Test
    void aSolvedRosterIsAFeasiblePointOfTheLp() {
        RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        RosterInstanceGenerator.Spec base = RosterInstanceGenerator.Spec.of(16, 14);
        List<RosterSolution> problems = List.of(
                new RosterInstanceGenerator().generate(base),
                new RosterInstanceGenerator().generate(base.withSeed(3).withUtilisation(0.75)),
                withPublishedShifts(new RosterInstanceGenerator().generate(base.withSeed(8).withLeaveRate(0.15)), 4));
        for (RosterSolution problem : problems) {
            RosterSolution roster = solver.solve(problem);
            assertThat(roster.getScore().isFeasible()).as("%s", roster.getScore()).isTrue();
            CoverageBound.Lp lp = CoverageBound.Lp.of(roster);

            double[] point = lpPointOf(lp, roster);

            for (CoverageBound.Lp.Row row : lp.rows) {
                double activity = row.activity(point);
                assertThat(activity).as(row.name).isBetween(row.lower - 1e-6, row.upper + 1e-6);
            }
            for (int j = 0; j < point.length; j++) {
                CoverageBound.Lp.Column column = lp.columns.get(j);
                assertThat(point[j]).as(column.name()).isBetween(column.lower() - 1e-9, column.upper() + 1e-9);
            }
            assertThat(lp.objectiveAt(point)).isLessThanOrEqualTo(CoverageBound.objectiveOf(roster) + 1e-6);
        }
    }

    /**
     * The benchmark's loose instance (100 agents, 4 weeks, 75% utilisation), where ojAlgo reported an "optimal"
     * 5,855,327 against a roster of 155,395; the same LP has the optimum 148,152.06 (GLOP, and GLPK on the exported
     * model).
     */
    @Test
    void boundOfTheLooseInstanceIsBelowItsSolvedRoster() {
        RosterBenchmark.Instance loose = RosterBenchmark.instance("loose", 100, 28);
        RosterSolution problem = loose.generate(new RosterConstraintConfiguration());

        CoverageBound.Result bound = CoverageBound.of(problem, Duration.ofSeconds(120));
        RosterSolution roster = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(2)))
                .solve(problem);

        assertThat(bound.available()).as(bound.state()).isTrue();
        assertThat(bound.bound()).isCloseTo(148_152.06, within(0.1));
        assertThat(roster.getScore().isFeasible()).isTrue();
        assertThat((double) CoverageBound.objectiveOf(roster)).isGreaterThanOrEqualTo(bound.bound());
    }

    /** A "bound" above a roster's objective is wrong for that problem: no gap is given rather than 0%. */
    @Test
    void aBoundAboveTheObjectiveGivesNoGap() {
        assertThat(CoverageBound.gap(155_395, 5_855_326.8)).isNull();
        assertThat(CoverageBound.gap(1_100, 1_000)).isCloseTo(0.1, within(1e-9));
        assertThat(CoverageBound.gap(1_000, 1_000)).isCloseTo(0.0, within(1e-9));
    }

    /** OR-Tools bundles GLOP for linux x86-64/aarch64, macOS and Windows: on any of them the solver loads. */
    @Test
    void theLpSolverLoadsOnThisPlatform() {
        assertThat(CoverageBound.solverLoaded()).isTrue();
    }

    @Test
    void aBoundOverItsTimeLimitIsNotAvailable() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(30, 14));

        CoverageBound.Result result = CoverageBound.of(problem, Duration.ofMillis(1));

        assertThat(result.available()).isFalse();
        assertThat(result.bound()).isNaN();
        assertThat(CoverageBound.gap(1_000, result.bound())).isNull();
    }

    /**
     * The LP point of a roster: x[g][d][o] = the group's agents working option o on day d (pinned days are in the
     * right-hand side, not in x); per coverage row, a shortfall fills the segments in order, an excess is
     * overstaffing.
     */
    private static double[] lpPointOf(CoverageBound.Lp lp, RosterSolution roster) {
        double[] point = new double[lp.columnCount()];
        for (AgentDay day : roster.getAgentDays()) {
            if (day.getShift() != null && !day.isPinned()) {
                List<ShiftOption> options = day.getAgent().getEligibleShiftOptions();
                point[lp.shiftColumns.get(options)[day.getDayIndex()][options.indexOf(day.getShift())]]++;
            }
        }
        for (CoverageBound.Lp.CoverageRow coverage : lp.coverageRows) {
            CoverageBound.Lp.Row row = lp.rows.get(coverage.row());
            double missing = row.lower - row.activity(point);
            for (int segment : coverage.segments()) {
                point[segment] = Math.max(0, Math.min(missing, lp.columns.get(segment).upper()));
                missing -= point[segment];
            }
            if (missing < 0 && coverage.overstaffing() >= 0) {
                point[coverage.overstaffing()] = -missing;
            }
        }
        return point;
    }

    /** Pins a shift on each of the first {@code count} agents' first free weekday, as a published roster does. */
    private static RosterSolution withPublishedShifts(RosterSolution problem, int count) {
        int pinned = 0;
        for (AgentDay day : problem.getAgentDays()) {
            if (pinned < count && day.getDayIndex() == 1 && !day.isPinned()
                    && !day.getAgent().getEligibleShiftOptions().isEmpty()) {
                day.setShift(day.getAgent().getEligibleShiftOptions().get(0));
                day.setPinned(true);
                pinned++;
            }
        }
        assertThat(pinned).isEqualTo(count);
        return problem;
    }

    private static RosterSolution tinyProblem() {
        int[] required = new int[48];
        for (int s = 18; s < 26; s++) {
            required[s] = 4;
        }
        for (int s = 26; s < 34; s++) {
            required[s] = 1;
        }
        return RosterProblemBuilder.forHorizon(MONDAY, 1).shiftOptions(List.of(TINY_4, TINY_8))
                .agents(List.of(agent("A").build(), agent("B").build()))
                .requirement("general", MONDAY, required).build();
    }
}
