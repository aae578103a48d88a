package com.timebank.wfm.roster.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A preference of an agent the roster does not grant on a day, so the planner (and the agent's lead) can see why:
 * a shift on a preferred day off, a late shift for an early-preferring agent (or the other way round), a shift of
 * another template than the preferred one. {@code shift} is the shift option worked.
 */
public record PreferenceMiss(String employeeNo, LocalDate date, Kind kind, String shift) {

    public enum Kind {
        DAY_OFF, SHIFT_TIME, SHIFT
    }

    /** Every preference the solution does not grant, by agent-day, in the solution's order. */
    public static List<PreferenceMiss> of(RosterSolution solution) {
        List<PreferenceMiss> out = new ArrayList<>();
        for (AgentDay day : solution.getAgentDays()) {
            if (!day.isWorking()) {
                continue;
            }
            Agent agent = day.getAgent();
            String no = agent.getEmployeeNo();
            if (agent.prefersDayOff(day.getDayOfWeek())) {
                out.add(new PreferenceMiss(no, day.getDate(), Kind.DAY_OFF, day.getShift().getId()));
            }
            if (agent.getShiftTimePreference().isViolatedBy(day.getShift())) {
                out.add(new PreferenceMiss(no, day.getDate(), Kind.SHIFT_TIME, day.getShift().getId()));
            }
            if (agent.isPreferredShiftMissedBy(day.getShift())) {
                out.add(new PreferenceMiss(no, day.getDate(), Kind.SHIFT, day.getShift().getId()));
            }
        }
        return out;
    }
}
