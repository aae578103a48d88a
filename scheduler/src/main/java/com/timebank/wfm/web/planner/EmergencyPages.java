package com.timebank.wfm.web.planner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.EmergencyService;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.FormErrors;
import com.timebank.wfm.web.PageFormat;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Emergency overtime (credited with interest): activate a level for a date with the reason, then record who came
 * in and for how long; each participant is credited the worked time plus the level's interest, at once and for good.
 */
@Controller
class EmergencyPages {

    static final int LIST_SIZE = 50;
    static final int MAX_REASON = 500;
    static final int MAX_AGENTS = 1000;

    private final PlannerCenters centers;
    private final EmergencyService emergencies;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final Flash flash;
    private final PageFormat fmt;
    private final Clock clock;

    EmergencyPages(PlannerCenters centers, EmergencyService emergencies, OrganisationService organisation,
            CenterSettingsService settings, Flash flash, PageFormat fmt, Clock clock) {
        this.centers = centers;
        this.emergencies = emergencies;
        this.organisation = organisation;
        this.settings = settings;
        this.flash = flash;
        this.fmt = fmt;
        this.clock = clock;
    }

    @GetMapping("/planner/emergencies")
    String list(@RequestParam(required = false) String center, CurrentUser user, Model model) {
        Optional<Center> c = centers.addTo(model, center, user);
        EmergencyForm form = new EmergencyForm();
        c.ifPresent(x -> form.setDate(x.today(clock)));
        model.addAttribute("emergencyForm", form);
        c.ifPresent(x -> listModel(x, user, model));
        return "planner/emergencies";
    }

