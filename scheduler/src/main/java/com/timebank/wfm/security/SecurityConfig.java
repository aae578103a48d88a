package com.timebank.wfm.security;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.api.ProblemHandler;
import com.timebank.wfm.api.Problems;

import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic for {@code /api/**} (stateless clients: no cookies, so no CSRF exposure); form login with a session
 * and CSRF for the pages (the session's user read again at each request, {@link SessionUser}); HTTP Basic as an admin
 * for {@code /actuator/**} but health. Both sign-ins go through {@link SignInProvider} (throttled, audited, repeats
 * cached). Authorisation by record is done in the services through {@link CurrentUser}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }

    @Bean
    VerifiedCredentials verifiedCredentials() {
        return new VerifiedCredentials();
    }

    @Bean
    SignInThrottle signInThrottle(java.time.Clock clock) {
        return new SignInThrottle(clock);
    }

    /**
     * The one way to sign in, set on every chain: without it Spring would also build its own password check from the
     * {@link UserDetailsService}, unthrottled.
     */
    private static AuthenticationManager signIn(UserDetailsService users, UserDetailsPasswordService upgrades,
            PasswordEncoder encoder, VerifiedCredentials verified, SignInThrottle throttle,
            ApplicationEventPublisher events) {
        return new ProviderManager(new SignInProvider(users, upgrades, encoder, verified, throttle, events));
    }

    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, ObjectMapper json, UserDetailsService users,
            UserDetailsPasswordService upgrades, PasswordEncoder encoder, VerifiedCredentials verified,
            SignInThrottle throttle, ApplicationEventPublisher events) throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(signIn(users, upgrades, encoder, verified, throttle, events))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"));
        return basic(http, json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, Problems problems, UserDetailsService users,
            UserDetailsPasswordService upgrades, PasswordEncoder encoder, VerifiedCredentials verified,
            SignInThrottle throttle, ApplicationEventPublisher events) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(signIn(users, upgrades, encoder, verified, throttle, events))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new PasswordChangeGate(true, problems, json), AuthorizationFilter.class);
        return basic(http, json);
    }

    private static SecurityFilterChain basic(HttpSecurity http, ObjectMapper json) throws Exception {
        http.httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> unauthenticated(res, json, e)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthenticated(res, json, ex))
                        .accessDeniedHandler((req, res, ex) ->
                                write(res, json, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage(), false)));
        return http.build();
    }

    private static void unauthenticated(HttpServletResponse res, ObjectMapper json, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottledException t) {
            res.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
            ProblemDetail p = ProblemHandler.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins",
                    "Too many failed sign-ins", "Too many failed sign-ins: try again in " + t.retryAfterSeconds()
                            + " s");
            p.setProperty("args", java.util.List.of(t.retryAfterSeconds()));
            res.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(res.getOutputStream(), p);
            return;
        }
        write(res, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "Sign in with HTTP Basic (username and password)", true);
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectMapper json, Problems problems, UserDetailsService users,
            UserDetailsPasswordService upgrades, PasswordEncoder encoder, VerifiedCredentials verified,
            SignInThrottle throttle, ApplicationEventPublisher events) throws Exception {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.authenticationManager(signIn(users, upgrades, encoder, verified, throttle, events))
                .addFilterAfter(new SessionUser(users), SecurityContextHolderFilter.class)
                .addFilterBefore(new PasswordChangeGate(false, problems, json), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/locale", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        // role-based sections of the pages; records inside them are scoped by the services (404)
                        .requestMatchers("/lead/**").hasAnyRole("TEAM_LEAD", "PLANNER", "ADMIN")
                        .requestMatchers("/planner/**").hasAnyRole("PLANNER", "ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll()
                        // throttled: the sign-in page says how long to wait (and answers 429 with Retry-After)
                        .failureHandler((req, res, e) -> {
                            if (e instanceof SignInThrottledException t) {
                                res.sendRedirect(req.getContextPath() + "/login?throttled=" + t.retryAfterSeconds());
                            } else {
                                wrong.onAuthenticationFailure(req, res, e);
                            }
                        }))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                // the error page tells a refused CSRF token (a form sent after its session ended) from a role
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    req.setAttribute(WebAttributes.ACCESS_DENIED_403, ex);
                    res.sendError(HttpStatus.FORBIDDEN.value());
                }))
                // a new session id at sign-in (fixation); what the visitor chose before (language) is kept
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static void write(HttpServletResponse res, ObjectMapper json, HttpStatus status, String type, String title,
            String detail, boolean challenge) throws IOException {
        ProblemDetail p = ProblemHandler.problem(status, type, title, detail);
        res.setStatus(status.value());
        if (challenge) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"timebank-wfm\"");
        }
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), p);
    }
}
