package com.timebank.wfm.web.planner;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

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

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.forecast.IntervalForecast;
import com.timebank.wfm.forecast.app.ForecastRun;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.forecast.app.StoredForecast;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.IntervalTotal;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.staffing.app.StaffingService;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.FormErrors;
import com.timebank.wfm.web.PageFormat;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Forecasts of a center: the list and the form for a new one; a forecast's chart (recent history, the forecast and
 * its 80% and 95% prediction intervals, as JSON read by {@code js/planner-charts.js}), the backtest by method with
 * the chosen method and why; and the staffing requirement per interval. Scope: {@link ForecastService} answers 404
 * for a forecast of a center the user does not plan.
 */
@Controller
class ForecastPages {

    static final int PAGE_SIZE = 20;
    /** Days of history shown before a forecast's first day. */
    static final int HISTORY_DAYS_SHOWN = 14;
    static final int BACKTEST_HORIZON_DAYS = 10;
    static final int BACKTEST_ORIGINS = 6;

    private final PlannerCenters centers;
    private final ForecastService forecasts;
    private final ContactHistoryService history;
    private final PageFormat fmt;
    private final MessageSource messages;
    private final Clock clock;
    private final Flash flash;

    ForecastPages(PlannerCenters centers, ForecastService forecasts, ContactHistoryService history, PageFormat fmt,
            MessageSource messages, Clock clock, Flash flash) {
        this.flash = flash;
        this.centers = centers;
        this.forecasts = forecasts;
        this.history = history;
        this.fmt = fmt;
        this.messages = messages;
        this.clock = clock;
    }

    static String path(long id) {
        return "/planner/forecasts/" + id;
    }

    @GetMapping("/planner/forecasts")
    String list(@RequestParam(required = false) String center, @RequestParam(required = false) Integer page,
            CurrentUser user, Model model) {
        Optional<Center> c = centers.addTo(model, center, user);
        ForecastForm form = new ForecastForm();
        c.ifPresent(x -> {
            LocalDate tomorrow = x.today(clock).plusDays(1);
            form.setFrom(tomorrow);
            form.setTo(tomorrow.plusDays(ForecastService.DEFAULT_HORIZON_DAYS - 1));
        });
        model.addAttribute("forecastForm", form);
        c.ifPresent(x -> listModel(x, page, user, model));
        return "planner/forecasts";
    }

