package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Probe: the Lagrangian bound at its best multipliers, and the same with each day's coverage made of whole shifts.
 * Usage: {@code WholeShiftDayProbe instance[,instance] agents raiseSeconds millisPerDay [center|coverage]}.
 */
public final class WholeShiftDayProbe {

    public static void main(String[] args) {
        int agents = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long millisPerDay = Long.parseLong(args[3]);
        CoverageBound.solverLoaded();
        for (String name : List.of(args[0].split(","))) {
            RosterBenchmark.Instance instance = RosterBenchmark.instance(name, agents, 28);
            RosterSolution problem = instance.generate(RosterBenchmark.weightSet(args.length > 4 ? args[4] : "center"));
            CoverageBound.Result lp = CoverageBound.of(problem, Duration.ofSeconds(120));
            SolveDeadline end = new SolveDeadline();
            end.endIn(Duration.ofSeconds(seconds));
            LagrangianBound.Result raised = LagrangianBound.raise(problem, lp.duals().lp(), lp.duals().values(),
                    lp.bound(), end, new SolveDeadline());
            double again = LagrangianBound.at(problem, lp.duals().lp(), raised.multipliers());
            SolveDeadline days = new SolveDeadline();
            days.endIn(Duration.ofMillis(millisPerDay * problem.getHorizonDays()));
            LagrangianBound.WholeShifts shifts = LagrangianBound.raiseByWholeShifts(problem, lp.duals().lp(),
                    raised.multipliers(), days, new SolveDeadline());
            double whole = shifts.bound();
            String report = shifts.solved() + " of " + shifts.blocks() + " days (" + shifts.exact() + " exact) in "
                    + shifts.millis() + " ms";
            System.out.printf(Locale.ROOT, "%s %d: LP %,.1f; Lagrangian %,.1f (at its multipliers again %,.1f) after %d"
                    + " steps; whole-shift days %,.1f (%+.2f%%): %s%n", name, agents, lp.bound(), raised.bound(), again,
                    raised.steps(), whole, 100 * (whole - raised.bound()) / raised.bound(), report);
        }
    }
}
