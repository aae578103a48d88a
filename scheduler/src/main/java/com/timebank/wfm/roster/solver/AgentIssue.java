package com.timebank.wfm.roster.solver;

import java.time.LocalDate;
import java.util.List;

/**
 * An agent whose inputs alone (contract, leave, time off, published shifts, skills) make a hard rule impossible
 * in a week. The solver cannot fix it, so it does not judge it: the agent is left with no shifts that week and the
 * planner is told why. {@code reason} is a message-bundle code, {@code args} its arguments.
 */
public record AgentIssue(String employeeNo, Rule rule, LocalDate weekStart, String reason, List<Object> args) {

    public enum Rule {
        WEEKLY_MINIMUM, WEEKLY_MAXIMUM, SKILL
    }

    public AgentIssue {
        args = List.copyOf(args);
    }
}
