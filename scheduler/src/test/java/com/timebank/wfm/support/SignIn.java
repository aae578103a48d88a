package com.timebank.wfm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** Signs a MockMvc request in as a user of the test database, with the principal the service itself loads. */
public final class SignIn {

    private SignIn() {
    }

    public static RequestPostProcessor as(String username) {
        return request -> {
            UserDetailsService users = WebApplicationContextUtils
                    .getRequiredWebApplicationContext(request.getServletContext()).getBean(UserDetailsService.class);
            return user(users.loadUserByUsername(username)).postProcessRequest(request);
        };
    }
}
