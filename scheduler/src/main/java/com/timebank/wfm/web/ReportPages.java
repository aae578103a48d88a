package com.timebank.wfm.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.reports.AttendanceReport;
import com.timebank.wfm.reports.AttendanceReportService;
import com.timebank.wfm.reports.BalanceLine;
import com.timebank.wfm.reports.Comparison;
import com.timebank.wfm.reports.ComparisonService;
import com.timebank.wfm.reports.ForecastAccuracy;
import com.timebank.wfm.reports.ForecastAccuracyService;
import com.timebank.wfm.reports.BalanceSheet;
import com.timebank.wfm.reports.BalanceSheetService;
import com.timebank.wfm.reports.Efficiency;
import com.timebank.wfm.reports.EfficiencyService;
import com.timebank.wfm.reports.Outstanding;
import com.timebank.wfm.reports.ReportFile;
import com.timebank.wfm.security.CurrentUser;

/**
 * The report pages (reports.md) for planners and admins (their centers) and leads (their teams), under
 * {@code /lead/reports}: the month's balance sheet with the outstanding balance, and the efficiency over a date
 * range. They show the same figures as the reports API; charts read their points from {@code data-chart}, and the
 * CSV and Excel buttons fetch the API's files through the routes here, in the page's session.
 */
@Controller
class ReportPages {

    static final int MONTHS_OFFERED = 12;

    private final BalanceSheetService sheets;
    private final EfficiencyService efficiency;
    private final OrganisationService organisation;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final AttendanceReportService attendance;
    private final ForecastAccuracyService accuracy;
    private final ComparisonService comparisons;

    ReportPages(BalanceSheetService sheets, EfficiencyService efficiency, OrganisationService organisation,
            MessageSource messages, ObjectMapper json, AttendanceReportService attendance,
            ForecastAccuracyService accuracy, ComparisonService comparisons) {
        this.attendance = attendance;
        this.accuracy = accuracy;
        this.comparisons = comparisons;
        this.sheets = sheets;
        this.efficiency = efficiency;
        this.organisation = organisation;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/lead/reports")
    String balanceSheet(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user, Model model) {
        Center c = chooseCenter(center, team, user, model);
        if (c == null) {
            return "reports/balance-sheet";
        }
        BalanceSheet sheet = sheets.sheet(c.code(), month, blankToNull(team), user);
        Outstanding outstanding = Outstanding.of(sheet,
                sheets.trend(sheets.scope(c.code(), blankToNull(team), user), sheet.month(), 6));
        List<YearMonth> months = new ArrayList<>();
        YearMonth current = sheets.month(c, null);
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            months.add(current.minusMonths(i));
        }
        model.addAttribute("sheet", sheet);
        model.addAttribute("outstanding", outstanding);
        model.addAttribute("month", sheet.month());
        model.addAttribute("months", months);
        model.addAttribute("flows", BalanceLine.FLOWS);
        model.addAttribute("flowChart", flowChart(sheet));
        model.addAttribute("trendChart", trendChart(outstanding));
        return "reports/balance-sheet";
    }

    @GetMapping("/lead/reports/efficiency")
    String efficiency(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String team, CurrentUser user, Model model) {
        Center c = chooseCenter(center, team, user, model);
        if (c == null) {
            return "reports/efficiency";
        }
        Efficiency e = efficiency.efficiency(c.code(), from, to, blankToNull(team), user);
        model.addAttribute("eff", e);
        model.addAttribute("auxChart", auxChart(e));
        return "reports/efficiency";
    }

    @GetMapping("/lead/reports/attendance")
    String attendance(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user, Model model) {
        Center c = chooseCenter(center, team, user, model);
        if (c == null) {
            return "reports/attendance";
        }
        AttendanceReport r = attendance.report(c.code(), month, blankToNull(team), user);
        model.addAttribute("report", r);
        model.addAttribute("month", r.month());
        model.addAttribute("months", monthsOffered(c));
        AttendanceReport.Totals t = r.totals();
        model.addAttribute("attendanceChart", chart("bar",
                List.of(text("reports.attendance.overdraft"), text("reports.attendance.offset"),
                        text("reports.attendance.left")),
                List.of(dataset(text("reports.attendance.chart.series"),
                        List.of(hours(t.overdraftSeconds()), hours(t.offsetSeconds()), hours(t.leftSeconds())))),
                null));
        return "reports/attendance";
    }

