package com.timebank.wfm.web;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/** The leave pages: an agent's leave and time off; a lead's approval queue and recording leave. */
@Component
class LeaveNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() == Role.AGENT) {
            if (user.employeeNo() == null) {
                return List.of();
            }
            return List.of(new NavItem(LeavePages.timeOffPath(user.employeeNo()), "agent.nav.time-off", 120),
                    new NavItem(LeavePages.leavePath(user.employeeNo()), "agent.nav.leave", 130));
        }
        return List.of(new NavItem("/lead/time-off", "lead.nav.time-off", 200),
                new NavItem("/lead/leave", "lead.nav.leave", 230));
    }
}