    @PostMapping("/planner/emergencies")
    String activate(@RequestParam String center, @ModelAttribute EmergencyForm emergencyForm, BindingResult binding,
            CurrentUser user, Model model, HttpServletResponse response) {
        Center c = centers.addNamed(model, center, user);
        if (!binding.hasFieldErrors("level") && (emergencyForm.getLevel() == null || emergencyForm.getLevel() < 1
                || emergencyForm.getLevel() > 3)) {
            binding.rejectValue("level", "planner.emergency.error.level");
        }
        Dates.require(emergencyForm.getDate(), "date", binding);
        LocalDate date = emergencyForm.getDate();
        if (date != null && date.isAfter(c.today(clock))) {
            binding.rejectValue("date", "planner.emergency.error.future", new Object[] {fmt.date(c.today(clock))}, null);
        }
        String reason = emergencyForm.getReason() == null ? "" : emergencyForm.getReason().trim();
        if (reason.isEmpty()) {
            binding.rejectValue("reason", "planner.emergency.error.reason");
        } else if (reason.length() > MAX_REASON) {
            binding.rejectValue("reason", "planner.emergency.error.reason-length", new Object[] {MAX_REASON}, null);
        }
        if (!binding.hasErrors()) {
            try {
                // once per form key: the same form sent twice (a double click, a resend) shows the first emergency
                var e = emergencies.activateWithFormKey(c.code(), emergencyForm.getLevel(), date, reason,
                        emergencyForm.activateKeyOrNull(), user);
                return "redirect:/planner/emergencies/" + e.id();
            } catch (ConflictException e) {
                // this form (its key) already activated an emergency with other values, e.g. sent again after
                // going back: a new key lets the planner activate this one too, knowingly
                emergencyForm.setActivateKey(com.timebank.wfm.web.FormKey.fresh());
                binding.rejectValue("reason", "planner.emergency.error.form-used");
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of(), "planner.emergency.invalid");
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        listModel(c, user, model);
        return "planner/emergencies";
    }

    private void listModel(Center c, CurrentUser user, Model model) {
        model.addAttribute("emergencies", emergencies.emergencies(c.code(), 0, LIST_SIZE, user).items());
        CenterSettings s = settings.on(c.id(), c.today(clock));
        model.addAttribute("rates", List.of(s.overtimeRate1(), s.overtimeRate2(), s.overtimeRate3()));
        model.addAttribute("today", c.today(clock));
    }

    @GetMapping("/planner/emergencies/{id}")
    String emergency(@PathVariable long id, CurrentUser user, Model model) {
        var e = emergencies.emergency(id, user);
        model.addAttribute("participantForm", new ParticipantForm());
        emergencyModel(e, user, model);
        return "planner/emergency";
    }

    @PostMapping("/planner/emergencies/{id}/participants")
    String addParticipant(@PathVariable long id, @ModelAttribute ParticipantForm participantForm,
            BindingResult binding, CurrentUser user, Model model, RedirectAttributes redirect,
            HttpServletResponse response, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        var e = emergencies.emergency(id, user);
        if (participantForm.getEmployeeNo() == null || participantForm.getEmployeeNo().isBlank()) {
            binding.rejectValue("employeeNo", "planner.emergency.error.agent");
        }
        if (!binding.hasFieldErrors("hours") && !binding.hasFieldErrors("minutes")) {
            Integer h = participantForm.getHours();
            Integer m = participantForm.getMinutes();
            if ((h != null && (h < 0 || h > 24)) || (m != null && (m < 0 || m > 59))) {
                binding.rejectValue("minutes", "planner.emergency.error.minutes");
            } else if (participantForm.seconds() <= 0 || participantForm.seconds() > 86_400) {
                binding.rejectValue("hours", "planner.emergency.error.worked");
            }
        }
        if (!binding.hasErrors()) {
            try {
                var credits = emergencies.addParticipants(id, List.of(new EmergencyService.Participation(
                        participantForm.getEmployeeNo().trim(), (int) participantForm.seconds())), user);
                var credit = credits.get(0);
                Flash.Message done = flash.success("planner.emergency.credited", credit.employeeNo(),
                        fmt.duration(credit.workedSeconds()), fmt.duration(credit.creditedSeconds()));
                if (htmx == null) {
                    redirect.addFlashAttribute("flash", done);
                    return "redirect:/planner/emergencies/" + id;
                }
                model.addAttribute("credited", done);
                model.addAttribute("participantForm", new ParticipantForm());
                emergencyModel(emergencies.emergency(id, user), user, model);
                return "planner/emergency";
            } catch (InvalidInputException ex) {
                FormErrors.reject(binding, ex, Map.of("[0].employeeNo", "employeeNo", "[0].workedSeconds", "hours"),
                        "planner.emergency.invalid");
            } catch (ConflictException ex) {
                binding.rejectValue("employeeNo", "planner.emergency.conflict", new Object[] {ex.reason()},
                        ex.getMessage());
                response.setStatus(HttpStatus.CONFLICT.value());
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        emergencyModel(e, user, model);
        return "planner/emergency";
    }

    private void emergencyModel(EmergencyService.Emergency e, CurrentUser user, Model model) {
        Center c = organisation.plannedCenter(e.centerCode(), user);
        List<Agent> agents = new ArrayList<>(organisation.agents(c.code(), null, Paging.of(0, MAX_AGENTS), user).agents());
        agents.sort(Comparator.comparing(Agent::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Agent::employeeNo));
        Map<String, Agent> byNo = agents.stream().collect(Collectors.toMap(Agent::employeeNo, Function.identity()));
        model.addAttribute("emergency", e);
        model.addAttribute("dateText", fmt.date(e.date()));
        model.addAttribute("center", c);
        model.addAttribute("agents", agents.stream().filter(a -> e.participants().stream()
                .noneMatch(p -> p.employeeNo().equals(a.employeeNo()))).toList());
        model.addAttribute("agentsByNo", byNo);
        model.addAttribute("totalWorked", e.participants().stream().mapToLong(EmergencyService.Credit::workedSeconds).sum());
        model.addAttribute("totalCredited", e.participants().stream().mapToLong(EmergencyService.Credit::creditedSeconds).sum());
    }
}
