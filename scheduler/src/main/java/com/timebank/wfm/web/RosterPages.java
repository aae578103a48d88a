package com.timebank.wfm.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.forecast.app.ForecastRun;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.RosterRun;
import com.timebank.wfm.roster.CoverageQuality;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.roster.RosterStatus;
import com.timebank.wfm.security.CurrentUser;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A planner's roster pages: the center's rosters and the start form, one roster's live solve (best score over time),
 * coverage heatmap, shift grid and explanation, stop, publish and re-solve. The same {@link RosterService} as the
 * API decides scope: a roster or center the user does not plan is a 404; /planner/** is for planners and admins.
 */
@Controller
class RosterPages {

    static final int MAX_SOLVE_SECONDS = RosterService.MAX_SOLVE_SECONDS;
    static final int DEFAULT_SOLVE_SECONDS = RosterService.DEFAULT_SOLVE_SECONDS;
    static final int MAX_DAYS = RosterService.MAX_DAYS;
    static final int PAGE_SIZE = 20;

    private final RosterService rosters;
    private final ForecastService forecasts;
    private final OrganisationService organisation;
    private final MessageSource messages;
    private final Flash flash;
    private final ObjectMapper json;
    private final PageFormat fmt;
    private final Clock clock;

    RosterPages(RosterService rosters, ForecastService forecasts, OrganisationService organisation,
            MessageSource messages, Flash flash, ObjectMapper json, PageFormat fmt, Clock clock) {
        this.rosters = rosters;
        this.forecasts = forecasts;
        this.organisation = organisation;
        this.messages = messages;
        this.flash = flash;
        this.json = json;
        this.fmt = fmt;
        this.clock = clock;
    }

    static String path(long id) {
        return "/planner/rosters/" + id;
    }

    // ---- the center's rosters and the start form ----

    @GetMapping("/planner/rosters")
    String list(@RequestParam(required = false) String center, @RequestParam(required = false) Integer page,
            CurrentUser user, Model model) {
        Center c = chosenCenter(center, user);
        List<ForecastRun> choices = forecastChoices(c, user);
        RosterStartForm form = new RosterStartForm();
        form.setCenter(c.code());
        form.setSolveSeconds(DEFAULT_SOLVE_SECONDS);
        if (!choices.isEmpty()) {
            ForecastRun newest = choices.get(0);
            form.setForecastId(newest.id());
            form.setFrom(newest.from());
            form.setTo(newest.to());
        }
        model.addAttribute("rosterStartForm", form);
        listModel(c, page, choices, user, model);
        return "roster/list";
    }

