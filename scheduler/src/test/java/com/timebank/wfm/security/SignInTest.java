package com.timebank.wfm.security;

import static com.timebank.wfm.db.Tables.APP_USER;
import static com.timebank.wfm.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.users.UserService;

/** Sign-in with HTTP Basic and the form: long passwords, rules, forced changes, throttling, the actuator. */
@IntegrationTest
class SignInTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
    private static final String ADMIN = "admin-test-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    UserService users;
    @Autowired
    DSLContext db;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A client address of its own, so that no other test's failures hold this one. */
    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private static String newAddress() {
        return "10.11." + (ADDRESS.get() / 250) + "." + (ADDRESS.getAndIncrement() % 250 + 1);
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder r) {
        return r.with(httpBasic("admin", ADMIN)).contentType(MediaType.APPLICATION_JSON);
    }

    private String systemUser(String password) {
        String username = Org.unique("s").toLowerCase();
        users.createUser(new UserService.NewUser(username, password, Role.ADMIN, null, List.of(), List.of()), "test");
        return username;
    }

    private String adminCreatedUser(String password) throws Exception {
        String username = Org.unique("a").toLowerCase();
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"%s","password":"%s","role":"ADMIN"}""".formatted(username, password)))
                .andExpect(status().isCreated());
        return username;
    }

    private List<String> audited(String username) {
        return db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.SUBJECT.eq("user:" + username))
                .orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION);
    }

    @Test
    void passwordsLongerThan72BytesSignInAndAWrongOneIs401() throws Exception {
        String chinese = "我们的时间银行口令短语非常长而且安全得多".repeat(2); // 40 characters, 120 bytes in UTF-8
        String username = systemUser(chinese);
        mvc.perform(get("/api/me").with(httpBasic(username, chinese))).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username));
        mvc.perform(get("/api/me").with(httpBasic(username, chinese.substring(0, 39) + "错")))
                .andExpect(status().isUnauthorized());
        // BCrypt saw only the first 72 bytes: a wrong ending must not pass
        String ascii = "x".repeat(80) + "-tail-one";
        String other = systemUser(ascii);
        mvc.perform(get("/api/me").with(httpBasic(other, "x".repeat(80) + "-tail-two")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic(other, "x".repeat(5000)))).andExpect(status().isUnauthorized());
        assertThat(db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOne(APP_USER.PASSWORD_HASH)).startsWith("{argon2}$argon2id$");
    }

    @Test
    void aTooLongPasswordIsRefusedAt422WithTheField() throws Exception {
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"%s","password":"%s","role":"ADMIN"}""".formatted(Org.unique("l").toLowerCase(),
                "tide-orbit-".repeat(94))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("range.password.too-long"));
    }

    @Test
    void anOldBcryptHashStillSignsInAndIsUpgradedToArgon2() throws Exception {
        String username = systemUser("placeholder-password");
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, new BCryptPasswordEncoder().encode("legacy-password-1"))
                .where(APP_USER.USERNAME.eq(username)).execute();
        mvc.perform(get("/api/me").with(httpBasic(username, "legacy-password-1"))).andExpect(status().isOk());
        assertThat(db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOne(APP_USER.PASSWORD_HASH)).startsWith("{argon2}");
        users.changeOwnPassword(org.as(username), "legacy-password-1", "legacy-password-2");
        mvc.perform(get("/api/me").with(httpBasic(username, "legacy-password-2"))).andExpect(status().isOk());
    }

    @Test
    void passwordRulesAre422WithFieldAndCodeInTheReadersLanguage() throws Exception {
        String username = Org.unique("r").toLowerCase();
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"%s","password":"short-one","role":"ADMIN"}""".formatted(username)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("range.password.too-short"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at least 12 characters")));
        mvc.perform(asAdmin(post("/api/users")).header("Accept-Language", "zh-CN").content("""
                {"username":"%s","password":"%s-is-me","role":"ADMIN"}""".formatted(username, username)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("range.password.contains-username"))
                .andExpect(jsonPath("$.errors[0].message").value("密码不能是用户名，也不能包含用户名"));
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"%s","password":"password123456","role":"ADMIN"}""".formatted(username)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("range.password.common"));
        mvc.perform(asAdmin(get("/api/users?size=200"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '%s')]".formatted(username)).isEmpty());
    }

    @Test
    void aUserWhosePasswordAnAdminSetMustChangeItBeforeAnythingElse() throws Exception {
        String username = adminCreatedUser("given-by-admin-1");
        mvc.perform(get("/api/me").with(httpBasic(username, "given-by-admin-1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("problem.password-change-required"));
        mvc.perform(post("/api/me/password").with(httpBasic(username, "given-by-admin-1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"currentPassword":"wrong-current-1","newPassword":"my-own-choice-1"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(post("/api/me/password").with(httpBasic(username, "given-by-admin-1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"currentPassword":"given-by-admin-1","newPassword":"short"}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("range.password.too-short"));
        mvc.perform(post("/api/me/password").with(httpBasic(username, "given-by-admin-1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"currentPassword":"given-by-admin-1","newPassword":"my-own-choice-1"}"""))
                .andExpect(status().isNoContent());
        // the old password was verified (and cached) a moment ago: it must not work any more
        mvc.perform(get("/api/me").with(httpBasic(username, "given-by-admin-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic(username, "my-own-choice-1"))).andExpect(status().isOk());
        assertThat(audited(username)).contains("USER_CREATED", "SIGN_IN_SUCCEEDED", "PASSWORD_CHANGED",
                "SIGN_IN_FAILED");

        mvc.perform(asAdmin(put("/api/users/" + username + "/password")).content("""
                {"password":"reset-by-admin-2"}""")).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic(username, "my-own-choice-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic(username, "reset-by-admin-2")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("problem.password-change-required"));
        assertThat(audited(username)).contains("PASSWORD_RESET");
        mvc.perform(put("/api/users/" + username + "/password").with(httpBasic(org.plannerUser(org.center()),
                Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("""
                {"password":"reset-by-planner-3"}""")).andExpect(status().isForbidden());
    }

    @Test
    void thePagesSendAUserWhoMustChangeTheirPasswordToTheChangePage() throws Exception {
        String username = adminCreatedUser("given-by-admin-1");
        var session = mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", "given-by-admin-1")).andExpect(status().is3xxRedirection()).andReturn()
                .getRequest().getSession();
        mvc.perform(get("/").session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void usersSeededByTheSystemAreNotAskedToChange() throws Exception {
        String username = systemUser("seeded-password-1");
        mvc.perform(get("/api/me").with(httpBasic(username, "seeded-password-1"))).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic("admin", ADMIN))).andExpect(status().isOk());
    }

    @Test
    void guessingIsThrottledWithRetryAfterAndTheRightPasswordWorksAfterTheWait() throws Exception {
        String username = systemUser("the-right-one-1");
        String address = newAddress();
        Instant start = Instant.now();
        clock.pin(start);
        int throttled = 0;
        for (int i = 0; i < 10; i++) {
            int status = mvc.perform(get("/api/me").with(httpBasic(username, "wrong-guess-" + i)).with(from(address)))
                    .andReturn().getResponse().getStatus();
            assertThat(status).isIn(401, 429);
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(throttled).isEqualTo(5);
        String retryAfter = mvc.perform(get("/api/me").with(httpBasic(username, "the-right-one-1")).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("problem.too-many-sign-ins"))
                .andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getHeader("Retry-After");
        long wait = Long.parseLong(retryAfter);
        assertThat(wait).isBetween(1L, 15L);
        // from another address too: the account is held, not only the address
        mvc.perform(get("/api/me").with(httpBasic(username, "the-right-one-1")).with(from(newAddress())))
                .andExpect(status().isTooManyRequests());
        clock.pin(start.plusSeconds(wait));
        mvc.perform(get("/api/me").with(httpBasic(username, "the-right-one-1")).with(from(address)))
                .andExpect(status().isOk());
        assertThat(audited(username)).contains("SIGN_IN_FAILED", "SIGN_IN_THROTTLED", "SIGN_IN_SUCCEEDED");
    }

    @Test
    void theFormIsThrottledToo() throws Exception {
        String username = systemUser("the-right-one-1");
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username)
                    .param("password", "wrong-guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        String target = mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username)
                .param("password", "the-right-one-1")).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/login?throttled=");
        mvc.perform(get(target)).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("data-testid=\"login-throttled\"")));
    }

    @Test
    void theActuatorButHealthNeedsAnAdmin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(org.plannerUser(org.center()), Org.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
