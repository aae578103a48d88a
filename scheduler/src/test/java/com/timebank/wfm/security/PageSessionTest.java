package com.timebank.wfm.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.users.UserService;

/**
 * A signed-in page session follows what an admin changes about its user at the next request, as HTTP Basic does:
 * a disabled user is signed out, a changed role or scope applies, a password reset must be followed by a change.
 */
@IntegrationTest
class PageSessionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    UserService users;

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", Org.PASSWORD)).andExpect(redirectedUrl("/")).andReturn().getRequest()
                .getSession();
    }

    @Test
    void aUserDisabledByAnAdminIsSignedOutOfTheOpenSession() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        MockHttpSession session = signIn(planner);
        mvc.perform(get("/planner/jobs").session(session)).andExpect(status().isOk());

        users.setEnabled(planner, false, org.admin());

        mvc.perform(get("/planner/jobs").session(session)).andExpect(redirectedUrlPattern("**/login"));
        users.setEnabled(planner, true, org.admin());
        // the session ended: enabled again, the user signs in anew
        mvc.perform(get("/planner/jobs").session(session)).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aScopeTakenAwayByAnAdminAppliesToTheOpenSession() throws Exception {
        Center kept = org.center();
        Center taken = org.center();
        String planner = org.plannerUser(kept, taken);
        MockHttpSession session = signIn(planner);
        mvc.perform(get("/planner/jobs").param("center", taken.code()).session(session)).andExpect(status().isOk());

        users.change(planner, new UserService.UserChange(null, null, List.of(kept.code()), null), org.admin());

        mvc.perform(get("/planner/jobs").param("center", taken.code()).session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/planner/jobs").param("center", kept.code()).session(session)).andExpect(status().isOk());

        users.change(planner, new UserService.UserChange(Role.TEAM_LEAD, null, List.of(),
                List.of(kept.code() + "/" + org.team(kept).code())), org.admin());

        mvc.perform(get("/planner/jobs").param("center", kept.code()).session(session))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPasswordResetByAnAdminSendsTheOpenSessionToTheChangePage() throws Exception {
        String planner = org.plannerUser(org.center());
        MockHttpSession session = signIn(planner);
        mvc.perform(get("/planner/jobs").session(session)).andExpect(status().isOk());

        users.resetPassword(planner, "reset-by-the-admin-7", org.admin());

        mvc.perform(get("/planner/jobs").session(session)).andExpect(redirectedUrl("/account/password"));
    }
}
