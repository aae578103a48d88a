package com.timebank.wfm.org;

/**
 * An agent's identity with their team and center, without the profile (name, contract, skills): what a read that only
 * checks scope and the center's calendar (the balance) needs, in one query.
 */
public record AgentRef(long id, String employeeNo, long teamId, Center center) {
}
