package com.timebank.wfm.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** Outside your scope is answered exactly like a record that does not exist. */
@IntegrationTest
class ScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;

    Center center;
    Center otherCenter;
    Team team;
    Team otherTeam;
    Agent agent;
    Agent teammate;
    Agent otherTeamAgent;
    Agent otherCenterAgent;

    @BeforeEach
    void organisation() {
        center = org.center();
        otherCenter = org.center();
        team = org.team(center);
        otherTeam = org.team(center);
        agent = org.agent(team);
        teammate = org.agent(team);
        otherTeamAgent = org.agent(otherTeam);
        otherCenterAgent = org.agent(org.team(otherCenter));
    }

    private ResultActions getAs(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, Org.PASSWORD)));
    }

    @Test
    void anAgentSeesOnlyThemselves() throws Exception {
        String me = org.agentUser(agent);
        getAs(me, "/api/agents/" + agent.employeeNo()).andExpect(status().isOk());
        getAs(me, "/api/agents/" + teammate.employeeNo())
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Agent " + teammate.employeeNo() + " not found"));
        getAs(me, "/api/agents/NO-SUCH-AGENT")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Agent NO-SUCH-AGENT not found"));
        getAs(me, "/api/agents").andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].employeeNo").value(agent.employeeNo()));
        getAs(me, "/api/centers/" + otherCenter.code()).andExpect(status().isNotFound());
        getAs(me, "/api/me").andExpect(jsonPath("$.employeeNo").value(agent.employeeNo()));
    }

    @Test
    void aLeadReachesOwnTeamsOnly() throws Exception {
        String lead = org.leadUser(team);
        getAs(lead, "/api/agents/" + agent.employeeNo()).andExpect(status().isOk());
        getAs(lead, "/api/agents/" + teammate.employeeNo()).andExpect(status().isOk());
        getAs(lead, "/api/agents/" + otherTeamAgent.employeeNo()).andExpect(status().isNotFound());
        getAs(lead, "/api/agents/" + otherCenterAgent.employeeNo()).andExpect(status().isNotFound());
        getAs(lead, "/api/centers/" + center.code() + "/teams/" + otherTeam.code()).andExpect(status().isNotFound());
        getAs(lead, "/api/agents?center=" + center.code() + "&team=" + otherTeam.code()).andExpect(status().isNotFound());
        getAs(lead, "/api/agents?center=" + center.code()).andExpect(header().string("X-Total-Count", "2"));
        getAs(lead, "/api/centers/" + center.code() + "/teams").andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aPlannerReachesOwnCentersOnly() throws Exception {
        String planner = org.plannerUser(center);
        getAs(planner, "/api/agents/" + otherTeamAgent.employeeNo()).andExpect(status().isOk());
        getAs(planner, "/api/agents/" + otherCenterAgent.employeeNo()).andExpect(status().isNotFound());
        getAs(planner, "/api/centers/" + otherCenter.code()).andExpect(status().isNotFound());
        getAs(planner, "/api/centers/" + otherCenter.code() + "/settings").andExpect(status().isNotFound());
        getAs(planner, "/api/centers/" + center.code() + "/settings").andExpect(status().isOk());
        getAs(planner, "/api/centers").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value(center.code()));
        getAs(planner, "/api/users").andExpect(status().isForbidden());
    }

    @Test
    void withoutCredentialsTheApiAnswers401ProblemJson() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/me").with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized());
    }
}
