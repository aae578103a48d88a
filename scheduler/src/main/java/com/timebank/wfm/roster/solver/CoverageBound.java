package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The best coverage any roster of a problem could reach: a lower bound on the solver's coverage objective,
 * {@code shortfallWeight × Σ shortfall² + overstaffingWeight × Σ overstaffing} over every queue and interval,
 * from the LP relaxation of an aggregated model, solved by Google OR-Tools' GLOP dual simplex (native, loaded once on
 * first use; where it cannot load, the bound is not available).
 * <p>
 * Agents with the same eligible shift options (same contract shape and skills) form a group; a column
 * {@code x[g][d][o] ≥ 0} counts the group's agents working shift option {@code o} (start × length × queue) on day
 * {@code d}. Rows, each the sum over the group of a per-agent rule, so that every roster is a feasible point and
 * the LP optimum is a valid lower bound:
 * <ul>
 * <li>per day: at most the group's agents not kept off that day (leave, pinned days);</li>
 * <li>per contract week: paid minutes within the group's Σ max(0, min − credited) and Σ max(0, max − credited),
 * pro-rated for a partial last week like the hard constraints;</li>
 * <li>per window of (max consecutive + 1) days: at most max consecutive shifts per agent;</li>
 * <li>per queue and interval: agent-minutes on the phone (net of breaks) + shortfall − overstaffing = required −
 * pinned coverage, all in agent-minutes.</li>
 * </ul>
 * The squared shortfall is a convex piecewise-linear function of the shortfall: every possible shortfall is a
 * multiple of a lattice step (the greatest common divisor of the interval length and every shift's on-phone
 * minutes), and the segment columns' slopes are the secants of m² between consecutive lattice points (exact at
 * every lattice point up to {@link #EXACT_SEGMENTS} agents short, then every ~1.4× further, each line still below
 * m² at every lattice point, so the bound stays valid). Where the solver's rounding of an interval's penalty to an
 * integer can take up to half a point off, the bound gives that half point away. Relaxed away: integrality,
 * minimum rest, availability windows, partial-day unavailability and every other soft constraint,
 * which only lowers the bound.
 * <p>
 * Every shift's coverage comes from {@link #shiftCoverage}, the same per-shift coverage the constraint stream sums
 * ({@link CoverageGrid#coverageOf}), so the bound and {@link #objectiveOf} follow any change of how a shift
 * covers its intervals.
 * <p>
 * Summing each rule over a group lets the LP work a fraction of an agent every day; {@link #raise} then prices whole
 * agent plans from the LP's duals ({@link LagrangianBound}) and raises the bound where that matters (100 agents:
 * +6.8% standard, +8.1% tight, +23.5% on the weekend-peak instance).
 * <p>
 * The same LP minimising the shortfall alone gives the planner the other half of the answer ({@link
 * Result#shortfallFloor}): the fewest short agent-intervals any roster of these agents can leave, which only more
 * agents (or longer contracts) can cover, however long the solver runs; {@link #raise} raises it by whole agent plans
 * too, once the bound's steps have settled.
 */
public final class CoverageBound {

    /**
     * At most this long the bound is raised by whole agent plans after the LP ({@link #raise}); it ends sooner when its
     * steps settle or the solve next to it ends. Why no shorter: at 2,000 agents a step takes ~17 ms and the bound
     * still rises after 30 s (a 60-s solve, weekend-peak: +15.8% over the LP after 30 s of raising, +18.4% after
     * 60 s), while the solve's objective no longer moves; the raise runs on its own thread next to the solve.
     */
    public static final Duration RAISE_LIMIT = Duration.ofMinutes(5);
    /** A short solve's bound is still raised this long: at 100 agents the steps settle within about 30 s. */
    public static final Duration MIN_RAISE = Duration.ofSeconds(30);

    /**
     * How long the bound of a roster solved for {@code solveTime} may be raised: the solve's time, at least
     * {@link #MIN_RAISE}, at most {@link #RAISE_LIMIT}. A solve with a deadline also ends its raise when it ends.
     */
    public static Duration raiseTime(Duration solveTime) {
        Duration atLeast = solveTime.compareTo(MIN_RAISE) < 0 ? MIN_RAISE : solveTime;
        return atLeast.compareTo(RAISE_LIMIT) > 0 ? RAISE_LIMIT : atLeast;
    }

    /** Shortfall segments of width one up to here; beyond, breakpoints grow geometrically. */
    static final int EXACT_SEGMENTS = 8;

    /**
     * Outcome of a bound computation. {@code bound} is meaningful only when {@link #available()}; {@code mix} is the
     * LP optimum's start-time mix then, null otherwise. {@code shortfallFloor}: the fewest short agent-intervals (on
     * the phone, net of breaks, summed over queues and intervals) any roster of these agents that keeps their contracts'
     * weekly hours and days in a row can leave, rounded down to hundredths; NaN when not known (the bound not
     * available, or that second LP not solved in the time left).
     */
    public record Result(double bound, boolean available, String state, int columns, int rows, long millis,
            ShiftMix mix, Duals duals, double lpBound, double shortfallFloor) {

        public static Result notAvailable(String state, long millis) {
            return new Result(Double.NaN, false, state, 0, 0, millis, null, null, Double.NaN, Double.NaN);
        }
    }

    /**
     * The bound raised by whole agent plans ({@link LagrangianBound}), from the LP's duals of {@code lp} (an available
     * result of {@link #of} for {@code problem}), until {@code end}, the multipliers settle, or the solve's end
     * ({@link RosterSolution#getSolveDeadline}); never below the LP bound. Then, in the time that leaves, the shortfall
     * floor the same way, from the duals of the LP minimising the shortfall ({@link LagrangianBound#raiseShortfall});
     * never below that LP's. Then, in the time still left, the bound at the steps' best multipliers with each day's
     * coverage made of whole shifts ({@link LagrangianBound#raiseByWholeShifts}). The result keeps the LP's value
     * ({@link Result#lpBound}), mix and size; its state names the steps taken.
     */
    public static Result raise(RosterSolution problem, Result lp, SolveDeadline end) {
        return raise(problem, lp, end, LagrangianBound.GIVE_WAY_GAIN);
    }

    /**
     * As {@link #raise(RosterSolution, Result, SolveDeadline)}, the bound's steps giving way to the shortfall floor's
     * late in their time when their last quarter raised the bound by less than {@code giveWayGain} of it (for tests,
     * infinity: always, so that the floor has its time however fast the machine).
     */
    static Result raise(RosterSolution problem, Result lp, SolveDeadline end, double giveWayGain) {
        if (!lp.available() || lp.duals() == null) {
            return lp;
        }
        long t0 = System.nanoTime();
        Duals duals = lp.duals();
        Result raised;
        double[] multipliers;
        try {
            // with a shortfall floor to raise after it, the bound's steps give way to it when they rise slowly late in
            // their time (at 2,000 agents they would take it all for the last few tenths of a percent)
            LagrangianBound.Result steps = LagrangianBound.raise(problem, duals.lp(), duals.values(), lp.bound(), end,
                    problem.getSolveDeadline(),
                    duals.shortfallValues() != null ? giveWayGain : Double.NaN);
            multipliers = steps.multipliers();
            raised = new Result(Math.max(lp.bound(), steps.bound()), true,
                    lp.state() + ", raised by whole agent plans in " + steps.steps() + " steps ("
                            + steps.searches() + " plan searches for " + steps.agents() + " agents)"
                            + lateSteps(steps), lp.columns(),
                    lp.rows(), lp.millis() + millisSince(t0), lp.mix(), duals, lp.lpBound(), lp.shortfallFloor());
        } catch (RuntimeException | OutOfMemoryError e) {
            // the LP bound stands on its own
            return lp;
        }
        // the time the bound's steps leave (they settle within ~20 s at 100 agents) raises the shortfall floor
        if (duals.shortfallValues() != null && problem.getSolveDeadline().allows(end.nanos())) {
            try {
                LagrangianBound.Result steps = LagrangianBound.raiseShortfall(problem, duals.lp(),
                        duals.shortfallValues(), duals.shortfallMinutes(), end, problem.getSolveDeadline());
                double floor = Math.max(lp.shortfallFloor(), floorOf(duals.lp(), steps.bound()));
                raised = new Result(raised.bound(), true, raised.state() + "; shortfall floor raised in "
                        + steps.steps() + " steps", raised.columns(), raised.rows(), lp.millis() + millisSince(t0),
                        raised.mix(), duals, raised.lpBound(), floor);
            } catch (RuntimeException | OutOfMemoryError e) {
                // the raised bound stands without a raised floor
            }
        }
        return raisedByWholeShifts(problem, raised, multipliers, end, lp.millis(), t0);
    }

    /**
     * The time the steps and the floor leave raises the bound once more at the steps' best multipliers, each day's
     * coverage made of whole shifts ({@link LagrangianBound#raiseByWholeShifts}); never below {@code raised}.
     */
    private static Result raisedByWholeShifts(RosterSolution problem, Result raised, double[] multipliers,
            SolveDeadline end, long lpMillis, long t0) {
        if (multipliers == null || !problem.getSolveDeadline().allows(end.nanos())) {
            return raised;
        }
        try {
            LagrangianBound.WholeShifts days = LagrangianBound.raiseByWholeShifts(problem, raised.duals().lp(),
                    multipliers, end, problem.getSolveDeadline());
            if (days.solved() == 0) {
                return raised;
            }
            String state = String.format(Locale.ROOT, "; whole shifts per day %+,.1f in %d of %d days (%d exact)",
                    days.bound() - days.before(), days.solved(), days.blocks(), days.exact());
            return new Result(Math.max(raised.bound(), days.bound()), true, raised.state() + state, raised.columns(),
                    raised.rows(), lpMillis + millisSince(t0), raised.mix(), raised.duals(), raised.lpBound(),
                    raised.shortfallFloor());
        } catch (RuntimeException | OutOfMemoryError e) {
            return raised;
        }
    }

    /** What the bound's steps did when their share of the time was up, for the bound's state. */
    private static String lateSteps(LagrangianBound.Result steps) {
        if (Double.isNaN(steps.lateGain())) {
            return "";
        }
        String gain = String.format(Locale.ROOT, "%+.2f%% in their last quarter", 100 * steps.lateGain());
        return steps.gaveWay() ? ", then gave way to the shortfall floor (" + gain + ")"
                : ", still rising when their share of the time was up (" + gain + ")";
    }

    /**
     * The LP behind an available bound and its coverage rows' duals, from which {@link #raise} starts; those of the
     * same LP minimising the shortfall alone and its optimum in agent-minutes (the requirement no shift reaches
     * included), from which the shortfall floor is raised (null and NaN when that LP was not solved).
     */
    public record Duals(Lp lp, double[] values, double[] shortfallValues, double shortfallMinutes) {
    }

    private CoverageBound() {
    }

    /** The slots one shift on one day covers and with how many agents: the one source of coverage here. */
    static List<SlotCoverage> shiftCoverage(CoverageGrid grid, int dayIndex, ShiftOption shift) {
        return grid.coverageOf(dayIndex, shift);
    }

    /**
     * The coverage objective of a roster as the solver weighs it (its coverage-shortfall and overstaffing score
     * terms, as positive numbers).
     */
    public static long objectiveOf(RosterSolution roster) {
        CoverageGrid grid = roster.getCoverageGrid();
        Map<String, int[]> scheduled = new HashMap<>();
        grid.getSkills().forEach(s -> scheduled.put(s, new int[grid.slotsOf(s).length]));
        for (AgentDay day : roster.getAgentDays()) {
            if (day.getShift() != null) {
                for (SlotCoverage c : shiftCoverage(grid, day.getDayIndex(), day.getShift())) {
                    scheduled.get(c.slot().getSkill())[c.slot().getIndex()] += c.onPhoneMinutes();
                }
            }
        }
        long shortfallWeight = shortfallWeight(roster);
        long overstaffingWeight = overstaffingWeight(roster);
        long objective = 0;
        for (String skill : grid.getSkills()) {
            for (RequirementSlot slot : grid.slotsOf(skill)) {
                int onPhone = scheduled.get(skill)[slot.getIndex()];
                objective += shortfallWeight * slot.shortfallPenalty(onPhone)
                        + overstaffingWeight * slot.overstaffingPenalty(onPhone);
            }
        }
        return objective;
    }

    /**
     * (objective − bound) / bound; 0 when both are 0; null when the bound is missing, 0 under a positive objective, or
     * above the objective (then it is not a bound of this problem).
     */
    public static Double gap(long objective, double bound) {
        if (Double.isNaN(bound)) {
            return null;
        }
        if (bound <= 0) {
            return objective <= 0 ? 0.0 : null;
        }
        if (objective < bound - 1e-6 * bound) {
            // a roster below the bound proves the bound wrong for this problem: no figure rather than a false one
            return null;
        }
        return Math.max(0, (objective - bound) / bound);
    }

    /** Computes the bound, giving up (not available) after {@code timeLimit}, model building included. */
    public static Result of(RosterSolution problem, Duration timeLimit) {
        return of(problem, timeLimit, mix -> { });
    }

    /**
     * As {@link #of(RosterSolution, Duration)}, handing the LP optimum's start-time mix to {@code onMix} as soon as it
     * is known, before the shortfall floor's second LP (a solve's guided construction waits for that mix).
     */
    public static Result of(RosterSolution problem, Duration timeLimit, Consumer<ShiftMix> onMix) {
        long t0 = System.nanoTime();
        try {
            return solve(problem, timeLimit, t0, onMix);
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            return Result.notAvailable("FAILED: " + e.getClass().getSimpleName(), millisSince(t0));
        }
    }

    private static Result solve(RosterSolution problem, Duration timeLimit, long t0, Consumer<ShiftMix> onMix) {
        String nativeFailure = GlopNatives.FAILURE;
        if (nativeFailure != null) {
            return Result.notAvailable(nativeFailure, millisSince(t0));
        }
        Lp lp = Lp.of(problem);
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            return Result.notAvailable("GLOP_NOT_AVAILABLE", millisSince(t0));
        }
        try {
            MPVariable[] variables = lp.transcribe(solver);
            long remaining = timeLimit.toMillis() - millisSince(t0);
            if (remaining <= 0) {
                return new Result(Double.NaN, false, "TIME_LIMIT", lp.columnCount(), lp.rowCount(), millisSince(t0),
                        null, null, Double.NaN, Double.NaN);
            }
            solver.setTimeLimit(remaining);
            // dual simplex: 2.5-4.5x fewer iterations and less time than GLOP's default primal on the 100-agent
            // family (e.g. loose 6,095 iterations / 1.7 s against 25,744 / 5.6 s at load 10 on 2 cores)
            solver.setSolverSpecificParametersAsString("use_dual_simplex: true");
            MPSolver.ResultStatus status = solver.solve();
            long millis = millisSince(t0);
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                // GLOP stops at its time limit without a status of its own
                String state = millis >= timeLimit.toMillis() ? "TIME_LIMIT (" + status + ")" : status.toString();
                return new Result(Double.NaN, false, state, lp.columnCount(), lp.rowCount(), millis, null, null,
                        Double.NaN, Double.NaN);
            }
            double[] point = new double[variables.length];
            for (int j = 0; j < variables.length; j++) {
                point[j] = variables[j].solutionValue();
            }
            double[] duals = coverageDuals(solver, lp);
            double bound = Math.max(0, solver.objective().value() + lp.constant);
            ShiftMix mix = lp.mixAt(point);
            onMix.accept(mix);
            double minutes = shortfallMinutes(solver, variables, lp, timeLimit.toMillis() - millisSince(t0));
            boolean floorKnown = !Double.isNaN(minutes);
            return new Result(bound, true, status.toString(), lp.columnCount(), lp.rowCount(), millisSince(t0), mix,
                    new Duals(lp, duals, floorKnown ? coverageDuals(solver, lp) : null, minutes), bound,
                    floorKnown ? floorOf(lp, minutes) : Double.NaN);
        } finally {
            solver.delete();
        }
    }

    /**
     * The LP just solved, re-solved for the shortfall alone (every segment of an interval's shortfall at one
     * agent-minute each, overstaffing free): its optimum plus the requirement no shift can cover, in agent-minutes.
     * Every roster that keeps the rows' rules is a point of the LP, so none leaves less. NaN when not solved within
     * {@code remainingMillis}.
     */
    private static double shortfallMinutes(MPSolver solver, MPVariable[] variables, Lp lp, long remainingMillis) {
        if (remainingMillis <= 0) {
            return Double.NaN;
        }
        MPObjective objective = solver.objective();
        objective.clear();
        for (Lp.CoverageRow row : lp.coverageRows) {
            for (int segment : row.segments()) {
                objective.setCoefficient(variables[segment], 1);
            }
        }
        objective.setMinimization();
        solver.setTimeLimit(remainingMillis);
        if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
            return Double.NaN;
        }
        return objective.value() + lp.uncoveredShortfallMinutes;
    }

    /** The duals of {@code lp}'s coverage rows at the optimum {@code solver} last found. */
    private static double[] coverageDuals(MPSolver solver, Lp lp) {
        MPConstraint[] constraints = solver.constraints();
        double[] duals = new double[lp.coverageRows.size()];
        for (int k = 0; k < duals.length; k++) {
            duals[k] = constraints[lp.coverageRows.get(k).row()].dualValue();
        }
        return duals;
    }

    /**
     * {@code minutes}, a lower bound of every roster's short agent-minutes, as the floor shown: every roster's
     * shortfall is a whole number of lattice steps, so it rounds up to one (less the LP solver's tolerance first), then
     * to agent-intervals rounded down to hundredths.
     */
    static double floorOf(Lp lp, double minutes) {
        double lessTolerance = minutes - 1e-6 * Math.max(1, Math.abs(minutes));
        long steps = Math.max(0, (long) Math.ceil(lessTolerance / lp.lattice));
        return Math.floorDiv(steps * lp.lattice * 100, lp.slotMinutes) / 100.0;
    }

    /**
     * Loads the LP solver's native libraries if not yet done (once per JVM: about 65 MB extracted to the temp
     * directory, seconds on a busy machine) and tells whether they loaded; the service calls it at start-up on the
     * bound thread, so that the first roster's solve does not share its first seconds with that.
     */
    public static boolean solverLoaded() {
        return GlopNatives.FAILURE == null;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * OR-Tools' native libraries (GLOP), extracted and loaded once, on first use; {@code FAILURE} is null when they
     * loaded, else the state a bound reports (an OS or architecture without a bundled library, no writable temp).
     */
    private static final class GlopNatives {

        static final String FAILURE = load();

        private static String load() {
            try {
                Loader.loadNativeLibraries();
                return null;
            } catch (RuntimeException | LinkageError e) {
                return "NATIVE_LIBRARY_NOT_LOADED: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
    }

    /**
     * The LP in plain Java, independent of the solver: rows {@code lower ≤ Σ coefficient × column ≤ upper}, bounded
     * columns with costs, and the constant the objective leaves out. Tests check rosters against it; {@link #of}
     * builds it, {@link #transcribe} hands it to GLOP.
     */
    static final class Lp {

        final List<Column> columns = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();
        /** Per group, the column of x[day][option]. */
        final Map<List<ShiftOption>, int[][]> shiftColumns = new LinkedHashMap<>();
        /** The coverage rows, each with its overstaffing column (-1 if none) and its shortfall segments by slope. */
        final List<CoverageRow> coverageRows = new ArrayList<>();
        double constant;
        /** Every coverage (and shortfall) is a multiple of this many agent-minutes. */
        int lattice = 1;
        /** An interval's shortfall penalty per squared missing agent-minute, before rounding: a in a·m². */
        double shortfallPerSquareMinute;
        /** Agent-minutes of requirement in intervals no shift can cover (so no row of their own). */
        long uncoveredShortfallMinutes;
        int slotMinutes = 1;

        record Column(String name, double lower, double upper, double cost) {
        }

        record CoverageRow(int row, int overstaffing, int[] segments) {
        }

        /** Per queue, the index in {@link #coverageRows} of each interval's row (-1: no shift covers it). */
        final Map<String, int[]> coverageRowBySlot = new HashMap<>();

        /** The index in {@link #coverageRows} of the slot's row, -1 when no shift covers it. */
        int coverageRowOf(RequirementSlot slot) {
            int[] bySlot = coverageRowBySlot.get(slot.getSkill());
            return bySlot == null ? -1 : bySlot[slot.getIndex()];
        }

        static final class Row {
            final String name;
            double lower = Double.NEGATIVE_INFINITY;
            double upper = Double.POSITIVE_INFINITY;
            int[] columns = new int[8];
            double[] coefficients = new double[8];
            int size;

            Row(String name) {
                this.name = name;
            }

            Row between(double min, double max) {
                lower = min;
                upper = max;
                return this;
            }

            void add(int column, double coefficient) {
                if (size == columns.length) {
                    columns = Arrays.copyOf(columns, 2 * size);
                    coefficients = Arrays.copyOf(coefficients, 2 * size);
                }
                columns[size] = column;
                coefficients[size++] = coefficient;
            }

            double activity(double[] point) {
                double sum = 0;
                for (int k = 0; k < size; k++) {
                    sum += coefficients[k] * point[columns[k]];
                }
                return sum;
            }
        }

        int columnCount() {
            return columns.size();
        }

        int rowCount() {
            return rows.size();
        }

        private int column(String name, double lower, double upper, double cost) {
            columns.add(new Column(name, lower, upper, cost));
            return columns.size() - 1;
        }

        private Row row(String name) {
            Row row = new Row(name);
            rows.add(row);
            return row;
        }

        /** The LP objective at {@code point}, the constant included. */
        double objectiveAt(double[] point) {
            double value = constant;
            for (int j = 0; j < columns.size(); j++) {
                value += columns.get(j).cost() * point[j];
            }
            return value;
        }

        ShiftMix mixAt(double[] point) {
            Map<List<ShiftOption>, double[][]> planned = new LinkedHashMap<>();
            shiftColumns.forEach((shifts, x) -> {
                double[][] counts = new double[x.length][shifts.size()];
                for (int d = 0; d < x.length; d++) {
                    for (int o = 0; o < shifts.size(); o++) {
                        counts[d][o] = Math.max(0, point[x[d][o]]);
                    }
                }
                planned.put(shifts, counts);
            });
            return new ShiftMix(planned);
        }

        /** The same rows and columns in {@code solver}, minimising; the variables by column index. */
        MPVariable[] transcribe(MPSolver solver) {
            return transcribe(solver, false);
        }

        /**
         * As {@link #transcribe(MPSolver)}; with {@code wholeAgents}, the shift columns (agents of a group on an option
         * and day) are integer, as in every roster, the shortfall and overstaffing columns stay continuous.
         */
        MPVariable[] transcribe(MPSolver solver, boolean wholeAgents) {
            boolean[] shift = new boolean[columns.size()];
            if (wholeAgents) {
                shiftColumns.values().forEach(x -> Arrays.stream(x).flatMapToInt(Arrays::stream)
                        .forEach(j -> shift[j] = true));
            }
            MPVariable[] variables = new MPVariable[columns.size()];
            MPObjective objective = solver.objective();
            for (int j = 0; j < variables.length; j++) {
                Column c = columns.get(j);
                variables[j] = shift[j] ? solver.makeIntVar(finite(c.lower()), finite(c.upper()), c.name())
                        : solver.makeNumVar(finite(c.lower()), finite(c.upper()), c.name());
                if (c.cost() != 0) {
                    objective.setCoefficient(variables[j], c.cost());
                }
            }
            for (Row r : rows) {
                MPConstraint constraint = solver.makeConstraint(finite(r.lower), finite(r.upper), r.name);
                for (int k = 0; k < r.size; k++) {
                    constraint.setCoefficient(variables[r.columns[k]], r.coefficients[k]);
                }
            }
            objective.setMinimization();
            return variables;
        }

        private static double finite(double bound) {
            return bound == Double.POSITIVE_INFINITY ? MPSolver.infinity()
                    : bound == Double.NEGATIVE_INFINITY ? -MPSolver.infinity() : bound;
        }

        static Lp of(RosterSolution problem) {
            Lp lp = new Lp();
            CoverageGrid grid = problem.getCoverageGrid();
            int days = problem.getHorizonDays();
            long shortfallWeight = shortfallWeight(problem);
            long overstaffingWeight = overstaffingWeight(problem);
            Map<List<ShiftOption>, List<Agent>> groups = new LinkedHashMap<>();
            problem.getAgents().forEach(a -> groups.computeIfAbsent(a.getEligibleShiftOptions(), k -> new ArrayList<>()).add(a));
            Map<String, AgentDay[]> daysOf = new HashMap<>();
            for (AgentDay d : problem.getAgentDays()) {
                daysOf.computeIfAbsent(d.getAgent().getEmployeeNo(), k -> new AgentDay[days])[d.getDayIndex()] = d;
            }
            List<String> skills = new ArrayList<>(grid.getSkills());
            Map<String, int[]> pinned = new HashMap<>();
            Map<String, Row[]> cover = new HashMap<>();
            skills.forEach(s -> {
                pinned.put(s, new int[grid.slotsOf(s).length]);
                cover.put(s, new Row[grid.slotsOf(s).length]);
            });
            ContractWeeks contractWeeks = problem.getContractWeeks();
            int weeks = contractWeeks.count();
            int slotMinutes = grid.getSlotMinutes();
            // every shortfall (required minus on-phone agent-minutes) is a multiple of this lattice step
            int lattice = slotMinutes;
            int g = 0;
            for (Map.Entry<List<ShiftOption>, List<Agent>> group : groups.entrySet()) {
                List<ShiftOption> options = group.getKey();
                List<Agent> agents = group.getValue();
                int[] available = new int[days];
                long[] minPaid = new long[weeks];
                long[] maxPaid = new long[weeks];
                for (Agent a : agents) {
                    AgentDay[] ad = daysOf.get(a.getEmployeeNo());
                    if (ad == null) {
                        continue;
                    }
                    int[] credited = new int[weeks];
                    for (int d = 0; d < days; d++) {
                        if (ad[d] == null) {
                            continue;
                        }
                        credited[contractWeeks.weekOf(d)] += ad[d].getCreditedMinutes();
                        if (ad[d].isPinned()) {
                            if (ad[d].getShift() != null) {
                                credited[contractWeeks.weekOf(d)] += ad[d].getShift().getPaidMinutes();
                                for (SlotCoverage c : shiftCoverage(grid, d, ad[d].getShift())) {
                                    pinned.get(c.slot().getSkill())[c.slot().getIndex()] += c.onPhoneMinutes();
                                    lattice = gcd(lattice, c.onPhoneMinutes());
                                }
                            }
                        } else {
                            available[d]++;
                        }
                    }
                    for (int w = 0; w < weeks; w++) {
                        int daysInWeek = contractWeeks.daysIn(w);
                        if (!a.isMinimumWaived(w)) {
                            minPaid[w] += Math.max(0, a.minWeeklyMinutesIn(w, daysInWeek) - credited[w]);
                        }
                        maxPaid[w] += a.isMaximumWaived(w) ? (long) daysInWeek * 1440
                                : Math.max(0, a.maxWeeklyMinutesIn(w, daysInWeek) - credited[w]);
                    }
                }
                if (options.isEmpty()) {
                    g++;
                    continue;
                }
                int[][] x = new int[days][options.size()];
                lp.shiftColumns.put(options, x);
                for (int d = 0; d < days; d++) {
                    Row perDay = lp.row("day_" + g + "_" + d).between(0, available[d]);
                    for (int o = 0; o < options.size(); o++) {
                        x[d][o] = lp.column("x_" + g + "_" + d + "_" + o, 0, Double.POSITIVE_INFINITY, 0);
                        perDay.add(x[d][o], 1);
                        for (SlotCoverage c : shiftCoverage(grid, d, options.get(o))) {
                            String skill = c.slot().getSkill();
                            Row[] coverRows = cover.get(skill);
                            int i = c.slot().getIndex();
                            if (coverRows[i] == null) {
                                coverRows[i] = new Row("cover_" + skills.indexOf(skill) + "_" + i);
                            }
                            coverRows[i].add(x[d][o], c.onPhoneMinutes());
                            lattice = gcd(lattice, c.onPhoneMinutes());
                        }
                    }
                }
                for (int w = 0; w < weeks; w++) {
                    Row week = lp.row("week_" + g + "_" + w).between(minPaid[w], maxPaid[w]);
                    for (int d = contractWeeks.firstDay(w); d <= contractWeeks.lastDay(w); d++) {
                        for (int o = 0; o < options.size(); o++) {
                            week.add(x[d][o], options.get(o).getPaidMinutes());
                        }
                    }
                }
                int maxRun = agents.get(0).getMaxConsecutiveWorkingDays();
                if (agents.stream().allMatch(a -> a.getMaxConsecutiveWorkingDays() == maxRun) && maxRun < days) {
                    for (int start = 0; start + maxRun < days; start++) {
                        Row window = lp.row("run_" + g + "_" + start).between(0, (double) maxRun * agents.size());
                        for (int d = start; d <= start + maxRun; d++) {
                            for (int o = 0; o < options.size(); o++) {
                                window.add(x[d][o], 1);
                            }
                        }
                    }
                }
                g++;
            }
            lp.addCoverageRows(grid, skills, cover, pinned, lattice, shortfallWeight, overstaffingWeight);
            return lp;
        }

        /**
         * Per queue and interval: on-phone agent-minutes + shortfall − overstaffing = required − pinned, the
         * shortfall as segments of the convex piecewise-linear under-estimate of its square.
         */
        private void addCoverageRows(CoverageGrid grid, List<String> skills, Map<String, Row[]> cover,
                Map<String, int[]> pinned, int lattice, long shortfallWeight, long overstaffingWeight) {
            int slotMinutes = grid.getSlotMinutes();
            // Coverage is in agent-minutes on the phone (net of breaks). The solver's penalties, per interval of m
            // missing (or e extra) agent-minutes: 100·m²/slot² and 10·e/slot, each rounded to the nearest integer.
            double shortfallPerSquareMinute = 100.0 * shortfallWeight / ((double) slotMinutes * slotMinutes);
            this.lattice = lattice;
            this.shortfallPerSquareMinute = shortfallPerSquareMinute;
            this.slotMinutes = slotMinutes;
            double overstaffingPerMinute = 10.0 * overstaffingWeight / slotMinutes;
            long rowSlots = 0;
            for (String skill : skills) {
                RequirementSlot[] slots = grid.slotsOf(skill);
                Row[] coverRows = cover.get(skill);
                int[] rowBySlot = new int[slots.length];
                Arrays.fill(rowBySlot, -1);
                coverageRowBySlot.put(skill, rowBySlot);
                for (int i = 0; i < slots.length; i++) {
                    long rhs = (long) slots[i].getRequiredMinutes() - pinned.get(skill)[i];
                    Row row = coverRows[i];
                    if (row == null) {
                        uncoveredShortfallMinutes += Math.max(0, rhs);
                        constant += rhs > 0 ? (double) shortfallWeight * NetCoverage.shortfallPenalty(rhs, slotMinutes)
                                : (double) overstaffingWeight * NetCoverage.overstaffingPenalty(-rhs, slotMinutes);
                        continue;
                    }
                    rows.add(row);
                    rowSlots++;
                    int overstaffing = -1;
                    if (overstaffingWeight > 0 || rhs < 0) {
                        row.between(rhs, rhs);
                        overstaffing = column("e_" + row.name, 0, Double.POSITIVE_INFINITY, overstaffingPerMinute);
                        row.add(overstaffing, -1);
                    } else {
                        // without an overstaffing cost, coverage above the requirement is free
                        row.between(rhs, Double.POSITIVE_INFINITY);
                    }
                    // segments on the lattice of possible shortfalls (multiples of `lattice` minutes): the line through
                    // lattice points k and k + 1 is below m² at every lattice point, so the bound stays valid
                    long steps = Math.max(0, (rhs + lattice - 1) / lattice);
                    List<int[]> ks = shortfallSegments((int) Math.min(Integer.MAX_VALUE, steps), slotMinutes / lattice);
                    int[] segments = new int[ks.size()];
                    double from = 0;
                    for (int n = 0; n < segments.length; n++) {
                        int[] k = ks.get(n);
                        double to = k[1] >= steps ? rhs : lattice * (k[0] + k[1] + 1) / 2.0;
                        double slope = shortfallPerSquareMinute * lattice * (2.0 * k[0] + 1);
                        segments[n] = column("s_" + row.name + "_" + k[0], 0, Math.max(0, to - from), slope);
                        row.add(segments[n], 1);
                        from = to;
                    }
                    rowBySlot[i] = coverageRows.size();
                    coverageRows.add(new CoverageRow(rows.size() - 1, overstaffing, segments));
                }
            }
            // the solver rounds each interval's penalties to integers; where the lattice does not make them whole,
            // each may be up to half a point below the exact value
            boolean wholePenalties = (100L * lattice * lattice) % ((long) slotMinutes * slotMinutes) == 0
                    && (10L * lattice) % slotMinutes == 0;
            if (!wholePenalties) {
                constant -= 0.5 * (shortfallWeight + overstaffingWeight) * rowSlots;
            }
        }
    }

    /**
     * The secant lines of s² used for a shortfall of at most {@code rhs}, as pairs (k, next k): line k passes
     * through (k, k²) and (k + 1, (k + 1)²); consecutive lines cross at (k + next + 1) / 2.
     */
    static List<int[]> shortfallSegments(int rhs) {
        return shortfallSegments(rhs, 1);
    }

    /** As {@link #shortfallSegments(int)} on a lattice of {@code perAgent} points per agent. */
    static List<int[]> shortfallSegments(int rhs, int perAgent) {
        List<Integer> ks = new ArrayList<>();
        int k = 0;
        int exact = EXACT_SEGMENTS * Math.max(1, perAgent);
        while (k < rhs) {
            ks.add(k);
            k = k < exact ? k + 1 : (int) Math.ceil(k * 1.4);
        }
        List<int[]> pairs = new ArrayList<>(ks.size());
        for (int i = 0; i < ks.size(); i++) {
            pairs.add(new int[] {ks.get(i), i + 1 < ks.size() ? ks.get(i + 1) : Integer.MAX_VALUE});
        }
        return pairs;
    }

    private static long shortfallWeight(RosterSolution solution) {
        RosterConstraintConfiguration weights = solution.getConstraintConfiguration();
        return weights == null ? new RosterConstraintConfiguration().getCoverageShortfall().softScore()
                : weights.getCoverageShortfall().softScore();
    }

    private static long overstaffingWeight(RosterSolution solution) {
        RosterConstraintConfiguration weights = solution.getConstraintConfiguration();
        return weights == null ? new RosterConstraintConfiguration().getOverstaffing().softScore()
                : weights.getOverstaffing().softScore();
    }

    static int gcd(int a, int b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }
}
