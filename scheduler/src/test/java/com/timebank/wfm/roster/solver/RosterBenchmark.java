package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Roster benchmark (not a unit test): for each size, a generated instance of N agents × 4 weeks × 30-minute
 * intervals ({@link RosterInstanceGenerator}), solved with the service's solver configuration, reporting
 * <ul>
 * <li>time to the first feasible best solution;</li>
 * <li>the coverage objective (shortfall + overstaffing in agent-intervals) of the best solution after 10 s and 60 s
 * (and 300 s with {@code --long});</li>
 * <li>score calculation speed;</li>
 * <li>the gap to the LP-relaxation lower bound ({@link CoveringLowerBound}) as a share of the total required
 * agent-intervals.</li>
 * </ul>
 * Run with {@code scripts/bench-roster [--long] [--threads N|AUTO] [--checkpoints 10,60] [--no-bound] [agents ...]}
 * (default 100 500 2000). Sizes
 * of 2,000 agents and more use OptaPlanner's multi-threaded incremental solving ({@code moveThreadCount}, default 2)
 * unless {@code --threads NONE}.
 */
public final class RosterBenchmark {

    public static void main(String[] args) throws Exception {
        boolean longRun = false;
        boolean withBound = true;
        String threads = null;
        int days = 28;
        int[] custom = null;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--long" -> longRun = true;
                case "--no-bound" -> withBound = false;
                case "--threads" -> threads = args[++i];
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--checkpoints" -> custom = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 500, 2000);
        }
        int[] checkpoints = custom != null ? custom : longRun ? new int[] {10, 60, 300} : new int[] {10, 60};
        List<String> summary = new ArrayList<>();
        for (int agents : sizes) {
            String moveThreads = threads != null ? threads : agents >= 2000 ? "2" : SolverConfig.MOVE_THREAD_COUNT_NONE;
            summary.add(run(agents, days, checkpoints, moveThreads, withBound));
        }
        System.out.println();
        System.out.println("agents | threads | first feasible | objective @" + String.join("s / @", 
                java.util.Arrays.stream(checkpoints).mapToObj(String::valueOf).toList())
                + "s | LP bound | required | gap @" + checkpoints[checkpoints.length - 1] + "s | score calc/s");
        summary.forEach(System.out::println);
    }

    private static String run(int agents, int days, int[] checkpoints, String moveThreads, boolean withBound)
            throws Exception {
        long t0 = System.nanoTime();
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(agents, days));
        System.out.printf("%n== %d agents x %d days: %d agent-days, %d unavailabilities, generated in %d ms%n", agents,
                days, problem.getAgentDays().size(), problem.getUnavailabilities().size(),
                (System.nanoTime() - t0) / 1_000_000);

        CoveringLowerBound.Result bound = withBound ? CoveringLowerBound.of(problem)
                : new CoveringLowerBound.Result(Double.NaN, 0, 0, 0, 0, "skipped");
        System.out.printf("LP bound %.1f agent-intervals (%s, %d variables, %d constraints, %d ms); required %d%n",
                bound.bound(), bound.state(), bound.variables(), bound.constraints(), bound.millis(),
                bound.totalRequired());

        int limit = checkpoints[checkpoints.length - 1];
        RosterSolver rosterSolver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(limit))
                .withMoveThreadCount(moveThreads));
        Solver<RosterSolution> solver = rosterSolver.getSolverFactory().buildSolver();
        AtomicReference<RosterSolution> latest = new AtomicReference<>();
        AtomicLong firstFeasible = new AtomicLong(-1);
        long[] start = {System.nanoTime()};
        solver.addEventListener(event -> {
            latest.set(event.getNewBestSolution());
            HardSoftLongScore score = (HardSoftLongScore) event.getNewBestScore();
            if (score.isFeasible() && firstFeasible.compareAndSet(-1, (System.nanoTime() - start[0]) / 1_000_000)) {
                System.out.printf("  first feasible at %d ms: %s%n", firstFeasible.get(), score);
            }
        });
        long[] objective = new long[checkpoints.length];
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        for (int c = 0; c < checkpoints.length - 1; c++) {
            int index = c;
            clock.schedule(() -> {
                RosterSolution best = latest.get();
                CoverageReport report = CoverageReport.of(best);
                objective[index] = report.shortfallAgentIntervals() + report.overstaffedAgentIntervals();
                System.out.printf("  after %d s: %s; %s%n", checkpoints[index], best.getScore(), report);
            }, checkpoints[c], TimeUnit.SECONDS);
        }
        start[0] = System.nanoTime();
        RosterSolution best = solver.solve(problem);
        clock.shutdownNow();
        CoverageReport report = CoverageReport.of(best);
        objective[checkpoints.length - 1] = report.shortfallAgentIntervals() + report.overstaffedAgentIntervals();
        DefaultSolver<RosterSolution> defaultSolver = (DefaultSolver<RosterSolution>) solver;
        long speed = defaultSolver.getSolverScope().getScoreCalculationSpeed();
        System.out.printf("  after %d s: %s; %s; score calculation speed %d/s%n", limit, best.getScore(), report, speed);
        double gap = (objective[checkpoints.length - 1] - bound.bound()) / bound.totalRequired();
        StringBuilder row = new StringBuilder();
        row.append(String.format("%6d | %7s | %11s ms | ", agents, moveThreads, firstFeasible.get() < 0 ? "none"
                : String.valueOf(firstFeasible.get())));
        for (int c = 0; c < objective.length; c++) {
            row.append(c == 0 ? "" : " / ").append(objective[c]);
        }
        row.append(String.format(" | %.0f | %d | %.2f%% | %d", bound.bound(), bound.totalRequired(), gap * 100, speed));
        return row.toString();
    }
}
