package com.timebank.wfm.web.planner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.roster.DateCoverageService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.PageFormat;

/**
 * Requirements of a chosen day (the center's today by default) interval by interval: required agents against the
 * published roster's agents on the phone, net of their breaks (the head count beside it), and the service level
 * predicted for the agents on the phone, as {@code GET /api/rosters/{id}} reports them. The figures are the roster service's coverage of that date
 * ({@link DateCoverageService#byInterval}), the same a lead sees when deciding on time off.
 */
@Controller
class DayCoveragePages {

    private final PlannerCenters centers;
    private final DateCoverageService coverage;
    private final PageFormat fmt;
    private final MessageSource messages;
    private final Clock clock;

    DayCoveragePages(PlannerCenters centers, DateCoverageService coverage, PageFormat fmt, MessageSource messages,
            Clock clock) {
        this.centers = centers;
        this.coverage = coverage;
        this.fmt = fmt;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/planner/coverage")
    String page(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            CurrentUser user, Model model) {
        centers.addTo(model, center, user).ifPresent(c -> {
            LocalDate day = date != null ? date : c.today(clock);
            Optional<DateCoverageService.DateCoverage> found = coverage.byInterval(c.id(), day);
            model.addAttribute("date", day);
            model.addAttribute("coverage", found.orElse(null));
            model.addAttribute("intervals", found.map(DateCoverageService.DateCoverage::intervals).orElse(List.of()));
        });
        return "planner/coverage";
    }

    /** {@code onPhone}: agents on the phone net of breaks; {@code scheduled}: the head count, breaks included. */
    record CoverageChart(List<String> labels, List<Integer> required, List<Double> onPhone, List<Integer> scheduled,
            List<Double> contacts,
            Map<String, String> names, String yTitle, String y2Title, String xTitle) {
    }

    @GetMapping("/planner/coverage/chart")
    @ResponseBody
    CoverageChart chart(@RequestParam String center,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, CurrentUser user) {
        Center c = centers.named(center, user);
        List<String> labels = new ArrayList<>();
        List<Integer> required = new ArrayList<>();
        List<Double> onPhone = new ArrayList<>();
        List<Integer> scheduled = new ArrayList<>();
        List<Double> contacts = new ArrayList<>();
        coverage.byInterval(c.id(), date).ifPresent(d -> d.intervals().forEach(i -> {
            labels.add(fmt.time(i.coverage().start()));
            required.add(i.coverage().required());
            onPhone.add(Math.round(i.coverage().onPhone() * 100) / 100.0);
            scheduled.add(i.coverage().scheduled());
            contacts.add(Math.round(i.requirement().contacts() * 100) / 100.0);
        }));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("required", message("planner.coverage.chart.required"));
        names.put("onPhone", message("planner.coverage.chart.on-phone"));
        names.put("scheduled", message("planner.coverage.chart.scheduled"));
        names.put("contacts", message("planner.chart.contacts"));
        return new CoverageChart(labels, required, onPhone, scheduled, contacts, names, message("planner.chart.axis.agents"),
                message("planner.chart.axis.contacts", c.intervalMinutes()),
                message("planner.chart.axis.time", c.timeZone().getId()));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
