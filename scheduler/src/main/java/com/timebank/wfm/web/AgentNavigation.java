package com.timebank.wfm.web;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/** An agent's own pages: the time bank at a glance and the statement. */
@Component
class AgentNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() != Role.AGENT || user.employeeNo() == null) {
            return List.of();
        }
        String base = AgentPages.path(user.employeeNo());
        return List.of(new NavItem(base, "agent.nav.timebank", 100),
                new NavItem(base + "/statement", "agent.nav.statement", 110),
                new NavItem(base + "/availability", "agent.nav.availability", 140));
    }
}
