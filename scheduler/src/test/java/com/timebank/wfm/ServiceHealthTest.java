package com.timebank.wfm;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.support.IntegrationTest;

@IntegrationTest
class ServiceHealthTest {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsUpWithoutSigningInAndMetricsNeedAnAdmin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void readinessIncludesTheDatabaseAndLivenessDoesNot() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.database.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.database").doesNotExist());
    }

    @Test
    void openApiListsTheOrganisationEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/centers")))
                .andExpect(jsonPath("$.paths", hasKey("/api/centers/{center}/teams")))
                .andExpect(jsonPath("$.paths", hasKey("/api/agents")))
                .andExpect(jsonPath("$.paths", hasKey("/api/users")))
                .andExpect(jsonPath("$.paths", hasKey("/api/centers/{center}/settings")))
                .andExpect(jsonPath("$.paths", hasKey("/api/me")));
    }

    @Test
    void openApiDocumentsTheIdempotencyKeyOnPostsAndCsvBodies() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/time-bonuses'].post.parameters[*].name",
                        org.hamcrest.Matchers.hasItem("Idempotency-Key")))
                .andExpect(jsonPath("$.paths['/api/leave'].post.parameters[*].name",
                        org.hamcrest.Matchers.hasItem("Idempotency-Key")))
                .andExpect(jsonPath("$.paths['/api/activity'].post.requestBody.content", hasKey("text/csv")));
    }

    @Test
    void pagesUseFormLoginWithCsrfAndSecurityHeaders() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
        mvc.perform(post("/login").param("username", "admin").param("password", "admin-test-password"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "admin-test-password"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "nope"))
                .andExpect(redirectedUrl("/login?error"));
    }
}
