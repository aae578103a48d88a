package com.timebank.wfm.web;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/**
 * The leave section of an agent's time-bank page: the open month's leave with what is still to choose and the
 * deadline, and the agent's open time-off requests, each linking to its page.
 */
@Component
class LeavePanel implements AgentPanel {

    static final int SHOWN_REQUESTS = 3;

    private final LeavePages pages;
    private final LeaveService leave;
    private final TimeOffService timeOff;
    private final OrganisationService organisation;
    private final Clock clock;

    LeavePanel(LeavePages pages, LeaveService leave, TimeOffService timeOff, OrganisationService organisation,
            Clock clock) {
        this.pages = pages;
        this.leave = leave;
        this.timeOff = timeOff;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Section> section(Agent agent, CurrentUser user) {
        Center center = organisation.centerById(agent.centerId());
        LeaveService.MonthView month = leave.month(agent.employeeNo(), pages.openMonth(agent, center, user), user);
        var open = timeOff.requestsOf(agent.employeeNo(), null, null, user).stream()
                .filter(r -> r.status().active()).toList();
        long toChoose = month.items().stream().filter(i -> i.eligible() && !i.offset()).mapToLong(i -> i.seconds()).sum();
        return Optional.of(new Section("agent/leave-panel", "panel", Map.of(
                "month", month,
                "toChooseSeconds", toChoose,
                "requests", open.stream().limit(SHOWN_REQUESTS).toList(),
                "moreRequests", Math.max(0, open.size() - SHOWN_REQUESTS),
                "today", center.today(clock),
                "own", user.agentId() != null && user.agentId() == agent.id(),
                "agentName", agent.name(),
                "leavePath", LeavePages.leavePath(agent.employeeNo()),
                "timeOffPath", LeavePages.timeOffPath(agent.employeeNo()))));
    }
}
