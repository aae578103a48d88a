package com.timebank.wfm.web;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/** A team lead's pages (planners and admins may use them for their centers too). */
@Component
class LeadNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() == Role.AGENT) {
            return List.of();
        }
        return List.of(new NavItem("/lead/balances", "lead.nav.balances", 210),
                new NavItem("/lead/bonus", "lead.nav.bonus", 220),
                new NavItem("/lead/corrections", "lead.nav.corrections", 225));
    }
}
