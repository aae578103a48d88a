package com.timebank.wfm.web.admin;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.NavContributor;
import com.timebank.wfm.web.NavItem;

/** An administrator's pages: the organisation, the users and the center settings. */
@Component
class AdminNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (!user.isAdmin()) {
            return List.of();
        }
        return List.of(new NavItem("/admin/centers", "admin.nav.centers", 410),
                new NavItem("/admin/agents", "admin.nav.agents", 420),
                new NavItem("/admin/users", "admin.nav.users", 430),
                new NavItem("/admin/audit", "admin.nav.audit", 440));
    }
}
