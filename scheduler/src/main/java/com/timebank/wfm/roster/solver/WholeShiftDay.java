package com.timebank.wfm.roster.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * One block of days of the Lagrangian bound's interval side (days no shift links: each day its own unless shifts cross
 * midnight) with its coverage made of whole shifts: the least Σ [f(c) + π·c] over the block's coverage rows when every
 * c is a sum of whole shifts, each of a shape (its rows and on-phone minutes) that at most so many of the day's open
 * agents may work, at most one shift per open agent a day. Every roster's coverage of the block is such a sum, so no
 * roster's Σ [f(c) + π·c] over the block is below this least; and it is never below the rows' separate minima
 * ({@link LagrangianBound#bestCoverage}), which the bound uses otherwise.
 * <p>
 * Why: with breaks a shift's coverage is not a run of whole agents, so sums of whole shifts cannot reach every
 * interval's best lattice point at once, which the rows' separate minima assume they can (100 agents, weekend-peak,
 * at the raise's best multipliers: +0.26% with 1 s a day). Solved as an integer program by SCIP (OR-Tools, the same
 * native libraries as GLOP) with one integer per shape, its best bound taken, which is a bound even when the time is up
 * before SCIP proves its optimum. One integer per kind of agent and shape instead (which would also keep the kinds'
 * own options apart) gave SCIP many equal solutions to branch over: +0.16% in the same time.
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
     * The least Σ over {@code rows} of f(c) + π·c (f: the interval's shortfall {@code shortfallCost}·m² at m minutes
     * short, overstaffing {@code overstaffingCost[k]} a minute, NaN free) with every c a sum of whole {@code shapes},
     * at most {@code open.get(day)} shapes of a day; SCIP for at most {@code millis}.
     */
    static Outcome least(int[] rows, double[] rhs, double[] overstaffingCost, double[] pi, int lattice,
            double shortfallCost, List<Shape> shapes, Map<Integer, Integer> open, long millis) {
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            return new Outcome(Double.NaN, false);
        }
        try {
            Map<Integer, MPConstraint> sums = new HashMap<>();
            MPObjective objective = solver.objective();
            double size = 0;
            for (int k : rows) {
                MPVariable c = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "c" + k);
                MPConstraint sum = solver.makeConstraint(0, 0, "sum" + k);
                sum.setCoefficient(c, -1);
                sums.put(k, sum);
                MPVariable z = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "f" + k);
                objective.setCoefficient(z, 1);
                objective.setCoefficient(c, pi[k]);
                size += epigraph(solver, z, c, rhs[k], overstaffingCost[k], lattice, shortfallCost);
            }
            Map<Integer, MPConstraint> perDay = new HashMap<>();
            open.forEach((day, agents) -> perDay.put(day, solver.makeConstraint(0, agents, "day" + day)));
            for (Shape shape : shapes) {
                MPVariable n = solver.makeIntVar(0, shape.cap(), "n");
                perDay.get(shape.day()).setCoefficient(n, 1);
                for (int i = 0; i < shape.rows().length; i++) {
                    sums.get(shape.rows()[i]).setCoefficient(n, shape.minutes()[i]);
                }
            }
            objective.setMinimization();
            solver.setTimeLimit(Math.max(1, millis));
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Outcome(Double.NaN, false);
            }
            double bound = objective.bestBound();
            return new Outcome(bound - SAFETY * (Math.abs(bound) + size + 1),
                    status == MPSolver.ResultStatus.OPTIMAL);
        } finally {
            solver.delete();
        }
    }

    /**
     * z ≥ f(c): the secants of f between neighbouring lattice points up to the first at or above rhs, then
     * overstaffing's line (f is convex and every c here is a multiple of the lattice, so z = f(c) at the optimum; a
     * cost the model left out would only lower the bound). Returns the size of f at 0, for the safety margin.
     */
    private static double epigraph(MPSolver solver, MPVariable z, MPVariable c, double rhs, double overstaffingCost,
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
        return cost(rhs, 0, overstaffingCost, shortfallCost);
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
