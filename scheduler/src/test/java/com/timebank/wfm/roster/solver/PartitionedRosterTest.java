package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

class PartitionedRosterTest {

    private final RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));

    @Test
    void everyAgentIsInExactlyOnePartitionAndTeamsStayWhole() {
        // the generator's teams of 15: 100 agents in 7 teams, partitions of at most 40 → 3 partitions
        List<Agent> agents = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(100, 7))
                .getAgents();

        List<List<Agent>> partitions = PartitionedRoster.partition(agents, 40);

        assertThat(partitions).hasSize(3);
        List<Agent> all = partitions.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(agents.size()).containsExactlyInAnyOrderElementsOf(agents);
        Map<String, Integer> partitionOfTeam = new HashMap<>();
        for (int p = 0; p < partitions.size(); p++) {
            for (Agent agent : partitions.get(p)) {
                Integer before = partitionOfTeam.putIfAbsent(agent.getTeam(), p);
                assertThat(before == null || before == p).as("team %s split", agent.getTeam()).isTrue();
            }
        }
        // balanced: whole teams of 15 dealt largest first into the smallest partition
        assertThat(partitions).allSatisfy(p -> assertThat(p.size()).isBetween(25, 40));
        assertThat(PartitionedRoster.partition(agents, 40)).isEqualTo(partitions);
    }

    @Test
    void agentsWithoutATeamAreDealtSoEveryPartitionGetsItsShareOfEachSkillSetAndContract() {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            Agent.Builder agent = Agent.builder(String.format("A%03d", i)).skills("general");
            if (i % 3 == 0) {
                agent.skills("billing");
            }
            agent.weeklyMinutes(i % 2 == 0 ? 2250 : 960, i % 2 == 0 ? 2400 : 1200);
            agents.add(agent.build());
        }

        List<List<Agent>> partitions = PartitionedRoster.partition(agents, 30);

        assertThat(partitions).hasSize(3).allSatisfy(p -> {
            assertThat(p).hasSize(30);
            assertThat(p.stream().filter(a -> a.hasSkill("billing")).count()).isEqualTo(10);
            assertThat(p.stream().filter(a -> a.getMinWeeklyMinutes() == 960).count()).isBetween(14L, 16L);
        });
    }

    @Test
    void aPartitionPlansAgainstTheRequirementTheOtherAgentsLeave() {
        // the marginal values of the partition's greedy must equal the soft score change of the whole roster, so its
        // residual is the requirement less the coverage of the agents outside the partition
        RosterSolution problem = new RosterInstanceGenerator()
                .generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(4));
        new GreedyRoster(problem, new Random(0), 0).plan(0, 0).forEach(AgentDay::setShift);
        Set<Agent> partition = Collections.newSetFromMap(new IdentityHashMap<>());
        partition.addAll(problem.getAgents().subList(0, 12));
        GreedyRoster greedy = new GreedyRoster(problem, new Random(0), 0, partition::contains);
        greedy.adoptWorkingShifts();
        List<AgentDay> movable = problem.getAgentDays().stream()
                .filter(d -> !d.isPinned() && partition.contains(d.getAgent())).toList();
        Random random = new Random(11);
        long before = scorer.score(problem).softScore();
        int coverageMoves = 0;
        for (int i = 0; i < 100; i++) {
            AgentDay agentDay = movable.get(random.nextInt(movable.size()));
            List<ShiftOption> options = agentDay.getAgent().getEligibleShiftOptions();
            ShiftOption shift = random.nextInt(4) == 0 ? null : options.get(random.nextInt(options.size()));
            long predicted = greedy.moveValue(agentDay, shift);
            agentDay.setShift(shift);
            greedy.apply(agentDay, shift);
            long after = scorer.score(problem).softScore();
            assertThat(predicted).as("move %d: %s", i, agentDay).isEqualTo(after - before);
            coverageMoves += predicted != 0 ? 1 : 0;
            before = after;
        }
        assertThat(coverageMoves).isGreaterThan(50);
    }

    @Test
    void theAgentsOutsideThePartitionKeepTheirShifts() {
        RosterSolution problem = new RosterInstanceGenerator()
                .generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(4));
        new GreedyRoster(problem, new Random(0), 0).plan(0, 0).forEach(AgentDay::setShift);
        Set<Agent> partition = Collections.newSetFromMap(new IdentityHashMap<>());
        partition.addAll(problem.getAgents().subList(0, 12));

        GreedyRoster greedy = new GreedyRoster(problem, new Random(0), 100, partition::contains);
        greedy.adoptWorkingShifts();
        Map<AgentDay, ShiftOption> plan = greedy.polish();

        assertThat(plan).isNotEmpty();
        assertThat(plan.keySet()).allSatisfy(day -> assertThat(partition).contains(day.getAgent()));
    }

    @Test
    void aRosterConstructedAndPolishedInPartitionsIsFeasibleAndPolishingHelps() {
        RosterSolution problem = new RosterInstanceGenerator()
                .generate(RosterInstanceGenerator.Spec.of(90, 14).withSeed(6));
        List<List<Agent>> partitions = PartitionedRoster.partition(problem.getAgents(), 30);

        PartitionedRoster.construct(problem, partitions, null, plan -> plan.forEach(AgentDay::setShift));
        HardSoftLongScore constructed = scorer.score(problem);
        PartitionedRoster.polish(problem, partitions, 200, plan -> plan.forEach(AgentDay::setShift));
        HardSoftLongScore polished = scorer.score(problem);

        assertThat(partitions).hasSize(3);
        assertThat(constructed.isFeasible()).as("score %s", constructed).isTrue();
        assertThat(polished.isFeasible()).as("score %s", polished).isTrue();
        assertThat(polished).isGreaterThan(constructed);
        for (List<Agent> partition : partitions) {
            assertThat(problem.getAgentDays()).filteredOn(d -> partition.contains(d.getAgent()))
                    .anyMatch(AgentDay::isWorking);
        }
    }

    @Test
    void aSolveAboveTheThresholdIsConstructedInPartitionsAndAtTheThresholdAsAWhole() {
        RosterInstanceGenerator.Spec spec = RosterInstanceGenerator.Spec.of(60, 14).withSeed(8);
        RosterSolver.Settings settings = RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(3));
        RosterSolution inPartitions = new RosterInstanceGenerator().generate(spec);
        PartitionedRoster.construct(inPartitions, PartitionedRoster.partition(inPartitions.getAgents(), 20), null,
                plan -> plan.forEach(AgentDay::setShift));
        RosterSolution asAWhole = new RosterInstanceGenerator().generate(spec);
        new GreedyRoster(asAWhole, new Random(0), 0).plan(0, 0).forEach(AgentDay::setShift);

        for (int threshold : new int[] {59, 60}) {
            List<RosterSolution> bestSolutions = new ArrayList<>();
            RosterSolution roster = new RosterSolver(settings.withPartitions(threshold, 20))
                    .solve(new RosterInstanceGenerator().generate(spec), bestSolutions::add);

            assertThat(roster.getScore().isFeasible()).as("score %s", roster.getScore()).isTrue();
            assertThat(roster.getAgentDays()).hasSize(60 * 14);
            assertThat(scorer.explain(roster).getScore()).isEqualTo(roster.getScore());
            // the first best solution is the construction: in partitions above the threshold, as a whole at it
            assertThat(shifts(bestSolutions.get(0))).isEqualTo(shifts(threshold < 60 ? inPartitions : asAWhole));
        }
        assertThat(shifts(inPartitions)).isNotEqualTo(shifts(asAWhole));
    }

    @Test
    void eachCoordinationRoundIsPublishedAsItEndsAndNoneMakesTheRosterWorse() {
        RosterSolution problem = new RosterInstanceGenerator()
                .generate(RosterInstanceGenerator.Spec.of(90, 14).withSeed(6));
        List<Class<? extends CustomPhaseCommand>> steps = new ArrayList<>(List.of(RosterInitializer.class));
        for (int round = 0; round < PartitionCoordination.ROUNDS; round++) {
            steps.add(PartitionCoordination.class);
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RosterSolution.class)
                .withEntityClasses(AgentDay.class)
                .withConstraintProviderClass(RosterConstraintProvider.class)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(steps)
                        .withCustomProperties(Map.of("partitionThresholdAgents", "60", "partitionAgents", "30",
                                "budgetMillis", "150", "timeLimitMillis", "20000")));
        Solver<RosterSolution> solver = SolverFactory.<RosterSolution>create(config).buildSolver();
        List<HardSoftLongScore> published = new ArrayList<>();
        solver.addEventListener(event -> published.add(event.getNewBestSolution().getScore()));

        RosterSolution roster = solver.solve(problem);

        // the construction, then at least the first round on its own
        assertThat(published).hasSizeGreaterThanOrEqualTo(2);
        assertThat(published).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(published.get(0).isFeasible()).isTrue();
        assertThat(roster.getScore()).isEqualTo(published.get(published.size() - 1));
        assertThat(scorer.explain(roster).getScore()).isEqualTo(roster.getScore());
    }

    private static List<String> shifts(RosterSolution roster) {
        return roster.getAgentDays().stream().map(AgentDay::toString).toList();
    }
}