    @PostMapping("/planner/forecasts")
    String create(@RequestParam String center, @ModelAttribute ForecastForm forecastForm, BindingResult binding,
            CurrentUser user, Model model, HttpServletResponse response) {
        Center c = centers.addNamed(model, center, user);
        Dates.require(forecastForm.getFrom(), "from", binding);
        Dates.require(forecastForm.getTo(), "to", binding);
        if (!binding.hasErrors()) {
            try {
                var created = forecasts.create(c.code(), new ForecastService.ForecastRequest(forecastForm.getFrom(),
                        forecastForm.getTo(), forecastForm.getMethod(), forecastForm.getAsOf(), null), user);
                return "redirect:" + path(created.value().run().id());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of(), "planner.forecast.invalid");
            } catch (BusinessRuleException e) {
                binding.reject("planner.forecast.refused", new Object[] {e.reason()}, e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        listModel(c, null, user, model);
        return "planner/forecasts";
    }

    private void listModel(Center c, Integer page, CurrentUser user, Model model) {
        Paging paging = Paging.of(page, PAGE_SIZE);
        var found = forecasts.forecasts(c.code(), paging, user).value();
        model.addAttribute("runs", found.items());
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("methods", forecasts.methods());
        model.addAttribute("hasHistory", history.count(c.id()) > 0);
        model.addAttribute("zone", c.timeZone());
        model.addAttribute("refreshActor", ForecastService.REFRESH_ACTOR);
    }

    @GetMapping("/planner/forecasts/{id}")
    String forecast(@PathVariable long id, @RequestParam(required = false) Long backtest, CurrentUser user,
            Model model) {
        var f = forecasts.forecast(id, user);
        forecastModel(f, user, model);
        if (backtest != null) {
            var b = forecasts.backtest(backtest, user);
            if (b.center().id() != f.center().id()) {
                throw new com.timebank.wfm.api.NotFoundException("Backtest", backtest);
            }
            model.addAttribute("backtest", b.value());
        }
        return "planner/forecast";
    }

    /** Runs a backtest of every method on the forecast's center and shows it in the table. */
    @PostMapping("/planner/forecasts/{id}/backtest")
    String backtest(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        var f = forecasts.forecast(id, user);
        ForecastRun run = f.value().run();
        try {
            var b = forecasts.backtest(f.center().code(), new ForecastService.BacktestRequest(null,
                    BACKTEST_HORIZON_DAYS, BACKTEST_ORIGINS, run.asOf() == null ? run.learnedUpTo() : run.asOf(),
                    run.queue()), user);
            return "redirect:" + path(id) + "?backtest=" + b.value().id() + "#backtest";
        } catch (BusinessRuleException e) {
            forecastModel(f, user, model);
            model.addAttribute("backtestRefused", e.reason());
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "planner/forecast";
        }
    }

    /** Service field names → form fields of the adjustment form. */
    private static final Map<String, String> ADJUST_FIELDS = Map.of("percent", "amount", "contacts", "amount");

    /** A day or an interval range changed by hand, as a new forecast; the page of the new one follows. */
    @PostMapping("/planner/forecasts/{id}/adjust")
    String adjust(@PathVariable long id, @ModelAttribute("adjustForm") AdjustForm form, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var f = forecasts.forecast(id, user);
        if (!AdjustForm.PERCENT.equals(form.getHow()) && !AdjustForm.CONTACTS.equals(form.getHow())) {
            binding.rejectValue("how", "planner.adjust.error.how");
        }
        if (form.getAmount() == null && !binding.hasFieldErrors("amount")) {
            binding.rejectValue("amount", "planner.adjust.error.amount");
        }
        if (!binding.hasErrors()) {
            boolean percent = AdjustForm.PERCENT.equals(form.getHow());
            try {
                var adjusted = forecasts.adjust(id, new ForecastService.AdjustRequest(form.getDate(), form.getFromTime(),
                        form.getToTime(), percent ? form.getAmount() : null, percent ? null : form.getAmount(),
                        form.getReason()), user);
                flash.success(redirect, "planner.adjust.done", adjusted.value().run().id(), id);
                return "redirect:" + path(adjusted.value().run().id());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, ADJUST_FIELDS, "planner.adjust.invalid");
            } catch (BusinessRuleException e) {
                binding.reject("planner.adjust.refused", new Object[] {e.reason()}, e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        forecastModel(f, user, model);
        return "planner/forecast";
    }

    private void forecastModel(ForecastService.InCenter<StoredForecast> f, CurrentUser user, Model model) {
        StoredForecast s = f.value();
        if (!model.containsAttribute("adjustForm")) {
            AdjustForm form = new AdjustForm();
            LocalDate today = f.center().today(clock);
            form.setDate(s.run().from().isAfter(today) ? s.run().from() : today.isAfter(s.run().to()) ? s.run().to() : today);
            model.addAttribute("adjustForm", form);
        }
        model.addAttribute("adjustment", forecasts.adjustment(s.run().id()).orElse(null));
        model.addAttribute("center", f.center());
        model.addAttribute("centers", centers.planned(user));
        model.addAttribute("run", s.run());
        model.addAttribute("closedDays", s.closedDays());
        model.addAttribute("intervalCount", s.intervals().size());
        model.addAttribute("totalContacts", Math.round(s.intervals().stream().mapToDouble(IntervalForecast::contacts).sum()));
        model.addAttribute("backtest", s.selection().orElse(null));
        model.addAttribute("zone", f.center().timeZone());
        model.addAttribute("refreshActor", ForecastService.REFRESH_ACTOR);
    }

    /** The chart's series on one axis of interval starts (closed intervals are left out). */
    record ChartData(List<String> labels, List<Double> history, List<Double> forecast, List<Double> lower80,
            List<Double> upper80, List<Double> lower95, List<Double> upper95, List<Double> before,
            Map<String, String> names, String yTitle, String xTitle) {
    }

    @GetMapping("/planner/forecasts/{id}/chart")
    @ResponseBody
    ChartData chart(@PathVariable long id, CurrentUser user) {
        var f = forecasts.forecast(id, user);
        ForecastRun run = f.value().run();
        Center c = f.center();
        LocalDate yesterday = c.today(clock).minusDays(1);
        LocalDate historyTo = run.to().isBefore(yesterday) ? run.to() : yesterday;
        Map<LocalDateTime, Double> actual = new TreeMap<>();
        if (!historyTo.isBefore(run.from().minusDays(HISTORY_DAYS_SHOWN))) {
            for (IntervalTotal t : history.totals(c.id(), run.queue(), run.from().minusDays(HISTORY_DAYS_SHOWN), historyTo)) {
                actual.put(t.intervalStart(), round(t.contacts()));
            }
        }
        Map<LocalDateTime, IntervalForecast> predicted = new LinkedHashMap<>();
        f.value().intervals().forEach(i -> predicted.put(i.start(), i));
        // a forecast changed by hand also shows the one it was made from, in the changed range
        Map<LocalDateTime, Double> original = new HashMap<>();
        forecasts.adjustment(id).ifPresent(a -> forecasts.forecast(a.basedOnId(), user).value().intervals().stream()
                .filter(a.adjustment()::covers).forEach(i -> original.put(i.start(), round(i.contacts()))));
        TreeSet<LocalDateTime> starts = new TreeSet<>(actual.keySet());
        starts.addAll(predicted.keySet());
        List<String> labels = new ArrayList<>();
        List<Double> h = new ArrayList<>();
        List<Double> fc = new ArrayList<>();
        List<Double> l80 = new ArrayList<>();
        List<Double> u80 = new ArrayList<>();
        List<Double> l95 = new ArrayList<>();
        List<Double> u95 = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (LocalDateTime t : starts) {
            before.add(original.get(t));
            labels.add(fmt.day(t.toLocalDate()) + " " + fmt.time(t));
            h.add(actual.get(t));
            IntervalForecast i = predicted.get(t);
            fc.add(i == null ? null : round(i.contacts()));
            l80.add(i == null ? null : round(i.lower80()));
            u80.add(i == null ? null : round(i.upper80()));
            l95.add(i == null ? null : round(i.lower95()));
            u95.add(i == null ? null : round(i.upper95()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String k : List.of("history", "forecast", "band80", "band95", "before")) {
            names.put(k, message("planner.chart." + k));
        }
        return new ChartData(labels, h, fc, l80, u80, l95, u95, original.isEmpty() ? null : before, names,
                message("planner.chart.axis.contacts", c.intervalMinutes()),
                message("planner.chart.axis.time", c.timeZone().getId()));
    }

    @GetMapping("/planner/forecasts/{id}/requirements")
    String requirements(@PathVariable long id, CurrentUser user, Model model) {
        var f = forecasts.forecast(id, user);
        var r = forecasts.requirements(id, null, user).value();
        forecastModel(f, user, model);
        model.addAttribute("policies", r.policies());
        model.addAttribute("days", days(r));
        return "planner/requirements";
    }

    /** A day of the requirement: contacts, the peak of scheduled agents and the agent-hours to schedule. */
    record DayRequirement(LocalDate date, long contacts, int peakAgents, int peakScheduled, double scheduledHours,
            double lowestServiceLevel) {
    }

    private static List<DayRequirement> days(StaffingService.Requirements r) {
        Map<LocalDate, List<StaffingService.IntervalRequirement>> byDay = new TreeMap<>();
        r.intervals().forEach(i -> byDay.computeIfAbsent(i.demand().start().toLocalDate(), d -> new ArrayList<>()).add(i));
        List<DayRequirement> days = new ArrayList<>();
        byDay.forEach((d, list) -> days.add(new DayRequirement(d,
                Math.round(list.stream().mapToDouble(i -> i.demand().contacts()).sum()),
                list.stream().mapToInt(i -> i.requirement().agents()).max().orElse(0),
                list.stream().mapToInt(i -> i.requirement().scheduledAgents()).max().orElse(0),
                list.stream().mapToInt(i -> i.requirement().scheduledAgents()).sum() * r.intervalMinutes() / 60.0,
                list.stream().filter(i -> i.demand().contacts() > 0).mapToDouble(i -> i.requirement().serviceLevel())
                        .min().orElse(1.0))));
        return days;
    }

    record RequirementChart(List<String> labels, List<Integer> agents, List<Integer> scheduled, List<Double> contacts,
            Map<String, String> names, String yTitle, String y2Title, String xTitle) {
    }

    @GetMapping("/planner/forecasts/{id}/requirements/chart")
    @ResponseBody
    RequirementChart requirementChart(@PathVariable long id, CurrentUser user) {
        var r = forecasts.requirements(id, null, user).value();
        List<String> labels = new ArrayList<>();
        List<Integer> agents = new ArrayList<>();
        List<Integer> scheduled = new ArrayList<>();
        List<Double> contacts = new ArrayList<>();
        for (var i : r.intervals()) {
            LocalDateTime t = i.demand().start();
            labels.add(fmt.day(t.toLocalDate()) + " " + fmt.time(t));
            agents.add(i.requirement().agents());
            scheduled.add(i.requirement().scheduledAgents());
            contacts.add(round(i.demand().contacts()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String k : List.of("agents", "scheduled", "contacts")) {
            names.put(k, message("planner.chart." + k));
        }
        var f = forecasts.forecast(id, user);
        return new RequirementChart(labels, agents, scheduled, contacts, names, message("planner.chart.axis.agents"),
                message("planner.chart.axis.contacts", r.intervalMinutes()),
                message("planner.chart.axis.time", f.center().timeZone().getId()));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