    @GetMapping("/lead/reports/forecast")
    String forecastAccuracy(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user, Model model) {
        Center c = chooseCenter(center, null, user, model);
        if (c == null) {
            return "reports/forecast";
        }
        ForecastAccuracy a = accuracy.accuracy(c.code(), from, to, user);
        model.addAttribute("acc", a);
        model.addAttribute("plans", user.plansCenter(c.id()));
        List<String> labels = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> forecast = new ArrayList<>();
        a.days().forEach(d -> {
            labels.add(d.date().toString());
            actual.add(d.figures().actualContacts());
            forecast.add(d.figures().forecastContacts());
        });
        model.addAttribute("dayChart", chart("line", labels, List.of(
                dataset(text("reports.forecast.actual"), actual), dataset(text("reports.forecast.forecast"), forecast)),
                null));
        List<String> slotLabels = new ArrayList<>();
        List<Double> slotWmape = new ArrayList<>();
        a.intervals().forEach(s -> {
            slotLabels.add(s.time().toString());
            slotWmape.add(s.figures().wmape() == null ? null : percent(s.figures().wmape()));
        });
        model.addAttribute("slotChart", chart("bar", slotLabels,
                List.of(dataset(text("reports.forecast.wmape.series"), slotWmape)), null));
        return "reports/forecast";
    }

    @GetMapping("/lead/reports/comparison")
    String comparison(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer months, @RequestParam(required = false) String team,
            CurrentUser user, Model model) {
        Center c = chooseCenter(center, team, user, model);
        model.addAttribute("date", date);
        model.addAttribute("monthsBack", months == null ? 3 : months);
        if (c == null || date == null) {
            return "reports/comparison";
        }
        Comparison cmp = comparisons.compare(c.code(), date, months, blankToNull(team), user);
        model.addAttribute("cmp", cmp);
        List<String> labels = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        for (Comparison.Figure f : cmp.figures()) {
            if (f.unit() == Comparison.Unit.SHARE) {
                labels.add(text("reports.figure." + f.name()));
                before.add(f.before() == null ? null : percent(f.before()));
                after.add(f.after() == null ? null : percent(f.after()));
            }
        }
        model.addAttribute("comparisonChart", chart("bar", labels, List.of(
                dataset(text("reports.comparison.before"), before), dataset(text("reports.comparison.after"), after)),
                null));
        return "reports/comparison";
    }

    @GetMapping("/lead/reports/service")
    String serviceDay(@RequestParam(required = false) String center,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, CurrentUser user,
            Model model) {
        Center c = chooseCenter(center, null, user, model);
        model.addAttribute("date", date);
        if (c == null) {
            return "reports/service";
        }
        Efficiency e = efficiency.efficiency(c.code(), date, date, null, user);
        Efficiency.ServiceDay day = e.days().stream().map(Efficiency.DayFigures::service)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        model.addAttribute("day", day);
        model.addAttribute("plans", user.plansCenter(c.id()));
        if (day != null) {
            List<String> labels = new ArrayList<>();
            List<Double> required = new ArrayList<>();
            List<Double> scheduled = new ArrayList<>();
            day.intervals().forEach(i -> {
                labels.add(i.start().toLocalTime().toString());
                required.add((double) i.required());
                scheduled.add(i.netOfBreaks());
            });
            model.addAttribute("serviceChart", chart("line", labels, List.of(
                    dataset(text("reports.required"), required),
                    dataset(text("reports.service.net-of-breaks"), scheduled)), null));
        }
        return "reports/service";
    }

    /*
     * The report files behind the pages' CSV and Excel buttons. The API's own routes take HTTP Basic only (no cookies,
     * so no CSRF exposure), which a page's session is not: these send the API's file in the same scope.
     */

    @GetMapping("/lead/reports/balance-sheet.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> balanceSheetFile(@RequestParam String center, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user) {
        return ReportFile.balanceSheet(sheets.sheet(center, month, blankToNull(team), user))
                .download("xlsx".equals(format));
    }

    @GetMapping("/lead/reports/efficiency.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> efficiencyFile(@RequestParam String center, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String team, CurrentUser user) {
        return ReportFile.efficiency(efficiency.efficiency(center, from, to, blankToNull(team), user))
                .download("xlsx".equals(format));
    }

