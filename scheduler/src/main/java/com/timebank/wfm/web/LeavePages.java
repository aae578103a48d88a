package com.timebank.wfm.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.TimeOffRules;
import com.timebank.wfm.leave.TimeOffQuotaService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.leave.TimeOffStatus;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.InsufficientBalanceException;
import com.timebank.wfm.timebank.StatementService;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An agent's leave pages: outstanding leave of a month with the offset choice until the deadline (read-only with
 * the attendance once closed), and time off: a calendar of the coming weeks with busy days and free quota, the
 * request form, and the agent's requests with cancel. The agent sees their own; their lead, planner or admin sees
 * them too; anyone else gets the 404 page.
 */
@Controller
class LeavePages {

    static final int CALENDAR_WEEKS = 6;
    static final int REQUESTS_PAST_DAYS = 31;
    static final int MAX_MONTHS_BACK = 12;

    private final OrganisationService organisation;
    private final LeaveService leave;
    private final TimeOffService timeOff;
    private final TimeOffQuotaService quotas;
    private final StatementService statements;
    private final ShiftService shifts;
    private final CenterSettingsService settings;
    private final Flash flash;
    private final PageFormat fmt;
    private final Clock clock;

    LeavePages(OrganisationService organisation, LeaveService leave, TimeOffService timeOff, TimeOffQuotaService quotas,
            StatementService statements, ShiftService shifts, CenterSettingsService settings, Flash flash,
            PageFormat fmt, Clock clock) {
        this.organisation = organisation;
        this.leave = leave;
        this.timeOff = timeOff;
        this.quotas = quotas;
        this.statements = statements;
        this.shifts = shifts;
        this.settings = settings;
        this.flash = flash;
        this.fmt = fmt;
        this.clock = clock;
    }

    static String leavePath(String employeeNo) {
        return AgentPages.path(employeeNo) + "/leave";
    }

    static String timeOffPath(String employeeNo) {
        return AgentPages.path(employeeNo) + "/time-off";
    }

    // ------------------------------------------------------------------ outstanding leave and offsets

