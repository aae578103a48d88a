package com.timebank.wfm.roster.solver;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/** Gives one agent-day another shift, or a day off ({@code toShift == null}). */
public final class ChangeShiftMove extends AbstractMove<RosterSolution> {

    private final AgentDay agentDay;
    private final ShiftOption toShift;

    public ChangeShiftMove(AgentDay agentDay, ShiftOption toShift) {
        this.agentDay = agentDay;
        this.toShift = toShift;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<RosterSolution> scoreDirector) {
        return !agentDay.isPinned() && !Objects.equals(agentDay.getShift(), toShift)
                && (toShift == null || agentDay.getAgent().isEligibleFor(toShift));
    }

    @Override
    protected ChangeShiftMove createUndoMove(ScoreDirector<RosterSolution> scoreDirector) {
        return new ChangeShiftMove(agentDay, agentDay.getShift());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<RosterSolution> scoreDirector) {
        scoreDirector.beforeVariableChanged(agentDay, AgentDay.SHIFT_VARIABLE);
        agentDay.setShift(toShift);
        scoreDirector.afterVariableChanged(agentDay, AgentDay.SHIFT_VARIABLE);
    }

    @Override
    public ChangeShiftMove rebase(ScoreDirector<RosterSolution> destinationScoreDirector) {
        return new ChangeShiftMove(destinationScoreDirector.lookUpWorkingObject(agentDay),
                toShift == null ? null : destinationScoreDirector.lookUpWorkingObject(toShift));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(agentDay);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return Collections.singletonList(toShift);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeShiftMove other && agentDay == other.agentDay && toShift == other.toShift;
    }

    @Override
    public int hashCode() {
        return Objects.hash(agentDay, toShift);
    }

    @Override
    public String toString() {
        return agentDay.getId() + " {" + agentDay.getShift() + " -> " + (toShift == null ? "OFF" : toShift) + "}";
    }
}
