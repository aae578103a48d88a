package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Experiment, not used by the product: column generation over whole agent plans for the coverage objective. The
 * restricted master is the coverage LP with one convexity row per agent and one column per generated plan (shortfall
 * as segments of its square, overstaffing linear); pricing is {@link BestWeek} over the horizon with the master's
 * coverage duals as slot values; then SCIP picks one generated plan per agent (price and branch, no branching on
 * columns). Prints the master's objective per round, the integer roster's coverage objective and both against the
 * product's bound. Usage: {@code ColumnGenerationProbe instance agents lpSeconds mipSeconds [solveSeconds]} (the
 * first columns: the greedy roster, or the solver's roster after solveSeconds).
 */
public final class ColumnGenerationProbe {

    private static final double SCALE = 1_000;

    public static void main(String[] args) {
        String name = args[0];
        int size = Integer.parseInt(args[1]);
        long lpMillis = Long.parseLong(args[2]) * 1000;
        long mipMillis = Long.parseLong(args[3]) * 1000;
        CoverageBound.solverLoaded();
        RosterBenchmark.Instance instance = RosterBenchmark.instance(name, size, 28);
        RosterSolution problem = instance.generate(new RosterConstraintConfiguration());
        CoverageBound.Result bound = CoverageBound.of(problem, java.time.Duration.ofSeconds(120));
        long t0 = System.nanoTime();
        int solveSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        if (solveSeconds > 0) {
            problem = new RosterSolver(RosterSolver.Settings.withTimeLimit(
                    java.time.Duration.ofSeconds(solveSeconds))).solve(problem);
        } else {
            new GreedyRoster(problem, new Random(0), 1_000).plan().forEach(AgentDay::setShift);
        }
        System.out.printf(Locale.ROOT, "%s, %d agents: bound %,.0f; start roster %,d (%.1f%%) in %d ms%n", name, size,
                bound.bound(), CoverageBound.objectiveOf(problem),
                100.0 * (CoverageBound.objectiveOf(problem) - bound.bound()) / bound.bound(), millis(t0));
        ColumnGenerationProbe probe = new ColumnGenerationProbe(problem);
        probe.alpha = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        probe.run(lpMillis, mipMillis, bound.bound());
    }

    private final RosterSolution problem;
    private final CoverageGrid grid;
    private final ContractWeeks weeks;
    private final List<AgentState> agents = new ArrayList<>();
    private final List<List<ShiftOption[]>> plans = new ArrayList<>();
    private final long wShort;
    private final long wOver;

    private ColumnGenerationProbe(RosterSolution problem) {
        this.problem = problem;
        this.grid = problem.getCoverageGrid();
        this.weeks = problem.getContractWeeks();
        RosterConstraintConfiguration c = problem.getConstraintConfiguration();
        wShort = c.getCoverageShortfall().softScore();
        wOver = c.getOverstaffing().softScore();
        Map<Agent, AgentState> byAgent = new IdentityHashMap<>();
        for (Agent agent : problem.getAgents()) {
            AgentState state = new AgentState(agent, weeks);
            byAgent.put(agent, state);
            agents.add(state);
            plans.add(new ArrayList<>());
        }
        for (AgentDay day : problem.getAgentDays()) {
            byAgent.get(day.getAgent()).days[day.getDayIndex()] = day;
        }
        for (Unavailability u : problem.getUnavailabilities()) {
            byAgent.get(u.getAgent()).unavailabilities.add(u);
        }
    }

    private double alpha;

