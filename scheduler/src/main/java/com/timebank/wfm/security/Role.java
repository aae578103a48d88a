package com.timebank.wfm.security;

/** What a user comes to do; scope (centers, teams or the agent they are) narrows it to records. */
public enum Role {
    AGENT, TEAM_LEAD, PLANNER, ADMIN
}
