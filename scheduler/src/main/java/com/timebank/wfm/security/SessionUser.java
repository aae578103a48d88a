package com.timebank.wfm.security;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The pages' session keeps the user as they signed in, while HTTP Basic checks the user at every request (or within
 * minutes, {@link VerifiedCredentials}). So that an admin's change reaches an open session too, the user is read
 * again at each page request: a user disabled or gone is signed out (the session ends), a changed role, scope or
 * demand to change the password replaces the session's copy.
 */
final class SessionUser extends OncePerRequestFilter {

    private final UserDetailsService users;

    SessionUser(UserDetailsService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof WfmPrincipal signedIn && !staticResource(request)) {
            WfmPrincipal now = load(signedIn.getUsername());
            if (now == null || !now.isEnabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!now.currentUser().equals(signedIn.currentUser())
                    || now.mustChangePassword() != signedIn.mustChangePassword()) {
                SignedIn.refresh(now, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private WfmPrincipal load(String username) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user instanceof WfmPrincipal p ? p : null;
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    /** Styles, scripts and images show nothing of the user: no need to read the user for them. */
    private static boolean staticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }
}
