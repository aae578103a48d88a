package com.timebank.wfm.roster.solver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.csv.CSVFormat;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Roster benchmark (not a unit test) over a <b>family</b> of generated instances (N agents × 4 weeks × 30-minute
 * intervals, {@link RosterInstanceGenerator} with different seeds and {@link RosterInstanceGenerator.Shape}s), each
 * solved with the service's solver configuration. Per instance and weight set it reports
 * <ul>
 * <li>time to the first feasible best solution;</li>
 * <li>the solver's coverage objective ({@link CoverageBound#objectiveOf}: shortfall weight × Σ shortfall² +
 * overstaffing weight × Σ overstaffing) at each checkpoint;</li>
 * <li>the product's lower bound of that same objective (the LP of {@link CoverageBound#of}, raised by whole agent
 * plans with {@link CoverageBound#raise}) and the gap <b>(objective − bound) / bound</b> at each checkpoint; the LP
 * bound alone next to it (the CSV also has the gaps to it);</li>
 * <li>for reference, the linear shortfall and overstaffing in agent-intervals;</li>
 * </ul>
 * then the mean and worst gap per size and weight set, and the load average of the machine before and after.
 * Every row is appended to {@code scripts/output/bench-roster-history.csv}.
 * <p>
 * Options: {@code --sizes 100,500,2000} (default 100), {@code --checkpoints 60,300} (seconds, default 10,30),
 * {@code --weights center,coverage} (default both: the center's defaults and {@link #coverageFirst}; also
 * {@code coverage-only}, {@link #coverageOnly}),
 * {@code --instances standard,tight,...} (default all, see {@link #FAMILY}), {@code --threads NONE|N|AUTO}
 * (default NONE, as the service solves), {@code --bound-limit S} (default 600), {@code --days D},
 * {@code --partition-threshold N} and {@code --partition-agents N} ({@link PartitionedRoster}, defaults as the
 * service's), {@code --stop-at S} (a stop as the service makes one after S seconds; prints how long the solve took to
 * return), {@code --repeats N} (default 1: each instance solved N times; a time-limited solve does a different
 * amount of work each run, so the summary then takes each instance's median gap, with its spread). A short warm-up
 * solve runs first. "First feasible" is the wall time from the call to {@code solve}
 * (score director set-up included) to the first best solution event with a feasible score.
 * The bound is computed on its own thread next to the solve, as the service does.
 */
public final class RosterBenchmark {

    record Instance(String name, RosterInstanceGenerator.Spec spec, RosterInstanceGenerator.Shape shape) {

        /** The instance's problem under {@code weights}. */
        RosterSolution generate(RosterConstraintConfiguration weights) {
            return new RosterInstanceGenerator().generate(spec, shape, weights);
        }
    }

    /** The family: name → how it differs from the standard instance (each with its own seed). */
    static final List<String> FAMILY = List.of("standard", "tight", "loose", "part-time", "long-hours", "weekend-peak",
            "month-start", "leave-heavy");

    static Instance instance(String name, int agents, int days) {
        RosterInstanceGenerator.Spec base = RosterInstanceGenerator.Spec.of(agents, days);
        RosterInstanceGenerator.Shape standard = RosterInstanceGenerator.Shape.STANDARD;
        return switch (name) {
            case "standard" -> new Instance(name, base, standard);
            case "tight" -> new Instance(name, base.withSeed(2).withUtilisation(1.05), standard);
            case "loose" -> new Instance(name, base.withSeed(3).withUtilisation(0.75), standard);
            case "part-time" -> new Instance(name, base.withSeed(4), standard.withPartTimeShare(0.45));
            case "long-hours" -> new Instance(name, base.withSeed(5), standard.withLongHours());
            case "weekend-peak" -> new Instance(name, base.withSeed(6), standard.withWeekendPeak());
            // Monday 30 March: the horizon holds a month end and the first business days of April
            case "month-start" -> new Instance(name, base.withSeed(7).withStart(LocalDate.of(2026, 3, 30)),
                    standard.withMonthStartPeak(1.8));
            case "leave-heavy" -> new Instance(name, base.withSeed(8).withLeaveRate(0.15), standard);
            default -> throw new IllegalArgumentException("Unknown instance " + name + "; one of " + FAMILY);
        };
    }

    record Row(String instance, int agents, String weights, String threads, long firstFeasibleMillis, long[] objective,
            CoverageBound.Result bound, double shortfall, double overstaffed, long speed) {

        /** Null when there was no feasible roster yet at that checkpoint (an infeasible one may beat the bound). */
        Double gap(int checkpoint) {
            return objective[checkpoint] < 0 ? null : CoverageBound.gap(objective[checkpoint], bound.bound());
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(100);
        int[] checkpoints = {10, 30};
        List<String> weightSets = List.of("center", "coverage");
        List<String> instances = FAMILY;
        String threads = null;
        int days = 28;
        long boundLimit = 600;
        int partitionThreshold = PartitionedRoster.DEFAULT_THRESHOLD_AGENTS;
        int partitionAgents = PartitionedRoster.DEFAULT_PARTITION_AGENTS;
        double stopAtSeconds = 0;
        int repeats = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--checkpoints" -> checkpoints = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                case "--weights" -> {
                    weightSets = List.of(args[++i].split(","));
                    weightSets.forEach(RosterBenchmark::weightSet);
                }
                case "--instances" -> instances = List.of(args[++i].split(","));
                case "--threads" -> threads = args[++i];
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--bound-limit" -> boundLimit = Long.parseLong(args[++i]);
                case "--partition-threshold" -> partitionThreshold = Integer.parseInt(args[++i]);
                case "--partition-agents" -> partitionAgents = Integer.parseInt(args[++i]);
                case "--stop-at" -> stopAtSeconds = Double.parseDouble(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        String loadBefore = loadAverage();
        String startedAt = Instant.now().toString();
        if (repeats < 1 || repeats > 20) {
            throw new IllegalArgumentException("--repeats must be 1 to 20, not " + repeats);
        }
        System.out.printf("roster benchmark: sizes %s, checkpoints %s s, weights %s, instances %s, %d run(s) each; "
                        + "load average %s; %d processors%n", sizes, Arrays.toString(checkpoints), weightSets,
                instances, repeats, loadBefore, Runtime.getRuntime().availableProcessors());
        warmUp();
        List<Row> rows = new ArrayList<>();
        String moveThreads = threads != null ? threads : SolverConfig.MOVE_THREAD_COUNT_NONE;
        RunOptions options = new RunOptions(checkpoints, moveThreads, Duration.ofSeconds(boundLimit),
                partitionThreshold, partitionAgents, stopAtSeconds);
        for (int agents : sizes) {
            for (String weights : weightSets) {
                for (String name : instances) {
                    for (int run = 0; run < repeats; run++) {
                        Row row = run(instance(name, agents, days), weights, options);
                        rows.add(row);
                        appendHistory(startedAt, loadBefore, checkpoints, row);
                    }
                }
            }
        }
        String loadAfter = loadAverage();
        System.out.println();
        StringBuilder header = new StringBuilder("| instance | agents | weights | first feasible |");
        for (int c : checkpoints) {
            header.append(" gap @").append(c).append(" s |");
        }
        header.append(" objective @").append(checkpoints[checkpoints.length - 1])
                .append(" s | bound (LP) | bound time | short / over agent-intervals | score calc/s |");
        System.out.println(header);
        System.out.println("|---".repeat(9 + checkpoints.length) + "|");
        for (Row r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %s | %s |", r.instance(),
                    r.agents(), r.weights(), r.firstFeasibleMillis() < 0 ? "none"
                            : String.format(Locale.ROOT, "%.1f s", r.firstFeasibleMillis() / 1000.0)));
            for (int c = 0; c < checkpoints.length; c++) {
                line.append(' ').append(percent(r.gap(c))).append(" |");
            }
            line.append(String.format(Locale.ROOT, " %,d | %s | %.1f s | %,.1f / %,.1f | %,d |",
                    r.objective()[checkpoints.length - 1],
                    r.bound().available() ? String.format(Locale.ROOT, "%,.0f (%,.0f)", r.bound().bound(),
                            r.bound().lpBound()) : r.bound().state(),
                    r.bound().millis() / 1000.0, r.shortfall(), r.overstaffed(), r.speed()));
            System.out.println(line);
        }
        System.out.println();
        int last = checkpoints.length - 1;
        if (repeats > 1) {
            System.out.println("| instance | agents | weights | runs | median gap @" + checkpoints[last]
                    + " s | lowest – highest |");
            System.out.println("|---|---|---|---|---|---|");
            for (InstanceGap g : instanceGaps(rows, last)) {
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %s | %s – %s |%n", g.instance(), g.agents(),
                        g.weights(), g.runs(), percent(g.median()), percent(g.lowest()), percent(g.highest()));
            }
            System.out.println();
        }
        System.out.println("| agents | weights | instances | mean gap @" + checkpoints[last]
                + " s | worst gap (instance) | mean first feasible | worst first feasible |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.agents() + "|" + r.weights(), k -> new ArrayList<>()).add(r));
        groups.forEach((key, group) -> {
            // one gap per instance: its median over the runs (the only run's gap when there is one)
            List<InstanceGap> all = instanceGaps(group, last);
            List<InstanceGap> gaps = all.stream().filter(g -> g.median() != null).toList();
            double mean = gaps.stream().mapToDouble(InstanceGap::median).average().orElse(Double.NaN);
            InstanceGap worst = gaps.stream().max((a, b) -> Double.compare(a.median(), b.median())).orElse(null);
            double meanFirst = group.stream().mapToLong(Row::firstFeasibleMillis).average().orElse(Double.NaN) / 1000;
            long worstFirst = group.stream().mapToLong(Row::firstFeasibleMillis).max().orElse(-1);
            System.out.printf(Locale.ROOT, "| %d | %s | %d (%d with a bound) | %s | %s | %.1f s | %.1f s |%n",
                    group.get(0).agents(), group.get(0).weights(), all.size(), gaps.size(),
                    Double.isNaN(mean) ? "n/a" : percent(mean),
                    worst == null ? "n/a" : percent(worst.median()) + " (" + worst.instance() + ")", meanFirst,
                    worstFirst / 1000.0);
        });
        System.out.println();
        System.out.println("load average before " + loadBefore + ", after " + loadAfter + "; history in "
                + historyFile().toAbsolutePath());
    }

    /** An instance's gaps at one checkpoint over its runs: the median (of the middle two for an even count), spread. */
    record InstanceGap(String instance, int agents, String weights, int runs, Double median, Double lowest,
            Double highest) {
    }

    /**
     * Per instance, size and weight set (in the order of their first run), the gaps at checkpoint {@code checkpoint}
     * over the runs that had a feasible roster by then; null figures when none had.
     */
    static List<InstanceGap> instanceGaps(List<Row> rows, int checkpoint) {
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        rows.forEach(r -> runs.computeIfAbsent(r.instance() + "|" + r.agents() + "|" + r.weights(),
                k -> new ArrayList<>()).add(r));
        List<InstanceGap> gaps = new ArrayList<>();
        runs.values().forEach(same -> {
            double[] sorted = same.stream().map(r -> r.gap(checkpoint)).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            Row first = same.get(0);
            gaps.add(new InstanceGap(first.instance(), first.agents(), first.weights(), same.size(),
                    n == 0 ? null : (sorted[(n - 1) / 2] + sorted[n / 2]) / 2, n == 0 ? null : sorted[0],
                    n == 0 ? null : sorted[n - 1]));
        });
        return gaps;
    }

    /**
     * A 2-second solve of a 20-agent week before the first instance, so that no instance's first feasible time
     * includes loading and compiling the solver (a running service has done that with its first roster).
     */
    private static void warmUp() {
        new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(2)))
                .solve(new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(20, 7).withSeed(99)));
    }

    /**
     * How each instance is solved: the checkpoints (the last is the time limit), OptaPlanner's move threads, the LP's
     * time limit, the partitioning, and a stop as the service makes one (the solve's deadline ended, then
     * OptaPlanner's terminateEarly) after {@code stopAtSeconds} (0: none).
     */
    record RunOptions(int[] checkpoints, String moveThreads, Duration boundLimit, int partitionThreshold,
            int partitionAgents, double stopAtSeconds) {
    }

    private static Row run(Instance instance, String weights, RunOptions options) throws Exception {
        int[] checkpoints = options.checkpoints();
        double stopAtSeconds = options.stopAtSeconds();
        RosterSolution problem = instance.generate(weightSet(weights));
        System.out.printf("%n== %s, %d agents, %s weights: %d agent-days, %d unavailabilities%n", instance.name(),
                instance.spec().agents(), weights, problem.getAgentDays().size(), problem.getUnavailabilities().size());
        // as in the service: the bound on its own thread next to the solve (reads only what the solver never changes)
        CompletableFuture<CoverageBound.Result> lp = CompletableFuture.supplyAsync(
                () -> CoverageBound.of(problem, options.boundLimit()));
        // the solver's guided construction waits for the LP's mix rather than computing the LP again; the bound is
        // then raised on a thread of its own while the solve goes on, ending with it (as the service's raise ends with
        // the roster's solve deadline)
        problem.setShiftMix(lp.thenApply(CoverageBound.Result::mix));
        int limit = checkpoints[checkpoints.length - 1];
        SolveDeadline raiseEnd = new SolveDeadline();
        raiseEnd.endIn(CoverageBound.raiseTime(Duration.ofSeconds(limit)));
        CompletableFuture<CoverageBound.Result> bound = lp.thenApplyAsync(
                result -> CoverageBound.raise(problem, result, raiseEnd));

        RosterSolver rosterSolver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(limit))
                .withMoveThreadCount(options.moveThreads())
                .withPartitions(options.partitionThreshold(), options.partitionAgents()));
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
                objective[index] = best == null || !best.getScore().isFeasible() ? -1 : CoverageBound.objectiveOf(best);
                System.out.printf("  after %d s: %s; coverage objective %,d%n", checkpoints[index],
                        best == null ? "-" : best.getScore(), objective[index]);
            }, checkpoints[c], TimeUnit.SECONDS);
        }
        long[] stoppedAt = {0};
        if (stopAtSeconds > 0) {
            clock.schedule(() -> {
                stoppedAt[0] = System.nanoTime();
                problem.getSolveDeadline().endNow();
                solver.terminateEarly();
            }, (long) (stopAtSeconds * 1000), TimeUnit.MILLISECONDS);
        }
        start[0] = System.nanoTime();
        RosterSolution best = solver.solve(problem);
        raiseEnd.endNow();
        if (stoppedAt[0] > 0) {
            System.out.printf("  stopped at %.1f s: the solve returned %d ms later%n", stopAtSeconds,
                    (System.nanoTime() - stoppedAt[0]) / 1_000_000);
        }
        clock.shutdownNow();
        CoverageReport report = CoverageReport.of(best);
        objective[checkpoints.length - 1] = best.getScore().isFeasible() ? CoverageBound.objectiveOf(best) : -1;
        long speed = ((DefaultSolver<RosterSolution>) solver).getSolverScope().getScoreCalculationSpeed();
        CoverageBound.Result result = bound.get();
        System.out.printf("  after %d s: %s; coverage objective %,d; %s; score calculation speed %d/s%n", limit,
                best.getScore(), objective[checkpoints.length - 1], report, speed);
        if (best.getScore().isFeasible()) {
            // what the roster's preferences and fairness cost at the center's weights, whatever it was solved for:
            // a coverage-only roster's coverage is bought with them
            best.setConstraintConfiguration(weightSet("center"));
            SolutionManager.create(rosterSolver.getSolverFactory()).update(best);
            long centerObjective = -best.getScore().softScore();
            System.out.printf("  at the center's weights: objective %,d, of which preferences and fairness %,d%n",
                    centerObjective, centerObjective - CoverageBound.objectiveOf(best));
        }
        System.out.printf("  bound %s (%s, %d columns, %d rows, %d ms); no roster leaves fewer than %s short "
                + "agent-intervals%n",
                result.available() ? String.format(Locale.ROOT, "%,.1f, LP %,.1f", result.bound(), result.lpBound())
                        : "not available",
                result.state(), result.columns(), result.rows(), result.millis(),
                String.format(Locale.ROOT, "%,.2f", result.shortfallFloor()));
        return new Row(instance.name(), instance.spec().agents(), weights, options.moveThreads(), firstFeasible.get(),
                objective, result, report.shortfallAgentIntervals(), report.overstaffedAgentIntervals(), speed);
    }

    /** The weight set named on the command line: center, coverage or coverage-only. */
    static RosterConstraintConfiguration weightSet(String name) {
        return switch (name) {
            case "center" -> new RosterConstraintConfiguration();
            case "coverage" -> coverageFirst();
            case "coverage-only" -> coverageOnly();
            default -> throw new IllegalArgumentException(
                    "Unknown weight set: " + name + " (center, coverage or coverage-only)");
        };
    }

    /**
     * The center's coverage weights with every preference and fairness weight 0: the solver then minimises the
     * coverage objective itself, so the gap holds no price of preferences (only the search's and the bound's own). With
     * the center's weights a roster may keep coverage above the best one to keep preferences (the bound sees coverage
     * only).
     */
    static RosterConstraintConfiguration coverageOnly() {
        RosterConstraintConfiguration weights = new RosterConstraintConfiguration();
        weights.setPreferredDayOff(HardSoftLongScore.ofSoft(0));
        weights.setShiftTimePreference(HardSoftLongScore.ofSoft(0));
        weights.setFairWeekendWork(HardSoftLongScore.ofSoft(0));
        weights.setFairLateShifts(HardSoftLongScore.ofSoft(0));
        weights.setStableStartTimes(HardSoftLongScore.ofSoft(0));
        weights.setTimeBankIdleDayOff(HardSoftLongScore.ofSoft(0));
        weights.setPreferredShift(HardSoftLongScore.ofSoft(0));
        return weights;
    }

    /**
     * Center weights that put coverage first: overstaffing weighs like a first interval of shortfall (the squared
     * shortfall still spreads gaps), preferences and fairness weigh less than one agent-interval of coverage.
     * {@code -Dbench.overstaffing=W} tries another overstaffing weight, {@code -Dbench.fairWeekend=W} another weight of
     * fair weekend work (whose squared weekend days the coverage bound does not see).
     */
    static RosterConstraintConfiguration coverageFirst() {
        RosterConstraintConfiguration weights = new RosterConstraintConfiguration();
        weights.setOverstaffing(HardSoftLongScore.ofSoft(Long.getLong("bench.overstaffing", 100)));
        weights.setPreferredDayOff(HardSoftLongScore.ofSoft(20));
        weights.setShiftTimePreference(HardSoftLongScore.ofSoft(10));
        weights.setFairWeekendWork(HardSoftLongScore.ofSoft(Long.getLong("bench.fairWeekend", 10)));
        return weights;
    }

    /** A gap in percent: two decimals below 1% (most gaps at 500 agents and more), one above. */
    private static String percent(Double gap) {
        return gap == null ? "n/a" : String.format(Locale.ROOT, gap < 0.01 ? "%.2f%%" : "%.1f%%", gap * 100);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** {@code scripts/output/} of the repository (the benchmark runs in {@code scheduler/}). */
    static Path historyFile() {
        Path scripts = Files.isDirectory(Path.of("../scripts")) ? Path.of("../scripts") : Path.of("scripts");
        return scripts.resolve("output").resolve("bench-roster-history.csv");
    }

    static final List<String> HISTORY_HEADER = List.of("run_started", "load_average", "instance", "agents", "weights",
            "move_threads", "checkpoints_s", "first_feasible_ms", "objectives", "lp_bound", "bound_state", "bound_ms",
            "gaps", "shortfall_agent_intervals", "overstaffed_agent_intervals", "score_calc_per_s", "bound",
            "gaps_to_lp");

    private static void appendHistory(String startedAt, String load, int[] checkpoints, Row r) throws IOException {
        Path file = historyFile();
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, CSVFormat.DEFAULT.format(HISTORY_HEADER.toArray()) + "\n");
        }
        Files.writeString(file, historyLine(startedAt, load, checkpoints, r) + "\n", StandardOpenOption.APPEND);
    }

    /** One line of the history as CSV (commons-csv quotes the bound's state, which names its steps with commas). */
    static String historyLine(String startedAt, String load, int[] checkpoints, Row r) {
        return CSVFormat.DEFAULT.format(historyRecord(startedAt, load, checkpoints, r).toArray());
    }

    /** One row of the history, in {@link #HISTORY_HEADER}'s order. */
    static List<String> historyRecord(String startedAt, String load, int[] checkpoints, Row r) {
        StringBuilder gaps = new StringBuilder();
        for (int c = 0; c < checkpoints.length; c++) {
            gaps.append(c == 0 ? "" : ";").append(r.gap(c) == null ? "" : String.format(Locale.ROOT, "%.5f", r.gap(c)));
        }
        StringBuilder gapsToLp = new StringBuilder();
        for (int c = 0; c < checkpoints.length; c++) {
            Double gap = r.objective()[c] < 0 ? null : CoverageBound.gap(r.objective()[c], r.bound().lpBound());
            gapsToLp.append(c == 0 ? "" : ";").append(gap == null ? "" : String.format(Locale.ROOT, "%.5f", gap));
        }
        return List.of(startedAt, load, r.instance(), String.valueOf(r.agents()), r.weights(), r.threads(),
                String.join(";", Arrays.stream(checkpoints).mapToObj(String::valueOf).toList()),
                String.valueOf(r.firstFeasibleMillis()),
                String.join(";", Arrays.stream(r.objective()).mapToObj(String::valueOf).toList()),
                r.bound().available() ? String.format(Locale.ROOT, "%.2f", r.bound().lpBound()) : "",
                r.bound().state(), String.valueOf(r.bound().millis()), gaps.toString(), String.valueOf(r.shortfall()),
                String.valueOf(r.overstaffed()), String.valueOf(r.speed()),
                r.bound().available() ? String.format(Locale.ROOT, "%.2f", r.bound().bound()) : "",
                gapsToLp.toString());
    }
}
