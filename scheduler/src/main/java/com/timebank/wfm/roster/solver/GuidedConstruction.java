package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the plain greedy roster ({@link RosterInitializer}, reported at once as the first best solution) and its
 * polish ({@link RosterImprovement}): builds the roster again, aiming at the coverage bound's start-time mix
 * ({@link ShiftMix}, {@link GreedyRoster#aimAt}), polishes it the same way, and keeps whichever of the two scores
 * better.
 * <p>
 * Why: the plain greedy gives each agent in turn the shift that helps most with the coverage left at that moment, so
 * flexible agents take long shifts and the day's mix of starts and lengths drifts from the best one; hill climbing
 * cannot undo that (a long shift becomes two short ones only through a worse roster in between). The LP knows the
 * mix that covers each day best. Measured on the 100-agent standard instance (construction, then the same polish of
 * 50 passes and 20,000 ruin-and-recreate iterations): coverage objective 13.5% above the bound from the plain roster,
 * 9.6% from the guided one (center weights; equal under the coverage-first weights).
 * <p>
 * The mix is the solution's ({@link RosterSolution#getShiftMix()}) when the caller offers it (waiting for it at most
 * {@code boundLimitMillis}: the bound computed on its own thread next to the solve); otherwise the bound is computed
 * here within that limit; 0: no guidance. This comes after the plain polish, so waiting for the LP never delays the
 * first roster nor its polish. A warm start is left alone; a center planned in partitions is constructed again
 * partition by partition, before its polish ({@code constructInPartitions}).
 */
public class GuidedConstruction extends FirstPhaseStep {

    private static final Logger log = LoggerFactory.getLogger(GuidedConstruction.class);

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> scoreDirector) {
        RosterSolution solution = scoreDirector.getWorkingSolution();
        if (!solution.isConstructedHere()) {
            return;
        }
        long start = System.nanoTime();
        // a mix offered is the LP of the roster's own bound, computed on the bound thread next to the solve
        String source = solution.getShiftMix() != null ? "the roster's bound's mix" : "its own LP's mix";
        ShiftMix mix = mixOf(solution);
        long waited = (System.nanoTime() - start) / 1_000_000;
        if (mix == null) {
            log.info("Guided construction: no start-time mix within {} ms, the plain roster stays", waited);
            return;
        }
        HardSoftLongScore plainScore = scoreOf(scoreDirector);
        Map<AgentDay, ShiftOption> plain = new HashMap<>();
        solution.getAgentDays().stream().filter(day -> !day.isPinned()).forEach(day -> plain.put(day, day.getShift()));
        if (plannedInPartitions(solution)) {
            constructInPartitions(scoreDirector, solution, mix, plainScore, plain);
            return;
        }
        // the greedy reads only pinned days from the solution, so the plain roster in it does not matter
        Map<AgentDay, ShiftOption> guided = new GreedyRoster(solution, new Random(0), polishBudgetMillis(solution))
                .aimAt(mix).plan();
        RosterInitializer.apply(scoreDirector, guided);
        HardSoftLongScore guidedScore = scoreOf(scoreDirector);
        boolean keep = guidedScore.compareTo(plainScore) > 0;
        if (!keep) {
            RosterInitializer.apply(scoreDirector, plain);
        }
        log.info("Guided construction: {} after {} ms; guided {} against plain {}, {}", source, waited, guidedScore,
                plainScore, keep ? "kept" : "dropped");
    }

    /**
     * A center planned in partitions: construction again, each partition aiming at its share of the mix
     * ({@link ShiftMix#shareOf}), compared with the plain construction before either is polished (the coordination
     * rounds, {@link PartitionCoordination}, polish the one kept). Both are scored in one pass each. An agent the
     * guided construction leaves below a weekly minimum keeps its plain plan.
     */
    private void constructInPartitions(ScoreDirector<RosterSolution> scoreDirector, RosterSolution solution,
            ShiftMix mix, HardSoftLongScore plainScore, Map<AgentDay, ShiftOption> plain) {
        long started = System.nanoTime();
        plain.keySet().forEach(day -> day.setShift(null));
        Set<Agent> belowMinimum = Collections.newSetFromMap(new IdentityHashMap<>());
        belowMinimum.addAll(PartitionedRoster.construct(solution,
                PartitionedRoster.partition(solution.getAgents(), partitionAgents()), mix,
                plan -> plan.forEach(AgentDay::setShift)));
        // hard rules are each agent's own: an agent the guided plan leaves below a weekly minimum keeps the plain plan
        plain.forEach((day, shift) -> {
            if (belowMinimum.contains(day.getAgent())) {
                day.setShift(shift);
            }
        });
        RosterInitializer.rescore(scoreDirector);
        HardSoftLongScore guidedScore = scoreOf(scoreDirector);
        boolean keep = guidedScore.compareTo(plainScore) > 0;
        if (!keep) {
            plain.forEach(AgentDay::setShift);
            RosterInitializer.rescore(scoreDirector);
        }
        log.info("Guided construction in partitions: guided {} against plain {}, {} in {} ms", guidedScore, plainScore,
                keep ? "kept" : "dropped", (System.nanoTime() - started) / 1_000_000);
    }

    /** The solution's mix, waiting for it at most the limit; or, when none is offered, the LP's within the limit. */
    private ShiftMix mixOf(RosterSolution solution) {
        long limit = solution.getSolveDeadline().millisLeft(boundLimitMillis());
        if (limit <= 0) {
            return null;
        }
        CompletableFuture<ShiftMix> offered = solution.getShiftMix();
        if (offered != null) {
            try {
                // in slices, so that a stop while waiting ends the wait
                long until = System.nanoTime() + limit * 1_000_000;
                while (true) {
                    long slice = Math.min(solution.getSolveDeadline().millisLeft(200),
                            (until - System.nanoTime()) / 1_000_000);
                    if (slice <= 0) {
                        return offered.getNow(null);
                    }
                    try {
                        return offered.get(slice, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // not yet: wait for the next slice
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | CompletionException | CancellationException e) {
                return null;
            }
        }
        CoverageBound.Result bound = CoverageBound.of(solution, Duration.ofMillis(limit));
        return bound.available() ? bound.mix() : null;
    }
}