    @GetMapping("/lead/reports/attendance.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> attendanceFile(@RequestParam String center, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, @RequestParam(defaultValue = "false") boolean rewardOnly,
            CurrentUser user) {
        return ReportFile.attendance(attendance.report(center, month, blankToNull(team), user), rewardOnly)
                .download("xlsx".equals(format));
    }

    @GetMapping("/lead/reports/comparison.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> comparisonFile(@RequestParam String center, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer months, @RequestParam(required = false) String team,
            CurrentUser user) {
        return ReportFile.comparison(comparisons.compare(center, date, months, blankToNull(team), user))
                .download("xlsx".equals(format));
    }

    @GetMapping("/agents/{employeeNo}/efficiency")
    String agentEfficiency(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user, Model model) {
        com.timebank.wfm.reports.AgentEfficiency e = efficiency.agent(employeeNo, from, to, user);
        model.addAttribute("eff", e);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        e.days().forEach(d -> {
            labels.add(d.date().toString());
            values.add(d.figures().auxShare() == null ? null : percent(d.figures().auxShare()));
            targets.add(d.figures().auxTarget() == null ? null : percent(d.figures().auxTarget()));
        });
        model.addAttribute("auxChart", auxChart("bar", labels, values, targets, e.auxTargets().changed(),
                e.auxTarget()));
        return "reports/agent";
    }

    private List<YearMonth> monthsOffered(Center c) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth current = sheets.month(c, null);
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            months.add(current.minusMonths(i));
        }
        return months;
    }

    /** The center named (or the user's first), the centers and the teams to choose from; null when none. */
    private Center chooseCenter(String code, String team, CurrentUser user, Model model) {
        List<Center> centers = organisation.centers(user);
        Center c = code == null || code.isBlank() ? centers.stream().findFirst().orElse(null)
                : organisation.center(code.trim(), user);
        model.addAttribute("centers", centers);
        model.addAttribute("center", c);
        model.addAttribute("team", blankToNull(team));
        model.addAttribute("teams", c == null ? List.of() : organisation.teams(c.code(), user));
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The center's (or the teams') month by service, in hours: credits up, debits down. */
    private String flowChart(BalanceSheet sheet) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (EntryKind k : BalanceLine.FLOWS) {
            labels.add(text("reports.flow." + k.name()));
            values.add(hours(sheet.total().flow(k) + sheet.total().reversal(k)));
        }
        return chart("bar", labels, List.of(dataset(text("reports.balance.chart.series"), values)), null);
    }

    private String trendChart(Outstanding o) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        o.trend().forEach(p -> {
            labels.add(p.month().toString());
            values.add(hours(p.seconds()));
        });
        return chart("line", labels, List.of(dataset(text("reports.outstanding.chart.series"), values)), null);
    }

    /** Aux share per day in percent, with the target line. */
    private String auxChart(Efficiency e) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (Efficiency.DayFigures d : e.days()) {
            labels.add(d.date().toString());
            values.add(d.aux() == null || d.aux().auxShare() == null ? null : percent(d.aux().auxShare()));
            targets.add(percent(d.auxTarget()));
        }
        return auxChart("line", labels, values, targets, e.auxTargets().changed(), e.auxTarget());
    }

    /** The target as a flat line, or, when it changed within the range, as a series of each day's target. */
    private String auxChart(String type, List<String> labels, List<Double> values, List<Double> targets,
            boolean changed, BigDecimal target) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("label", text("reports.efficiency.chart.target"));
        line.put("value", percent(target));
        if (changed) {
            line.put("values", targets);
        }
        return chart(type, labels, List.of(dataset(text("reports.efficiency.chart.series"), values)), line);
    }

    private static Map<String, Object> dataset(String label, List<Double> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("data", data);
        return m;
    }

    private String chart(String type, List<String> labels, List<Map<String, Object>> datasets,
            Map<String, Object> target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("labels", labels);
        m.put("datasets", datasets);
        m.put("target", target);
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static double hours(long seconds) {
        return Math.round(seconds / 36.0) / 100.0;
    }

    private static double percent(BigDecimal ratio) {
        return ratio.movePointRight(2).doubleValue();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
