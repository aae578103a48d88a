package com.timebank.wfm.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.LeaveType;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.leave.TimeOffStatus;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.DateCoverageService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.StatementService;
import com.timebank.wfm.timebank.StatementService.AgentBalance;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A team lead's leave pages: the time-off approval queue (each request with the agent's available balance, the
 * date's quota, busy or idle, and the date's coverage and predicted service level with and without the agent;
 * approve, reject or waitlist in one click, the row swapped by htmx) and recording leave for an agent of the team.
 * Planners and admins act for their centers. The services decide scope: a request outside it is a 404.
 */
@Controller
class LeadTimeOffPages {

    static final int PAGE_SIZE = 50;
    static final int MAX_NOTE = 500;

    private final TimeOffService timeOff;
    private final LeaveService leave;
    private final OrganisationService organisation;
    private final StatementService statements;
    private final DateCoverageService coverage;
    private final Flash flash;
    private final PageFormat fmt;
    private final Clock clock;

    LeadTimeOffPages(TimeOffService timeOff, LeaveService leave, OrganisationService organisation,
            StatementService statements, DateCoverageService coverage, Flash flash, PageFormat fmt, Clock clock) {
        this.timeOff = timeOff;
        this.leave = leave;
        this.organisation = organisation;
        this.statements = statements;
        this.coverage = coverage;
        this.flash = flash;
        this.fmt = fmt;
        this.clock = clock;
    }

    /** A queue row: the request, the date's coverage with and without the agent (empty: no published roster). */
    record Row(TimeOffService.View view, Optional<DateCoverageService.DateCoverage> coverage, boolean decidable,
            boolean revocable) {
    }

