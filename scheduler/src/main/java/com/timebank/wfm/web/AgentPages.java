package com.timebank.wfm.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.timebank.StatementService;

/**
 * An agent's time bank: balance, available and reserved time at a glance, upcoming shifts, the latest entries, and
 * the statement by month. The agent sees their own; a lead, planner or admin sees the agents in their scope; anyone
 * else gets the 404 page, as for an unknown employee number.
 */
@Controller
class AgentPages {

    static final int STATEMENT_PAGE_SIZE = 25;
    static final int RECENT_ENTRIES = 5;
    static final int SHIFT_DAYS = 14;
    static final int STATEMENT_MONTHS = 13;

    private final OrganisationService organisation;
    private final StatementService statements;
    private final ShiftService shifts;
    private final ObjectProvider<AgentPanel> panels;
    private final PageFormat fmt;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;

    AgentPages(OrganisationService organisation, StatementService statements, ShiftService shifts,
            ObjectProvider<AgentPanel> panels, PageFormat fmt, com.fasterxml.jackson.databind.ObjectMapper json,
            Clock clock) {
        this.fmt = fmt;
        this.json = json;
        this.organisation = organisation;
        this.statements = statements;
        this.shifts = shifts;
        this.panels = panels;
        this.clock = clock;
    }

    static String path(String employeeNo) {
        return "/agents/" + UriUtils.encodePathSegment(employeeNo, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An agent's own start page. */
    @GetMapping("/me")
    String me(CurrentUser user) {
        if (user.employeeNo() == null) {
            return "redirect:/";
        }
        return "redirect:" + path(user.employeeNo());
    }

    @GetMapping("/agents/{employeeNo}")
    String timebank(@PathVariable String employeeNo, CurrentUser user, Model model) {
        Agent agent = organisation.agent(employeeNo, user);
        Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        model.addAttribute("agent", agent);
        model.addAttribute("center", center);
        model.addAttribute("own", agent.id() == (user.agentId() == null ? -1 : user.agentId()));
        model.addAttribute("balance", statements.balance(employeeNo, user));
        model.addAttribute("recent", statements.recentEntries(employeeNo, RECENT_ENTRIES, user));
        model.addAttribute("shifts", shifts.shiftsOfAgent(agent.id(), today, today.plusDays(SHIFT_DAYS - 1)));
        model.addAttribute("shiftDays", SHIFT_DAYS);
        model.addAttribute("today", today);
        List<AgentPanel.Section> sections = new ArrayList<>();
        panels.stream().sorted(java.util.Comparator.comparingInt(AgentPanel::order))
                .forEach(p -> p.section(agent, user).ifPresent(sections::add));
        model.addAttribute("panels", sections);
        return "agent/timebank";
    }

    /** One point of the month's balance chart: the day, the balance after the entry in hours, and as text. */
    record ChartPoint(String d, double h, String t) {
    }

    /** The balance after each entry of the month, for Chart.js (read by static/js/statement-chart.js). */
    private String balanceChart(String employeeNo, YearMonth month, LedgerService.Statement page, CurrentUser user) {
        List<com.timebank.wfm.ledger.LedgerEntry> all = page.total() <= page.entries().size() ? page.entries()
                : statements.entries(employeeNo, month.atDay(1), month.atEndOfMonth(), Paging.of(0, Paging.MAX_SIZE), user)
                        .entries();
        List<ChartPoint> points = all.stream().map(e -> new ChartPoint(fmt.day(e.businessDate()),
                e.balanceAfterSeconds() / 3600.0, fmt.duration(e.balanceAfterSeconds()))).toList();
        try {
            return json.writeValueAsString(points);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/agents/{employeeNo}/statement")
    String statement(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        Agent agent = organisation.agent(employeeNo, user);
        Center center = organisation.centerById(agent.centerId());
        YearMonth current = YearMonth.from(center.today(clock));
        YearMonth shown = month == null ? current : month;
        Paging paging = Paging.of(page, STATEMENT_PAGE_SIZE);
        LedgerService.Statement s = statements.entries(employeeNo, shown.atDay(1), shown.atEndOfMonth(), paging, user);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < STATEMENT_MONTHS; i++) {
            months.add(current.minusMonths(i));
        }
        if (!months.contains(shown)) {
            months.add(shown);
        }
        long pages = Math.max(1, (s.total() + STATEMENT_PAGE_SIZE - 1) / STATEMENT_PAGE_SIZE);
        model.addAttribute("agent", agent);
        model.addAttribute("center", center);
        model.addAttribute("own", agent.id() == (user.agentId() == null ? -1 : user.agentId()));
        model.addAttribute("balance", statements.balance(employeeNo, user));
        model.addAttribute("entries", s.entries());
        model.addAttribute("total", s.total());
        model.addAttribute("month", shown);
        model.addAttribute("months", months);
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", pages);
        model.addAttribute("chart", balanceChart(employeeNo, shown, s, user));
        return "agent/statement";
    }
}
