package com.timebank.wfm.roster;

import java.time.Duration;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverManagerConfig;
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

    @Bean
    SolverFactory<RosterSolution> rosterSolverFactory() {
        return SolverFactory.create(RosterSolver.solverConfig(
                RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(MAX_SOLVE_SECONDS + 60))));
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
