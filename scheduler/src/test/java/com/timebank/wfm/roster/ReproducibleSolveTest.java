package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

import com.timebank.wfm.roster.solver.AgentDay;
import com.timebank.wfm.roster.solver.RosterInstanceGenerator;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.roster.solver.RosterSolver;

/** The reproducible solve (the demo's roster): a step count, not the clock, ends it, so two solves agree. */
class ReproducibleSolveTest {

    @Test
    void stopsAfterItsStepsWithAFixedSeed() {
        SolverConfig config = RosterSolverConfiguration.reproducible(123);
        assertThat(config.getEnvironmentMode()).isEqualTo(EnvironmentMode.REPRODUCIBLE);
        assertThat(config.getRandomSeed()).isZero();
        assertThat(config.getPhaseConfigList()).filteredOn(LocalSearchPhaseConfig.class::isInstance).singleElement()
                .satisfies(p -> assertThat(p.getTerminationConfig().getStepCountLimit()).isEqualTo(123));
    }

    @Test
    void twoSolvesOfTheSameProblemGiveTheSameRosterAndScore() {
        RosterInstanceGenerator.Spec spec = RosterInstanceGenerator.Spec.of(20, 7);
        RosterSolution first = new RosterSolver(RosterSolverConfiguration.reproducible(300))
                .solve(new RosterInstanceGenerator().generate(spec));
        RosterSolution second = new RosterSolver(RosterSolverConfiguration.reproducible(300))
                .solve(new RosterInstanceGenerator().generate(spec));
        assertThat(second.getScore()).isEqualTo(first.getScore());
        assertThat(shifts(second)).isEqualTo(shifts(first)).isNotEmpty();
    }

    private static List<String> shifts(RosterSolution solution) {
        return solution.getAgentDays().stream().filter(d -> d.getShift() != null)
                .map(d -> d.getAgent().getEmployeeNo() + " " + d.getDate() + " " + d.getShift().getId()).toList();
    }
}
