package com.timebank.wfm.roster.solver;

import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Second step of the first phase: the greedy roster {@link RosterInitializer} just built is improved by hill
 * climbing and ruin and recreate in plain arrays ({@link GreedyRoster#polish}). A separate step, so that the
 * constructed roster is reported as the first best solution before this runs. The time budget is proportional to
 * the instance ({@link GreedyRoster#budgetFor}), capped by the configured {@code budgetMillis}. A warm start is
 * left to local search.
 */
public class RosterImprovement implements CustomPhaseCommand<RosterSolution> {

    private long budgetMillis = GreedyRoster.DEFAULT_BUDGET_MILLIS;
    private boolean proportional = true;

    /** Set through the phase's custom properties, so that a short solve is not spent in this phase. */
    public void setBudgetMillis(String millis) {
        this.budgetMillis = Math.max(0, Long.parseLong(millis));
    }

    /**
     * {@code false}: the whole {@code budgetMillis} is only a cap and the polish stops on its own pass and iteration
     * counts, so that its result does not depend on the machine's speed (reproducible solves).
     */
    public void setProportionalBudget(String proportional) {
        this.proportional = Boolean.parseBoolean(proportional);
    }

    /** Read by GuidedConstruction, like the budget. */
    public void setBoundLimitMillis(String millis) {
        // read by GuidedConstruction
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> scoreDirector) {
        RosterSolution solution = scoreDirector.getWorkingSolution();
        if (!solution.isConstructedHere()) {
            return;
        }
        GreedyRoster greedy = new GreedyRoster(solution, new Random(0),
                proportional ? GreedyRoster.budgetFor(solution, budgetMillis) : budgetMillis);
        greedy.adoptWorkingShifts();
        RosterInitializer.apply(scoreDirector, greedy.polish());
    }
}
