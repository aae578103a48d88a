package com.timebank.wfm.roster.solver;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Swaps the shifts (or day off) of two agent-days: two days of the same agent (moves a day off while keeping
 * the weekly minutes), or the same day of two agents (keeps the day's coverage).
 */
public final class SwapShiftsMove extends AbstractMove<RosterSolution> {

    private final AgentDay left;
    private final AgentDay right;

    public SwapShiftsMove(AgentDay left, AgentDay right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<RosterSolution> scoreDirector) {
        ShiftOption leftShift = left.getShift();
        ShiftOption rightShift = right.getShift();
        return left != right && !left.isPinned() && !right.isPinned() && !Objects.equals(leftShift, rightShift)
                && (rightShift == null || left.getAgent().isEligibleFor(rightShift))
                && (leftShift == null || right.getAgent().isEligibleFor(leftShift));
    }

    @Override
    protected SwapShiftsMove createUndoMove(ScoreDirector<RosterSolution> scoreDirector) {
        return new SwapShiftsMove(right, left);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<RosterSolution> scoreDirector) {
        ShiftOption leftShift = left.getShift();
        ShiftOption rightShift = right.getShift();
        scoreDirector.beforeVariableChanged(left, AgentDay.SHIFT_VARIABLE);
        left.setShift(rightShift);
        scoreDirector.afterVariableChanged(left, AgentDay.SHIFT_VARIABLE);
        scoreDirector.beforeVariableChanged(right, AgentDay.SHIFT_VARIABLE);
        right.setShift(leftShift);
        scoreDirector.afterVariableChanged(right, AgentDay.SHIFT_VARIABLE);
    }

    @Override
    public SwapShiftsMove rebase(ScoreDirector<RosterSolution> destinationScoreDirector) {
        return new SwapShiftsMove(destinationScoreDirector.lookUpWorkingObject(left),
                destinationScoreDirector.lookUpWorkingObject(right));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(left, right);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return Arrays.asList(left.getShift(), right.getShift());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwapShiftsMove other && left == other.left && right == other.right;
    }

    @Override
    public int hashCode() {
        return Objects.hash(left, right);
    }

    @Override
    public String toString() {
        return left.getId() + " <-> " + right.getId();
    }
}
