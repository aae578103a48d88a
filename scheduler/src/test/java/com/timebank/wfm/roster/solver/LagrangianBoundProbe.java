package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Probe: the aggregated LP bound and the Lagrangian bound raised from its duals, per instance, with a solved roster's
 * coverage objective. Usage: {@code LagrangianBoundProbe instance[,instance] agents lagrangianSeconds solveSeconds}.
 */
public final class LagrangianBoundProbe {

    public static void main(String[] args) {
        int agents = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int solveSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        CoverageBound.solverLoaded();
        for (String name : List.of(args[0].split(","))) {
            RosterBenchmark.Instance instance = RosterBenchmark.instance(name, agents, 28);
            RosterSolution problem = instance.generate(new RosterConstraintConfiguration());
            CoverageBound.Result lp = CoverageBound.of(problem, Duration.ofSeconds(120));
            SolveDeadline end = new SolveDeadline();
            end.endIn(Duration.ofSeconds(seconds));
            for (double sign : new double[] {1, -1}) {
                double[] duals = lp.duals().values().clone();
                for (int k = 0; k < duals.length; k++) {
                    duals[k] *= sign;
                }
                System.out.printf(Locale.ROOT, "%s sign %+.0f: L at duals %,.0f (LP %,.0f)%n", name, sign,
                        LagrangianBound.at(problem, lp.duals().lp(), duals), lp.bound());
            }
            LagrangianBound.Result raised = LagrangianBound.raise(problem, lp.duals().lp(), lp.duals().values(),
                    lp.bound(), end, new SolveDeadline());
            System.out.printf(Locale.ROOT, "%s %d: LP %,.0f in %d ms; Lagrangian %,.0f (%+.2f%%) after %d steps, %d ms (%d searches for %d agents)%n",
                    name, agents, lp.bound(), lp.millis(), raised.bound(), 100 * (raised.bound() - lp.bound()) / lp.bound(),
                    raised.steps(), raised.millis(), raised.searches(), raised.agents());
            if (solveSeconds > 0) {
                RosterSolution roster = new RosterSolver(
                        RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(solveSeconds))).solve(problem);
                long objective = CoverageBound.objectiveOf(roster);
                System.out.printf(Locale.ROOT, "  roster %d s %s coverage %,d: gap to LP %.2f%%, to Lagrangian %.2f%%%n",
                        solveSeconds, roster.getScore(), objective,
                        100 * CoverageBound.gap(objective, lp.bound()), 100 * CoverageBound.gap(objective, raised.bound()));
            }
        }
    }
}
