package com.timebank.wfm.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.leave.TimeOffStatus;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.DateCoverageService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.StatementService;
import com.timebank.wfm.timebank.TimeBonusService;

/**
 * A team lead's start page: the requests waiting for a decision, today's and tomorrow's coverage and service level
 * of the published roster per center, the agents whose available balance is near zero, and the bonus budget left.
 */
@Component
class LeadDashboard {

    static final int PENDING_SHOWN = 5;
    static final int NEAR_ZERO_SHOWN = 10;
    /** Centers are few per lead; a larger scope (an admin's) is not summarised here. */
    static final int MAX_CENTERS = 10;

    private final TimeOffService timeOff;
    private final StatementService statements;
    private final TimeBonusService bonuses;
    private final DateCoverageService coverage;
    private final OrganisationService organisation;
    private final Clock clock;

    LeadDashboard(TimeOffService timeOff, StatementService statements, TimeBonusService bonuses,
            DateCoverageService coverage, OrganisationService organisation, Clock clock) {
        this.timeOff = timeOff;
        this.statements = statements;
        this.bonuses = bonuses;
        this.coverage = coverage;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** One day of a center's published roster; {@code figures} is empty when no published roster covers it. */
    record Day(LocalDate date, boolean today, Optional<DateCoverageService.DayFigures> figures) {
    }

    record CenterSummary(Center center, List<Day> days, TimeBonusService.Budget budget) {
    }

    void fill(CurrentUser user, Model model) {
        TimeOffService.Page pending = timeOff.queue(List.of(TimeOffStatus.PENDING, TimeOffStatus.WAITLISTED), null,
                null, null, Paging.of(0, PENDING_SHOWN), user);
        List<CenterSummary> centers = organisation.centers(user).stream().limit(MAX_CENTERS).map(c -> {
            LocalDate today = c.today(clock);
            List<Day> days = List.of(new Day(today, true, coverage.ofDate(c.id(), today)),
                    new Day(today.plusDays(1), false, coverage.ofDate(c.id(), today.plusDays(1))));
            return new CenterSummary(c, days, bonuses.budget(c.code(), null, user));
        }).toList();
        List<StatementService.AgentBalance> nearZero = statements.balances(null, null, user).balances().stream()
                .filter(b -> b.availableSeconds() < LeadPages.NEAR_ZERO_SECONDS)
                .sorted(java.util.Comparator.comparingLong(StatementService.AgentBalance::availableSeconds))
                .toList();
        model.addAttribute("pending", pending.requests());
        model.addAttribute("pendingTotal", pending.total());
        model.addAttribute("centerSummaries", centers);
        model.addAttribute("nearZero", nearZero.stream().limit(NEAR_ZERO_SHOWN).toList());
        model.addAttribute("nearZeroTotal", nearZero.size());
        model.addAttribute("nearZeroSeconds", LeadPages.NEAR_ZERO_SECONDS);
        model.addAttribute("dashboard", true);
    }
}
