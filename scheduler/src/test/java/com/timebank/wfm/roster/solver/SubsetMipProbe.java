package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Experiment, not used by the product: is a solved roster a local optimum for many agents changed at once? Takes the
 * solver's roster after {@code solveSeconds}, then again and again frees the whole 4-week plans of {@code subset}
 * agents (half working on a date drawn by its coverage cost, half drawn at random), generates plans for them against
 * everyone else's coverage — the steps of a Lagrangian dual over the group's coverage rows ({@code -Diterations}, 60),
 * each agent's best plan at the step's prices by {@link BestWeek} over the horizon — and lets SCIP pick one plan per
 * agent, each interval's cost exact at the lattice points; kept when the coverage objective (valued exactly) is lower.
 * (Column generation with a GLOP master stalled: every interval of a solved roster sits on a kink of its cost, so the
 * master's duals are extreme points that price useless plans, and its objective did not move in 20 rounds.) With
 * {@code -Dexact=seconds} each group's whole problem goes to SCIP instead, its bound printed next to the group's dual
 * (what the product's bound relaxes, on ten agents).
 * Usage: {@code SubsetMipProbe instance agents solveSeconds center|coverage subset seconds [mipMillis]}.
 */
public final class SubsetMipProbe {

    private static final double SCALE = 1_000;

    public static void main(String[] args) {
        String name = args[0];
        int size = Integer.parseInt(args[1]);
        int solveSeconds = Integer.parseInt(args[2]);
        RosterConstraintConfiguration weights = "coverage".equals(args[3])
                ? RosterBenchmark.coverageFirst() : new RosterConstraintConfiguration();
        int subset = Integer.parseInt(args[4]);
        long seconds = Long.parseLong(args[5]);
        long mipMillis = args.length > 6 ? Long.parseLong(args[6]) : 2_000;
        CoverageBound.solverLoaded();
        RosterBenchmark.Instance instance = RosterBenchmark.instance(name, size, 28);
        RosterSolution problem = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(solveSeconds)))
                .solve(instance.generate(weights));
        long start = CoverageBound.objectiveOf(problem);
        System.out.printf(Locale.ROOT, "%s, %d agents, %s weights: roster after %d s: coverage objective %,d%n", name,
                size, args[3], solveSeconds, start);
        SubsetMipProbe probe = new SubsetMipProbe(problem);
        probe.run(subset, seconds * 1000, mipMillis);
        long end = CoverageBound.objectiveOf(problem);
        System.out.printf(Locale.ROOT, "after %d s of subsets: coverage objective %,d (%.2f%% lower), hard %s%n",
                seconds, end, 100.0 * (start - end) / start,
                new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1))).score(problem));
    }

    private final CoverageGrid grid;
    private final ContractWeeks weeks;
    private final List<AgentState> agents = new ArrayList<>();
    private final List<RequirementSlot> slots = new ArrayList<>();
    private final Map<RequirementSlot, Integer> slotIndex = new IdentityHashMap<>();
    private final int[] onPhone;
    private final long wShort;
    private final long wOver;
    private final int step;
    private final Random random = new Random(7);
    private int verbose = 20;
    private int provenOptimal;
    private final int iterations = Integer.getInteger("iterations", 60);
    /** With {@code -Dexact=seconds}: each group's whole problem as a MIP instead, SCIP's bound against its dual. */
    private final int exactSeconds = Integer.getInteger("exact", 0);

    private SubsetMipProbe(RosterSolution problem) {
        this.grid = problem.getCoverageGrid();
        this.weeks = problem.getContractWeeks();
        wShort = problem.getConstraintConfiguration().getCoverageShortfall().softScore();
        wOver = problem.getConstraintConfiguration().getOverstaffing().softScore();
        Map<Agent, AgentState> byAgent = new IdentityHashMap<>();
        for (Agent agent : problem.getAgents()) {
            AgentState state = new AgentState(agent, weeks);
            byAgent.put(agent, state);
            agents.add(state);
        }
        for (AgentDay day : problem.getAgentDays()) {
            AgentState state = byAgent.get(day.getAgent());
            state.days[day.getDayIndex()] = day;
            state.shifts[day.getDayIndex()] = day.getShift();
        }
        for (Unavailability u : problem.getUnavailabilities()) {
            byAgent.get(u.getAgent()).unavailabilities.add(u);
        }
        int g = grid.getSlotMinutes();
        for (String skill : grid.getSkills()) {
            for (RequirementSlot slot : grid.slotsOf(skill)) {
                slotIndex.put(slot, slots.size());
                slots.add(slot);
                g = CoverageBound.gcd(g, slot.getRequiredMinutes());
            }
        }
        onPhone = new int[slots.size()];
        for (AgentState state : agents) {
            for (int d = 0; d < state.shifts.length; d++) {
                if (state.shifts[d] != null) {
                    for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, state.shifts[d])) {
                        onPhone[slotIndex.get(c.slot())] += c.onPhoneMinutes();
                        g = CoverageBound.gcd(g, c.onPhoneMinutes());
                    }
                }
            }
        }
        step = Math.max(1, g);
    }

    private long cost(int i, int minutes) {
        RequirementSlot slot = slots.get(i);
        return wShort * slot.shortfallPenalty(minutes) + wOver * slot.overstaffingPenalty(minutes);
    }

    private void run(int subset, long millis, long mipMillis) {
        long t0 = System.nanoTime();
        int tries = 0;
        int kept = 0;
        long gained = 0;
        while (millis(t0) < millis) {
            List<Integer> group = draw(subset);
            long gain = improve(group, mipMillis);
            tries++;
            if (gain > 0) {
                kept++;
                gained += gain;
            }
            if (tries % 10 == 0) {
                System.out.printf(Locale.ROOT, "%d tries, %d kept, gained %,d, %d ms%n", tries, kept, gained,
                        millis(t0));
            }
        }
        System.out.printf(Locale.ROOT, "%d tries, %d kept, gained %,d, %d proven optimal%n", tries, kept, gained,
                provenOptimal);
    }

    /** Half the agents working on the date of a slot drawn by its cost, half drawn from all. */
    private List<Integer> draw(int subset) {
        long total = 0;
        long[] costs = new long[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            costs[i] = cost(i, onPhone[i]);
            total += costs[i];
        }
        long pick = (long) (random.nextDouble() * total);
        int slot = 0;
        while (slot < costs.length - 1 && pick >= costs[slot]) {
            pick -= costs[slot];
            slot++;
        }
        int date = slots.get(slot).getDayIndex();
        List<Integer> working = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            if (date < agents.get(a).shifts.length && agents.get(a).shifts[date] != null) {
                working.add(a);
            }
        }
        Collections.shuffle(working, random);
        List<Integer> group = new ArrayList<>(working.subList(0, Math.min(working.size(), subset / 2)));
        while (group.size() < subset) {
            int a = random.nextInt(agents.size());
            if (!group.contains(a)) {
                group.add(a);
            }
        }
        return group;
    }

    /** One group's plans and integer master; returns the gain kept (0: none). */
    private long improve(List<Integer> group, long mipMillis) {
        int[] others = onPhone.clone();
        List<List<ShiftOption[]>> columns = new ArrayList<>();
        for (int a : group) {
            addCoverage(others, agents.get(a).shifts, -1);
            List<ShiftOption[]> list = new ArrayList<>();
            list.add(agents.get(a).shifts.clone());
            columns.add(list);
        }
        long t0 = System.nanoTime();
        // a small Lagrangian dual over the group's coverage: each agent's best plan at the prices, each interval's
        // best coverage by the group; every distinct plan met is a column of the integer master
        double[] pi = new double[slots.size()];
        int[] groupNow = new int[slots.size()];
        for (List<ShiftOption[]> list : columns) {
            addCoverage(groupNow, list.get(0), 1);
        }
        long current = 0;
        for (int i = 0; i < slots.size(); i++) {
            current += cost(i, onPhone[i]);
            // the mid slope at the roster's coverage: between what a step more and a step less is worth
            pi[i] = (cost(i, onPhone[i] - Math.min(step, groupNow[i])) - cost(i, onPhone[i] + step))
                    / (double) (step + Math.min(step, groupNow[i]));
        }
        int maxSteps = group.size() * grid.getSlotMinutes() / step;
        double best = Double.NEGATIVE_INFINITY;
        double lambda = 1.0;
        int rounds = 0;
        int sinceBetter = 0;
        for (; rounds < iterations; rounds++) {
            double value = 0;
            int[] planCoverage = new int[slots.size()];
            for (int k = 0; k < group.size(); k++) {
                ShiftOption[] plan = price(agents.get(group.get(k)), pi);
                if (plan == null) {
                    return 0;
                }
                value -= valueAt(plan, pi);
                addCoverage(planCoverage, plan, 1);
                if (columns.get(k).stream().noneMatch(p -> Arrays.equals(p, plan))) {
                    columns.get(k).add(plan);
                }
            }
            double norm = 0;
            double[] g = new double[slots.size()];
            for (int i = 0; i < slots.size(); i++) {
                double least = cost(i, others[i]);
                int at = 0;
                for (int c = 1; c <= maxSteps; c++) {
                    double v = cost(i, others[i] + c * step) + pi[i] * c * step;
                    if (v < least) {
                        least = v;
                        at = c * step;
                    }
                }
                value += least;
                g[i] = at - planCoverage[i];
                norm += g[i] * g[i];
            }
            if (value > best + 1e-6) {
                best = value;
                sinceBetter = 0;
            } else if (++sinceBetter >= 5) {
                lambda /= 2;
                sinceBetter = 0;
            }
            if (norm == 0 || best >= current - 0.5) {
                break;
            }
            double t = lambda * (current - value) / norm;
            for (int i = 0; i < slots.size(); i++) {
                pi[i] += t * g[i];
            }
        }
        long cgMillis = millis(t0);
        if (exactSeconds > 0) {
            exactBound(group, others, groupNow, current, best);
            return 0;
        }
        if (best >= current - 0.5) {
            provenOptimal++;
            if (verbose-- > 0) {
                System.out.printf(Locale.ROOT, "  proven optimal after %d steps, %d ms%n", rounds, cgMillis);
            }
            return 0;
        }
        MPSolver mip = MPSolver.createSolver(System.getProperty("mip", "SCIP"));
        boolean[] touched = new boolean[slots.size()];
        for (List<ShiftOption[]> list : columns) {
            for (ShiftOption[] plan : list) {
                for (int d = 0; d < plan.length; d++) {
                    if (plan[d] != null) {
                        for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, plan[d])) {
                            touched[slotIndex.get(c.slot())] = true;
                        }
                    }
                }
            }
        }
        List<MPVariable> hinted = new ArrayList<>();
        List<Double> hints = new ArrayList<>();
        MPConstraint[] rows = build(mip, others, touched, groupNow, hinted, hints);
        List<List<MPVariable>> choose = ColumnGenerationProbe.onePlanEach(mip, columns,
                (k, one, plan) -> ColumnGenerationProbe.planColumn(mip, grid, slot -> rows[slotIndex.get(slot)], one,
                        plan, true), hinted, hints);
        mip.setTimeLimit(mipMillis);
        long m0 = System.nanoTime();
        MPSolver.ResultStatus status = mip.solve();
        long hintValue = 0;
        int rowCount = 0;
        for (int i = 0; i < slots.size(); i++) {
            if (touched[i]) {
                hintValue += cost(i, onPhone[i]);
                rowCount++;
            }
        }
        if (verbose-- > 0) {
            System.out.printf(Locale.ROOT, "  %d rows, the current plans' value there %,d%n", rowCount, hintValue);
            System.out.printf(Locale.ROOT, "  %d steps %d ms, current %,d, dual %,.0f; "
                    + "mip %s %,.0f bound %,.0f in %d ms; columns %d%n", rounds, cgMillis, current, best, status,
                    mip.objective().value(), mip.objective().bestBound(), millis(m0),
                    choose.stream().mapToInt(List::size).sum());
        }
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            mip.delete();
            return 0;
        }
        ShiftOption[][] chosen = new ShiftOption[group.size()][];
        for (int k = 0; k < group.size(); k++) {
            for (int c = 0; c < choose.get(k).size(); c++) {
                if (choose.get(k).get(c).solutionValue() > 0.5) {
                    chosen[k] = columns.get(k).get(c);
                }
            }
        }
        mip.delete();
        int[] after = others.clone();
        for (ShiftOption[] plan : chosen) {
            addCoverage(after, plan, 1);
        }
        long before = 0;
        long now = 0;
        for (int i = 0; i < slots.size(); i++) {
            if (after[i] != onPhone[i]) {
                before += cost(i, onPhone[i]);
                now += cost(i, after[i]);
            }
        }
        if (verbose >= 0) {
            System.out.printf(Locale.ROOT, "  before %,d now %,d%n", before, now);
        }
        if (now >= before) {
            return 0;
        }
        System.arraycopy(after, 0, onPhone, 0, onPhone.length);
        for (int k = 0; k < group.size(); k++) {
            AgentState state = agents.get(group.get(k));
            for (int d = 0; d < chosen[k].length; d++) {
                state.shifts[d] = chosen[k][d];
                if (state.days[d] != null && !state.days[d].isPinned()) {
                    state.days[d].setShift(chosen[k][d]);
                }
            }
        }
        return before - now;
    }

    /**
     * The group's whole problem, not only generated plans: one binary per agent, day and allowed shift; a shift a
     * day, each contract week's paid minutes within its limits, the most days in a row (inside the horizon and at its
     * edges), the minimum rest between neighbouring days; pinned days as they are; the coverage rows as in {@link
     * #build}, the roster as the hint. Prints SCIP's bound on the group's best roster next to the roster and the
     * group's Lagrangian dual, all on the whole objective (the intervals the group cannot reach as constants).
     */
    private void exactBound(List<Integer> group, int[] others, int[] groupNow, long current, double dual) {
        MPSolver mip = MPSolver.createSolver("SCIP");
        MPObjective objective = mip.objective();
        boolean[] touched = new boolean[slots.size()];
        List<Map<ShiftOption, MPVariable>[]> x = new ArrayList<>();
        List<MPVariable> hinted = new ArrayList<>();
        List<Double> hints = new ArrayList<>();
        int[] fixedCoverage = new int[slots.size()];
        for (int a : group) {
            AgentState state = agents.get(a);
            int days = state.shifts.length;
            @SuppressWarnings("unchecked")
            Map<ShiftOption, MPVariable>[] byDay = new Map[days];
            x.add(byDay);
            for (int d = 0; d < days; d++) {
                byDay[d] = new LinkedHashMap<>();
                AgentDay day = state.days[d];
                if (day == null || day.isPinned()) {
                    continue;
                }
                MPConstraint one = mip.makeConstraint(0, 1, "");
                for (ShiftOption shift : state.agent.getEligibleShiftOptions()) {
                    if (!state.dayAllows(d, shift)) {
                        continue;
                    }
                    MPVariable v = mip.makeBoolVar("");
                    one.setCoefficient(v, 1);
                    byDay[d].put(shift, v);
                    hinted.add(v);
                    hints.add(shift.equals(state.shifts[d]) ? 1.0 : 0.0);
                    for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, shift)) {
                        touched[slotIndex.get(c.slot())] = true;
                    }
                }
            }
            for (int w = 0; w < weeks.count(); w++) {
                int base = 0;
                MPConstraint minutes = mip.makeConstraint(-Double.MAX_VALUE, Double.MAX_VALUE, "");
                for (int d = weeks.firstDay(w); d <= weeks.lastDay(w); d++) {
                    AgentDay day = state.days[d];
                    if (day == null) {
                        continue;
                    }
                    base += day.getCreditedMinutes() + (day.isPinned() ? day.getPaidMinutes() : 0);
                    byDay[d].forEach((shift, v) -> minutes.setCoefficient(v, shift.getPaidMinutes()));
                }
                minutes.setBounds(state.requiredWeeklyMinutes(w) - base, state.maxWeeklyMinutes(w) - base);
            }
            int maxRun = state.agent.getMaxConsecutiveWorkingDays();
            int before = state.agent.getEdges().workedDaysBefore();
            int after = state.agent.getEdges().workedDaysAfter();
            // windows of maxRun + 1 days, the days worked before and after the horizon counted as worked
            for (int start = -before; start + maxRun < days + after; start++) {
                MPConstraint run = mip.makeConstraint(-Double.MAX_VALUE, maxRun, "");
                int constant = 0;
                for (int d = start; d <= start + maxRun; d++) {
                    if (d < 0 || d >= days) {
                        constant++;
                    } else if (state.days[d] != null && state.days[d].isPinned()) {
                        constant += state.days[d].getShift() == null ? 0 : 1;
                    } else {
                        byDay[d].values().forEach(v -> run.setCoefficient(v, 1));
                    }
                }
                run.setBounds(-Double.MAX_VALUE, maxRun - constant);
            }
            int minRest = state.agent.getMinRestMinutes();
            for (int d = 0; d + 1 < days; d++) {
                for (Map.Entry<ShiftOption, MPVariable> today : byDay[d].entrySet()) {
                    MPConstraint rest = null;
                    for (Map.Entry<ShiftOption, MPVariable> tomorrow : byDay[d + 1].entrySet()) {
                        if (!BestWeek.restAllows(today.getKey(), tomorrow.getKey(), minRest)) {
                            if (rest == null) {
                                rest = mip.makeConstraint(-Double.MAX_VALUE, 1, "");
                                rest.setCoefficient(today.getValue(), 1);
                            }
                            rest.setCoefficient(tomorrow.getValue(), 1);
                        }
                    }
                }
            }
            for (int d = 0; d < days; d++) {
                if (state.days[d] != null && state.days[d].isPinned() && state.shifts[d] != null) {
                    for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, state.shifts[d])) {
                        fixedCoverage[slotIndex.get(c.slot())] += c.onPhoneMinutes();
                    }
                }
            }
        }
        int[] base = others.clone();
        int[] free = groupNow.clone();
        for (int i = 0; i < base.length; i++) {
            base[i] += fixedCoverage[i];
            free[i] -= fixedCoverage[i];
        }
        int binaries = hinted.size();
        MPConstraint[] rows = build(mip, base, touched, free, hinted, hints);
        for (int k = 0; k < group.size(); k++) {
            for (int d = 0; d < x.get(k).length; d++) {
                final int day = d;
                x.get(k)[d].forEach((shift, v) -> {
                    for (SlotCoverage c : CoverageBound.shiftCoverage(grid, day, shift)) {
                        rows[slotIndex.get(c.slot())].setCoefficient(v, c.onPhoneMinutes());
                    }
                });
            }
        }
        long outside = current;
        for (int i = 0; i < slots.size(); i++) {
            if (touched[i]) {
                outside -= cost(i, onPhone[i]);
            }
        }
        mip.setHint(hinted.toArray(new MPVariable[0]), hints.stream().mapToDouble(Double::doubleValue).toArray());
        mip.setTimeLimit(exactSeconds * 1000L);
        long t0 = System.nanoTime();
        MPSolver.ResultStatus status = mip.solve();
        System.out.printf(Locale.ROOT, "  group of %d, %d binaries: roster %,d, SCIP %s best %,.0f bound %,.0f "
                + "(%.2f%% below the roster) in %d ms; the group's Lagrangian dual %,.0f (%.2f%% below)%n",
                group.size(), binaries, current, status, outside + objective.value(), outside + objective.bestBound(),
                100.0 * (current - outside - objective.bestBound()) / current, millis(t0), dual,
                100.0 * (current - dual) / current);
        mip.delete();
    }

    /** Adds {@code sign} times the plan's on-phone minutes to each slot's coverage. */
    private void addCoverage(int[] coverage, ShiftOption[] plan, int sign) {
        for (int d = 0; d < plan.length; d++) {
            if (plan[d] != null) {
                for (SlotCoverage c : CoverageBound.shiftCoverage(grid, d, plan[d])) {
                    coverage[slotIndex.get(c.slot())] += sign * c.onPhoneMinutes();
                }
            }
        }
    }

    /**
     * Rows: the group's on-phone minutes + shortfall steps − overstaffing = required − everyone else's; the hint gets
     * their values at the group's coverage now.
     */
    private MPConstraint[] build(MPSolver solver, int[] others, boolean[] touched, int[] group,
            List<MPVariable> hinted, List<Double> hints) {
        MPObjective objective = solver.objective();
        objective.setMinimization();
        MPConstraint[] rows = new MPConstraint[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            if (!touched[i]) {
                continue;
            }
            int rhs = slots.get(i).getRequiredMinutes() - others[i];
            MPConstraint row = solver.makeConstraint(rhs, rhs);
            rows[i] = row;
            // the exact cost between lattice points (convex), overstaffing linear
            MPVariable over = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "");
            row.setCoefficient(over, -1);
            objective.setCoefficient(over, wOver * 10.0 / grid.getSlotMinutes());
            // the hint: the group's coverage now, its shortfall on the cheapest steps first
            hinted.add(over);
            hints.add((double) Math.max(0, group[i] - rhs));
            int shortfall = Math.max(0, rhs - group[i]);
            for (int missing = Math.max(0, rhs); missing > 0; missing -= step) {
                int width = Math.min(step, missing);
                MPVariable segment = solver.makeNumVar(0, width, "");
                row.setCoefficient(segment, 1);
                int coveredAt = slots.get(i).getRequiredMinutes() - missing;
                objective.setCoefficient(segment, (cost(i, coveredAt) - cost(i, coveredAt + width)) / (double) width);
                hinted.add(segment);
                hints.add((double) Math.max(0, Math.min(width, shortfall - (missing - width))));
            }
        }
        return rows;
    }

    private double valueAt(ShiftOption[] plan, double[] duals) {
        double value = 0;
        for (int d = 0; d < plan.length; d++) {
            if (plan[d] != null) {
                value += valueOn(d, plan[d], duals);
            }
        }
        return value;
    }

    /** The agent's best plan over the horizon at the prices (null: none within the rules). */
    private ShiftOption[] price(AgentState state, double[] prices) {
        return ColumnGenerationProbe.bestPlan(state, weeks,
                (d, shift) -> Math.round(valueOn(d, shift, prices) * SCALE));
    }

    private double valueOn(int day, ShiftOption shift, double[] duals) {
        double value = 0;
        for (SlotCoverage c : CoverageBound.shiftCoverage(grid, day, shift)) {
            value += duals[slotIndex.get(c.slot())] * c.onPhoneMinutes();
        }
        return value;
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
