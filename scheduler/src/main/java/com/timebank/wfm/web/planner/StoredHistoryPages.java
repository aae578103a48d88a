package com.timebank.wfm.web.planner;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.IntervalTotal;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.PageFormat;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The stored contact history of a center as a chart and a table: contacts and AHT by interval and by day, over a
 * chosen range of days (by default the last two weeks with history).
 */
@Controller
class StoredHistoryPages {

    static final int DEFAULT_DAYS = 14;
    static final int MAX_DAYS = 92;

    private final PlannerCenters centers;
    private final ContactHistoryService history;
    private final PageFormat fmt;
    private final MessageSource messages;
    private final Clock clock;

    StoredHistoryPages(PlannerCenters centers, ContactHistoryService history, PageFormat fmt, MessageSource messages,
            Clock clock) {
        this.centers = centers;
        this.history = history;
        this.fmt = fmt;
        this.messages = messages;
        this.clock = clock;
    }

    /** A day of history: its contacts and the contact-weighted AHT (null on a day without contacts). */
    record HistoryDay(LocalDate date, long contacts, Long ahtSeconds) {
    }

    record Range(LocalDate from, LocalDate to) {
    }

    @GetMapping("/planner/history/stored")
    String page(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user, Model model, HttpServletResponse response) {
        centers.addTo(model, center, user).ifPresent(c -> {
            Range r;
            try {
                r = range(c, from, to);
            } catch (InvalidInputException e) {
                // the refused range is shown next to its field, with the default range drawn below
                model.addAttribute("rangeError", e.errors().get(0));
                response.setStatus(e.status().value());
                r = range(c, null, null);
            }
            model.addAttribute("from", r.from());
            model.addAttribute("to", r.to());
            model.addAttribute("maxDays", MAX_DAYS);
            model.addAttribute("days", days(history.totals(c.id(), null, r.from(), r.to())));
        });
        return "planner/stored-history";
    }

    /** Chart series: contacts (left axis) and AHT in seconds (right axis), by interval or by day. */
    record HistoryChart(List<String> labels, List<Double> contacts, List<Long> aht, Map<String, String> names,
            String yTitle, String y2Title, String xTitle) {
    }

    @GetMapping("/planner/history/stored/chart")
    @ResponseBody
    HistoryChart chart(@RequestParam String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "interval") String by, CurrentUser user) {
        Center c = centers.named(center, user);
        Validation v = new Validation();
        v.require("interval".equals(by) || "day".equals(by), "by", "planner.stored.by-invalid");
        v.throwIfInvalid();
        Range r = range(c, from, to);
        List<IntervalTotal> totals = history.totals(c.id(), null, r.from(), r.to());
        List<String> labels = new ArrayList<>();
        List<Double> contacts = new ArrayList<>();
        List<Long> aht = new ArrayList<>();
        if ("day".equals(by)) {
            for (HistoryDay d : days(totals)) {
                labels.add(fmt.day(d.date()));
                contacts.add((double) d.contacts());
                aht.add(d.ahtSeconds());
            }
        } else {
            for (IntervalTotal t : totals) {
                LocalDateTime s = t.intervalStart();
                labels.add(fmt.day(s.toLocalDate()) + " " + fmt.time(s));
                contacts.add(Math.round(t.contacts() * 100) / 100.0);
                aht.add(t.contacts() > 0 ? Math.round(t.ahtSeconds()) : null);
            }
        }
        Map<String, String> names = Map.of("contacts", message("planner.chart.contacts"),
                "aht", message("planner.stored.chart.aht"));
        return new HistoryChart(labels, contacts, aht, names,
                "day".equals(by) ? message("planner.stored.axis.contacts-day")
                        : message("planner.chart.axis.contacts", c.intervalMinutes()),
                message("planner.stored.axis.aht"),
                "day".equals(by) ? message("planner.stored.axis.day", c.timeZone().getId())
                        : message("planner.chart.axis.time", c.timeZone().getId()));
    }

    /**
     * The chosen range, bounded: by default the last {@value #DEFAULT_DAYS} days up to the last day with history
     * (or the center's yesterday); {@code to} not before {@code from}, at most {@value #MAX_DAYS} days.
     */
    private Range range(Center c, LocalDate from, LocalDate to) {
        LocalDate yesterday = c.today(clock).minusDays(1);
        LocalDate end = to != null ? to
                : from != null ? from.plusDays(DEFAULT_DAYS - 1L) : history.lastDate(c.id(), null, yesterday).orElse(yesterday);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1L);
        Validation v = new Validation();
        v.require(!end.isBefore(start), "to", "planner.stored.to-before-from");
        v.throwIfInvalid();
        v.require(ChronoUnit.DAYS.between(start, end) < MAX_DAYS, "to", "planner.stored.too-many-days", MAX_DAYS);
        v.throwIfInvalid();
        return new Range(start, end);
    }

    static List<HistoryDay> days(List<IntervalTotal> totals) {
        Map<LocalDate, double[]> byDay = new TreeMap<>();
        for (IntervalTotal t : totals) {
            double[] d = byDay.computeIfAbsent(t.intervalStart().toLocalDate(), x -> new double[2]);
            d[0] += t.contacts();
            d[1] += t.contacts() * t.ahtSeconds();
        }
        List<HistoryDay> days = new ArrayList<>();
        byDay.forEach((date, d) -> days.add(new HistoryDay(date, Math.round(d[0]),
                d[0] > 0 ? Math.round(d[1] / d[0]) : null)));
        return days;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
