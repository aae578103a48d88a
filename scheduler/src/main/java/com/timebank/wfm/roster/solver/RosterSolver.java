package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Facade: solve a {@link RosterSolution} within a time limit (each shift carries its breaks, {@link ShiftBreaks}).
 * <pre>{@code
 * RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(30)));
 * RosterSolution roster = solver.solve(problem);              // best solution, with its breaks
 * ScoreExplanation<RosterSolution, HardSoftLongScore> why = solver.explain(roster);
 * CoverageReport coverage = CoverageReport.of(roster);
 * }</pre>
 * The configuration is plain {@link SolverConfig} built in code ({@link #solverConfig(Settings)}), so the
 * application can hand it to a {@code SolverManager} for background solving with live progress and stopping.
 */
public final class RosterSolver {

    /**
     * @param timeLimit                hard stop
     * @param unimprovedTimeLimit      stop early when the best score has not improved for this long (null: never)
     * @param bestScoreLimit           stop early at this score, e.g. {@code "0hard/-500000soft"} (null: never)
     * @param randomSeed               null for the default seed (runs are reproducible either way)
     * @param moveThreadCount          {@link SolverConfig#MOVE_THREAD_COUNT_NONE} or a number / AUTO
     * @param partitionThresholdAgents centers with more agents are constructed and polished in partitions
     *                                 ({@link PartitionedRoster}); default 3,000
     * @param partitionAgents          the largest partition; default 2,000
     */
    public record Settings(Duration timeLimit, Duration unimprovedTimeLimit, String bestScoreLimit, Long randomSeed,
            String moveThreadCount, EnvironmentMode environmentMode, int partitionThresholdAgents,
            int partitionAgents) {

        public Settings {
            Objects.requireNonNull(timeLimit, "timeLimit");
            if (partitionAgents < 1) {
                throw new IllegalArgumentException("A partition needs at least one agent: " + partitionAgents);
            }
        }

        public static Settings withTimeLimit(Duration timeLimit) {
            return new Settings(timeLimit, null, null, null, SolverConfig.MOVE_THREAD_COUNT_NONE,
                    EnvironmentMode.REPRODUCIBLE, PartitionedRoster.DEFAULT_THRESHOLD_AGENTS,
                    PartitionedRoster.DEFAULT_PARTITION_AGENTS);
        }

        public Settings withUnimprovedTimeLimit(Duration unimproved) {
            return new Settings(timeLimit, unimproved, bestScoreLimit, randomSeed, moveThreadCount, environmentMode,
                    partitionThresholdAgents, partitionAgents);
        }

        public Settings withBestScoreLimit(String scoreLimit) {
            return new Settings(timeLimit, unimprovedTimeLimit, scoreLimit, randomSeed, moveThreadCount,
                    environmentMode, partitionThresholdAgents, partitionAgents);
        }

        public Settings withRandomSeed(Long seed) {
            return new Settings(timeLimit, unimprovedTimeLimit, bestScoreLimit, seed, moveThreadCount, environmentMode,
                    partitionThresholdAgents, partitionAgents);
        }

        public Settings withMoveThreadCount(String threads) {
            return new Settings(timeLimit, unimprovedTimeLimit, bestScoreLimit, randomSeed, threads, environmentMode,
                    partitionThresholdAgents, partitionAgents);
        }

        public Settings withEnvironmentMode(EnvironmentMode mode) {
            return new Settings(timeLimit, unimprovedTimeLimit, bestScoreLimit, randomSeed, moveThreadCount, mode,
                    partitionThresholdAgents, partitionAgents);
        }

        /** Partitioned planning above {@code thresholdAgents} agents, in partitions of at most {@code agents}. */
        public Settings withPartitions(int thresholdAgents, int agents) {
            return new Settings(timeLimit, unimprovedTimeLimit, bestScoreLimit, randomSeed, moveThreadCount,
                    environmentMode, thresholdAgents, agents);
        }
    }

    /**
     * How often the split-or-merge move is tried next to the others. Measured with scripts/bench-roster (100 agents,
     * 30 s, load ~3): weight 0 → 2 took the gap to the bound from 72% to 36% (weekend peak), 20% to 10% (tight),
     * 14% to 10% (standard); 6 was no better after 30 s and worse after 10 s.
     */
    static final double SPLIT_OR_MERGE_WEIGHT = 2.0;

    private static final long GUIDANCE_BOUND_LIMIT_MILLIS = 15_000;

    private final SolverFactory<RosterSolution> solverFactory;
    private final SolutionManager<RosterSolution, HardSoftLongScore> solutionManager;

    public RosterSolver(Settings settings) {
        this(solverConfig(settings));
    }

    public RosterSolver(SolverConfig solverConfig) {
        this.solverFactory = SolverFactory.create(solverConfig);
        this.solutionManager = SolutionManager.create(solverFactory);
    }

    /**
     * The solver configuration: Bavet constraint streams; a {@link RosterInitializer} custom phase; then late
     * acceptance local search over the generic change move plus the roster-specific
     * {@link RosterMoveFactories moves}.
     * <p>
     * Tuning (measured on generated 100/500/2,000-agent × 28-day instances, 10–60 s runs): late acceptance size
     * 50 beat 400 by ~30% at 500 agents within a minute; an accepted count limit of 4 (best of 4 accepted moves
     * per step) matches 1 at 100–500 agents and is ~12% better at 2,000 agents, where every new best solution
     * costs a 56,000-entity clone.
     */
    public static SolverConfig solverConfig(Settings settings) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(settings.timeLimit());
        if (settings.unimprovedTimeLimit() != null) {
            termination.setUnimprovedSpentLimit(settings.unimprovedTimeLimit());
        }
        if (settings.bestScoreLimit() != null) {
            termination.setBestScoreLimit(settings.bestScoreLimit());
        }
        List<MoveSelectorConfig> moves = new ArrayList<>();
        moves.add(new ChangeMoveSelectorConfig().withFixedProbabilityWeight(2.0));
        moves.add(new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(RosterMoveFactories.StartTimeNudge.class).withFixedProbabilityWeight(3.0));
        moves.add(new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(RosterMoveFactories.SameAgentWeekSwap.class).withFixedProbabilityWeight(3.0));
        moves.add(new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(RosterMoveFactories.SameDateSwap.class).withFixedProbabilityWeight(2.0));
        moves.add(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RosterMoveFactories.SplitOrMergeShift.class)
                .withFixedProbabilityWeight(SPLIT_OR_MERGE_WEIGHT));
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectorList(moves))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(50))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(4));
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RosterSolution.class)
                .withEntityClasses(AgentDay.class)
                .withConstraintProviderClass(RosterConstraintProvider.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET)
                .withEnvironmentMode(settings.environmentMode())
                .withMoveThreadCount(settings.moveThreadCount())
                .withTerminationConfig(termination)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(firstPhaseSteps())
                                .withCustomProperties(Map.of(
                                        "budgetMillis", String.valueOf(initializerBudgetMillis(settings)),
                                        "timeLimitMillis", String.valueOf(settings.timeLimit().toMillis()),
                                        "partitionThresholdAgents", String.valueOf(settings.partitionThresholdAgents()),
                                        "partitionAgents", String.valueOf(settings.partitionAgents()),
                                        "boundLimitMillis", String.valueOf(guidanceBoundLimitMillis(settings)))),
                        localSearch);
        if (settings.randomSeed() != null) {
            config.setRandomSeed(settings.randomSeed());
        }
        return config;
    }

    /**
     * The first phase: construction, its polish, the construction aimed at the LP's mix (kept when better), a
     * partitioned center's polish in {@value PartitionCoordination#ROUNDS} rounds, two-week replanning in
     * {@value WeekReplanning#MAX_PASSES} passes, group replanning in {@value GroupReplanning#ROUNDS} to
     * {@value GroupReplanning#MAX_ROUNDS} rounds (each round and pass a step of its own, published as it ends).
     */
    static List<Class<? extends CustomPhaseCommand>> firstPhaseSteps() {
        List<Class<? extends CustomPhaseCommand>> steps = new ArrayList<>(List.of(RosterInitializer.class,
                RosterImprovement.class, GuidedConstruction.class));
        for (int round = 0; round < PartitionCoordination.ROUNDS; round++) {
            steps.add(PartitionCoordination.class);
        }
        for (int pass = 0; pass < WeekReplanning.MAX_PASSES; pass++) {
            steps.add(WeekReplanning.class);
        }
        for (int round = 0; round < GroupReplanning.MAX_ROUNDS; round++) {
            steps.add(GroupReplanning.class);
        }
        return steps;
    }

    /** The initializer's improvement time: up to 3 s, but at most a quarter of the solve, so short solves stay short. */
    static long initializerBudgetMillis(Settings settings) {
        return settings.timeLimit() == null ? GreedyRoster.DEFAULT_BUDGET_MILLIS
                : Math.min(GreedyRoster.DEFAULT_BUDGET_MILLIS, settings.timeLimit().toMillis() / 4);
    }

    /**
     * The longest the {@link GuidedConstruction} waits for the coverage bound's mix (or computes it): a quarter of the
     * solve, at most 15 s (GLOP takes 1 s at 100 agents on an idle machine, up to 25 s on 2 cores shared with other
     * solves; waiting leaves the core to the LP).
     */
    static long guidanceBoundLimitMillis(Settings settings) {
        return Math.min(GUIDANCE_BOUND_LIMIT_MILLIS, settings.timeLimit().toMillis() / 4);
    }

    public SolverFactory<RosterSolution> getSolverFactory() {
        return solverFactory;
    }

    /** Solves, places the breaks on the best solution and returns it. */
    public RosterSolution solve(RosterSolution problem) {
        return solve(problem, null);
    }

    /** As {@link #solve(RosterSolution)}, reporting each new best solution to the listener. */
    public RosterSolution solve(RosterSolution problem, Consumer<RosterSolution> bestSolutionListener) {
        Solver<RosterSolution> solver = solverFactory.buildSolver();
        if (bestSolutionListener != null) {
            solver.addEventListener(event -> bestSolutionListener.accept(event.getNewBestSolution()));
        }
        return solver.solve(problem);
    }

    /** Constraint match totals and indictments: which constraints cost what, and why. */
    public ScoreExplanation<RosterSolution, HardSoftLongScore> explain(RosterSolution solution) {
        return solutionManager.explain(solution);
    }

    /** Recalculates and sets the score of a (possibly hand-edited) roster. */
    public HardSoftLongScore score(RosterSolution solution) {
        return solutionManager.update(solution);
    }
}
