package com.timebank.wfm.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** Issue 15: agents and users are edited and disabled after creation, every change audited with before and after. */
@IntegrationTest
class EditAndDisableApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    OrganisationService organisation;
    @Autowired
    AuditLog audit;
    @Autowired
    com.timebank.wfm.users.UserService users;

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder r) {
        return r.with(httpBasic("admin", "admin-test-password")).contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void adminMovesAnAgentToAnotherTeamAndChangesContractAndSkills() throws Exception {
        Center c = org.center();
        Team from = org.team(c);
        Team to = org.team(c);
        Agent a = org.agent(from);
        mvc.perform(asAdmin(patch("/api/agents/" + a.employeeNo())).content("""
                {"teamCode":"%s","weeklyMinMinutes":1200,"weeklyMaxMinutes":1800,"skills":["voice","chat"]}"""
                .formatted(to.code())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teamCode").value(to.code()))
                .andExpect(jsonPath("$.name").value("Agent"))
                .andExpect(jsonPath("$.weeklyMaxMinutes").value(1800))
                .andExpect(jsonPath("$.skills[0]").value("chat"))
                .andExpect(jsonPath("$.active").value(true));
        AuditLog.Event event = audit.recent("agent:" + a.employeeNo(), 0, 1).get(0);
        assertThat(event.action()).isEqualTo("AGENT_CHANGED");
        assertThat(event.actor()).isEqualTo("user:admin");
        // a message per changed field, its arguments as stored
        assertThat(event.detail().code()).isEqualTo("audit.changes");
        assertThat(event.detail().args().get(0)).asInstanceOf(InstanceOfAssertFactories.LIST).contains(
                Message.of("audit.change.team", from.code(), to.code()),
                Message.of("audit.change.weekly-max", Message.duration(2400 * 60), Message.duration(1800 * 60)),
                Message.of("audit.change.skills", List.of("voice"), List.of("chat", "voice")));
        assertThat(event.detail().english()).contains("team: " + from.code() + " → " + to.code())
                .contains("weekly maximum: 40 h → 30 h").contains("skills: [voice] → [chat, voice]");
        assertThat(event.text()).isNull();
    }

    @Test
    void badAgentChangesAreRefusedWithTheFieldsAndChangeNothing() throws Exception {
        Center c = org.center();
        Agent a = org.agent(org.team(c));
        mvc.perform(asAdmin(patch("/api/agents/" + a.employeeNo())).content("""
                {"name":" ","teamCode":"GHOST","weeklyMinMinutes":99999,"skills":[""]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("teamCode")))
                .andExpect(jsonPath("$.errors[*].code").value(hasItem("org.agent.weekly-minutes-range")))
                .andExpect(jsonPath("$.errors[*].code").value(hasItem("org.agent.skill-invalid")));
        mvc.perform(asAdmin(patch("/api/agents/" + a.employeeNo())).content("""
                {"weeklyMinMinutes":2000,"weeklyMaxMinutes":1000}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("org.weeklyminminutes-not-exceed-weeklymaxminutes"));
        assertThat(organisation.findAgent(a.employeeNo()).orElseThrow()).isEqualTo(a);
        mvc.perform(patch("/api/agents/" + a.employeeNo()).with(httpBasic(org.plannerUser(c), Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(patch("/api/agents/NOBODY")).content("{\"name\":\"X\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDisabledAgentStaysFindableButLeavesNewRostersUntilEnabled() throws Exception {
        Center c = org.center();
        Team t = org.team(c);
        Agent staying = org.agent(t);
        Agent leaving = org.agent(t);
        mvc.perform(asAdmin(post("/api/agents/" + leaving.employeeNo() + "/disable")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(organisation.activeAgentsOfCenter(c.id())).extracting(Agent::employeeNo)
                .containsExactly(staying.employeeNo());
        // ledger, history and month close still address every agent of the center
        assertThat(organisation.agentsOfCenter(c.id())).hasSize(2);
        mvc.perform(asAdmin(get("/api/agents/" + leaving.employeeNo())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        assertThat(audit.recent("agent:" + leaving.employeeNo(), 0, 1).get(0).action()).isEqualTo("AGENT_DISABLED");
        mvc.perform(asAdmin(post("/api/agents/" + leaving.employeeNo() + "/enable")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        assertThat(organisation.activeAgentsOfCenter(c.id())).hasSize(2);
    }

    @Test
    void adminChangesRoleAndScopeOfAUserAudited() throws Exception {
        Center c = org.center();
        Team t1 = org.team(c);
        Team t2 = org.team(c);
        String lead = org.leadUser(t1);
        mvc.perform(asAdmin(patch("/api/users/" + lead)).content("""
                {"teamCodes":["%s/%s"]}""".formatted(c.code(), t2.code())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teamCodes[0]").value(c.code() + "/" + t2.code()));
        mvc.perform(asAdmin(patch("/api/users/" + lead)).content("""
                {"role":"PLANNER","centerCodes":["%s"],"teamCodes":[]}""".formatted(c.code())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("PLANNER"))
                .andExpect(jsonPath("$.centerCodes[0]").value(c.code()));
        // the new scope applies at once, even to credentials verified before
        mvc.perform(get("/api/me").with(httpBasic(lead, Org.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("PLANNER"));
        List<AuditLog.Event> events = audit.recent("user:" + lead, 0, 5);
        AuditLog.Event changed = events.stream().filter(e -> e.action().equals("USER_CHANGED")).findFirst()
                .orElseThrow();
        assertThat(changed.actor()).isEqualTo("user:admin");
        // roles by their labels, which the audit page renders in the reader's language
        assertThat(changed.detail().args().get(0)).asInstanceOf(InstanceOfAssertFactories.LIST).contains(
                Message.of("audit.change.role", Message.of("role.TEAM_LEAD"), Message.of("role.PLANNER")),
                Message.of("audit.change.centers", Message.of("audit.none"), List.of(c.code())));
        mvc.perform(asAdmin(patch("/api/users/" + lead)).content("""
                {"role":"AGENT"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("user.agent-user-needs-employeeno"));
        mvc.perform(asAdmin(patch("/api/users/admin")).content("""
                {"role":"PLANNER","centerCodes":["%s"]}""".formatted(c.code())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("user.cannot-disable-self"));
    }

    @Test
    void aDisabledUserCannotSignInEvenWithCredentialsVerifiedBefore() throws Exception {
        String user = org.plannerUser(org.center());
        mvc.perform(get("/api/me").with(httpBasic(user, Org.PASSWORD))).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/api/users/" + user + "/disable")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/me").with(httpBasic(user, Org.PASSWORD))).andExpect(status().isUnauthorized());
        assertThat(audit.recent("user:" + user, 0, 5)).extracting(AuditLog.Event::action).contains("USER_DISABLED");
        mvc.perform(asAdmin(post("/api/users/" + user + "/enable")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(get("/api/me").with(httpBasic(user, Org.PASSWORD))).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/api/users/admin/disable"))).andExpect(status().isBadRequest());
    }

    @Test
    void usersAreSearchedByUsernameAndRoleAndPaged() throws Exception {
        Center c = org.center();
        String prefix = Org.unique("find").toLowerCase();
        for (int i = 0; i < 3; i++) {
            users.createUser(new com.timebank.wfm.users.UserService.NewUser(prefix + "-" + i, Org.PASSWORD,
                    com.timebank.wfm.security.Role.PLANNER, null, List.of(c.code()), List.of()), "test");
        }
        mvc.perform(asAdmin(get("/api/users?search=" + prefix + "&role=PLANNER&size=2&page=0")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].username").value(prefix + "-0"));
        mvc.perform(asAdmin(get("/api/users?search=" + prefix + "&role=ADMIN")))
                .andExpect(header().string("X-Total-Count", "0"));
    }
}