    @PostMapping("/planner/rosters")
    String start(@ModelAttribute RosterStartForm rosterStartForm, BindingResult binding, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Center c = organisation.plannedCenter(rosterStartForm.getCenter() == null ? "" : rosterStartForm.getCenter(), user);
        List<ForecastRun> choices = forecastChoices(c, user);
        RosterService.StartRequest request = validate(rosterStartForm, choices, binding);
        if (!binding.hasErrors()) {
            try {
                RosterRun run = rosters.start(c.code(), request, user);
                flash.success(redirect, "roster.started", run.id());
                return "redirect:" + path(run.id());
            } catch (InvalidInputException e) {
                for (FieldError f : e.errors()) {
                    String field = List.of("from", "to", "forecastId", "solveSeconds").contains(f.field()) ? f.field() : "from";
                    binding.rejectValue(field, "roster.error.refused", new Object[] {f.reason()}, f.message());
                }
            } catch (BusinessRuleException e) {
                binding.reject("roster.error.refused", new Object[] {e.reason()}, e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        listModel(c, 0, choices, user, model);
        return "roster/list";
    }

    /** The form's own checks, each message by its field (the service checks the same again). */
    private RosterService.StartRequest validate(RosterStartForm f, List<ForecastRun> choices, BindingResult b) {
        LocalDate from = date(f.getFrom(), "from", b);
        LocalDate to = date(f.getTo(), "to", b);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                b.rejectValue("to", "roster.error.to-before-from");
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                b.rejectValue("to", "roster.error.too-long", new Object[] {MAX_DAYS}, null);
            }
        }
        Long forecastId = null;
        if (f.getForecastId() == null) {
            if (!b.hasFieldErrors("forecastId")) {
                b.rejectValue("forecastId", "roster.error.forecast.required");
            }
        } else {
            ForecastRun chosen = choices.stream().filter(r -> r.id() == f.getForecastId()).findFirst().orElse(null);
            if (chosen == null) {
                b.rejectValue("forecastId", "roster.error.forecast.unknown");
            } else {
                forecastId = chosen.id();
                if (from != null && to != null && !b.hasFieldErrors("to")
                        && (from.isBefore(chosen.from()) || to.isAfter(chosen.to()))) {
                    b.rejectValue("forecastId", "roster.error.forecast.period",
                            new Object[] {fmt.date(chosen.from()), fmt.date(chosen.to())}, null);
                }
            }
        }
        Integer seconds = solveSeconds(f.getSolveSeconds(), b);
        return new RosterService.StartRequest(from, to, forecastId, seconds);
    }

    /** The bound date; an empty one is refused here, one that did not parse already by the binder. */
    private static LocalDate date(LocalDate value, String field, BindingResult b) {
        if (value == null && !b.hasFieldErrors(field)) {
            b.rejectValue(field, "roster.error.date.required");
        }
        return value;
    }

    /** Seconds within the service's limit (a value that is no number the binder refused with the same message). */
    private static Integer solveSeconds(Integer seconds, BindingResult b) {
        if (!b.hasFieldErrors("solveSeconds") && (seconds == null || seconds < 1 || seconds > MAX_SOLVE_SECONDS)) {
            b.rejectValue("solveSeconds", "roster.error.solve-seconds", new Object[] {MAX_SOLVE_SECONDS}, null);
        }
        return seconds;
    }

    private void listModel(Center c, Integer page, List<ForecastRun> choices, CurrentUser user, Model model) {
        int p = page == null || page < 0 ? 0 : page;
        RosterService.Page found = rosters.rosters(c.code(), Paging.of(p, PAGE_SIZE), user);
        model.addAttribute("center", c);
        model.addAttribute("centers", plannedCenters(user));
        model.addAttribute("rosters", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", p);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < found.total());
        model.addAttribute("forecasts", choices);
        model.addAttribute("maxSolveSeconds", MAX_SOLVE_SECONDS);
        model.addAttribute("today", c.today(clock));
    }

    private List<Center> plannedCenters(CurrentUser user) {
        return organisation.centers(user).stream().filter(c -> user.plansCenter(c.id())).toList();
    }

    /** The center asked for (404 outside the user's planning), else the first the user plans. */
    private Center chosenCenter(String code, CurrentUser user) {
        if (code != null && !code.isBlank()) {
            return organisation.plannedCenter(code, user);
        }
        return plannedCenters(user).stream().findFirst()
                .orElseThrow(() -> new com.timebank.wfm.api.NotFoundException("Center", "any"));
    }

    private List<ForecastRun> forecastChoices(Center c, CurrentUser user) {
        return forecasts.forecasts(c.code(), Paging.of(0, 50), user).value().items();
    }

    // ---- one roster ----

    @GetMapping("/planner/rosters/{id}")
    String roster(@PathVariable long id, CurrentUser user, Model model) {
        rosterModel(id, user, model);
        if (!model.containsAttribute("rosterResolveForm")) {
            RosterResolveForm form = new RosterResolveForm();
            form.setSolveSeconds(((RosterRun) model.getAttribute("run")).solveSeconds());
            model.addAttribute("rosterResolveForm", form);
        }
        return "roster/roster";
    }

    @GetMapping("/planner/rosters/{id}/shifts")
    String shifts(@PathVariable long id, CurrentUser user, Model model) {
        RosterService.RosterDetail d = rosters.roster(id, user);
        header(d.run(), d.center(), model);
        model.addAttribute("grid", RosterGrids.shifts(d.run().from(), d.run().to(), d.shifts()));
        return "roster/shifts";
    }

    @GetMapping("/planner/rosters/{id}/explanation")
    String explanation(@PathVariable long id, CurrentUser user, Model model) {
        RosterService.Explanation e = rosters.explanation(id, user);
        header(e.run(), e.center(), model);
        Locale locale = LocaleContextHolder.getLocale();
        List<ConstraintRow> constraints = e.constraints().stream()
                .map(c -> new ConstraintRow(constraintLabel(c.constraint(), locale), c.score().hardScore(),
                        c.score().softScore(), c.matches()))
                .toList();
        model.addAttribute("explanation", e);
        model.addAttribute("constraints", constraints);
        model.addAttribute("shortRanges", RosterGrids.shortRanges(e.shortIntervals(), e.center().intervalMinutes()));
        model.addAttribute("shortTotal", Math.round(e.shortIntervals().stream().mapToDouble(s -> s.shortfall()).sum() * 100) / 100.0);
        return "roster/explanation";
    }

    public record ConstraintRow(String label, long hard, long soft, int matches) {
    }

    /** A constraint's name in the reader's language; a constraint without a translation keeps its own name. */
    private String constraintLabel(String name, Locale locale) {
        String key = "roster.constraint." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return messages.getMessage(key, null, name, locale);
    }

    /** The live solve's data, polled by roster-progress.js with the session (the API is Basic-auth only). */
    @GetMapping("/planner/rosters/{id}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable long id, CurrentUser user) {
        RosterService.Progress p = rosters.progress(id, user);
        return progressData(p, rosters.roster(id, user));
    }

    /** Status, scores, the figures of the cards and the timeline: all from the best solution saved so far. */
    private Map<String, Object> progressData(RosterService.Progress p, RosterService.RosterDetail d) {
        RosterRun r = p.run();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status().name());
        out.put("statusText", messages.getMessage("roster.status." + r.status().name(), null,
                LocaleContextHolder.getLocale()));
        out.put("solving", r.status() == RosterStatus.SOLVING);
        out.put("hard", r.hardScore());
        out.put("soft", r.softScore());
        out.put("solvedSeconds", r.solvedMillis() / 1000);
        out.put("solveSeconds", r.solveSeconds());
        // the cards below the chart and the "first roster" note follow the same saved solution
        out.put("firstSaved", r.hardScore() != null);
        out.put("shortfall", d.shortfallAgentIntervals());
        out.put("overstaffedText", messages.getMessage("roster.figure.overstaffed",
                new Object[] {fmt.number(d.overstaffedAgentIntervals())}, LocaleContextHolder.getLocale()));
        Locale locale = LocaleContextHolder.getLocale();
        CoverageQuality quality = d.quality();
        Double gap = quality.gap();
        out.put("boundGap", gap == null ? "—" : fmt.percentAtMost(gap));
        String boundKey = quality.boundState() == null ? "roster.bound.not-available"
                : switch (quality.boundState()) {
                    case COMPUTING -> "roster.bound.computing";
                    case NOT_AVAILABLE -> "roster.bound.not-available";
                    case AVAILABLE -> gap == null ? "roster.bound.waiting" : "roster.bound.within";
                };
        out.put("boundText", messages.getMessage(boundKey, new Object[] {gap == null ? "" : fmt.percentAtMost(gap)}, locale));
        Double floor = d.minimumShortfallAgentIntervals();
        // only a floor above 0 says something true to act on: that many short agent-intervals need more agents
        out.put("floorText", floor == null || floor <= 0 ? ""
                : messages.getMessage("roster.figure.floor", new Object[] {fmt.number(floor)}, locale));
        List<Map<String, Object>> points = new ArrayList<>();
        p.timeline().forEach(s -> points.add(Map.of("t", s.elapsedMillis() / 1000.0, "hard", s.hardScore(),
                "soft", s.softScore())));
        out.put("points", points);
        return out;
    }

    @PostMapping("/planner/rosters/{id}/stop")
    String stop(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        try {
            rosters.stop(id, user);
            flash.success(redirect, "roster.stopped");
        } catch (ConflictException e) {
            flash.error(redirect, "roster.error.refused", e.reason());
        }
        return "redirect:" + path(id);
    }

    @PostMapping("/planner/rosters/{id}/continue")
    String continueSolving(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        try {
            rosters.continueSolving(id, null, user);
            flash.success(redirect, "roster.continued");
        } catch (ConflictException e) {
            flash.error(redirect, "roster.error.refused", e.reason());
        }
        return "redirect:" + path(id);
    }

    @PostMapping("/planner/rosters/{id}/publish")
    String publish(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        try {
            RosterRun run = rosters.publish(id, user);
            long shifts = rosters.roster(id, user).shifts().size();
            flash.success(redirect, "roster.published", shifts, fmt.date(run.from()), fmt.date(run.to()));
        } catch (ConflictException | BusinessRuleException e) {
            flash.error(redirect, "roster.error.refused", e.reason());
        }
        return "redirect:" + path(id);
    }

    @PostMapping("/planner/rosters/{id}/resolve")
    String resolve(@PathVariable long id, @ModelAttribute RosterResolveForm rosterResolveForm, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        RosterRun parent = rosters.progress(id, user).run();
        List<LocalDate> dates = new ArrayList<>();
        if (!binding.hasFieldErrors("dates*")) {
            for (LocalDate date : rosterResolveForm.getDates()) {
                if (date == null) {
                    continue;
                }
                if (date.isBefore(parent.from()) || date.isAfter(parent.to())) {
                    binding.rejectValue("dates", "roster.error.resolve.date-outside");
                    break;
                }
                dates.add(date);
            }
        }
        List<String> employeeNos = rosterResolveForm.getEmployeeNos().stream().filter(s -> !s.isBlank()).toList();
        if (dates.isEmpty() && employeeNos.isEmpty() && !binding.hasFieldErrors("dates*")) {
            binding.rejectValue("dates", "roster.error.resolve.nothing");
        }
        Integer seconds = solveSeconds(rosterResolveForm.getSolveSeconds(), binding);
        if (!binding.hasErrors()) {
            try {
                RosterRun run = rosters.resolve(id, new RosterService.ResolveRequest(dates, employeeNos, seconds), user);
                flash.success(redirect, "roster.resolve.started", run.id(), id);
                return "redirect:" + path(run.id());
            } catch (InvalidInputException e) {
                for (FieldError f : e.errors()) {
                    String field = f.field().startsWith("employeeNos") ? "employeeNos"
                            : f.field().startsWith("solveSeconds") ? "solveSeconds" : "dates";
                    binding.rejectValue(field, "roster.error.refused", new Object[] {f.reason()}, f.message());
                }
            } catch (ConflictException e) {
                binding.rejectValue("dates", "roster.error.refused", new Object[] {e.reason()}, e.getMessage());
                response.setStatus(HttpStatus.CONFLICT.value());
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        rosterModel(id, user, model);
        return "roster/roster";
    }

    private void rosterModel(long id, CurrentUser user, Model model) {
        RosterService.RosterDetail d = rosters.roster(id, user);
        RosterService.Progress p = rosters.progress(id, user);
        header(d.run(), d.center(), model);
        model.addAttribute("detail", d);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("heatmap", RosterGrids.heatmap(d.run().from(), d.run().to(), d.coverage(),
                (date, i) -> messages.getMessage("roster.heatmap.cell", new Object[] {fmt.day(date),
                        fmt.time(i.start()), i.required(), fmt.number(Math.round(i.onPhone() * 100) / 100.0), fmt.percent(i.serviceLevel())}, locale)));
        model.addAttribute("agents", RosterGrids.shifts(d.run().from(), d.run().to(), d.shifts()).agents());
        model.addAttribute("levels", RosterGrids.Level.values());
        model.addAttribute("agentIssues", d.agentIssues().stream().map(i -> new AgentIssueLine(i.employeeNo(),
                messages.getMessage("roster.issue.rule." + i.rule(), null, locale), fmt.day(i.weekStart()),
                messages.getMessage(i.reason(), i.args().toArray(), locale))).toList());
        Map<String, Object> progressData = progressData(p, d);
        model.addAttribute("progressData", progressData);
        try {
            model.addAttribute("progressJson", json.writeValueAsString(progressData));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An agent the roster could not judge, as the page shows it. */
    record AgentIssueLine(String employeeNo, String rule, String week, String text) {
    }

    private static void header(RosterRun run, Center center, Model model) {
        model.addAttribute("run", run);
        model.addAttribute("center", center);
    }
}
