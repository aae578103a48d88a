package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Construction aimed at the coverage bound's start-time mix ({@link GreedyRoster#aimAt}, {@link GuidedConstruction}):
 * deterministic comparisons on one small generated instance (fixed seeds), not timed ones.
 */
class GuidedConstructionTest {

    private static RosterSolution problem;
    private static ShiftMix mix;

    @BeforeAll
    static void instanceAndItsMix() {
        problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(15, 7).withSeed(3));
        CoverageBound.Result bound = CoverageBound.of(problem, Duration.ofSeconds(60));
        assertThat(bound.available()).as(bound.state()).isTrue();
        mix = bound.mix();
    }

    /**
     * The one instance without shifts or mix (the mix's groups are its agents' option lists, so it is not rebuilt);
     * a solve works on a clone and leaves it as it is.
     */
    private static RosterSolution instance() {
        problem.getAgentDays().stream().filter(d -> !d.isPinned()).forEach(d -> d.setShift(null));
        problem.setShiftMix((CompletableFuture<ShiftMix>) null);
        return problem;
    }

    /** The coverage objective and score of a roster planned on the instance. */
    private static long[] plannedObjectiveAndSoftScore(Map<AgentDay, ShiftOption> plan, RosterSolver scorer) {
        plan.forEach(AgentDay::setShift);
        HardSoftLongScore score = scorer.score(problem);
        return new long[] {CoverageBound.objectiveOf(problem), score.softScore(), score.hardScore()};
    }

    @Test
    void theGuidedGreedyCoversBetterThanThePlainOneAndKeepsTheHardRules() {
        RosterSolver scorer = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)));
        long[] plain = plannedObjectiveAndSoftScore(new GreedyRoster(instance(), new Random(0), 0).plan(0, 0), scorer);
        long[] guided = plannedObjectiveAndSoftScore(
                new GreedyRoster(instance(), new Random(0), 0).aimAt(mix).plan(0, 0), scorer);

        assertThat(guided[2]).as("weekly minutes and maximum, rest, consecutive days").isZero();
        // measured: 10,665 against 11,564 (GLOP's mix)
        assertThat(guided[0]).isLessThan(plain[0]);
        assertThat(guided[1]).isGreaterThan(plain[1]);
    }

    @Test
    void theGuidedGreedyFollowsTheMix() {
        RosterSolution guided = instance();
        new GreedyRoster(guided, new Random(0), 0).aimAt(mix).plan(0, 0).forEach(AgentDay::setShift);
        double planned = 0;
        double off = 0;
        for (Map.Entry<List<ShiftOption>, double[][]> group : mix.groups().entrySet()) {
            double[][] counts = new double[guided.getHorizonDays()][group.getKey().size()];
            guided.getAgentDays().stream()
                    .filter(d -> d.getShift() != null && d.getAgent().getEligibleShiftOptions().equals(group.getKey()))
                    .forEach(d -> counts[d.getDayIndex()][group.getKey().indexOf(d.getShift())]++);
            for (int d = 0; d < counts.length; d++) {
                for (int o = 0; o < counts[d].length; o++) {
                    planned += group.getValue()[d][o];
                    off += Math.abs(counts[d][o] - group.getValue()[d][o]);
                }
            }
        }
        // rounding a fractional LP point: each planned shift may be off by a part of an agent, not by many shifts
        assertThat(off).isLessThan(planned);
    }

    @Test
    void theFirstPhaseKeepsTheGuidedRosterWhenItScoresBetter() {
        RosterSolution plain = firstPhase(instance(), "0");
        RosterSolution known = instance();
        known.setShiftMix(mix);
        RosterSolution guided = firstPhase(known, "5000");

        // both polished: measured -8,362 soft against -8,877
        assertThat(guided.getScore()).isGreaterThan(plain.getScore());
        assertThat(plain.getScore().hardScore()).isZero();
    }

    @Test
    void aMixThatArrivesDuringTheSolveIsAwaited() {
        RosterSolution known = instance();
        known.setShiftMix(mix);
        HardSoftLongScore guided = firstPhase(known, "5000").getScore();
        RosterSolution plain = firstPhase(instance(), "0");
        RosterSolution later = instance();
        CompletableFuture<ShiftMix> arriving = new CompletableFuture<>();
        later.setShiftMix(arriving);
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> arriving.complete(mix));

        assertThat(guided).isNotEqualTo(plain.getScore());
        assertThat(firstPhase(later, "20000").getScore()).isEqualTo(guided);
    }

    @Test
    void withoutAMixAndWithoutTimeForTheBoundThePlainRosterStays() {
        RosterSolution plain = firstPhase(instance(), "0");
        RosterSolution never = instance();
        never.setShiftMix(new CompletableFuture<>());

        assertThat(firstPhase(never, "100").getScore()).isEqualTo(plain.getScore());
    }

    /** Four teams of 15 agents over two weeks, three partitions of 20 agents. */
    private static RosterSolution fourTeams() {
        return new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(60, 14).withSeed(8));
    }

    @Test
    void eachPartitionsShareOfTheMixIsItsGroupsShareOfTheAgentsAndTheSharesAddUpToTheMix() {
        RosterSolution center = fourTeams();
        ShiftMix whole = CoverageBound.of(center, Duration.ofSeconds(60)).mix();
        List<List<Agent>> partitions = PartitionedRoster.partition(center.getAgents(), 20);
        List<ShiftMix> shares = partitions.stream().map(p -> whole.shareOf(p, center.getAgents())).toList();

        assertThat(partitions).hasSize(3);
        whole.groups().forEach((options, planned) -> {
            long inGroup = center.getAgents().stream().filter(a -> a.getEligibleShiftOptions().equals(options)).count();
            for (int p = 0; p < partitions.size(); p++) {
                long members = partitions.get(p).stream()
                        .filter(a -> a.getEligibleShiftOptions().equals(options)).count();
                double[][] share = shares.get(p).groups().get(options);
                for (int d = 0; d < planned.length; d++) {
                    for (int o = 0; o < planned[d].length; o++) {
                        assertThat(share[d][o]).isCloseTo(planned[d][o] * members / inGroup, within(1e-9));
                    }
                }
            }
            for (int d = 0; d < planned.length; d++) {
                for (int o = 0; o < planned[d].length; o++) {
                    int day = d;
                    int option = o;
                    assertThat(shares.stream().mapToDouble(m -> m.groups().get(options)[day][option]).sum())
                            .isCloseTo(planned[d][o], within(1e-9));
                }
            }
        });
    }

    @Test
    void aCenterPlannedInPartitionsIsConstructedAgainWithEachPartitionAimingAtItsShareOfTheMix() {
        Map<String, String> inPartitions = Map.of("partitionThresholdAgents", "59", "partitionAgents", "20");
        List<Class<? extends CustomPhaseCommand>> construction = List.of(RosterInitializer.class,
                GuidedConstruction.class);
        RosterSolution plain = firstPhase(fourTeams(), "0", construction, inPartitions);
        RosterSolution known = fourTeams();
        known.setShiftMix(CoverageBound.of(known, Duration.ofSeconds(60)).mix());
        RosterSolution guided = firstPhase(known, "5000", construction, inPartitions);

        // neither polished (measured: -137,941 soft against -237,518); an agent the guided construction leaves below a
        // weekly minimum would keep its plain plan
        assertThat(guided.getScore().hardScore()).isZero();
        assertThat(guided.getScore()).isGreaterThan(plain.getScore());
    }

    /** The first phase alone (plain roster, its polish, then the guided one), no local search; the polish stops on its
     * pass and iteration counts, not on time. */
    private static RosterSolution firstPhase(RosterSolution problem, String boundLimitMillis) {
        return firstPhase(problem, boundLimitMillis, List.of(RosterInitializer.class, RosterImprovement.class,
                GuidedConstruction.class), Map.of());
    }

    private static RosterSolution firstPhase(RosterSolution problem, String boundLimitMillis,
            List<Class<? extends CustomPhaseCommand>> steps, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(Map.of("boundLimitMillis", boundLimitMillis, "budgetMillis", "60000", "proportionalBudget", "false"));
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RosterSolution.class)
                .withEntityClasses(AgentDay.class)
                .withConstraintProviderClass(RosterConstraintProvider.class)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(steps).withCustomProperties(all));
        RosterSolution solved = SolverFactory.<RosterSolution>create(config).buildSolver().solve(problem);
        assertThat(solved.getScore()).isInstanceOf(HardSoftLongScore.class);
        return solved;
    }
}
