package com.timebank.wfm.org;

import java.time.LocalDate;

/**
 * Published when an admin disables an agent, inside the same transaction: capabilities that plan the agent's future
 * (published shifts) let go of it from {@code from} on (the center's tomorrow: today's shift has begun or is close).
 */
public record AgentDisabled(long agentId, long centerId, String employeeNo, LocalDate from, String actor) {
}
