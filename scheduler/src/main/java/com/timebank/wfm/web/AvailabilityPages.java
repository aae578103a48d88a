package com.timebank.wfm.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.availability.AvailabilityService;
import com.timebank.wfm.availability.AvailabilityService.WindowInput;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.ShiftTemplate;
import com.timebank.wfm.roster.ShiftTemplateService;
import com.timebank.wfm.security.CurrentUser;

/**
 * An agent's availability page: the weekly windows and dated unavailability (the agent sees them; their lead, a planner
 * of the center or an admin changes them) and the agent's own preferences (the agent changes them, the others see
 * them). Anyone else gets the 404 page.
 */
@Controller
class AvailabilityPages {

    private static final Pattern WINDOW_FIELD = Pattern.compile("windows\\[(\\d+)]\\.(day|from|to)");
    /** Windows a day on the page: one, or two for a split shift (08:00–12:00 and 14:00–18:00). */
    static final int WINDOWS_A_DAY = 2;

    /** Days before today whose published rosters the page still explains. */
    static final int NOTES_PAST_DAYS = 7;
    /** Days from today the page explains (the time-off calendar's six weeks). */
    static final int NOTES_DAYS_AHEAD = 41;

    private final OrganisationService organisation;
    private final AvailabilityService availability;
    private final ShiftTemplateService templates;
    private final Flash flash;
    private final com.timebank.wfm.roster.RosterService rosters;
    private final org.springframework.context.MessageSource messages;
    private final PageFormat fmt;
    private final java.time.Clock clock;