    @GetMapping("/lead/time-off")
    String queue(@RequestParam(required = false) String team, @RequestParam(required = false) String show,
            @RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        boolean all = "all".equals(show);
        List<TimeOffStatus> statuses = all ? List.of(TimeOffStatus.values())
                : List.of(TimeOffStatus.PENDING, TimeOffStatus.WAITLISTED);
        String teamCode = team == null || team.isBlank() ? null : team.trim();
        Paging paging = Paging.of(page, PAGE_SIZE);
        TimeOffService.Page found = timeOff.queue(statuses, teamCode, null, null, paging, user);
        Map<String, Agent> agents = organisation.agentsByEmployeeNo(
                found.requests().stream().map(TimeOffService.View::employeeNo).collect(Collectors.toSet()));
        List<Row> rows = found.requests().stream().map(v -> row(v, agents.get(v.employeeNo()), user)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", found.total());
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("teams", organisation.visibleTeams(user));
        model.addAttribute("team", teamCode == null ? "" : teamCode);
        model.addAttribute("show", all ? "all" : "open");
        return "lead/time-off";
    }

    private Row row(TimeOffService.View v, Agent agent, CurrentUser user) {
        boolean open = v.status() == TimeOffStatus.PENDING || v.status() == TimeOffStatus.WAITLISTED;
        Optional<DateCoverageService.DateCoverage> c = agent == null || !open ? Optional.empty()
                : coverage.withAndWithout(agent.centerId(), v.date(), agent.id());
        boolean decidable = agent != null && user.leadsAgent(agent.centerId(), agent.teamId());
        boolean revocable = decidable && v.status() == TimeOffStatus.APPROVED && !v.posted()
                && v.date().isAfter(organisation.centerById(agent.centerId()).today(clock));
        return new Row(v, c, decidable, revocable);
    }

    private Row row(long id, CurrentUser user) {
        TimeOffService.View v = timeOff.request(id, user);
        return row(v, organisation.agent(v.employeeNo(), user), user);
    }

    enum Decision {
        APPROVE, REJECT, WAITLIST, REVOKE
    }

    @PostMapping("/lead/time-off/{id}/{action:approve|reject|waitlist|revoke}")
    String decide(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Decision decision = Decision.valueOf(action.toUpperCase(java.util.Locale.ROOT));
        TimeOffService.View before = timeOff.request(id, user); // 404 outside the caller's scope
        Flash.Message outcome;
        boolean quotaFull = false;
        try {
            if (note != null && note.length() > MAX_NOTE) {
                throw InvalidInputException.of("note", "timeoff.note-most-characters");
            }
            TimeOffService.View after = switch (decision) {
                case APPROVE -> timeOff.approve(id, user);
                case REJECT -> timeOff.reject(id, note == null || note.isBlank() ? null : note.trim(), user);
                case WAITLIST -> timeOff.waitlist(id, user);
                case REVOKE -> timeOff.revoke(id, note, user);
            };
            outcome = flash.success("lead.timeoff.done." + decision.name().toLowerCase(java.util.Locale.ROOT),
                    before.agentName(), fmt.duration(after.seconds()), fmt.day(after.date()),
                    after.waitlistPosition() == null ? 0 : after.waitlistPosition());
        } catch (ForbiddenException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            outcome = flash.error("lead.timeoff.forbidden");
        } catch (BusinessRuleException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            TimeOffService.View v = timeOff.request(id, user);
            quotaFull = decision == Decision.APPROVE && v.used() >= v.slots() && !v.offered();
            outcome = quotaFull ? flash.error("lead.timeoff.quota-full", v.used(), v.slots(), fmt.day(v.date()))
                    : flash.error("lead.timeoff.refused", e.reason());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            outcome = flash.error("lead.timeoff.refused", e.reason());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            outcome = flash.error("lead.timeoff.refused", fmt.reasons(e.errors()));
        }
        if (htmx == null) {
            redirect.addFlashAttribute("flash", outcome);
            return "redirect:/lead/time-off";
        }
        // the other requests of that date show its quota too: the page refreshes their rows (lead-queue.js)
        response.setHeader("HX-Trigger", "{\"quotaChanged\":{\"date\":\"" + before.date() + "\",\"id\":" + id + "}}");
        model.addAttribute("r", row(id, user));
        model.addAttribute("outcome", outcome);
        model.addAttribute("quotaFull", quotaFull);
        return "lead/time-off-row :: row";
    }

    /** One row of the queue, as it is now; the page refreshes rows whose date's quota another decision changed. */
    @GetMapping("/lead/time-off/{id}/row")
    String row(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("r", row(id, user));
        return "lead/time-off-row :: row";
    }

    // ------------------------------------------------------------------ recording leave

    @org.springframework.web.bind.annotation.InitBinder("leaveForm")
    void leaveBinder(org.springframework.web.bind.WebDataBinder binder) {
        binder.addValidators(new FormValidators.Leave());
    }

    @GetMapping("/lead/leave")
    String leaveForm(@RequestParam(required = false) String employeeNo, CurrentUser user, Model model) {
        LeaveForm form = new LeaveForm();
        // the date defaults to the center's today (the agent's center, else the lead's first), not the server's
        Center center = null;
        if (employeeNo != null) {
            Agent agent = organisation.agent(employeeNo, user);
            form.setEmployeeNo(agent.employeeNo());
            center = organisation.centerById(agent.centerId());
        } else {
            center = organisation.centers(user).stream().findFirst().orElse(null);
        }
        form.setDate(center != null ? center.today(clock) : java.time.LocalDate.now(clock));
        model.addAttribute("leaveForm", form);
        leaveModel(user, model);
        return "lead/leave";
    }

    @PostMapping("/lead/leave")
    String record(@org.springframework.validation.annotation.Validated @ModelAttribute LeaveForm leaveForm,
            BindingResult binding, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                LeaveService.Item item = leave.record(new LeaveService.NewLeave(leaveForm.getEmployeeNo(),
                        leaveForm.getDate(), leaveForm.seconds(), leaveForm.getType().name(), leaveForm.partFrom(),
                        leaveForm.partTo()), leaveForm.recordKeyOrNull(), user);
                Agent agent = organisation.agent(leaveForm.getEmployeeNo(), user);
                flash.success(redirect, item.eligible() ? "lead.leave.recorded" : "lead.leave.recorded-busy",
                        fmt.duration(item.seconds()), agent.name(),
                        fmt.day(item.date()) + (item.from() == null ? "" : " " + item.from() + "–" + item.to()));
                return "redirect:/lead/leave?employeeNo=" + org.springframework.web.util.UriUtils
                        .encodeQueryParam(agent.employeeNo(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (ConflictException e) {
                if (LeaveService.KEY_USED_OTHER.equals(e.reason().code())) {
                    // this form (its key) already recorded other leave, e.g. sent again after going back: a new key
                    // lets the lead record this one too, knowingly
                    leaveForm.setRecordKey(FormKey.fresh());
                    binding.rejectValue("date", "lead.leave.form-used");
                } else {
                    binding.rejectValue("date", "lead.leave.error.closed",
                            new Object[] {fmt.month(java.time.YearMonth.from(leaveForm.getDate()))}, e.getMessage());
                }
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (ForbiddenException e) {
                binding.rejectValue("employeeNo", "lead.leave.error.not-lead");
                response.setStatus(HttpStatus.FORBIDDEN.value());
            } catch (BusinessRuleException e) {
                binding.rejectValue("date", "lead.leave.refused", new Object[] {e.reason()}, e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, java.util.Map.of("seconds", "hours"), "lead.leave.invalid");
            } catch (com.timebank.wfm.api.NotFoundException e) {
                binding.rejectValue("employeeNo", "lead.leave.error.agent");
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        leaveModel(user, model);
        return "lead/leave";
    }

    private void leaveModel(CurrentUser user, Model model) {
        List<AgentBalance> agents = new ArrayList<>(statements.balances(null, null, user).balances());
        agents.removeIf(a -> !user.leadsAgent(a.agent().centerId(), a.agent().teamId()));
        agents.sort(Comparator.comparing((AgentBalance a) -> a.agent().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(a -> a.agent().employeeNo()));
        model.addAttribute("agents", agents);
        model.addAttribute("types", LeaveType.values());
    }
}
