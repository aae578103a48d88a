package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last step of the first phase, after the guided construction: every agent's pairs of neighbouring contract weeks
 * replanned as a whole against everyone else's shifts ({@link GreedyRoster#replanWeeks}, {@link BestWeek}), pass after
 * pass while that gains, within the polish's time budget; the roster only improves and stays within the hard rules.
 * <p>
 * Why: hill climbing and ruin and recreate end in a roster where no single shift is better elsewhere, but several
 * shifts of one agent moved together still can be (a day off moved out of a peak week, a run of starts moved later
 * together to keep the rest), and local search cannot get there either: each step of such a move is worse on its own.
 * Measured with scripts/bench-roster (100 agents, 30 s, center weights): gap to the bound 33.3% → 31.1% on the
 * weekend-peak instance, 9.5% → 9.3% standard, tight unchanged. A skipped warm start and a center planned in
 * partitions are left to local search.
 */
public class WeekReplanning implements CustomPhaseCommand<RosterSolution> {

    private static final Logger log = LoggerFactory.getLogger(WeekReplanning.class);

    /** At most this many passes over all agents, so that a reproducible solve stops on a count, not the clock. */
    static final int MAX_PASSES = 5;

    private long budgetMillis = GreedyRoster.DEFAULT_BUDGET_MILLIS;
    private boolean proportional = true;
    private int partitionThresholdAgents = PartitionedRoster.DEFAULT_THRESHOLD_AGENTS;

    /** The cap of this step's time, as the polish's ({@link RosterImprovement#setBudgetMillis}). */
    public void setBudgetMillis(String millis) {
        this.budgetMillis = Math.max(0, Long.parseLong(millis));
    }

    /** As {@link RosterImprovement#setProportionalBudget}. */
    public void setProportionalBudget(String proportional) {
        this.proportional = Boolean.parseBoolean(proportional);
    }

    /** Above this many agents the first phase works in partitions, and this step is skipped. */
    public void setPartitionThresholdAgents(String agents) {
        this.partitionThresholdAgents = Integer.parseInt(agents);
    }

    /** Read by RosterImprovement. */
    public void setTimeLimitMillis(String millis) {
        // read by RosterImprovement
    }

    /** Read by RosterInitializer and RosterImprovement. */
    public void setPartitionAgents(String agents) {
        // read by RosterInitializer and RosterImprovement
    }

    /** Read by GuidedConstruction. */
    public void setBoundLimitMillis(String millis) {
        // read by GuidedConstruction
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> scoreDirector) {
        RosterSolution solution = scoreDirector.getWorkingSolution();
        if (!solution.isConstructedHere() || solution.getAgents().size() > partitionThresholdAgents) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + (proportional ? GreedyRoster.budgetFor(solution, budgetMillis) : budgetMillis)
                * 1_000_000;
        GreedyRoster greedy = new GreedyRoster(solution, new Random(2), 0);
        greedy.adoptWorkingShifts();
        int weeks = solution.getContractWeeks().count();
        List<AgentState> order = new ArrayList<>(greedy.agentStates());
        Random random = new Random(2);
        long total = 0;
        int passes = 0;
        pass:
        while (passes < MAX_PASSES && System.nanoTime() < deadline) {
            Collections.shuffle(order, random);
            long passGain = 0;
            for (AgentState state : order) {
                for (int week = 0; week < weeks; week++) {
                    if (System.nanoTime() >= deadline) {
                        total += passGain;
                        break pass;
                    }
                    passGain += weeks == 1 ? greedy.replanWeek(state, week)
                            : week + 1 < weeks ? greedy.replanWeeks(state, week, week + 1) : 0;
                }
            }
            total += passGain;
            passes++;
            if (passGain == 0) {
                break;
            }
        }
        RosterInitializer.apply(scoreDirector, greedy.currentPlan());
        log.info("Week replanning: {} passes, gain {} in {} ms", passes, total, (System.nanoTime() - started) / 1_000_000);
    }
}
