package com.timebank.wfm.org;

/**
 * Published when an admin moves an agent to another team of the center, inside the same transaction: capabilities
 * that keep the agent's team beside their own records (time-off requests) move them along, so that the new team's
 * lead reaches them and the former lead no longer does.
 */
public record AgentMoved(long agentId, long fromTeamId, long toTeamId) {
}
