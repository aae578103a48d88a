package com.timebank.wfm.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Spring Security's user carrying our {@link CurrentUser} (role and scope) for the services. */
public class WfmPrincipal extends User {

    private final CurrentUser currentUser;

    public WfmPrincipal(CurrentUser currentUser, String passwordHash, boolean enabled) {
        super(currentUser.username(), passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + currentUser.role().name())));
        this.currentUser = currentUser;
    }

    public CurrentUser currentUser() {
        return currentUser;
    }
}
