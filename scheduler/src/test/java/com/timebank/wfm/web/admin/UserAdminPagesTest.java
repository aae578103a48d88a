package com.timebank.wfm.web.admin;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.users.UserService;

/** The admin users page: searched by username and role, paged with the search kept, users disabled and enabled. */
@IntegrationTest
class UserAdminPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    UserService users;
    @Autowired
    com.timebank.wfm.org.OrganisationService organisation;

    @Test
    void theUsersListIsSearchedByNameAndRoleAndPagedWithTheSearchKept() throws Exception {
        Center c = org.center();
        String prefix = Org.unique("pg").toLowerCase();
        for (int i = 0; i < UserPages.PAGE_SIZE + 2; i++) {
            users.createUser(new UserService.NewUser(prefix + "-" + String.format("%02d", i), Org.PASSWORD,
                    Role.PLANNER, null, List.of(c.code()), List.of()), "test");
        }
        String other = org.leadUser(org.team(c));
        mvc.perform(get("/admin/users").param("search", prefix).param("role", "PLANNER").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(prefix + "-00"), not(containsString(prefix + "-26")),
                        not(containsString("data-username=\"" + other + "\"")),
                        containsString("search=" + prefix), containsString("role=PLANNER"))));
        mvc.perform(get("/admin/users").param("search", prefix).param("page", "1").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(prefix + "-26"), not(containsString(prefix + "-00")))));
        mvc.perform(get("/admin/users").param("search", prefix).param("role", "ADMIN").with(as("admin"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("按用户名搜索"), not(containsString(prefix + "-00")))));
    }

    @Test
    void anAdminEditsAndDisablesAnAgentFromTheForm() throws Exception {
        Center c = org.center();
        com.timebank.wfm.org.Team from = org.team(c);
        com.timebank.wfm.org.Team to = org.team(c);
        com.timebank.wfm.org.Agent a = org.agent(from);
        mvc.perform(get("/admin/agents/" + a.employeeNo() + "/edit").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("agent-edit-form"),
                        containsString(c.code() + "/" + to.code()))));
        // errors come back on the form with the fields, nothing changed
        mvc.perform(post("/admin/agents/" + a.employeeNo() + "/edit").with(as("admin")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", " ").param("team", c.code() + "/" + to.code())
                        .param("weeklyMinMinutes", "40:00").param("weeklyMaxMinutes", "20:00").param("skills", "voice"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("aria-invalid=\"true\""), containsString("修改坐席"))));
        assertThat(organisation.findAgent(a.employeeNo()).orElseThrow().teamCode()).isEqualTo(from.code());
        mvc.perform(post("/admin/agents/" + a.employeeNo() + "/edit").with(as("admin")).with(csrf())
                        .param("name", "Wang Fang").param("team", c.code() + "/" + to.code())
                        .param("weeklyMinMinutes", "20:00").param("weeklyMaxMinutes", "40:00").param("skills", "chat, voice"))
                .andExpect(status().is3xxRedirection());
        com.timebank.wfm.org.Agent changed = organisation.findAgent(a.employeeNo()).orElseThrow();
        assertThat(changed.teamCode()).isEqualTo(to.code());
        assertThat(changed.name()).isEqualTo("Wang Fang");
        assertThat(changed.weeklyMinMinutes()).isEqualTo(1200);
        assertThat(changed.skills()).containsExactly("chat", "voice");
        mvc.perform(post("/admin/agents/" + a.employeeNo() + "/active").param("active", "false").with(as("admin"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organisation.findAgent(a.employeeNo()).orElseThrow().active()).isFalse();
        mvc.perform(get("/admin/agents/" + a.employeeNo() + "/edit").with(as("admin")))
                .andExpect(content().string(containsString("agent-disabled")));
    }

    @Test
    void anAdminChangesTheRoleAndScopeOfAUserFromTheForm() throws Exception {
        Center c = org.center();
        com.timebank.wfm.org.Team t = org.team(c);
        String planner = org.plannerUser(c);
        mvc.perform(get("/admin/users/" + planner + "/edit").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("user-edit-form")));
        // a team lead without teams is refused on the form
        mvc.perform(post("/admin/users/" + planner + "/edit").with(as("admin")).with(csrf())
                        .param("role", "TEAM_LEAD"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(users.user(planner, org.admin()).role()).isEqualTo(Role.PLANNER);
        mvc.perform(post("/admin/users/" + planner + "/edit").with(as("admin")).with(csrf())
                        .param("role", "TEAM_LEAD").param("teamCodes", c.code() + "/" + t.code())
                        .param("centerCodes", c.code()))
                .andExpect(redirectedUrl("/admin/users"));
        UserService.UserView changed = users.user(planner, org.admin());
        assertThat(changed.role()).isEqualTo(Role.TEAM_LEAD);
        assertThat(changed.teamCodes()).containsExactly(c.code() + "/" + t.code());
        assertThat(changed.centerCodes()).isEmpty();
    }

    @Test
    void anAdminDisablesAndEnablesAUserFromTheList() throws Exception {
        String planner = org.plannerUser(org.center());
        mvc.perform(post("/admin/users/" + planner + "/enabled").param("enabled", "false").with(as("admin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(users.user(planner, org.admin()).enabled()).isFalse();
        mvc.perform(get("/admin/users").param("search", planner).with(as("admin")))
                .andExpect(content().string(allOf(containsString("Disabled"), containsString("Enable"))));
        mvc.perform(post("/admin/users/" + planner + "/enabled").param("enabled", "true").with(as("admin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(users.user(planner, org.admin()).enabled()).isTrue();
        // the page is the admin's: a planner is refused
        mvc.perform(post("/admin/users/admin/enabled").param("enabled", "false").with(as(planner)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