    @GetMapping("/agents/{employeeNo}/leave")
    String leave(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, CurrentUser user,
            Model model) {
        Agent agent = organisation.agent(employeeNo, user);
        Center center = organisation.centerById(agent.centerId());
        YearMonth shown = month == null ? openMonth(agent, center, user) : month;
        LeaveService.MonthView view = leave.month(employeeNo, shown, user);
        YearMonth current = YearMonth.from(center.today(clock));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i <= MAX_MONTHS_BACK; i++) {
            months.add(current.minusMonths(i));
        }
        if (!months.contains(shown)) {
            months.add(shown);
        }
        model.addAttribute("agent", agent);
        model.addAttribute("center", center);
        model.addAttribute("own", own(agent, user));
        model.addAttribute("view", view);
        model.addAttribute("months", months);
        model.addAttribute("month", shown);
        model.addAttribute("zone", center.timeZone().getId());
        model.addAttribute("shortSeconds", Math.max(0, view.chosenSeconds() - view.availableSeconds()));
        return "agent/leave";
    }

    /** The oldest month still open for offset choices (last month until its close day), else the current one. */
    YearMonth openMonth(Agent agent, Center center, CurrentUser user) {
        YearMonth current = YearMonth.from(center.today(clock));
        LeaveService.MonthView previous = leave.month(agent.employeeNo(), current.minusMonths(1), user);
        return previous.open() ? previous.month() : current;
    }

    @PostMapping("/agents/{employeeNo}/leave")
    String chooseOffsets(@PathVariable String employeeNo,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(name = "leaveIds", required = false) List<Long> leaveIds, CurrentUser user,
            RedirectAttributes redirect) {
        Agent agent = organisation.agent(employeeNo, user);
        List<Long> ids = leaveIds == null ? List.of() : leaveIds;
        try {
            LeaveService.MonthView v = leave.chooseOffsets(agent.employeeNo(), month, ids, user);
            flash.success(redirect, "agent.leave.saved", fmt.month(month), ids.size(), fmt.duration(v.chosenSeconds()));
        } catch (ConflictException e) {
            flash.error(redirect, "agent.leave.closed", fmt.month(month));
        } catch (BusinessRuleException | InvalidInputException e) {
            flash.error(redirect, "agent.leave.refused", e.reason());
        }
        return "redirect:" + leavePath(agent.employeeNo()) + "?month=" + month;
    }

    // ------------------------------------------------------------------ time off

    /** A calendar day: free slots of the date's quota, busy or idle, the agent's shift, whether it can be asked. */
    record Day(LocalDate date, boolean busy, int slots, int used, boolean shift, boolean requestable, boolean today,
            boolean past, TimeOffStatus requested) {

        public int free() {
            return Math.max(0, slots - used);
        }
    }

    @GetMapping("/agents/{employeeNo}/time-off")
    String timeOff(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            CurrentUser user, Model model) {
        Agent agent = organisation.agent(employeeNo, user);
        TimeOffForm form = new TimeOffForm();
        form.setDate(date);
        model.addAttribute("timeOffForm", form);
        timeOffModel(agent, user, model);
        return "agent/time-off";
    }

    @org.springframework.web.bind.annotation.InitBinder("timeOffForm")
    void timeOffBinder(org.springframework.web.bind.WebDataBinder binder) {
        binder.addValidators(new FormValidators.TimeOff());
    }

    @PostMapping("/agents/{employeeNo}/time-off")
    String request(@PathVariable String employeeNo,
            @org.springframework.validation.annotation.Validated @ModelAttribute TimeOffForm timeOffForm,
            BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Agent agent = organisation.agent(employeeNo, user);
        Center center = organisation.centerById(agent.centerId());
        check(agent, center, timeOffForm, binding, user);
        if (!binding.hasErrors()) {
            try {
                TimeOffService.View v = timeOff.request(agent.employeeNo(), timeOffForm.getDate(), timeOffForm.seconds(),
                        timeOffForm.partFrom(), timeOffForm.partTo(), user);
                flash.success(redirect, "agent.timeoff.requested", fmt.duration(v.seconds()),
                        fmt.day(v.date()) + (v.from() == null ? "" : " " + v.from() + "–" + v.to()));
                return "redirect:" + timeOffPath(agent.employeeNo());
            } catch (InsufficientBalanceException e) {
                binding.rejectValue("hours", "agent.timeoff.refused", new Object[] {e.reason()}, e.getMessage());
            } catch (BusinessRuleException e) {
                binding.rejectValue("date", "agent.timeoff.refused", new Object[] {e.reason()}, e.getMessage());
            } catch (ConflictException e) {
                binding.rejectValue("date", "agent.timeoff.conflict", new Object[] {e.reason()}, e.getMessage());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, java.util.Map.of("seconds", "hours", "employeeNo", "date"),
                        "agent.timeoff.invalid");
            }
        }
        boolean refused = binding.getFieldErrors().stream()
                .anyMatch(f -> f.getCode() != null && f.getCode().startsWith("agent.timeoff.error.rule")
                        || "agent.timeoff.refused".equals(f.getCode()));
        boolean conflict = binding.getFieldErrors().stream().anyMatch(f -> "agent.timeoff.conflict".equals(f.getCode()));
        response.setStatus(conflict ? HttpStatus.CONFLICT.value()
                : refused ? HttpStatus.UNPROCESSABLE_ENTITY.value() : HttpStatus.BAD_REQUEST.value());
        timeOffModel(agent, user, model);
        return "agent/time-off";
    }

    /**
     * The form's checks with a message by the field, in the reader's language: the input itself (400), then the
     * rules the service would refuse with 422 (notice, no shift, longer than the shift, balance short). The service
     * checks everything again.
     */
    private void check(Agent agent, Center center, TimeOffForm f, BindingResult binding, CurrentUser user) {
        // the fields themselves were checked by the binder (FormValidators.TimeOff); these are the service's rules
        if (binding.hasErrors()) {
            return;
        }
        Long seconds = f.seconds();
        LocalDate today = center.today(clock);
        int notice = settings.on(center.id(), f.getDate()).minNoticeDays();
        if (!TimeOffRules.enoughNotice(today, f.getDate(), notice)) {
            binding.rejectValue("date", "agent.timeoff.error.rule.notice",
                    new Object[] {notice, fmt.day(TimeOffRules.earliestDate(today, notice))}, null);
            return;
        }
        List<PublishedShift> shift = shifts.shiftsOfAgent(agent.id(), f.getDate(), f.getDate());
        if (shift.isEmpty()) {
            binding.rejectValue("date", "agent.timeoff.error.rule.no-shift", new Object[] {fmt.day(f.getDate())}, null);
            return;
        }
        long work = shift.get(0).workSeconds(center.timeZone());
        long amount = seconds == null ? work : seconds;
        if (amount > work) {
            binding.rejectValue("hours", "agent.timeoff.error.rule.longer",
                    new Object[] {fmt.duration(amount), fmt.duration(work)}, null);
            return;
        }
        long available = statements.balance(agent.employeeNo(), user).availableSeconds();
        if (amount > available) {
            binding.rejectValue(seconds == null ? "length" : "hours", "agent.timeoff.error.rule.balance",
                    new Object[] {fmt.duration(amount), fmt.duration(available)}, null);
        }
    }

    @PostMapping("/agents/{employeeNo}/time-off/{id}/cancel")
    String cancel(@PathVariable String employeeNo, @PathVariable long id, CurrentUser user,
            RedirectAttributes redirect) {
        Agent agent = organisation.agent(employeeNo, user);
        TimeOffService.View v = timeOff.request(id, user);
        if (!v.employeeNo().equals(agent.employeeNo())) {
            throw new com.timebank.wfm.api.NotFoundException("Time-off request", id);
        }
        try {
            timeOff.cancel(id, user);
            flash.success(redirect, "agent.timeoff.cancelled", fmt.duration(v.seconds()), fmt.day(v.date()));
        } catch (BusinessRuleException | ConflictException e) {
            flash.error(redirect, "agent.timeoff.cancel-refused", e.reason());
        }
        return "redirect:" + timeOffPath(agent.employeeNo());
    }

    private void timeOffModel(Agent agent, CurrentUser user, Model model) {
        Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        LocalDate first = today.with(DayOfWeek.MONDAY);
        LocalDate last = first.plusWeeks(CALENDAR_WEEKS).minusDays(1);
        int notice = settings.on(center.id(), today).minNoticeDays();
        LocalDate earliest = TimeOffRules.earliestDate(today, notice);
        List<TimeOffService.View> requests = timeOff.requestsOf(agent.employeeNo(), today.minusDays(REQUESTS_PAST_DAYS),
                null, user);
        Map<LocalDate, TimeOffStatus> active = new HashMap<>();
        requests.stream().filter(r -> r.status().active()).forEach(r -> active.put(r.date(), r.status()));
        Map<LocalDate, Boolean> shiftDays = new HashMap<>();
        shifts.shiftsOfAgent(agent.id(), first, last).forEach(s -> shiftDays.put(s.date(), true));
        Map<LocalDate, List<Day>> weeks = new LinkedHashMap<>();
        for (TimeOffQuotaService.Quota q : quotas.quotas(center.code(), first, last, user)) {
            boolean shift = shiftDays.containsKey(q.date());
            boolean requestable = !q.date().isBefore(earliest) && shift && !active.containsKey(q.date());
            weeks.computeIfAbsent(q.date().with(DayOfWeek.MONDAY), k -> new ArrayList<>())
                    .add(new Day(q.date(), q.busy(), q.slots(), q.used(), shift, requestable, q.date().equals(today),
                            q.date().isBefore(today), active.get(q.date())));
        }
        List<TimeOffService.View> sorted = new ArrayList<>(requests);
        sorted.sort(java.util.Comparator.comparing(TimeOffService.View::date).reversed()
                .thenComparing(TimeOffService.View::id, java.util.Comparator.reverseOrder()));
        model.addAttribute("agent", agent);
        model.addAttribute("center", center);
        model.addAttribute("own", own(agent, user));
        model.addAttribute("balance", statements.balance(agent.employeeNo(), user));
        model.addAttribute("weeks", weeks.values());
        model.addAttribute("weekdays", weeks.isEmpty() ? List.of() : weeks.values().iterator().next());
        model.addAttribute("today", today);
        model.addAttribute("earliest", earliest);
        model.addAttribute("notice", notice);
        model.addAttribute("requests", sorted);
        model.addAttribute("cancellable", sorted.stream().filter(r -> cancellable(r, today)).map(TimeOffService.View::id)
                .toList());
    }

    /** What the service would let the agent cancel: open requests, and approved ones before their day. */
    static boolean cancellable(TimeOffService.View r, LocalDate today) {
        return r.status() == TimeOffStatus.PENDING || r.status() == TimeOffStatus.WAITLISTED
                || (r.status() == TimeOffStatus.APPROVED && !r.posted() && r.date().isAfter(today));
    }

    static boolean own(Agent agent, CurrentUser user) {
        return user.agentId() != null && agent.id() == user.agentId();
    }
}
