package com.timebank.wfm.web.planner;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.NotFoundException;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.QuotaMode;
import com.timebank.wfm.org.SettingsChange;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.FormDates;
import com.timebank.wfm.web.FormErrors;
import com.timebank.wfm.web.PageFormat;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The busy-day calendar of a month: which days are busy (first and last days of the month, special busy dates)
 * and the fixed time-off quota of each, with the settings in force and their effective-dated history. Planners
 * change the quotas, the busy-day calendar and notice here, from a date on; admins change the rest on the admin
 * settings page.
 */
@Controller
class CalendarPages {

    private final PlannerCenters centers;
    private final CenterSettingsService settings;
    private final PageFormat fmt;
    private final Flash flash;
    private final Clock clock;

    CalendarPages(PlannerCenters centers, CenterSettingsService settings, PageFormat fmt, Flash flash, Clock clock) {
        this.centers = centers;
        this.settings = settings;
        this.fmt = fmt;
        this.flash = flash;
        this.clock = clock;
    }

    /** Service field names → form fields, so that the service's errors stand next to the right input. */
    private static final Map<String, String> FIELDS = Map.of("busyDays.firstDays", "busyFirstDays",
            "busyDays.lastDays", "busyLastDays");

    /** One day of the calendar; {@code date} null pads the first week. */
    record Day(LocalDate date, boolean busy, boolean special, int quota, boolean today, boolean settingsChange) {
    }

    @GetMapping("/planner/calendar")
    String calendar(@RequestParam(required = false) String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, CurrentUser user,
            Model model) {
        Optional<Center> chosen = centers.addTo(model, center, user);
        if (chosen.isEmpty()) {
            return "planner/calendar";
        }
        SettingsChange.View inForce = settings.view(chosen.get().code(), null, user);
        model.addAttribute("quotaForm", formOf(inForce, chosen.get().today(clock)));
        return render(chosen.get(), month, user, model);
    }

    @PostMapping("/planner/calendar/settings")
    String change(@RequestParam String center, @ModelAttribute QuotaForm quotaForm, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Center c = centers.addTo(model, center, user).orElseThrow(() -> new NotFoundException("Center", center));
        LocalDate from = null;
        try {
            from = LocalDate.parse(quotaForm.getEffectiveFrom() == null ? "" : quotaForm.getEffectiveFrom().trim());
        } catch (DateTimeParseException e) {
            binding.rejectValue("effectiveFrom", "planner.quota.error.date");
        }
        List<LocalDate> special = FormDates.parse(quotaForm.getSpecialBusyDates(), "specialBusyDates",
                "planner.quota.error.special", binding);
        for (String field : List.of("idleDayQuota", "busyDayQuota", "busyFirstDays", "busyLastDays", "minNoticeDays")) {
            if (!binding.hasFieldErrors(field) && binding.getRawFieldValue(field) == null) {
                binding.rejectValue(field, "planner.quota.error.required");
            }
        }
        if (!binding.hasErrors()) {
            try {
                settings.change(c.code(), new SettingsChange(from, null, null, null, quotaForm.getIdleDayQuota(),
                        quotaForm.getBusyDayQuota(),
                        new SettingsChange.BusyDays(quotaForm.getBusyFirstDays(), quotaForm.getBusyLastDays()),
                        special, null, quotaForm.getMinNoticeDays(), null, null, null, null,
                        quotaForm.getQuotaMode(), null), user);
                flash.success(redirect, "planner.quota.saved", fmt.date(from));
                return "redirect:/planner/calendar?center=" + c.code() + "&month=" + YearMonth.from(from);
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, FIELDS, "planner.quota.invalid");
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            } catch (BusinessRuleException e) {
                binding.rejectValue("effectiveFrom", "planner.quota.refused", new Object[] {e.reason()},
                        e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return render(c, null, user, model);
    }

    private static QuotaForm formOf(SettingsChange.View v, LocalDate today) {
        QuotaForm f = new QuotaForm();
        f.setEffectiveFrom(today.toString());
        f.setIdleDayQuota(v.idleDayQuota());
        f.setBusyDayQuota(v.busyDayQuota());
        f.setBusyFirstDays(v.busyDays().firstDays());
        f.setBusyLastDays(v.busyDays().lastDays());
        f.setSpecialBusyDates(v.specialBusyDates().stream().filter(d -> !d.isBefore(today)).map(LocalDate::toString)
                .collect(Collectors.joining("\n")));
        f.setQuotaMode(v.quotaMode());
        f.setMinNoticeDays(v.minNoticeDays());
        return f;
    }

    private String render(Center c, YearMonth month, CurrentUser user, Model model) {
        LocalDate today = c.today(clock);
        YearMonth shown = month == null ? YearMonth.from(today) : month;
        LocalDate first = shown.atDay(1);
        LocalDate last = shown.atEndOfMonth();
        Set<LocalDate> special = settings.specialBusyDates(c.id(), first, last);
        List<Day> days = new ArrayList<>(Collections.nCopies(first.getDayOfWeek().getValue() - 1, (Day) null));
        int busyCount = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            CenterSettings s = settings.on(c.id(), d);
            boolean busy = s.isBusyDay(d, special);
            busyCount += busy ? 1 : 0;
            days.add(new Day(d, busy, special.contains(d), s.fixedQuota(busy), d.equals(today),
                    s.effectiveFrom().equals(d)));
        }
        while (days.size() % 7 != 0) {
            days.add(null);
        }
        List<List<Day>> weeks = new ArrayList<>();
        for (int i = 0; i < days.size(); i += 7) {
            weeks.add(days.subList(i, i + 7));
        }
        List<String> weekdays = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.add(d.getDisplayName(TextStyle.SHORT, LocaleContextHolder.getLocale()));
        }
        List<SettingsChange.View> history = new ArrayList<>(settings.history(c.code(), user));
        Collections.reverse(history);
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("weeks", weeks);
        model.addAttribute("weekdays", weekdays);
        model.addAttribute("busyCount", busyCount);
        SettingsChange.View inForce = settings.view(c.code(), null, user);
        model.addAttribute("inForce", inForce);
        model.addAttribute("overtime", inForce.overtimeRates().values().stream()
                .map(r -> fmt.percent(Double.parseDouble(r))).toList());
        model.addAttribute("history", history);
        model.addAttribute("isAdmin", user.isAdmin());
        model.addAttribute("quotaModes", QuotaMode.values());
        return "planner/calendar";
    }
}
