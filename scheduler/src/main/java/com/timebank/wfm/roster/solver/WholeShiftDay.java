package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * One block of days of the Lagrangian bound's interval side (days no shift links: each day its own unless shifts cross
 * midnight) with its coverage made of whole shifts: the least Σ [f(c) + π·c] over the block's coverage rows when every
 * c is a sum of whole shifts, each of a shape (its rows and on-phone minutes) that at most so many of the day's open
 * agents may work, at most one shift per open agent a day. Every roster's coverage of the block is such a sum, so no
 * roster's Σ [f(c) + π·c] over the block is below this least; the bound takes it where it is above the rows' separate
 * minima ({@link LagrangianBound#bestCoverage}), which it uses otherwise.
 * <p>
 * Why: with breaks a shift's coverage is not a run of whole agents, so sums of whole shifts cannot reach every
 * interval's best lattice point at once, which the rows' separate minima assume they can. Solved as integer programs
 * by SCIP (OR-Tools, the same native libraries as GLOP) with one integer per shape, its best bound taken, which is a
 * bound even when the time is up before SCIP proves its optimum. Where a day's rows fall in parts no shape links (one
 * queue's rows and another's), the parts are solved apart with the day's limit of agents priced: at the raise's best
 * multipliers, 1 s a day, that raised the bound by +0.49% (weekend-peak, 100 agents) and +0.36% (loose) where one
 * program per day with the limit kept raised it by +0.26% and +0.14% (SCIP's branching covers the parts' product).
 * One integer per kind of agent and shape instead (which would also keep the kinds' own options apart) gave SCIP many
 * equal solutions to branch over: +0.16% in the same time.
 */
final class WholeShiftDay {

    /** A shift shape open agents may work on {@code day}: at most {@code cap} of them. */
    record Shape(int day, int[] rows, int[] minutes, int cap) {
    }

    /**
     * The block's least cost, as SCIP bounds it ({@code exact}: proven optimal), or NaN when SCIP gave no bound.
     */
    record Outcome(double value, boolean exact) {
    }

    /**
     * SCIP's bound is within its tolerances (feasibility 1e-6); a share this large of the value's size is taken off
     * so that rounding cannot lift the bound above a roster.
     */
    static final double SAFETY = 1e-6;

    private WholeShiftDay() {
    }

    /**
     * A block's problem: the least Σ over {@code rows} of f(c) + π·c (f: the interval's shortfall
     * {@code shortfallCost}·m² at m minutes short, overstaffing {@code overstaffingCost[k]} a minute, NaN free) with
     * every c a sum of whole {@code shapes}, at most {@code open.get(day)} shapes of a day (arrays indexed by row);
     * {@code kinds}: the day's open agents by the shapes they may work, which limit the shifts of a part of the rows.
     */
    record Block(int[] rows, double[] rhs, double[] overstaffingCost, double[] pi, int lattice, double shortfallCost,
            List<Shape> shapes, Map<Integer, Integer> open, List<Kind> kinds) {
    }

    /** {@code agents} open agents of a day who may work the {@code shapes} (indices into the block's shapes). */
    record Kind(int day, int agents, int[] shapes) {
    }

    /**
     * The block's least cost as bounded in at most {@code millis}. Where the block's rows fall in parts that share no
     * shape (two queues a day, say), each day's limit of open agents is priced at the LP relaxation's dual μ ≥ 0
     * instead (Lagrangian: the least of Σ [f(c) + π·c] + Σ μ·(shifts − open) is a bound for any μ ≥ 0) and each part
     * is its own integer program, its shifts a day at most the open agents who may work one of its shapes: SCIP
     * solves the parts apart much further in the same time. The smallest part first, each with the time left shared
     * by the parts left; {@code exact} when every part is proven optimal and their shifts together keep the days'
     * limits with μ·(open − shifts) = 0. NaN when a part gets no bound.
     */
    static Outcome least(Block block, long millis) {
        return least(block, millis, 0);
    }

    /**
     * As {@link #least(Block, long)}, each part's search also ended after {@code nodes} branch-and-bound nodes (0: no
     * limit). A node limit ends SCIP at the same point however loaded the machine is (1: at the end of the root
     * node), which checks of the bound's validity need; the solve's own bound is limited by time alone.
     */
    static Outcome least(Block block, long millis, int nodes) {
        long end = System.nanoTime() + millis * 1_000_000;
        List<Part> parts = parts(block);
        boolean apart = parts.stream().filter(part -> !part.shapes().isEmpty()).count() > 1;
        Map<Integer, Double> mu = apart ? dayPrices(block) : Map.of();
        double value = 0;
        for (Map.Entry<Integer, Integer> day : block.open().entrySet()) {
            value -= mu.getOrDefault(day.getKey(), 0.0) * day.getValue();
        }
        boolean exact = true;
        Map<Integer, Double> working = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            long left = (end - System.nanoTime()) / 1_000_000 / (parts.size() - i);
            Outcome outcome = part.shapes().isEmpty() ? alone(block, part.rows())
                    : solve(block, part, mu, apart, Math.max(1, left), nodes, working);
            if (Double.isNaN(outcome.value())) {
                return outcome;
            }
            value += outcome.value();
            exact &= outcome.exact();
        }
        for (Map.Entry<Integer, Integer> day : block.open().entrySet()) {
            double shifts = working.getOrDefault(day.getKey(), 0.0);
            double slack = day.getValue() - shifts;
            exact &= slack > -0.5 && (mu.getOrDefault(day.getKey(), 0.0) == 0 || slack < 0.5);
        }
        return new Outcome(value, exact);
    }

    /** Rows and the shapes that cover them, sharing no row with another part (indices into the block's shapes). */
    private record Part(int[] rows, List<Integer> shapes) {
    }

    /** The block's rows in parts linked by shapes, the part with the fewest shapes first. */
    private static List<Part> parts(Block block) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (int k : block.rows()) {
            parent.put(k, k);
        }
        for (Shape shape : block.shapes()) {
            for (int k : shape.rows()) {
                parent.put(find(parent, k), find(parent, shape.rows()[0]));
            }
        }
        Map<Integer, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int k : block.rows()) {
            rowsOf.computeIfAbsent(find(parent, k), x -> new ArrayList<>()).add(k);
        }
        Map<Integer, List<Integer>> shapesOf = new HashMap<>();
        for (int s = 0; s < block.shapes().size(); s++) {
            shapesOf.computeIfAbsent(find(parent, block.shapes().get(s).rows()[0]), x -> new ArrayList<>()).add(s);
        }
        List<Part> parts = new ArrayList<>();
        rowsOf.forEach((root, rows) -> parts.add(new Part(rows.stream().mapToInt(Integer::intValue).toArray(),
                shapesOf.getOrDefault(root, List.of()))));
        parts.sort(Comparator.comparingInt(part -> part.shapes().size()));
        return parts;
    }

    private static int find(Map<Integer, Integer> parent, int k) {
        int root = k;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        parent.put(k, root);
        return root;
    }

    /** Rows no shape covers: their coverage is 0. */
    private static Outcome alone(Block block, int[] rows) {
        return new Outcome(costAtZero(block, rows), true);
    }

    /** Σ f(0) over {@code rows}: their cost with no one on the phone (also the size of a part's costs). */
    private static double costAtZero(Block block, int[] rows) {
        double value = 0;
        for (int k : rows) {
            value += cost(block.rhs()[k], 0, block.overstaffingCost()[k], block.shortfallCost());
        }
        return value;
    }

    /**
     * Per day, the LP relaxation's price of one more open agent (the dual of the day's limit, ≥ 0; none when GLOP is
     * not at hand or not optimal: 0 is a valid price too).
     */
    private static Map<Integer, Double> dayPrices(Block block) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        Map<Integer, Double> prices = new HashMap<>();
        if (solver == null) {
            return prices;
        }
        try {
            Part all = new Part(block.rows(), IntStream.range(0, block.shapes().size()).boxed().toList());
            List<MPVariable> counts = model(solver, block, all, Map.of(), false);
            Map<Integer, MPConstraint> perDay = shiftsPerDay(solver, block, all, counts, block.open());
            if (solver.solve() == MPSolver.ResultStatus.OPTIMAL) {
                perDay.forEach((day, limit) -> prices.put(day, Math.max(0, -limit.dualValue())));
            }
            return prices;
        } finally {
            solver.delete();
        }
    }

    /**
     * A part's least at the day prices μ, as SCIP bounds it in at most {@code millis}: a day's shifts at most the open
     * agents ({@code apart}: those who may work one of the part's shapes). Its shifts a day, where proven optimal,
     * are added to {@code working}.
     */
    private static Outcome solve(Block block, Part part, Map<Integer, Double> mu, boolean apart, long millis,
            int nodes, Map<Integer, Double> working) {
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            return new Outcome(Double.NaN, false);
        }
        try {
            List<MPVariable> counts = model(solver, block, part, mu, true);
            Map<Integer, Integer> limits = block.open();
            if (apart) {
                Set<Integer> own = new HashSet<>(part.shapes());
                limits = new HashMap<>();
                for (Kind kind : block.kinds()) {
                    if (Arrays.stream(kind.shapes()).anyMatch(own::contains)) {
                        limits.merge(kind.day(), kind.agents(), Integer::sum);
                    }
                }
            }
            shiftsPerDay(solver, block, part, counts, limits);
            solver.setTimeLimit(Math.max(1, millis));
            if (nodes > 0) {
                solver.setSolverSpecificParametersAsString("limits/nodes = " + nodes + "\n");
            }
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Outcome(Double.NaN, false);
            }
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            if (optimal) {
                for (int i = 0; i < counts.size(); i++) {
                    working.merge(block.shapes().get(part.shapes().get(i)).day(), counts.get(i).solutionValue(),
                            Double::sum);
                }
            }
            double bound = solver.objective().bestBound();
            return new Outcome(bound - SAFETY * (Math.abs(bound) + costAtZero(block, part.rows()) + 1), optimal);
        } finally {
            solver.delete();
        }
    }

    /**
     * Per day, the part's shifts ({@code counts}, in the part's order of shapes) at most {@code limits.get(day)}; a
     * day without a limit has none. Returns the limits' rows by day.
     */
    private static Map<Integer, MPConstraint> shiftsPerDay(MPSolver solver, Block block, Part part,
            List<MPVariable> counts, Map<Integer, Integer> limits) {
        Map<Integer, MPConstraint> perDay = new HashMap<>();
        limits.forEach((day, agents) -> perDay.put(day, solver.makeConstraint(0, agents, "day" + day)));
        for (int i = 0; i < counts.size(); i++) {
            MPConstraint limit = perDay.get(block.shapes().get(part.shapes().get(i)).day());
            if (limit != null) {
                limit.setCoefficient(counts.get(i), 1);
            }
        }
        return perDay;
    }

    /**
     * The part's model into {@code solver}: per row its coverage c, the sum of the shapes' counts times their
     * minutes, and z ≥ f(c); minimised Σ z + π·c + μ·count. Returns the counts, in the part's order of shapes.
     */
    private static List<MPVariable> model(MPSolver solver, Block block, Part part, Map<Integer, Double> mu,
            boolean integer) {
        Map<Integer, MPConstraint> sums = new HashMap<>();
        MPObjective objective = solver.objective();
        for (int k : part.rows()) {
            MPVariable c = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "c" + k);
            MPConstraint sum = solver.makeConstraint(0, 0, "sum" + k);
            sum.setCoefficient(c, -1);
            sums.put(k, sum);
            MPVariable z = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "f" + k);
            objective.setCoefficient(z, 1);
            objective.setCoefficient(c, block.pi()[k]);
            epigraph(solver, z, c, block.rhs()[k], block.overstaffingCost()[k], block.lattice(),
                    block.shortfallCost());
        }
        List<MPVariable> counts = new ArrayList<>();
        for (int s : part.shapes()) {
            Shape shape = block.shapes().get(s);
            MPVariable n = integer ? solver.makeIntVar(0, shape.cap(), "n" + s)
                    : solver.makeNumVar(0, shape.cap(), "n" + s);
            objective.setCoefficient(n, mu.getOrDefault(shape.day(), 0.0));
            for (int i = 0; i < shape.rows().length; i++) {
                sums.get(shape.rows()[i]).setCoefficient(n, shape.minutes()[i]);
            }
            counts.add(n);
        }
        objective.setMinimization();
        return counts;
    }

    /**
     * z ≥ f(c): the secants of f between neighbouring lattice points up to the first at or above rhs, then
     * overstaffing's line (f is convex and every c here is a multiple of the lattice, so z = f(c) at the optimum; a
     * cost the model left out would only lower the bound).
     */
    private static void epigraph(MPSolver solver, MPVariable z, MPVariable c, double rhs, double overstaffingCost,
            int lattice, double shortfallCost) {
        int top = Math.max(0, (int) Math.ceil(rhs / lattice));
        for (int j = 0; j < top; j++) {
            double c0 = (double) j * lattice;
            double f0 = cost(rhs, c0, overstaffingCost, shortfallCost);
            double slope = (cost(rhs, c0 + lattice, overstaffingCost, shortfallCost) - f0) / lattice;
            line(solver, z, c, f0 - slope * c0, slope);
        }
        double over = Double.isNaN(overstaffingCost) ? 0 : overstaffingCost;
        double cTop = (double) top * lattice;
        line(solver, z, c, cost(rhs, cTop, overstaffingCost, shortfallCost) - over * cTop, over);
    }

    /** z ≥ intercept + slope·c. */
    private static void line(MPSolver solver, MPVariable z, MPVariable c, double intercept, double slope) {
        MPConstraint line = solver.makeConstraint(intercept, Double.POSITIVE_INFINITY);
        line.setCoefficient(z, 1);
        line.setCoefficient(c, -slope);
    }

    private static double cost(double rhs, double c, double overstaffingCost, double shortfallCost) {
        return LagrangianBound.intervalCost(rhs, c, 0, shortfallCost, 0, overstaffingCost);
    }
}
