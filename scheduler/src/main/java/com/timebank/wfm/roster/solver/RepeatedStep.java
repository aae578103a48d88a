package com.timebank.wfm.roster.solver;

import java.time.Duration;

import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * A first-phase step the phase lists several times ({@link RosterSolver#firstPhaseSteps}), one round each, so that each
 * round's roster is published as the best so far and a stop is honoured between rounds (and within one, through the
 * {@link SolveDeadline}). The rounds share one budget, fixed when the first starts, together with how many of the
 * listed rounds it is split into ({@link #plannedRounds}); they end at that count, at the budget's end, or when a round
 * says so (it gained too little). OptaPlanner makes one instance per listing, so the
 * rounds' state lives on the working solution. Only a roster constructed in this solve is worked on; a warm start is
 * left to local search.
 */
public abstract class RepeatedStep extends FirstPhaseStep {

    /** The share of the time left the rounds may use; local search has the rest. */
    static final double TIME_SHARE = 0.9;

    private final int rounds;

    protected RepeatedStep(int rounds) {
        this.rounds = rounds;
    }

    /** Rounds planned and done, whether a round ended them, and when they have to end. */
    static final class Rounds {
        private final SolveDeadline end = new SolveDeadline();
        private int planned;
        private int done;
        private boolean ended;
    }

    @Override
    public final void changeWorkingSolution(ScoreDirector<RosterSolution> scoreDirector) {
        RosterSolution solution = scoreDirector.getWorkingSolution();
        if (!solution.isConstructedHere() || !appliesTo(solution)) {
            return;
        }
        Rounds state = solution.repeatedStepRounds().computeIfAbsent(getClass(), step -> new Rounds());
        if (state.done == 0) {
            long budget = budgetMillis(solution);
            state.end.endIn(Duration.ofMillis(budget));
            state.planned = Math.min(rounds, plannedRounds(budget));
        }
        if (state.ended || state.done >= state.planned) {
            return;
        }
        boolean last = round(scoreDirector, solution, state.done, state.planned, state.end);
        state.done++;
        state.ended |= last;
    }

    /** Whether this step works on the solution at all. */
    boolean appliesTo(RosterSolution solution) {
        return true;
    }

    /** The time all rounds share, from the start of the first. */
    abstract long budgetMillis(RosterSolution solution);

    /** How many of the listed rounds the budget is split into: all of them unless a step says otherwise. */
    int plannedRounds(long budgetMillis) {
        return rounds;
    }

    /**
     * {@link #TIME_SHARE} of the time left, at least a polish's budget; a reproducible solve (no proportional budget)
     * keeps the polish's cap and stops on its round count.
     */
    long shareOfTimeLeftMillis(RosterSolution solution) {
        if (!proportional()) {
            return polishBudgetMillis(solution);
        }
        return Math.max(polishBudgetMillis(solution), (long) (millisLeft(solution) * TIME_SHARE));
    }

    /**
     * Round {@code round} (from 0) of {@code rounds} ({@link #plannedRounds}), within {@code end} (the rounds' share;
     * the solve's own end is on the solution); returns whether the rounds should end here.
     */
    abstract boolean round(ScoreDirector<RosterSolution> scoreDirector, RosterSolution solution, int round, int rounds,
            SolveDeadline end);
}
