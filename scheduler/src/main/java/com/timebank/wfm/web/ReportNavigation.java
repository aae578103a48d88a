package com.timebank.wfm.web;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/** The reports: planners and admins for their centers, leads for their teams, an agent their own figures. */
@Component
class ReportNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() == Role.AGENT) {
            // an agent's own figures only
            return user.employeeNo() == null ? List.of()
                    : List.of(new NavItem(AgentPages.path(user.employeeNo()) + "/efficiency", "reports.nav.own", 120));
        }
        return List.of(new NavItem("/lead/reports", "reports.nav", 230));
    }
}
