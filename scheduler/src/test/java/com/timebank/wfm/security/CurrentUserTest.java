package com.timebank.wfm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CurrentUserTest {

    private static CurrentUser user(Role role, Long agentId, Long agentCenter, Long agentTeam, Set<Long> centers,
            Set<Long> teams, Set<Long> teamCenters) {
        return new CurrentUser(1, "u", role, agentId, agentId == null ? null : "E" + agentId, agentCenter, agentTeam,
                centers, teams, teamCenters);
    }

    @Test
    void agentSeesOnlyOwnRecordsAndCenter() {
        CurrentUser agent = user(Role.AGENT, 7L, 1L, 10L, Set.of(), Set.of(), Set.of());
        assertThat(agent.seesAgent(7, 1, 10)).isTrue();
        assertThat(agent.seesAgent(8, 1, 10)).isFalse();
        assertThat(agent.seesCenter(1)).isTrue();
        assertThat(agent.seesCenter(2)).isFalse();
        assertThat(agent.plansCenter(1)).isFalse();
        assertThat(agent.leadsAgent(1, 10)).isFalse();
    }

    @Test
    void leadReachesOwnTeamsAndReadsTheirCenters() {
        CurrentUser lead = user(Role.TEAM_LEAD, null, null, null, Set.of(), Set.of(10L), Set.of(1L));
        assertThat(lead.seesAgent(8, 1, 10)).isTrue();
        assertThat(lead.seesAgent(9, 1, 11)).isFalse();
        assertThat(lead.leadsAgent(1, 10)).isTrue();
        assertThat(lead.leadsAgent(1, 11)).isFalse();
        assertThat(lead.seesCenter(1)).isTrue();
        assertThat(lead.plansCenter(1)).isFalse();
    }

    @Test
    void plannerReachesOwnCentersAndAdminEverything() {
        CurrentUser planner = user(Role.PLANNER, null, null, null, Set.of(1L), Set.of(), Set.of());
        assertThat(planner.seesAgent(8, 1, 99)).isTrue();
        assertThat(planner.seesAgent(8, 2, 99)).isFalse();
        assertThat(planner.plansCenter(1)).isTrue();
        assertThat(planner.plansCenter(2)).isFalse();
        CurrentUser admin = user(Role.ADMIN, null, null, null, Set.of(), Set.of(), Set.of());
        assertThat(admin.seesAgent(8, 2, 99)).isTrue();
        assertThat(admin.plansCenter(2)).isTrue();
    }
}