    AvailabilityPages(OrganisationService organisation, AvailabilityService availability,
            ShiftTemplateService templates, Flash flash, com.timebank.wfm.roster.RosterService rosters,
            org.springframework.context.MessageSource messages, PageFormat fmt, java.time.Clock clock) {
        this.organisation = organisation;
        this.availability = availability;
        this.templates = templates;
        this.flash = flash;
        this.rosters = rosters;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    static String path(String employeeNo) {
        return "/agents/" + employeeNo + "/availability";
    }

    /**
     * Up to two windows per day of the week (Monday first; {@code from2}/{@code to2} the second, for a split shift),
     * times {@code HH:mm}; all empty = available at any time.
     */
    public static class WeeklyForm {
        private String[] from = new String[7];
        private String[] to = new String[7];
        private String[] from2 = new String[7];
        private String[] to2 = new String[7];

        public String[] getFrom2() {
            return from2;
        }

        public void setFrom2(String[] from2) {
            this.from2 = Arrays.copyOf(from2, 7);
        }

        public String[] getTo2() {
            return to2;
        }

        public void setTo2(String[] to2) {
            this.to2 = Arrays.copyOf(to2, 7);
        }

        /** The times of the day's first (0) or second (1) window: {from, to}. */
        String[] window(int day, int n) {
            return n == 0 ? new String[] {from[day], to[day]} : new String[] {from2[day], to2[day]};
        }

        void setWindow(int day, int n, String start, String end) {
            (n == 0 ? from : from2)[day] = start;
            (n == 0 ? to : to2)[day] = end;
        }

        public String[] getFrom() {
            return from;
        }

        public void setFrom(String[] from) {
            this.from = Arrays.copyOf(from, 7);
        }

        public String[] getTo() {
            return to;
        }

        public void setTo(String[] to) {
            this.to = Arrays.copyOf(to, 7);
        }
    }

    public static class UnavailabilityForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;
        private String from;
        private String to;
        private String reason;

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    public static class PreferencesForm {
        private List<String> daysOff = new ArrayList<>();
        private String shiftTime = "NONE";
        private String shiftTemplate;

        public List<String> getDaysOff() {
            return daysOff;
        }

        public void setDaysOff(List<String> daysOff) {
            this.daysOff = daysOff;
        }

        public String getShiftTime() {
            return shiftTime;
        }

        public void setShiftTime(String shiftTime) {
            this.shiftTime = shiftTime;
        }

        public String getShiftTemplate() {
            return shiftTemplate;
        }

        public void setShiftTemplate(String shiftTemplate) {
            this.shiftTemplate = shiftTemplate;
        }
    }

    @GetMapping("/agents/{employeeNo}/availability")
    String page(@PathVariable String employeeNo, CurrentUser user, Model model) {
        Agent agent = organisation.agent(employeeNo, user);
        AvailabilityService.Weekly weekly = availability.weekly(agent.employeeNo(), user);
        WeeklyForm weeklyForm = new WeeklyForm();
        int[] shown = new int[7];
        for (AvailabilityService.WindowView w : weekly.windows()) {
            int i = w.day().getValue() - 1;
            if (shown[i] < WINDOWS_A_DAY) {
                weeklyForm.setWindow(i, shown[i]++, w.from(), w.to());
            }
        }
        AvailabilityService.PreferencesView p = availability.preferences(agent.employeeNo(), user);
        PreferencesForm preferencesForm = new PreferencesForm();
        preferencesForm.setDaysOff(new ArrayList<>(p.daysOff().stream().map(DayOfWeek::name).toList()));
        preferencesForm.setShiftTime(p.shiftTime().name());
        preferencesForm.setShiftTemplate(p.shiftTemplate());
        model.addAttribute("weeklyForm", weeklyForm);
        model.addAttribute("unavailabilityForm", new UnavailabilityForm());
        model.addAttribute("preferencesForm", preferencesForm);
        return view(agent, user, model);
    }

    @PostMapping("/agents/{employeeNo}/availability")
    String saveWeekly(@PathVariable String employeeNo, @ModelAttribute WeeklyForm weeklyForm, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Agent agent = organisation.agent(employeeNo, user);
        List<WindowInput> windows = new ArrayList<>();
        List<String> suffixOfWindow = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            for (int n = 0; n < WINDOWS_A_DAY; n++) {
                String from = weeklyForm.window(i, n)[0];
                String to = weeklyForm.window(i, n)[1];
                if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
                    continue;
                }
                windows.add(new WindowInput(DayOfWeek.of(i + 1).name(), from, to));
                suffixOfWindow.add((n == 0 ? "" : "2") + "[" + i + "]");
            }
        }
        try {
            availability.replaceWeekly(agent.employeeNo(), windows, user);
            flash.success(redirect, "availability.page.saved");
            return "redirect:" + path(agent.employeeNo());
        } catch (InvalidInputException e) {
            for (FieldError f : e.errors()) {
                Matcher m = WINDOW_FIELD.matcher(f.field() == null ? "" : f.field());
                String field = m.matches() ? ("to".equals(m.group(2)) ? "to" : "from")
                        + suffixOfWindow.get(Integer.parseInt(m.group(1))) : null;
                if (field != null && "range.availability.windows-overlap".equals(f.reason().code())) {
                    binding.rejectValue(field, "availability.page.windows-overlap");
                } else if (field != null) {
                    binding.rejectValue(field, f.reason().code(), f.reason().getArguments(), f.message());
                } else {
                    binding.reject(f.reason().code(), f.reason().getArguments(), f.message());
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("unavailabilityForm", new UnavailabilityForm());
        model.addAttribute("preferencesForm", new PreferencesForm());
        return view(agent, user, model);
    }

    @PostMapping("/agents/{employeeNo}/availability/unavailability")
    String addUnavailability(@PathVariable String employeeNo, @ModelAttribute UnavailabilityForm unavailabilityForm,
            BindingResult binding, CurrentUser user, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Agent agent = organisation.agent(employeeNo, user);
        if (!binding.hasErrors()) {
            try {
                availability.addUnavailability(agent.employeeNo(), new AvailabilityService.NewUnavailability(
                        unavailabilityForm.getDate(), unavailabilityForm.getFrom(), unavailabilityForm.getTo(),
                        unavailabilityForm.getReason()), user);
                flash.success(redirect, "availability.page.added");
                return "redirect:" + path(agent.employeeNo());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, java.util.Map.of(), "availability.page.invalid");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("weeklyForm", new WeeklyForm());
        model.addAttribute("preferencesForm", new PreferencesForm());
        return view(agent, user, model);
    }

    @PostMapping("/agents/{employeeNo}/availability/unavailability/{id}/delete")
    String removeUnavailability(@PathVariable String employeeNo, @PathVariable long id, CurrentUser user,
            RedirectAttributes redirect) {
        Agent agent = organisation.agent(employeeNo, user);
        availability.removeUnavailability(agent.employeeNo(), id, user);
        flash.success(redirect, "availability.page.removed");
        return "redirect:" + path(agent.employeeNo());
    }

    @PostMapping("/agents/{employeeNo}/preferences")
    String savePreferences(@PathVariable String employeeNo, @ModelAttribute PreferencesForm preferencesForm,
            BindingResult binding, CurrentUser user, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Agent agent = organisation.agent(employeeNo, user);
        try {
            availability.savePreferences(agent.employeeNo(), new AvailabilityService.PreferencesInput(
                    preferencesForm.getDaysOff(), preferencesForm.getShiftTime(), preferencesForm.getShiftTemplate()),
                    user);
            flash.success(redirect, "availability.page.preferences-saved");
            return "redirect:" + path(agent.employeeNo());
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e, java.util.Map.of(), "availability.page.invalid");
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("weeklyForm", new WeeklyForm());
        model.addAttribute("unavailabilityForm", new UnavailabilityForm());
        return view(agent, user, model);
    }

    private String view(Agent agent, CurrentUser user, Model model) {
        model.addAttribute("agent", agent);
        model.addAttribute("own", user.agentId() != null && user.agentId() == agent.id());
        model.addAttribute("canEdit", user.leadsAgent(agent.centerId(), agent.teamId()));
        model.addAttribute("days", List.of(DayOfWeek.values()));
        List<AvailabilityService.WindowView> windows = availability.weekly(agent.employeeNo(), user).windows();
        model.addAttribute("windows", windows);
        model.addAttribute("moreWindowsThanShown", windows.stream()
                .collect(java.util.stream.Collectors.groupingBy(AvailabilityService.WindowView::day,
                        java.util.stream.Collectors.counting()))
                .values().stream().anyMatch(n -> n > WINDOWS_A_DAY));
        model.addAttribute("unavailability", availability.unavailability(agent.employeeNo(), null, null, user));
        model.addAttribute("preferences", availability.preferences(agent.employeeNo(), user));
        model.addAttribute("templateCodes", templates.templatesOf(agent.centerId()).stream()
                .map(ShiftTemplate::code).toList());
        model.addAttribute("rosterNotes", rosterNotes(agent, user));
        return "agent/availability";
    }

    /**
     * The published rosters' preferences not granted and the agent's issues around today, as sentences in the
     * reader's language (the roster explanation's own list, for this agent).
     */
    private List<String> rosterNotes(Agent agent, CurrentUser user) {
        LocalDate today = organisation.centerById(agent.centerId()).today(clock);
        com.timebank.wfm.roster.RosterService.AgentRosterNotes notes = rosters.notesOf(agent.employeeNo(),
                today.minusDays(NOTES_PAST_DAYS), today.plusDays(NOTES_DAYS_AHEAD), user);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<String> lines = new ArrayList<>();
        for (com.timebank.wfm.roster.RosterService.AgentPreferenceMiss m : notes.preferencesNotGranted()) {
            String day = messages.getMessage("availability.day." + m.date().getDayOfWeek().name(), null, locale);
            lines.add(messages.getMessage("availability.page.notes." + m.kind(), new Object[] {day,
                    m.start() == null ? "?" : fmt.time(m.start()), m.end() == null ? "?" : fmt.time(m.end()),
                    fmt.day(m.date()), fmt.day(m.rosterFrom()), fmt.day(m.rosterTo()),
                    m.template() == null ? "—" : m.template()}, locale));
        }
        for (com.timebank.wfm.roster.RosterAgentIssue i : notes.issues()) {
            lines.add(messages.getMessage("availability.page.notes.issue", new Object[] {fmt.day(i.weekStart()),
                    messages.getMessage(i.reason(), i.args().toArray(), locale)}, locale));
        }
        return lines;
    }
}