    private void run(long lpMillis, long mipMillis, double bound) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        // no presolve: the next solve then starts from the last basis (new columns at their bound)
        lp.setSolverSpecificParametersAsString(System.getProperty("glop", "use_preprocessing: false"));
        Map<RequirementSlot, MPConstraint> rows = new IdentityHashMap<>();
        build(lp, rows);
        List<MPConstraint> convexity = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            convexity.add(lp.makeConstraint(1, 1, "agent_" + a));
        }
        List<List<MPVariable>> columns = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            columns.add(new ArrayList<>());
            ShiftOption[] current = new ShiftOption[problem.getHorizonDays()];
            for (AgentDay day : agents.get(a).days) {
                if (day != null) {
                    current[day.getDayIndex()] = day.getShift();
                }
            }
            addColumn(lp, rows, convexity.get(a), columns.get(a), a, current);
        }
        long t0 = System.nanoTime();
        Map<RequirementSlot, Double> center = null;
        double bestLower = Double.NEGATIVE_INFINITY;
        for (int round = 0; millis(t0) < lpMillis; round++) {
            MPSolver.ResultStatus status = lp.solve();
            double objective = lp.objective().value();
            // the duals first: adding a column invalidates the solution's values
            Map<RequirementSlot, Double> duals = new IdentityHashMap<>();
            rows.forEach((slot, row) -> duals.put(slot, row.dualValue()));
            double[] agentDuals = convexity.stream().mapToDouble(MPConstraint::dualValue).toArray();
            long pricing = System.nanoTime();
            // Wentges smoothing: price at a point between the best dual point so far (the stability center) and
            // the master's duals; the master's own point as well, so a mispriced round still adds columns
            List<Map<RequirementSlot, Double>> points = new ArrayList<>();
            if (center != null && alpha > 0) {
                Map<RequirementSlot, Double> smoothed = new IdentityHashMap<>();
                for (Map.Entry<RequirementSlot, Double> e : duals.entrySet()) {
                    smoothed.put(e.getKey(), alpha * center.get(e.getKey()) + (1 - alpha) * e.getValue());
                }
                points.add(smoothed);
            }
            points.add(duals);
            int added = 0;
            for (Map<RequirementSlot, Double> point : points) {
                double lower = lagrangianConstant(rows.keySet(), point);
                List<ShiftOption[]> found = new ArrayList<>();
                List<Integer> foundFor = new ArrayList<>();
                for (int a = 0; a < agents.size(); a++) {
                    ShiftOption[] plan = price(a, point);
                    if (plan == null) {
                        lower = Double.NaN;
                        continue;
                    }
                    lower -= valueAt(plan, point);
                    double reducedCost = -valueAt(plan, duals) - agentDuals[a];
                    if (reducedCost < -1e-6 * Math.max(1, Math.abs(objective) / agents.size())
                            && !plans.get(a).stream().anyMatch(p -> java.util.Arrays.equals(p, plan))) {
                        found.add(plan);
                        foundFor.add(a);
                    }
                }
                if (lower > bestLower) {
                    bestLower = lower;
                    center = point;
                }
                for (int i = 0; i < found.size(); i++) {
                    addColumn(lp, rows, convexity.get(foundFor.get(i)), columns.get(foundFor.get(i)), foundFor.get(i),
                            found.get(i));
                }
                added += found.size();
            }
            long pricingMillis = millis(pricing);
            System.out.printf(Locale.ROOT, "round %d: %s master %,.0f (%.1f%% over the bound), lower %,.0f (%.2f%%), "
                    + "%d plans added, pricing %d ms, %d ms%n", round, status, objective,
                    100.0 * (objective - bound) / bound, bestLower, 100.0 * (bestLower - bound) / bound, added,
                    pricingMillis, millis(t0));
            if (added == 0 || objective - bestLower < 1e-4 * objective) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "final master: %s %,.0f in %d ms%n", lp.solve(), lp.objective().value(),
                millis(t0));
        roundAndReplan(columns, bound);
        if (mipMillis == 0) {
            return;
        }
        // integer master over every generated plan
        MPSolver mip = MPSolver.createSolver("SCIP");
        Map<RequirementSlot, MPConstraint> mipRows = new IdentityHashMap<>();
        build(mip, mipRows);
        List<List<MPVariable>> choose = onePlanEach(mip, plans,
                (a, one, plan) -> planColumn(mip, grid, mipRows::get, one, plan, true));
        mip.setTimeLimit(mipMillis);
        long t1 = System.nanoTime();
        MPSolver.ResultStatus status = mip.solve();
        System.out.printf(Locale.ROOT, "integer master (%d plans): %s, objective %,.0f, best bound %,.0f in %d ms%n",
                choose.stream().mapToInt(List::size).sum(), status, mip.objective().value(),
                mip.objective().bestBound(), millis(t1));
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            return;
        }
        for (int a = 0; a < agents.size(); a++) {
            for (int k = 0; k < choose.get(a).size(); k++) {
                if (choose.get(a).get(k).solutionValue() > 0.5) {
                    ShiftOption[] plan = plans.get(a).get(k);
                    for (AgentDay day : agents.get(a).days) {
                        if (day != null && !day.isPinned()) {
                            day.setShift(plan[day.getDayIndex()]);
                        }
                    }
                }
            }
        }
        long objective = CoverageBound.objectiveOf(problem);
        System.out.printf(Locale.ROOT, "roster from the integer master: coverage objective %,d (%.1f%% over the bound), "
                + "hard score %s%n", objective, 100.0 * (objective - bound) / bound,
                new RosterSolver(RosterSolver.Settings.withTimeLimit(java.time.Duration.ofSeconds(1))).score(problem));
    }

    /** Coverage rows: on-phone minutes of the plans + shortfall segments − overstaffing = required. */
    private void build(MPSolver solver, Map<RequirementSlot, MPConstraint> rows) {
        MPObjective objective = solver.objective();
        objective.setMinimization();
        int slotMinutes = grid.getSlotMinutes();
        for (String skill : grid.getSkills()) {
            for (RequirementSlot slot : grid.slotsOf(skill)) {
                int required = slot.getRequiredMinutes();
                MPConstraint row = solver.makeConstraint(required, required);
                rows.put(slot, row);
                MPVariable over = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "");
                row.setCoefficient(over, -1);
                objective.setCoefficient(over, wOver * 10.0 / slotMinutes);
                int segments = (required + slotMinutes - 1) / slotMinutes;
                for (int k = 0; k < segments; k++) {
                    MPVariable segment = solver.makeNumVar(0, slotMinutes, "");
                    row.setCoefficient(segment, 1);
                    objective.setCoefficient(segment, wShort * 100.0 * (2 * k + 1) / slotMinutes);
                }
            }
        }
    }

    private MPVariable addColumn(MPSolver solver, Map<RequirementSlot, MPConstraint> rows, MPConstraint convexity,
            List<MPVariable> list, int agent, ShiftOption[] plan) {
        MPVariable x = planColumn(solver, grid, rows::get, convexity, plan, false);
        list.add(x);
        plans.get(agent).add(plan);
        return x;
    }

    /** A plan's column: 1 in its agent's row, its on-phone minutes in the row of each slot it covers. */
    static MPVariable planColumn(MPSolver solver, CoverageGrid grid, Function<RequirementSlot, MPConstraint> rowOf,
            MPConstraint convexity, ShiftOption[] plan, boolean integer) {
        MPVariable x = integer ? solver.makeBoolVar("") : solver.makeNumVar(0, 1, "");
        convexity.setCoefficient(x, 1);
        Map<MPConstraint, Double> coefficients = new IdentityHashMap<>();
        for (int d = 0; d < plan.length; d++) {
            if (plan[d] != null) {
                for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, plan[d])) {
                    coefficients.merge(rowOf.apply(c.slot()), (double) c.onPhoneMinutes(), Double::sum);
                }
            }
        }
        coefficients.forEach((row, value) -> row.setCoefficient(x, value));
        return x;
    }

    /** Lagrangian dual function without the agents' part: pi·required + each slot's shortfall segments below pi. */
    private double lagrangianConstant(Iterable<RequirementSlot> slots, Map<RequirementSlot, Double> point) {
        int slotMinutes = grid.getSlotMinutes();
        double value = 0;
        for (RequirementSlot slot : slots) {
            double pi = point.get(slot);
            int required = slot.getRequiredMinutes();
            value += pi * required;
            int segments = (required + slotMinutes - 1) / slotMinutes;
            for (int k = 0; k < segments; k++) {
                value += slotMinutes * Math.min(0, wShort * 100.0 * (2 * k + 1) / slotMinutes - pi);
            }
            if (pi < -wOver * 10.0 / slotMinutes - 1e-9) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return value;
    }

    private double valueAt(ShiftOption[] plan, Map<RequirementSlot, Double> point) {
        double value = 0;
        for (int d = 0; d < plan.length; d++) {
            if (plan[d] != null) {
                for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, plan[d])) {
                    value += point.get(c.slot()) * c.onPhoneMinutes();
                }
            }
        }
        return value;
    }

    /**
     * Rounding: each agent takes its plan with the largest weight in the master's solution, then every agent's pairs
     * of weeks are replanned against the others (exact marginal values) while that gains.
     */
    private void roundAndReplan(List<List<MPVariable>> columns, double bound) {
        long t0 = System.nanoTime();
        int fractional = 0;
        for (int a = 0; a < agents.size(); a++) {
            int best = 0;
            double weight = -1;
            for (int k = 0; k < columns.get(a).size(); k++) {
                double x = columns.get(a).get(k).solutionValue();
                if (x > weight) {
                    weight = x;
                    best = k;
                }
            }
            if (weight < 0.999) {
                fractional++;
            }
            ShiftOption[] plan = plans.get(a).get(best);
            for (AgentDay day : agents.get(a).days) {
                if (day != null && !day.isPinned()) {
                    day.setShift(plan[day.getDayIndex()]);
                }
            }
        }
        long rounded = CoverageBound.objectiveOf(problem);
        System.out.printf(Locale.ROOT, "rounded (%d agents fractional): %,d (%.1f%% over the bound)%n", fractional,
                rounded, 100.0 * (rounded - bound) / bound);
        GreedyRoster greedy = new GreedyRoster(problem, new Random(2), 0);
        greedy.adoptWorkingShifts();
        int weeks = this.weeks.count();
        for (int pass = 0; pass < 10; pass++) {
            long gain = 0;
            for (AgentState state : greedy.agentStates()) {
                for (int w = 0; w + 1 < weeks; w++) {
                    gain += greedy.replanWeeks(state, w, w + 1);
                }
            }
            if (gain == 0) {
                break;
            }
        }
        greedy.currentPlan().forEach(AgentDay::setShift);
        long replanned = CoverageBound.objectiveOf(problem);
        System.out.printf(Locale.ROOT, "rounded and replanned: %,d (%.1f%% over the bound), hard %s, in %d ms%n",
                replanned, 100.0 * (replanned - bound) / bound,
                new RosterSolver(RosterSolver.Settings.withTimeLimit(java.time.Duration.ofSeconds(1))).score(problem),
                millis(t0));
    }

    /** The agent's best plan over the horizon at the master's duals (null: none within the rules). */
    private ShiftOption[] price(int a, Map<RequirementSlot, Double> duals) {
        return bestPlan(agents.get(a), weeks, (d, shift) -> {
            double value = 0;
            for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, shift)) {
                value += duals.get(c.slot()) * c.onPhoneMinutes();
            }
            return Math.round(value * SCALE);
        });
    }

    /** One of an agent's plans as a column of an integer master, in the agent's row of one plan each. */
    interface PlanColumn {
        MPVariable add(int agent, MPConstraint onePlan, ShiftOption[] plan);
    }

    /**
     * An integer master's choice of one plan per agent: a row per agent and a boolean per plan, hinted with each
     * agent's first plan (the roster's own); returns the booleans per agent, in the plans' order.
     */
    static List<List<MPVariable>> onePlanEach(MPSolver mip, List<List<ShiftOption[]>> plans, PlanColumn column) {
        return onePlanEach(mip, plans, column, new ArrayList<>(), new ArrayList<>());
    }

    /** The same, the hint completed with these variables' values (e.g. each row's shortfall at the roster). */
    static List<List<MPVariable>> onePlanEach(MPSolver mip, List<List<ShiftOption[]>> plans, PlanColumn column,
            List<MPVariable> hinted, List<Double> hints) {
        List<List<MPVariable>> choose = new ArrayList<>();
        for (int a = 0; a < plans.size(); a++) {
            MPConstraint one = mip.makeConstraint(1, 1, "agent_" + a);
            List<MPVariable> list = new ArrayList<>();
            for (int k = 0; k < plans.get(a).size(); k++) {
                MPVariable x = column.add(a, one, plans.get(a).get(k));
                list.add(x);
                hinted.add(x);
                hints.add(k == 0 ? 1.0 : 0.0);
            }
            choose.add(list);
        }
        mip.setHint(hinted.toArray(new MPVariable[0]), hints.stream().mapToDouble(Double::doubleValue).toArray());
        return choose;
    }

    /** A shift's value on a day, in the plan search's units. */
    interface ShiftValue {
        long of(int day, ShiftOption shift);
    }

    /**
     * The agent's best plan over the horizon at these values (null: none within the rules): its weekly limits, rest,
     * days in a row, leave and pinned days kept ({@link BestWeek}).
     */
    static ShiftOption[] bestPlan(AgentState state, ContractWeeks weeks, ShiftValue values) {
        Agent agent = state.agent;
        List<BestWeek.Week> list = new ArrayList<>();
        for (int w = 0; w < weeks.count(); w++) {
            int daysInWeek = weeks.daysIn(w);
            List<BestWeek.Day> days = new ArrayList<>();
            int base = 0;
            for (int d = weeks.firstDay(w); d <= weeks.lastDay(w); d++) {
                AgentDay day = state.days[d];
                if (day == null) {
                    days.add(BestWeek.Day.fixedOff());
                    continue;
                }
                base += day.getCreditedMinutes();
                if (day.isPinned()) {
                    days.add(day.getShift() == null ? BestWeek.Day.fixedOff() : BestWeek.Day.fixedShift(day.getShift()));
                    continue;
                }
                List<BestWeek.Option> options = new ArrayList<>();
                for (ShiftOption shift : agent.getEligibleShiftOptions()) {
                    if (state.dayAllows(d, shift)) {
                        options.add(new BestWeek.Option(shift, values.of(d, shift)));
                    }
                }
                days.add(BestWeek.Day.open(options));
            }
            list.add(new BestWeek.Week(days, base, agent.requiredWeeklyMinutesIn(w, daysInWeek),
                    agent.maxWeeklyMinutesIn(w, daysInWeek)));
        }
        return BestWeek.plan(list, new BestWeek.Edges(null, null, agent.getEdges().workedDaysBefore(),
                agent.getEdges().workedDaysAfter(), agent.getMaxConsecutiveWorkingDays(), agent.getMinRestMinutes(), 0));
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
