package com.timebank.wfm.web;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/** The reports: planners and admins for their centers, leads for their teams. */
@Component
class ReportNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() == Role.AGENT) {
            return List.of();
        }
        return List.of(new NavItem("/lead/reports", "reports.nav", 230));
    }
}
