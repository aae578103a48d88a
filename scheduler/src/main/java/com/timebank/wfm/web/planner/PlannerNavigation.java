package com.timebank.wfm.web.planner;

import java.util.List;

import org.springframework.stereotype.Component;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.web.NavContributor;
import com.timebank.wfm.web.NavItem;

/** A planner's pages (admins plan every center, so they see them too). */
@Component
class PlannerNavigation implements NavContributor {

    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() != Role.PLANNER && user.role() != Role.ADMIN) {
            return List.of();
        }
        return List.of(new NavItem("/planner/history", "planner.nav.history", 300),
                new NavItem("/planner/forecasts", "planner.nav.forecasts", 310),
                new NavItem("/planner/center-calendar", "planner.nav.center-calendar", 320),
                new NavItem("/planner/coverage", "planner.nav.coverage", 330),
                new NavItem("/planner/emergencies", "planner.nav.emergencies", 340),
                new NavItem("/planner/calendar", "planner.nav.calendar", 350),
                new NavItem("/planner/jobs", "planner.nav.jobs", 360));
    }
}
