package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.timebank.wfm.users.UserService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

import org.springframework.mock.web.MockHttpSession;

/** The pages' plumbing without a browser: assets, headers, CSRF, language, error pages. */
@IntegrationTest
class WebInfrastructureTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    UserDetailsService users;
    @Autowired
    UserService userService;

    @Test
    void assetsAreServedFromTheWebJarsWithoutAVersionInThePath() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/picocss__pico/css/pico.min.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheCsrfTokenForHtmx() throws Exception {
        MvcResult r = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        String html = r.getResponse().getContentAsString();
        assertThat(html).contains("<meta name=\"_csrf\"").contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")
                // the version-less path in the template is written with the jar's version (cache-safe)
                .containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js")
                // no inline script or style: the CSP would block it
                .doesNotContainPattern("<script>|<script(?![^>]*\\bsrc=)[^>]*>|style=\"");
    }

    @Test
    void theLanguageSwitchNeedsCsrfAndIsStoredForTheUser() throws Exception {
        // a lead: their start page is the home page (an agent's is their time bank)
        String username = org.leadUser(org.team(org.center()));
        var principal = users.loadUserByUsername(username);

        mvc.perform(post("/locale").param("lang", "zh-CN").with(user(principal))).andExpect(status().isForbidden());

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/locale").param("lang", "zh-CN").param("back", "/?x=1").session(session)
                        .with(user(principal)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/?x=1"));
        assertThat(userService.me(org.as(username)).locale()).isEqualTo("zh-CN");
        mvc.perform(get("/").session(session).with(user(principal)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("退出登录")));

        // the next sign-in starts in the stored language, without a session choice
        mvc.perform(get("/").with(user(users.loadUserByUsername(username))))
                .andExpect(content().string(containsString("欢迎")));
    }

    @Test
    void theLanguageSwitchReturnsOnlyToPagesOfThisSite() throws Exception {
        mvc.perform(post("/locale").param("lang", "en").param("back", "//evil.example/x").with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/locale").param("lang", "en").param("back", "https://evil.example/").with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    /**
     * A form shown again with its errors is the answer to a POST, often to a path no page is at (GET would be 405):
     * the language switch returns to the page the form was sent from.
     */
    @Test
    void theLanguageSwitchOfAFormShownAgainReturnsToThePageOfTheForm() throws Exception {
        com.timebank.wfm.org.Team team = org.team(org.center());
        String page = "/agents/" + org.agent(team).employeeNo() + "/availability";
        var lead = users.loadUserByUsername(org.leadUser(team));
        mvc.perform(post(page + "/unavailability").param("reason", "").header("Referer", "http://localhost" + page)
                        .with(user(lead)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("name=\"back\" value=\"" + page + "\"")));
        // without a Referer the switch returns to the start page
        mvc.perform(post(page + "/unavailability").param("reason", "").with(user(lead)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("name=\"back\" value=\"/\"")));
    }

    @Test
    void theBrowserLanguageIsTheDefaultBeforeSignIn() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
                .andExpect(content().string(containsString("用户名")));
        mvc.perform(get("/login").header("Accept-Language", "zh"))
                .andExpect(content().string(containsString("用户名")));
        mvc.perform(get("/login").header("Accept-Language", "de-DE"))
                .andExpect(content().string(containsString("Username")));
    }

    @Test
    void anUnknownPageIsNotFound() throws Exception {
        // the page itself (error.html through /error) is checked in the browser: MockMvc has no error dispatch
        String username = org.agentUser(org.agent(org.team(org.center())));
        mvc.perform(get("/no/such/page").accept(MediaType.TEXT_HTML).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isNotFound());
    }

    @Test
    void signingInGivesANewSessionIdAndKeepsTheChosenLanguage() throws Exception {
        String username = org.agentUser(org.agent(org.team(org.center())));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/locale").param("lang", "zh-CN").session(session).with(csrf()));
        String before = session.getId();
        MvcResult r = mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
                .param("password", Org.PASSWORD)).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(r.getRequest().getSession().getId()).isNotEqualTo(before);
        assertThat(session.getAttribute(UserLocaleResolver.SESSION_ATTRIBUTE)).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
    }
}
