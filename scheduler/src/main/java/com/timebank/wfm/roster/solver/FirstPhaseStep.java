package com.timebank.wfm.roster.solver;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * One step of the solver's first (custom) phase: {@link RosterInitializer}, {@link RosterImprovement},
 * {@link GuidedConstruction}, {@link PartitionCoordination}, {@link WeekReplanning}, {@link GroupReplanning}.
 * OptaPlanner hands every custom property of a phase to each of its commands and refuses a property a command has no
 * setter for, so the properties live here once, for all steps.
 */
public abstract class FirstPhaseStep implements CustomPhaseCommand<RosterSolution> {

    private long budgetMillis = GreedyRoster.DEFAULT_BUDGET_MILLIS;
    private boolean proportional = true;
    private long timeLimitMillis = Long.MAX_VALUE;
    private int partitionThresholdAgents = PartitionedRoster.DEFAULT_THRESHOLD_AGENTS;
    private int partitionAgents = PartitionedRoster.DEFAULT_PARTITION_AGENTS;
    private long boundLimitMillis;

    /** The cap of a polish step's time, so that a short solve is not spent in the first phase. */
    public void setBudgetMillis(String millis) {
        this.budgetMillis = Math.max(0, Long.parseLong(millis));
    }

    /**
     * {@code false}: the whole {@code budgetMillis} is only a cap and the polish steps stop on their own pass and
     * iteration counts, so that their result does not depend on the machine's speed (reproducible solves).
     */
    public void setProportionalBudget(String proportional) {
        this.proportional = Boolean.parseBoolean(proportional);
    }

    /** The solve's time limit: the repeated steps ({@link RepeatedStep}) share a part of what is left of it. */
    public void setTimeLimitMillis(String millis) {
        this.timeLimitMillis = Math.max(0, Long.parseLong(millis));
    }

    /** Above this many agents the roster is constructed and polished partition by partition ({@link PartitionedRoster}). */
    public void setPartitionThresholdAgents(String agents) {
        this.partitionThresholdAgents = Integer.parseInt(agents);
    }

    /** The largest partition. */
    public void setPartitionAgents(String agents) {
        this.partitionAgents = Integer.parseInt(agents);
    }

    /** The longest {@link GuidedConstruction} waits for the bound's mix (or computes it); 0: no guidance. */
    public void setBoundLimitMillis(String millis) {
        this.boundLimitMillis = Math.max(0, Long.parseLong(millis));
    }

    long budgetMillis() {
        return budgetMillis;
    }

    boolean proportional() {
        return proportional;
    }

    long timeLimitMillis() {
        return timeLimitMillis;
    }

    int partitionAgents() {
        return partitionAgents;
    }

    long boundLimitMillis() {
        return boundLimitMillis;
    }

    /** Whether this center is constructed and polished in partitions. */
    boolean plannedInPartitions(RosterSolution solution) {
        return solution.getAgents().size() > partitionThresholdAgents;
    }

    /** What is left of the solve: its time limit or its deadline (the planner's limit, or a stop), the earlier. */
    long millisLeft(RosterSolution solution) {
        return Math.min(Math.max(0, timeLimitMillis - solution.millisSinceConstruction()),
                solution.getSolveDeadline().millisLeft(Long.MAX_VALUE));
    }

    /** The score of the working solution as it is now (the score director's incremental calculation). */
    @SuppressWarnings("unchecked")
    static HardSoftLongScore scoreOf(ScoreDirector<RosterSolution> scoreDirector) {
        return ((InnerScoreDirector<RosterSolution, HardSoftLongScore>) scoreDirector).calculateScore();
    }

    /**
     * A polish step's time for this instance: proportional to its agent-days ({@link GreedyRoster#budgetFor}) within
     * the cap, or the whole cap when the step stops on its counts.
     */
    long polishBudgetMillis(RosterSolution solution) {
        return proportional ? GreedyRoster.budgetFor(solution, budgetMillis) : budgetMillis;
    }
}
