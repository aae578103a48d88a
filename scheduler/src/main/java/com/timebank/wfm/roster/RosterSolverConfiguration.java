package com.timebank.wfm.roster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.timebank.wfm.WfmProperties;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.roster.solver.RosterSolver;

/**
 * OptaPlanner for the service, built explicitly from {@link RosterSolver#solverConfig} (OptaPlanner's Spring
 * auto-configuration stays excluded: it would scan for a solver configuration of its own). Each roster's solve time
 * is enforced by {@link RosterService} with {@code terminateEarly}, so the configured limit is only a safety net.
 */
@Configuration
class RosterSolverConfiguration {

    /** Longest solve a planner may ask for. */
    static final int MAX_SOLVE_SECONDS = 3600;

    /** A reproducible solve's safety net: only a solve that never reaches its step count stops on the clock. */
    static final Duration REPRODUCIBLE_SAFETY_LIMIT = Duration.ofMinutes(10);
    /** The initializer's improvement budget in a reproducible solve: it stops on its own pass and iteration counts. */
    static final long REPRODUCIBLE_INITIALIZER_MILLIS = 120_000;

    /**
     * A solve whose result does not depend on the machine's load: a fixed random seed, REPRODUCIBLE mode, the
     * initializer bounded by its counts (its time budget is only a cap far above them) and local search ended after
     * {@code steps} steps instead of a time limit.
     */
    static SolverConfig reproducible(int steps) {
        SolverConfig config = RosterSolver.solverConfig(RosterSolver.Settings.withTimeLimit(REPRODUCIBLE_SAFETY_LIMIT)
                .withRandomSeed(0L).withEnvironmentMode(EnvironmentMode.REPRODUCIBLE));
        config.getPhaseConfigList().forEach(phase -> {
            if (phase instanceof CustomPhaseConfig custom) {
                Map<String, String> properties = new HashMap<>(
                        custom.getCustomProperties() == null ? Map.of() : custom.getCustomProperties());
                properties.put("budgetMillis", String.valueOf(REPRODUCIBLE_INITIALIZER_MILLIS));
                properties.put("proportionalBudget", "false");
                custom.setCustomProperties(properties);
            } else if (phase instanceof LocalSearchPhaseConfig localSearch) {
                localSearch.setTerminationConfig(new TerminationConfig().withStepCountLimit(steps));
            }
        });
        return config;
    }

    /** Centers above {@code wfm.roster.partition-threshold-agents} are planned in partitions (PartitionedRoster). */
    @Bean
    SolverFactory<RosterSolution> rosterSolverFactory(WfmProperties wfm) {
        return SolverFactory.create(RosterSolver.solverConfig(
                RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(MAX_SOLVE_SECONDS + 60))
                        .withPartitions(wfm.roster().partitionThresholdAgents(), wfm.roster().partitionAgents())));
    }

    /** Rosters solved at the same time; further ones wait in the queue (still SOLVING). */
    @Bean(destroyMethod = "close")
    SolverManager<RosterSolution, Long> rosterSolverManager(SolverFactory<RosterSolution> factory, WfmProperties wfm) {
        return SolverManager.create(factory,
                new SolverManagerConfig().withParallelSolverCount(wfm.roster().parallelSolvers()));
    }

    @Bean
    SolutionManager<RosterSolution, HardSoftLongScore> rosterSolutionManager(SolverFactory<RosterSolution> factory) {
        return SolutionManager.create(factory);
    }
}
