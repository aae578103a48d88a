package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Quick benchmark (not a unit test): generate N agents × D days and solve for S seconds, printing the time to
 * the first feasible best solution and the score calculation speed.
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) com.timebank.wfm.roster.solver.RosterBenchmark 500 28 30
 * </pre>
 */
public final class RosterBenchmark {

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 28;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;

        long t0 = System.nanoTime();
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(agents, days));
        long generated = System.nanoTime();
        System.out.printf("generated %d agents x %d days (%d agent-days, %d unavailabilities) in %d ms%n",
                agents, days, problem.getAgentDays().size(), problem.getUnavailabilities().size(),
                (generated - t0) / 1_000_000);

        RosterSolver rosterSolver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(seconds)));
        Solver<RosterSolution> solver = rosterSolver.getSolverFactory().buildSolver();
        long start = System.nanoTime();
        AtomicLong firstFeasibleMillis = new AtomicLong(-1);
        AtomicLong firstBestMillis = new AtomicLong(-1);
        AtomicLong bestSolutionEvents = new AtomicLong();
        solver.addEventListener(event -> {
            long ms = (System.nanoTime() - start) / 1_000_000;
            bestSolutionEvents.incrementAndGet();
            HardSoftLongScore score = (HardSoftLongScore) event.getNewBestScore();
            if (firstBestMillis.get() < 0) {
                firstBestMillis.set(ms);
                System.out.printf("  first best solution at %d ms: %s%n", ms, score);
            }
            if (score.isFeasible() && firstFeasibleMillis.compareAndSet(-1, ms)) {
                System.out.printf("  first feasible at %d ms: %s%n", ms, score);
            }
        });
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        RosterSolution best = solver.solve(problem);
        long solved = System.nanoTime();
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        DefaultSolver<RosterSolution> defaultSolver = (DefaultSolver<RosterSolution>) solver;
        System.out.printf("solved in %d ms: %s; %d new best solutions; score calculation speed %d/s (%d calculations)%n",
                (solved - start) / 1_000_000, best.getScore(), bestSolutionEvents.get(),
                defaultSolver.getSolverScope().getScoreCalculationSpeed(),
                defaultSolver.getSolverScope().getScoreCalculationCount());
        long b0 = System.nanoTime();
        new BreakPlanner().planBreaks(best);
        System.out.printf("solver thread CPU %d ms: %d score calculations per CPU second%n", cpuMillis,
                defaultSolver.getSolverScope().getScoreCalculationCount() * 1000 / Math.max(1, cpuMillis));
        System.out.printf("breaks placed in %d ms%n", (System.nanoTime() - b0) / 1_000_000);
        CoverageReport report = CoverageReport.of(best);
        System.out.println("coverage: " + report);
        java.util.Map<String, Integer> shortByDay = new java.util.TreeMap<>();
        report.intervals().forEach(i -> shortByDay.merge(i.skill() + " " + i.start().toLocalDate() + " "
                + i.start().getDayOfWeek().toString().substring(0, 3), i.shortfall(), Integer::sum));
        System.out.println("shortfall by day: " + shortByDay);
        java.util.Map<Integer, Integer> shortByHour = new java.util.TreeMap<>();
        report.intervals().forEach(i -> shortByHour.merge(i.start().getHour(), i.shortfall(), Integer::sum));
        System.out.println("shortfall by hour: " + shortByHour);
        java.util.Map<Integer, Integer> overByHour = new java.util.TreeMap<>();
        report.intervals().forEach(i -> overByHour.merge(i.start().getHour(), Math.max(0, i.scheduled() - i.required()), Integer::sum));
        System.out.println("overstaffing by hour: " + overByHour);
        rosterSolver.explain(best).getConstraintMatchTotalMap().values().stream()
                .sorted((a, b) -> a.getScore().compareTo(b.getScore()))
                .forEach(total -> System.out.printf("  %-40s %s (%d matches)%n", total.getConstraintName(),
                        total.getScore(), total.getConstraintMatchSet().size()));
    }
}
