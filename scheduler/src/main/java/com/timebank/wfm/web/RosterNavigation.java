package com.timebank.wfm.web;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/** The roster pages, for planners and admins. */
@Component
class RosterNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() != Role.PLANNER && user.role() != Role.ADMIN) {
            return List.of();
        }
        return List.of(new NavItem("/planner/rosters", "roster.nav.rosters", 350));
    }
}
