package com.timebank.wfm.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A user whose password an admin chose (or that was generated) may only change it: the API answers 403
 * {@code password-change-required} to everything but {@code POST /api/me/password}; the pages redirect to
 * {@link #PAGE}.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    /** The page where a user changes their own password. */
    static final String PAGE = "/account/password";
    static final String API = "/api/me/password";

    private final boolean api;
    private final Problems problems;
    private final ObjectMapper json;

    PasswordChangeGate(boolean api, Problems problems, ObjectMapper json) {
        this.api = api;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean held = WfmPrincipal.current().map(WfmPrincipal::mustChangePassword).orElse(false);
        if (!held || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (api) {
            ProblemDetail p = problems.of(HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
                    Message.of("problem.password-change-required"), request);
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), p);
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }

    private boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (api) {
            return path.equals(API);
        }
        return path.equals(PAGE) || path.equals("/logout") || path.equals("/locale") || path.equals("/login")
                || path.equals("/error") || path.equals("/favicon.ico") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/");
    }
}
