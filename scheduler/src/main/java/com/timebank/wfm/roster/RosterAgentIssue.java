package com.timebank.wfm.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * An agent a roster leaves without shifts in a week because the agent's inputs alone make a hard rule impossible,
 * or who lacks the roster's queue skill. {@code rule}: WEEKLY_MINIMUM, WEEKLY_MAXIMUM or SKILL; {@code reason} is
 * a message code with its {@code args}.
 */
public record RosterAgentIssue(String employeeNo, String rule, LocalDate weekStart, String reason, List<Object> args) {

    public RosterAgentIssue {
        args = List.copyOf(args);
    }
}
