package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * The construction heuristic and the constraints chase the same objective: for random moves on a generated
 * instance, the greedy's marginal value of a move equals the soft-score change OptaPlanner computes for it from
 * the constraint provider (full score calculation before and after), under the same weights.
 */
class GreedyRosterParityTest {

    private static final int MOVES = 200;

    @Test
    void theGreedysMarginalValueOfAMoveIsTheSoftScoreChangeOfTheConstraints() {
        checkParity(new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(5),
                distinctWeights()), new Random(42));
    }

    /**
     * Replanning one agent's two contract weeks as a whole ({@link GreedyRoster#replanWeeks}) changes the soft score by
     * exactly the gain it reports (it keeps only gains) and breaks no hard rule, agent after agent.
     */
    @Test
    void replanningAnAgentsWeeksChangesTheScoreByTheGainItReports() {
        RosterSolution problem = thirtyAgentsWithLeave();
        RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        GreedyRoster greedy = greedyRosterOn(problem);
        HardSoftLongScore before = scorer.score(problem);
        int replanned = 0;
        for (AgentState state : greedy.agentStates()) {
            long gain = greedy.replanWeeks(state, 0, 1);
            greedy.currentPlan().forEach(AgentDay::setShift);
            HardSoftLongScore after = scorer.score(problem);
            assertThat(after.softScore() - before.softScore()).as(state.agent.getEmployeeNo()).isEqualTo(gain);
            assertThat(after.hardScore()).as(state.agent.getEmployeeNo()).isGreaterThanOrEqualTo(before.hardScore());
            replanned += gain > 0 ? 1 : 0;
            before = after;
        }
        assertThat(replanned).as("agents whose weeks improved").isGreaterThan(3);
    }

    /**
     * Replanning a group of agents' two contract weeks together ({@link GreedyRoster#replanGroup}) changes the soft
     * score by exactly the gain it reports (nothing when it restores the group) and breaks no hard rule; and once
     * every agent's weeks are the best answer to everyone else's, groups still find gains.
     */
    @Test
    void replanningAGroupChangesTheScoreByTheGainItReportsAndGainsWhereSingleAgentsCannot() {
        RosterSolution problem = thirtyAgentsWithLeave();
        RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        GreedyRoster greedy = greedyRosterOn(problem);
        List<AgentState> agents = greedy.agentStates();
        long singleGain = 1;
        for (int pass = 0; pass < 50 && singleGain > 0; pass++) {
            singleGain = 0;
            for (AgentState state : agents) {
                singleGain += greedy.replanWeeks(state, 0, 1);
            }
        }
        assertThat(singleGain).as("single agents' replanning has converged").isZero();
        greedy.currentPlan().forEach(AgentDay::setShift);
        HardSoftLongScore before = scorer.score(problem);
        Random random = new Random(3);
        int improved = 0;
        for (int tries = 0; tries < 300; tries++) {
            List<AgentState> group = randomGroup(agents, random);
            long gain = greedy.replanGroup(group, 0, 1);
            greedy.currentPlan().forEach(AgentDay::setShift);
            HardSoftLongScore after = scorer.score(problem);
            assertThat(after.softScore() - before.softScore()).as("try %d", tries).isEqualTo(Math.max(0, gain));
            assertThat(after.hardScore()).as("try %d", tries).isGreaterThanOrEqualTo(before.hardScore());
            improved += gain > 0 ? 1 : 0;
            before = after;
        }
        assertThat(improved).as("groups that improved the roster").isGreaterThan(0);
    }

    /**
     * Valuing coverage alone ({@link GreedyRoster#valuingCoverageAlone}, the group replanning's coverage rounds), a
     * group's gain is exactly the fall of the coverage objective, no hard rule breaks, and some of those gains cost
     * the weighted objective more than they save: the preferences, fairness and start times are not valued.
     */
    @Test
    void valuingCoverageAloneAGroupsGainIsTheFallOfTheCoverageObjective() {
        RosterSolution problem = thirtyAgentsWithLeave();
        RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        greedyRosterOn(problem);
        GreedyRoster coverage = GreedyRoster.valuingCoverageAlone(problem, new Random(0));
        coverage.adoptWorkingShifts();
        List<AgentState> agents = coverage.agentStates();
        HardSoftLongScore before = scorer.score(problem);
        long objectiveBefore = CoverageBound.objectiveOf(problem);
        Random random = new Random(5);
        int improved = 0;
        int weightedWorse = 0;
        for (int tries = 0; tries < 300; tries++) {
            long gain = coverage.replanGroup(randomGroup(agents, random), 0, 1);
            coverage.currentPlan().forEach(AgentDay::setShift);
            HardSoftLongScore after = scorer.score(problem);
            long objectiveAfter = CoverageBound.objectiveOf(problem);
            assertThat(objectiveBefore - objectiveAfter).as("try %d", tries).isEqualTo(Math.max(0, gain));
            assertThat(after.hardScore()).as("try %d", tries).isGreaterThanOrEqualTo(before.hardScore());
            improved += gain > 0 ? 1 : 0;
            weightedWorse += gain > 0 && after.softScore() < before.softScore() ? 1 : 0;
            before = after;
            objectiveBefore = objectiveAfter;
        }
        assertThat(improved).as("groups that lowered the coverage objective").isGreaterThan(10);
        assertThat(weightedWorse).as("of them, groups that raised the weighted objective").isGreaterThan(0);
    }

    /**
     * A second pass over a replanned group (each member replanned once more against the others' new plans) never ends
     * worse than one pass from the same roster, and sometimes better: it keeps a group one pass would restore, or adds
     * to its gain.
     */
    @Test
    void aSecondPassOverAGroupGainsAtLeastWhatOnePassGains() {
        RosterSolution problem = thirtyAgentsWithLeave();
        GreedyRoster greedy = greedyRosterOn(problem);
        List<AgentState> agents = greedy.agentStates();
        Random random = new Random(11);
        int better = 0;
        for (int tries = 0; tries < 200; tries++) {
            List<AgentState> group = randomGroup(agents, random);
            Map<AgentDay, ShiftOption> before = greedy.currentPlan();
            long onePass = greedy.replanGroup(group, 0, 1, 1);
            before.forEach(greedy::apply);
            assertThat(greedy.currentPlan()).isEqualTo(before);
            long twoPasses = greedy.replanGroup(group, 0, 1, 2);
            assertThat(twoPasses).as("try %d", tries).isGreaterThanOrEqualTo(onePass);
            better += twoPasses > onePass ? 1 : 0;
        }
        assertThat(better).as("tries the second pass made better").isGreaterThan(0);
    }

    /** 2 to 5 distinct agents drawn from {@code agents}. */
    private static List<AgentState> randomGroup(List<AgentState> agents, Random random) {
        List<AgentState> group = new ArrayList<>();
        int size = 2 + random.nextInt(4);
        while (group.size() < size) {
            AgentState state = agents.get(random.nextInt(agents.size()));
            if (!group.contains(state)) {
                group.add(state);
            }
        }
        return group;
    }

    /** 30 agents, two contract weeks, 5% of agent-days on leave, {@link #distinctWeights()}. */
    private static RosterSolution thirtyAgentsWithLeave() {
        return new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(5)
                .withLeaveRate(0.05), distinctWeights());
    }

    /** The greedy roster, without polish, planned into {@code problem} and held by the returned plan. */
    private static GreedyRoster greedyRosterOn(RosterSolution problem) {
        GreedyRoster greedy = new GreedyRoster(problem, new Random(0), 0);
        greedy.plan(0, 0).forEach(AgentDay::setShift);
        return greedy;
    }

    /** Distinct weights, so that a term counted with the wrong weight (or not at all) shows. */
    private static RosterConstraintConfiguration distinctWeights() {
        RosterConstraintConfiguration weights = new RosterConstraintConfiguration();
        weights.setCoverageShortfall(HardSoftLongScore.ofSoft(7));
        weights.setOverstaffing(HardSoftLongScore.ofSoft(3));
        weights.setPreferredDayOff(HardSoftLongScore.ofSoft(11));
        weights.setShiftTimePreference(HardSoftLongScore.ofSoft(13));
        weights.setFairWeekendWork(HardSoftLongScore.ofSoft(5));
        weights.setFairLateShifts(HardSoftLongScore.ofSoft(2));
        weights.setStableStartTimes(HardSoftLongScore.ofSoft(17));
        weights.setTimeBankIdleDayOff(HardSoftLongScore.ofSoft(19));
        return weights;
    }

    @Test
    void parityHoldsUnderTheDefaultWeightsAndWithLeave() {
        checkParity(new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(25, 10).withSeed(9)
                .withLeaveRate(0.1)), new Random(7));
    }

    private static void checkParity(RosterSolution problem, Random random) {
        RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        GreedyRoster greedy = new GreedyRoster(problem, new Random(0), 0);
        greedy.plan(1, 0).forEach(AgentDay::setShift);
        // the generated instance must exercise every soft term, or the test proves less than it says
        assertThat(problem.getAgentDays()).anyMatch(AgentDay::isWorking);
        List<AgentDay> movable = problem.getAgentDays().stream().filter(d -> !d.isPinned()).toList();
        List<String> mismatches = new ArrayList<>();
        long before = scorer.score(problem).softScore();
        int nonZero = 0;
        for (int i = 0; i < MOVES; i++) {
            AgentDay agentDay = movable.get(random.nextInt(movable.size()));
            List<ShiftOption> options = agentDay.getAgent().getEligibleShiftOptions();
            ShiftOption shift = random.nextInt(4) == 0 || options.isEmpty() ? null
                    : options.get(random.nextInt(options.size()));
            long predicted = greedy.moveValue(agentDay, shift);
            ShiftOption old = agentDay.getShift();
            agentDay.setShift(shift);
            greedy.apply(agentDay, shift);
            long after = scorer.score(problem).softScore();
            if (after - before != predicted) {
                mismatches.add("%s day %d: %s -> %s predicted %d, constraints %d".formatted(
                        agentDay.getAgent(), agentDay.getDayIndex(), old, shift, predicted, after - before));
            }
            nonZero += predicted != 0 ? 1 : 0;
            before = after;
        }
        assertThat(mismatches).isEmpty();
        assertThat(nonZero).as("moves that change the objective").isGreaterThan(MOVES / 2);
    }
}
