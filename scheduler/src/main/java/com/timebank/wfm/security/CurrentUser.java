package com.timebank.wfm.security;

import java.util.Set;

/**
 * The signed-in user with role and scope. Services decide with it; a record outside the scope is reported as
 * missing (404), so its existence does not leak.
 */
public record CurrentUser(
        long id,
        String username,
        Role role,
        Long agentId,
        String employeeNo,
        Long agentCenterId,
        Long agentTeamId,
        Set<Long> centerIds,
        Set<Long> teamIds,
        Set<Long> teamCenterIds) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** May read the center's own data (settings, quotas, calendars). */
    public boolean seesCenter(long centerId) {
        return switch (role) {
            case ADMIN -> true;
            case PLANNER -> centerIds.contains(centerId);
            case TEAM_LEAD -> teamCenterIds.contains(centerId);
            case AGENT -> agentCenterId != null && agentCenterId == centerId;
        };
    }

    /** May read the agent's records (profile, balance, statement, leave). */
    public boolean seesAgent(long agentId, long centerId, long teamId) {
        return switch (role) {
            case ADMIN -> true;
            case PLANNER -> centerIds.contains(centerId);
            case TEAM_LEAD -> teamIds.contains(teamId);
            case AGENT -> this.agentId != null && this.agentId == agentId;
        };
    }

    /** May see the team and its members. */
    public boolean seesTeam(long centerId, long teamId) {
        return switch (role) {
            case ADMIN -> true;
            case PLANNER -> centerIds.contains(centerId);
            case TEAM_LEAD -> teamIds.contains(teamId);
            case AGENT -> agentTeamId != null && agentTeamId == teamId;
        };
    }

    /** Planner's and admin's work on a center: forecasts, rosters, quotas, emergencies. */
    public boolean plansCenter(long centerId) {
        return role == Role.ADMIN || (role == Role.PLANNER && centerIds.contains(centerId));
    }

    /** A lead's work on an agent of own team; planners and admins may act for the whole center. */
    public boolean leadsAgent(long centerId, long teamId) {
        return plansCenter(centerId) || (role == Role.TEAM_LEAD && teamIds.contains(teamId));
    }

    /** The name written into ledger entries and audit events. */
    public String actor() {
        return "user:" + username;
    }
}
