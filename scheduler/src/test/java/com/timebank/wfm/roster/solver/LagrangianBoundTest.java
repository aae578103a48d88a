package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The raised bound is a bound: no plan an agent may work is worth more than the plan search finds (checked against the
 * plans of a roster the solver made and the constraints call feasible: leave, time off, evening unavailability,
 * weekly limits, days in a row), so L(π) is below every such roster for any multipliers; and at the LP's duals it is
 * at least the LP bound.
 */
class LagrangianBoundTest {

    private static RosterSolution roster;
    private static CoverageBound.Lp lp;
    private static CoverageBound.Result bound;

    @BeforeAll
    static void solveALeaveHeavyCenter() {
        RosterBenchmark.Instance instance = RosterBenchmark.instance("leave-heavy", 40, 14);
        RosterSolution problem = instance.generate(new RosterConstraintConfiguration());
        bound = CoverageBound.of(problem, Duration.ofSeconds(60));
        roster = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(3))).solve(problem);
        lp = CoverageBound.Lp.of(roster);
    }

    @Test
    void noRosteredPlanIsWorthMoreThanTheBestPlanFound() {
        assertThat(roster.getScore().isFeasible()).as(roster.getScore().toString()).isTrue();
        Random random = new Random(5);
        int checked = 0;
        for (int round = 0; round < 20; round++) {
            double[] pi = randomMultipliers(random, round);
            Map<Agent, Double> best = LagrangianBound.bestPlanValues(roster, lp, pi);
            for (Agent agent : roster.getAgents()) {
                double rostered = rosteredValue(agent, pi);
                assertThat(best.get(agent)).as("agent %s, round %d", agent.getEmployeeNo(), round)
                        .isGreaterThanOrEqualTo(rostered - 1e-6 * Math.abs(rostered));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20 * roster.getAgents().size());
    }

    /**
     * Agents whose plan searches are the same (same options, limits, leave and edges) share one, and that changes
     * nothing: L(π) with one search per agent is the same at any multipliers.
     */
    @Test
    void agentsWithTheSameRulesShareOnePlanSearchAndTheBoundIsUnchanged() {
        int searches = LagrangianBound.searches(roster, lp);
        assertThat(searches).isGreaterThan(1).isLessThan(roster.getAgents().size());
        Random random = new Random(11);
        for (int round = 0; round < 10; round++) {
            double[] pi = randomMultipliers(random, round);
            double shared = LagrangianBound.at(roster, lp, pi, true);
            double alone = LagrangianBound.at(roster, lp, pi, false);
            assertThat(shared).as("round %d", round).isCloseTo(alone, within(1e-9 * Math.abs(alone)));
        }
    }

    /** Weak duality as a whole: at any multipliers L(π) is below the coverage objective of a feasible roster. */
    @Test
    void atAnyMultipliersTheBoundIsBelowTheRoster() {
        long objective = CoverageBound.objectiveOf(roster);
        Random random = new Random(17);
        for (int round = 0; round < 20; round++) {
            double[] pi = randomMultipliers(random, round);
            assertThat(LagrangianBound.at(roster, lp, pi)).as("round %d", round).isLessThanOrEqualTo(objective);
        }
    }

    /** The same for the short agent-minutes: at any multipliers below the roster's, so every raised floor is too. */
    @Test
    void atAnyMultipliersTheShortfallFloorIsBelowTheRosters() {
        double shortMinutes = CoverageReport.of(roster).shortfallAgentIntervals() * roster.getCoverageGrid()
                .getSlotMinutes();
        Random random = new Random(19);
        for (int round = 0; round < 20; round++) {
            double[] pi = randomMultipliers(random, round);
            for (int k = 0; k < pi.length; k++) {
                pi[k] = round % 2 == 0 ? pi[k] / 100 : random.nextDouble();
            }
            assertThat(LagrangianBound.shortfallAt(roster, lp, pi)).as("round %d", round)
                    .isLessThanOrEqualTo(shortMinutes + 1e-6);
        }
    }

    /**
     * Where a roster leaves intervals more agents short than the LP's segments follow the square exactly (a tight
     * center of 300 agents), the raise prices them at the exact square and must still stay below that roster: the
     * raise maximises L, so any overstated interval cost would show here.
     */
    @Test
    void aBoundRaisedWhereIntervalsAreManyAgentsShortStaysBelowTheRoster() {
        RosterSolution problem = RosterBenchmark.instance("tight", 300, 14).generate(new RosterConstraintConfiguration());
        CoverageBound.Result lpBound = CoverageBound.of(problem, Duration.ofSeconds(60));
        RosterSolution solved = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(5)))
                .solve(problem);
        assertThat(solved.getScore().isFeasible()).as(solved.getScore().toString()).isTrue();
        assertThat(CoverageReport.of(solved).intervals())
                .anyMatch(i -> i.shortfall() > CoverageBound.EXACT_SEGMENTS + 1);

        SolveDeadline end = endIn(10);
        CoverageBound.Result raised = CoverageBound.raise(solved, lpBound, end);

        assertThat(raised.bound()).isGreaterThan(lpBound.bound())
                .isLessThanOrEqualTo(CoverageBound.objectiveOf(solved));
    }

    /**
     * An interval's best coverage is the best of every coverage a roster can give it (multiples of the lattice, up to
     * three steps past the requirement), at its exact cost: many intervals, lattices, weights and multipliers, with and
     * without an overstaffing cost, short by up to 120 agents, with multipliers that make the best shortfall up to
     * ~60 agents (where the LP's segments no longer follow the square).
     */
    @Test
    void anIntervalsBestCoverageIsTheBestOfEveryCoverageOnTheLattice() {
        Random random = new Random(23);
        int checked = 0;
        for (int round = 0; round < 20_000; round++) {
            int lattice = new int[] {5, 10, 15, 30}[random.nextInt(4)];
            double rhs = lattice * (double) (random.nextInt(12 * 30 / lattice * 10) - 2);
            double shortfallCost = random.nextInt(5) == 0 ? 0 : 100.0 * (1 + random.nextInt(3)) / 900;
            // the shortfall floor's cost: a minute short costs 1, the square nothing, overstaffing nothing
            boolean floor = random.nextInt(5) == 0;
            double perMinute = floor ? 1 : random.nextInt(5) == 0 ? random.nextDouble() * 3 : 0;
            shortfallCost = floor ? 0 : shortfallCost;
            double overstaffingCost = floor || random.nextInt(4) == 0 ? Double.NaN : (1 + random.nextInt(10)) / 3.0;
            double lowest = Double.isNaN(overstaffingCost) ? 0 : -overstaffingCost;
            double pi = lowest + random.nextDouble() * new double[] {2, 40, 400}[round % 3];

            double best = LagrangianBound.bestCoverage(rhs, pi, lattice, shortfallCost, perMinute, overstaffingCost);
            double bruteForce = Double.POSITIVE_INFINITY;
            for (double c = 0; c <= Math.max(0, rhs) + 3 * lattice; c += lattice) {
                bruteForce = Math.min(bruteForce,
                        LagrangianBound.intervalCost(rhs, c, pi, shortfallCost, perMinute, overstaffingCost));
            }
            assertThat(best % lattice).isZero();
            assertThat(LagrangianBound.intervalCost(rhs, best, pi, shortfallCost, perMinute, overstaffingCost))
                    .as("rhs %s, pi %s, lattice %d, a %s, b %s, over %s", rhs, pi, lattice, shortfallCost, perMinute,
                            overstaffingCost)
                    .isCloseTo(bruteForce, within(1e-9 * Math.max(1, Math.abs(bruteForce))));
            checked++;
        }
        assertThat(checked).isEqualTo(20_000);
    }

    @Test
    void atTheLpDualsTheBoundIsAtLeastTheLpAndRaisingKeepsItBelowTheRoster() {
        assertThat(bound.available()).as(bound.state()).isTrue();
        double atDuals = LagrangianBound.at(roster, bound.duals().lp(), bound.duals().values());
        assertThat(atDuals).isGreaterThanOrEqualTo(bound.bound() - 1e-6 * bound.bound());

        SolveDeadline end = endIn(3);
        CoverageBound.Result raised = CoverageBound.raise(roster, bound, end);

        assertThat(raised.lpBound()).isEqualTo(bound.bound());
        assertThat(raised.bound()).isGreaterThanOrEqualTo(atDuals);
        assertThat(raised.bound()).isLessThanOrEqualTo(CoverageBound.objectiveOf(roster));
        assertThat(raised.state()).contains("raised by whole agent plans");
    }

    /**
     * Each day's coverage made of whole shifts: at multipliers near the raise's best and at random ones, no day of a
     * solved roster (its shifts that are not pinned, agents on leave and time off among them) costs less than the
     * least the whole-shift program finds for it, and that least is never below the rows' separate minima; the bound
     * raised with them stays below the roster.
     */
    @Test
    void noDayOfARosterCostsLessThanItsWholeShiftsLeast() {
        assertThat(bound.available()).as(bound.state()).isTrue();
        LagrangianBound.Result steps = LagrangianBound.raise(roster, bound.duals().lp(), bound.duals().values(),
                bound.bound(), endIn(2), new SolveDeadline());
        Random random = new Random(11);
        int days = 0;
        for (int round = 0; round < 2; round++) {
            double[] pi = steps.multipliers().clone();
            for (int k = 0; k < pi.length; k++) {
                pi[k] *= round == 0 ? 1 : 0.5 + random.nextDouble();
            }
            // SCIP ends each day at its root node, not at a time: the same answer however loaded the machine is
            for (double[] day : LagrangianBound.blocksAgainst(roster, bound.duals().lp(), pi, 120_000, 1)) {
                assertThat(day[0]).isNotNaN().isGreaterThanOrEqualTo(day[2] - 1e-6 * Math.abs(day[2]))
                        .isLessThanOrEqualTo(day[1] + 1e-6 * Math.abs(day[1]));
                days++;
            }
        }
        assertThat(days).isEqualTo(2 * 14);

        LagrangianBound.WholeShifts raised = LagrangianBound.raiseByWholeShifts(roster, bound.duals().lp(),
                steps.multipliers(), endIn(120), new SolveDeadline(), 1);
        assertThat(raised.solved()).isEqualTo(14);
        assertThat(raised.bound()).isGreaterThanOrEqualTo(raised.before())
                .isLessThanOrEqualTo(CoverageBound.objectiveOf(roster));
        assertThat(raised.before()).isCloseTo(steps.bound(), within(1e-6 * steps.bound()));
    }

    /**
     * The shortfall floor raised by the same plans in the time the bound's steps leave: never below the LP's, never
     * above a solved roster's short agent-intervals, and at the LP's own duals at least the LP's floor.
     */
    @Test
    void theRaisedShortfallFloorLiesBetweenTheLpsAndTheRosters() {
        assertThat(bound.available()).as(bound.state()).isTrue();
        CoverageBound.Duals duals = bound.duals();
        assertThat(duals.shortfallValues()).isNotNull();

        // the bound's steps give way at three quarters of the time: on a loaded machine they may still be rising then
        SolveDeadline end = endIn(6);
        CoverageBound.Result raised = CoverageBound.raise(roster, bound, end, Double.POSITIVE_INFINITY);

        assertThat(raised.state()).contains("shortfall floor raised");
        assertThat(raised.shortfallFloor()).isGreaterThanOrEqualTo(bound.shortfallFloor())
                .isLessThanOrEqualTo(CoverageReport.of(roster).shortfallAgentIntervals());
        assertThat(CoverageBound.floorOf(duals.lp(), LagrangianBound.shortfallAt(roster, duals.lp(),
                duals.shortfallValues()))).isGreaterThanOrEqualTo(bound.shortfallFloor());
    }

    /**
     * The plan search against every plan there is: one agent over 9 days (a full contract week and two days of the
     * next, pro-rated), at most 3 days in a row with a day worked just before the horizon, a pinned 4-hour shift, an
     * evening off on day 2, 9-hour and 4-hour shifts, 16-28 h a week; each plan checked by the constraints' own
     * rules (minimum rest aside, which the search relaxes). The best value must be the search's, to the unit.
     */
    @Test
    void bestPlanEqualsTheBestOfAllPlansByBruteForce() {
        Agent agent = agent("A").weeklyMinutes(960, 1_680).maxConsecutiveWorkingDays(3).allowedShiftLengths(540, 240)
                .build();
        RosterSolution problem = builder(9, agent)
                .requirement("general", new int[9 * 48])
                .pin(agent, MONDAY.plusDays(4), PART_4)
                .shiftOutsideHorizon(agent, MONDAY.minusDays(1).atTime(8, 0), MONDAY.minusDays(1).atTime(16, 0))
                .unavailability(Unavailability.window(agent, MONDAY.plusDays(2), LocalTime.of(18, 0), LocalTime.MIDNIGHT))
                .build();
        problem.getAgentDays().forEach(d -> {
            if (!d.isPinned()) {
                d.setShift(null);
            }
        });
        CoverageBound.Lp model = CoverageBound.Lp.of(problem);
        List<ShiftOption> options = agent.getEligibleShiftOptions();
        assertThat(options).hasSize(3);
        Random random = new Random(11);
        for (int round = 0; round < 5; round++) {
            double[] pi = new double[model.coverageRows.size()];
            for (int k = 0; k < pi.length; k++) {
                pi[k] = -0.3 + random.nextDouble() * 3;
            }
            double search = LagrangianBound.bestPlanValues(problem, model, pi).get(agent);
            double brute = bestByBruteForce(problem, model, agent, options, pi);
            assertThat(brute).as("a plan exists").isGreaterThan(Double.NEGATIVE_INFINITY);
            assertThat(search).as("round %d", round).isCloseTo(brute, within(1e-6));
        }
    }

    private static double bestByBruteForce(RosterSolution problem, CoverageBound.Lp model, Agent agent,
            List<ShiftOption> options, double[] pi) {
        List<AgentDay> days = new ArrayList<>(problem.getAgentDays().stream().filter(d -> d.getAgent() == agent)
                .sorted((a, b) -> Integer.compare(a.getDayIndex(), b.getDayIndex())).toList());
        List<AgentDay> open = days.stream().filter(d -> !d.isPinned()).toList();
        int choices = options.size() + 1;
        int plans = (int) Math.pow(choices, open.size());
        double best = Double.NEGATIVE_INFINITY;
        for (int plan = 0; plan < plans; plan++) {
            int code = plan;
            for (AgentDay day : open) {
                int c = code % choices;
                code /= choices;
                day.setShift(c == 0 ? null : options.get(c - 1));
            }
            if (keepsTheRules(problem, agent, days)) {
                double value = 0;
                for (AgentDay day : open) {
                    if (day.getShift() != null) {
                        for (SlotCoverage c : problem.getCoverageGrid().coverageOf(day.getDayIndex(), day.getShift())) {
                            value += pi[model.coverageRowOf(c.slot())] * c.onPhoneMinutes();
                        }
                    }
                }
                best = Math.max(best, value);
            }
        }
        open.forEach(d -> d.setShift(null));
        return best;
    }

    /** The hard rules as the constraints state them, minimum rest aside. */
    private static boolean keepsTheRules(RosterSolution problem, Agent agent, List<AgentDay> days) {
        long bits = 0;
        int[] minutes = new int[problem.getContractWeeks().count()];
        int[] count = new int[minutes.length];
        for (AgentDay day : days) {
            minutes[day.getWeekIndex()] += day.getCountedMinutes();
            count[day.getWeekIndex()]++;
            if (day.getShift() != null) {
                bits |= day.getDayBit();
                if (day.getMinutesOutsideAvailability() > 0) {
                    return false;
                }
                for (Unavailability u : problem.getUnavailabilities()) {
                    if (u.getAgent() == agent && u.overlapMinutes(day.getStartMinute(), day.getEndMinute()) > 0) {
                        return false;
                    }
                }
                if (day.getEdgeRestShortfallMinutes() > 0) {
                    return false;
                }
            }
        }
        for (int w = 0; w < minutes.length; w++) {
            if (count[w] > 0 && (minutes[w] < agent.requiredWeeklyMinutesIn(w, count[w])
                    || minutes[w] > agent.maxWeeklyMinutesIn(w, count[w]))) {
                return false;
            }
        }
        return RosterConstraintProvider.excessConsecutiveDays(agent, bits) == 0
                && RosterConstraintProvider.excessConsecutiveDaysAcrossEdges(agent, bits) == 0;
    }

    /**
     * A raise with time for many steps halves its step length after 200 steps without a better bound; one with time
     * for few (10,000 agents) after a twentieth of them, never fewer than 50; without a known end, 200.
     */
    @Test
    void thePatienceBeforeAHalvingIsAShareOfTheStepsTheRaiseHasTimeFor() {
        long second = 1_000_000_000L;
        assertThat(LagrangianBound.patience(10_000, 15 * second, 60 * second)).isEqualTo(200);
        assertThat(LagrangianBound.patience(350, 6 * second, 60 * second)).isEqualTo(175);
        assertThat(LagrangianBound.patience(95, 6 * second, 60 * second)).isEqualTo(50);
        assertThat(LagrangianBound.patience(1, 6 * second, 60 * second)).isEqualTo(50);
        assertThat(LagrangianBound.patience(10, 6 * second, Long.MAX_VALUE)).isEqualTo(200);
        assertThat(LagrangianBound.patience(0, 0, 60 * second)).isEqualTo(200);
    }

    /** A raise whose end has come (another roster needs the bound thread, the solve stopped) returns the LP bound. */
    @Test
    void anEndedRaiseReturnsAtOnceWithTheLpBound() {
        SolveDeadline end = new SolveDeadline();
        end.endNow();
        long started = System.nanoTime();

        CoverageBound.Result raised = CoverageBound.raise(roster, bound, end);

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        assertThat(raised.bound()).isEqualTo(bound.bound());
        assertThat(raised.state()).contains("in 0 steps");
    }

    /**
     * The raise runs next to the solve and ends with it, however far its own limit ({@link CoverageBound#RAISE_LIMIT},
     * minutes) is: a raise for a roster whose solve has ended makes no step.
     */
    @Test
    void aRaiseEndsWithTheSolveNextToIt() {
        RosterBenchmark.Instance instance = RosterBenchmark.instance("standard", 20, 7);
        RosterSolution problem = instance.generate(new RosterConstraintConfiguration());
        CoverageBound.Result lpOnly = CoverageBound.of(problem, Duration.ofSeconds(60));
        SolveDeadline end = new SolveDeadline();
        end.endIn(CoverageBound.RAISE_LIMIT);
        problem.getSolveDeadline().endNow();
        long started = System.nanoTime();

        CoverageBound.Result raised = CoverageBound.raise(problem, lpOnly, end);

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        assertThat(raised.bound()).isEqualTo(lpOnly.bound());
        assertThat(raised.state()).contains("in 0 steps");
    }

    /**
     * A center planned in partitions has its bound raised too (it once kept the LP's: unshared plan searches took the
     * core its first phase needed); most of its agents share a plan search.
     */
    @Test
    void aCenterPlannedInPartitionsHasItsBoundRaised() {
        RosterSolution large = new RosterInstanceGenerator().generate(
                RosterInstanceGenerator.Spec.of(PartitionedRoster.DEFAULT_THRESHOLD_AGENTS + 1, 7));
        CoverageBound.Result lpOnly = CoverageBound.of(large, Duration.ofSeconds(60));
        assertThat(lpOnly.available()).as(lpOnly.state()).isTrue();
        SolveDeadline end = endIn(5);

        CoverageBound.Result raised = CoverageBound.raise(large, lpOnly, end);

        assertThat(raised.bound()).isGreaterThan(lpOnly.bound());
        assertThat(LagrangianBound.searches(large, lpOnly.duals().lp())).isLessThan(large.getAgents().size() / 2);
    }

    /**
     * With the shortfall floor waiting, the bound's steps that still run when {@link LagrangianBound#BOUND_SHARE} of
     * the raise's time is up give way when they gained too little (here: whatever they gained) and end then, and go
     * on to the end when they gained enough (here: never enough, at −∞ they would always go on); without a floor
     * waiting they are never asked. A large center, where the steps do not settle within 4 s.
     */
    @Test
    void theBoundsStepsGiveWayToTheFloorOnlyWhenTheyGainTooLittleLate() {
        RosterSolution large = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(3_000, 7));
        CoverageBound.Result lpOnly = CoverageBound.of(large, Duration.ofSeconds(60));
        assertThat(lpOnly.available()).as(lpOnly.state()).isTrue();
        CoverageBound.Duals duals = lpOnly.duals();

        LagrangianBound.Result gaveWay = LagrangianBound.raise(large, duals.lp(), duals.values(), lpOnly.bound(),
                endIn(4), new SolveDeadline(), Double.POSITIVE_INFINITY);
        LagrangianBound.Result wentOn = LagrangianBound.raise(large, duals.lp(), duals.values(), lpOnly.bound(),
                endIn(4), new SolveDeadline(), Double.NEGATIVE_INFINITY);
        LagrangianBound.Result alone = LagrangianBound.raise(large, duals.lp(), duals.values(), lpOnly.bound(),
                endIn(4), new SolveDeadline());

        assertThat(gaveWay.gaveWay()).isTrue();
        assertThat(gaveWay.lateGain()).isNotNaN();
        assertThat(gaveWay.millis()).isLessThan(3_900);
        assertThat(gaveWay.bound()).isGreaterThan(lpOnly.bound());
        assertThat(wentOn.gaveWay()).isFalse();
        assertThat(wentOn.lateGain()).isNotNaN();
        assertThat(wentOn.millis()).isGreaterThanOrEqualTo(3_900);
        assertThat(alone.lateGain()).isNaN();
        assertThat(alone.millis()).isGreaterThanOrEqualTo(3_900);
    }

    /**
     * The gain of a raise's last quarter: from the best bound of the last step before the quarter began (the LP's
     * when none), as a share of the best now.
     */
    @Test
    void theLastQuartersGainIsMeasuredFromTheBestBeforeIt() {
        LagrangianBound.Climb climb = new LagrangianBound.Climb(100);
        assertThat(climb.gainInLastQuarter()).isZero();
        climb.add(10, 150);
        climb.add(70, 180);
        climb.add(80, 190);
        climb.add(100, 200);
        // the quarter from 75 to 100: from 180 (the step at 70) to 200
        assertThat(climb.gainInLastQuarter()).isCloseTo(0.1, within(1e-12));
        climb.add(400, 200);
        // from 300 to 400: nothing gained
        assertThat(climb.gainInLastQuarter()).isZero();

        LagrangianBound.Climb early = new LagrangianBound.Climb(100);
        early.add(4, 200);
        // the quarter from 3 to 4 began before the first step: from the LP's 100
        assertThat(early.gainInLastQuarter()).isCloseTo(0.5, within(1e-12));
    }

    /** The share's end: a share of the time left, none without an end, never before the start. */
    @Test
    void aShareOfTheRaisesTimeEndsWithinIt() {
        assertThat(LagrangianBound.shareEnd(1_000, 2_000, 0.75)).isEqualTo(1_750);
        assertThat(LagrangianBound.shareEnd(1_000, 2_000, 1)).isEqualTo(2_000);
        assertThat(LagrangianBound.shareEnd(1_000, Long.MAX_VALUE, 0.75)).isEqualTo(Long.MAX_VALUE);
        assertThat(LagrangianBound.shareEnd(1_000, 500, 0.75)).isEqualTo(1_000);
    }

    private static SolveDeadline endIn(int seconds) {
        SolveDeadline end = new SolveDeadline();
        end.endIn(Duration.ofSeconds(seconds));
        return end;
    }

    /** From the cheapest π allowed (overstaffing's cost) up to about one shortfall slope, or several on odd rounds. */
    private static double[] randomMultipliers(Random random, int round) {
        double[] pi = new double[lp.coverageRows.size()];
        for (int k = 0; k < pi.length; k++) {
            pi[k] = -0.3 + random.nextDouble() * (round % 2 == 0 ? 1 : 40);
        }
        return pi;
    }

    /** The multipliers' value of the agent's rostered shifts (pinned days count in the requirement, not here). */
    private static double rosteredValue(Agent agent, double[] pi) {
        CoverageGrid grid = roster.getCoverageGrid();
        double value = 0;
        for (AgentDay day : roster.getAgentDays()) {
            if (day.getAgent() == agent && day.getShift() != null && !day.isPinned()) {
                for (SlotCoverage c : grid.coverageOf(day.getDayIndex(), day.getShift())) {
                    value += pi[lp.coverageRowOf(c.slot())] * c.onPhoneMinutes();
                }
            }
        }
        return value;
    }
}
