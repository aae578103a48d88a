package com.timebank.wfm.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Spring Security's user carrying our {@link CurrentUser} (role and scope) for the services. */
public class WfmPrincipal extends User {

    private final CurrentUser currentUser;
    private final String preferredLocale;
    private final boolean mustChangePassword;

    public WfmPrincipal(CurrentUser currentUser, String passwordHash, boolean enabled) {
        this(currentUser, passwordHash, enabled, null, false);
    }

    /** {@code preferredLocale}: the language tag the user last chose for the pages, or null. */
    public WfmPrincipal(CurrentUser currentUser, String passwordHash, boolean enabled, String preferredLocale) {
        this(currentUser, passwordHash, enabled, preferredLocale, false);
    }

    /**
     * {@code mustChangePassword}: an admin chose the password (or it was generated); until the user changes it they
     * may only change it ({@link PasswordChangeGate}).
     */
    public WfmPrincipal(CurrentUser currentUser, String passwordHash, boolean enabled, String preferredLocale,
            boolean mustChangePassword) {
        super(currentUser.username(), passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + currentUser.role().name())));
        this.currentUser = currentUser;
        this.preferredLocale = preferredLocale;
        this.mustChangePassword = mustChangePassword;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The signed-in user of this request, if any (pages use it for navigation and language). */
    public static java.util.Optional<WfmPrincipal> current() {
        org.springframework.security.core.Authentication auth =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof WfmPrincipal p ? java.util.Optional.of(p)
                : java.util.Optional.empty();
    }

    public CurrentUser currentUser() {
        return currentUser;
    }

    /** The language the user chose when they signed in (a language tag such as {@code zh-CN}), or null. */
    public String preferredLocale() {
        return preferredLocale;
    }
}
