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

import com.timebank.wfm.api.SpreadsheetText;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.MonthStatement;
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
    private final com.timebank.wfm.leave.TimeOffService timeOff;
    private final com.timebank.wfm.leave.LeaveService leave;
    private final ObjectProvider<AgentPanel> panels;
    private final PageFormat fmt;
    private final EntryReasons reasons;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;

    AgentPages(OrganisationService organisation, StatementService statements, ShiftService shifts,
            com.timebank.wfm.leave.TimeOffService timeOff, com.timebank.wfm.leave.LeaveService leave,
            ObjectProvider<AgentPanel> panels, PageFormat fmt, EntryReasons reasons,
            com.fasterxml.jackson.databind.ObjectMapper json, Clock clock) {
        this.fmt = fmt;
        this.reasons = reasons;
        this.json = json;
        this.organisation = organisation;
        this.statements = statements;
        this.shifts = shifts;
        this.timeOff = timeOff;
        this.leave = leave;
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
        LocalDate last = today.plusDays(SHIFT_DAYS - 1);
        model.addAttribute("shifts", shifts.shiftsOfAgent(agent.id(), today, last));
        java.util.Map<LocalDate, Long> timeOffByDate = new java.util.HashMap<>();
        timeOff.requestsOf(agent.employeeNo(), today, last, user).stream()
                .filter(r -> r.status() == com.timebank.wfm.leave.TimeOffStatus.APPROVED)
                .forEach(r -> timeOffByDate.merge(r.date(), r.seconds(), Long::sum));
        java.util.Map<LocalDate, Long> leaveByDate = new java.util.HashMap<>();
        leave.leave(agent.id(), today, last).forEach(l -> leaveByDate.merge(l.date(), l.seconds(), Long::sum));
        model.addAttribute("timeOffByDate", timeOffByDate);
        model.addAttribute("leaveByDate", leaveByDate);
        model.addAttribute("shiftDays", SHIFT_DAYS);
        model.addAttribute("today", today);
        List<AgentPanel.Section> sections = new ArrayList<>();
        panels.stream().sorted(java.util.Comparator.comparingInt(AgentPanel::order))
                .forEach(p -> p.section(agent, user).ifPresent(sections::add));
        model.addAttribute("panels", sections);
        return "agent/timebank";
    }

    /** One point of the month's balance chart: the day, the running balance after the row in hours, and as text. */
    record ChartPoint(String d, double h, String t) {
    }

    /** The running balance of every row of the month (the table's "Balance" column), for Chart.js. */
    private String balanceChart(MonthStatement month) {
        List<ChartPoint> points = month.rows().stream().map(r -> new ChartPoint(fmt.day(r.entry().businessDate()),
                r.balanceSeconds() / 3600.0, fmt.duration(r.balanceSeconds()))).toList();
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
        MonthStatement statement = statements.month(employeeNo, shown, user);
        List<MonthStatement.Row> rows = statement.rows();
        List<MonthStatement.Row> pageRows = paging.slice(rows);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < STATEMENT_MONTHS; i++) {
            months.add(current.minusMonths(i));
        }
        if (!months.contains(shown)) {
            months.add(shown);
        }
        long pages = Math.max(1, (rows.size() + STATEMENT_PAGE_SIZE - 1) / STATEMENT_PAGE_SIZE);
        model.addAttribute("agent", agent);
        model.addAttribute("center", center);
        model.addAttribute("own", agent.id() == (user.agentId() == null ? -1 : user.agentId()));
        model.addAttribute("balance", statements.balance(employeeNo, user));
        model.addAttribute("statement", statement);
        model.addAttribute("rows", pageRows);
        model.addAttribute("total", rows.size());
        model.addAttribute("month", shown);
        model.addAttribute("months", months);
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", pages);
        model.addAttribute("chart", balanceChart(statement));
        return "agent/statement";
    }

    /**
     * The month as CSV, one line per row in the table's order, with the opening and closing balance as the first and
     * last line; amounts in exact seconds so a spreadsheet can add them up.
     */
    @GetMapping(value = "/agents/{employeeNo}/statement.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> statementCsv(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        Center center = organisation.centerById(agent.centerId());
        YearMonth shown = month == null ? YearMonth.from(center.today(clock)) : month;
        MonthStatement s = statements.month(employeeNo, shown, user);
        StringBuilder csv = new StringBuilder("business_date,posted_at,service,seconds,balance_seconds,reason\n");
        csv.append(shown.atDay(1)).append(",,OPENING,,").append(s.openingSeconds()).append(",\n");
        for (MonthStatement.Row r : s.rows()) {
            var e = r.entry();
            csv.append(e.businessDate()).append(',')
                    .append(e.createdAt().atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(center.timeZone())
                            .toOffsetDateTime())
                    .append(',').append(e.kind()).append(',').append(e.seconds()).append(',')
                    .append(r.balanceSeconds()).append(',').append(csvText(reasons.text(e))).append('\n');
        }
        csv.append(shown.atEndOfMonth()).append(",,CLOSING,,").append(s.closingSeconds()).append(",\n");
        String file = "statement-" + agent.employeeNo() + "-" + shown + ".csv";
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(file).build().toString())
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading formula sign is neutralised. */
    static String csvText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = SpreadsheetText.neutralised(text);
        return t.matches("(?s).*[\",\r\n].*") ? '"' + t.replace("\"", "\"\"") + '"' : t;
    }
}
