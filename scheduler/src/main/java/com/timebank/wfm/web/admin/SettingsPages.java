package com.timebank.wfm.web.admin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.QuotaMode;
import com.timebank.wfm.org.SettingsChange;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.FormDates;
import com.timebank.wfm.web.FormErrors;
import com.timebank.wfm.web.PageFormat;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A center's settings with effective dates: the form shows the settings in force on the chosen date and saves a
 * change from that date on through {@link CenterSettingsService#change} (never retroactive); the history lists
 * every change.
 */
@Controller
class SettingsPages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Service field names to the form's. */
    private static final Map<String, String> FIELDS = Map.of("overtimeRates.1", "overtimeRate1", "overtimeRates.2",
            "overtimeRate2", "overtimeRates.3", "overtimeRate3", "overtimeRates", "overtimeRate1", "busyDays.firstDays",
            "busyFirstDays", "busyDays.lastDays", "busyLastDays");

    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final Flash flash;
    private final PageFormat fmt;
    private final Clock clock;

    SettingsPages(OrganisationService organisation, CenterSettingsService settings, Flash flash, PageFormat fmt,
            Clock clock) {
        this.organisation = organisation;
        this.settings = settings;
        this.flash = flash;
        this.fmt = fmt;
        this.clock = clock;
    }

    @GetMapping("/admin/centers/{code}/settings")
    String form(@PathVariable String code, @RequestParam(required = false) String from, CurrentUser user,
            Model model) {
        Center center = organisation.center(code, user);
        LocalDate today = center.today(clock);
        LocalDate on = today;
        if (from != null && !from.isBlank()) {
            try {
                on = LocalDate.parse(from.trim());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("from", "problem.parameter.invalid", from,
                        Message.of("type.date"));
            }
        }
        if (on.isBefore(today)) {
            on = today;
        }
        model.addAttribute("settingsForm", formOf(settings.view(center.code(), on, user), on));
        pageModel(center, user, model);
        return "admin/settings";
    }

    @ModelAttribute("quotaModes")
    QuotaMode[] quotaModes() {
        return QuotaMode.values();
    }

    @PostMapping("/admin/centers/{code}/settings")
    String change(@PathVariable String code, @ModelAttribute SettingsForm settingsForm, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Center center = organisation.center(code, user);
        LocalDate today = center.today(clock);
        LocalDate from = date(settingsForm.getEffectiveFrom(), "effectiveFrom", binding);
        if (from != null && from.isBefore(today)) {
            binding.rejectValue("effectiveFrom", "admin.settings.error.past", new Object[] {fmt.date(today)}, null);
        }
        List<LocalDate> special = FormDates.parse(settingsForm.getSpecialBusyDates(), "specialBusyDates",
                "admin.settings.error.special-date", binding);
        BigDecimal aux = ratio(settingsForm.getAuxTarget(), "auxTarget", binding);
        BigDecimal r1 = ratio(settingsForm.getOvertimeRate1(), "overtimeRate1", binding);
        BigDecimal r2 = ratio(settingsForm.getOvertimeRate2(), "overtimeRate2", binding);
        BigDecimal r3 = ratio(settingsForm.getOvertimeRate3(), "overtimeRate3", binding);
        BigDecimal cap = ratio(settingsForm.getBonusCapRatio(), "bonusCapRatio", binding);
        BigDecimal sl = ratio(settingsForm.getServiceLevelTarget(), "serviceLevelTarget", binding);
        BigDecimal occupancy = ratio(settingsForm.getMaxOccupancy(), "maxOccupancy", binding);
        BigDecimal shrinkage = ratio(settingsForm.getShrinkage(), "shrinkage", binding);
        for (String field : List.of("idleDayQuota", "busyDayQuota", "busyFirstDays", "busyLastDays", "monthCloseDay",
                "minNoticeDays", "serviceLevelSeconds", "standardDayMinutes")) {
            if (!binding.hasFieldErrors(field) && binding.getRawFieldValue(field) == null) {
                binding.rejectValue(field, "admin.error.required");
            }
        }
        if (!binding.hasErrors()) {
            try {
                SettingsChange change = new SettingsChange(from, aux, Map.of("1", r1, "2", r2, "3", r3), cap,
                        settingsForm.getIdleDayQuota(), settingsForm.getBusyDayQuota(),
                        new SettingsChange.BusyDays(settingsForm.getBusyFirstDays(), settingsForm.getBusyLastDays()),
                        special, settingsForm.getMonthCloseDay(), settingsForm.getMinNoticeDays(), sl,
                        settingsForm.getServiceLevelSeconds(), occupancy, shrinkage, settingsForm.getQuotaMode(),
                        settingsForm.getStandardDayMinutes());
                settings.change(center.code(), change, user);
                flash.success(redirect, "admin.settings.saved", center.code(), fmt.date(from));
                return "redirect:" + OrganisationPages.centerPath(center.code()) + "/settings?from=" + from;
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, FIELDS, "admin.settings.invalid");
            } catch (BusinessRuleException e) {
                binding.rejectValue("effectiveFrom", "admin.settings.refused", new Object[] {e.reason()},
                        e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        pageModel(center, user, model);
        return "admin/settings";
    }

    private void pageModel(Center center, CurrentUser user, Model model) {
        List<SettingsChange.View> history = new ArrayList<>(settings.history(center.code(), user));
        Collections.reverse(history);
        model.addAttribute("center", center);
        model.addAttribute("history", history);
        model.addAttribute("today", center.today(clock));
    }

    private static SettingsForm formOf(SettingsChange.View v, LocalDate from) {
        SettingsForm f = new SettingsForm();
        f.setEffectiveFrom(from.toString());
        f.setAuxTarget(percent(v.auxTarget()));
        f.setOvertimeRate1(percent(new BigDecimal(v.overtimeRates().get("1"))));
        f.setOvertimeRate2(percent(new BigDecimal(v.overtimeRates().get("2"))));
        f.setOvertimeRate3(percent(new BigDecimal(v.overtimeRates().get("3"))));
        f.setBonusCapRatio(percent(v.bonusCapRatio()));
        f.setIdleDayQuota(v.idleDayQuota());
        f.setBusyDayQuota(v.busyDayQuota());
        f.setBusyFirstDays(v.busyDays().firstDays());
        f.setBusyLastDays(v.busyDays().lastDays());
        f.setSpecialBusyDates(v.specialBusyDates().stream().filter(d -> !d.isBefore(from)).map(LocalDate::toString)
                .collect(Collectors.joining("\n")));
        f.setMonthCloseDay(v.monthCloseDay());
        f.setMinNoticeDays(v.minNoticeDays());
        f.setServiceLevelTarget(percent(v.serviceLevelTarget()));
        f.setServiceLevelSeconds(v.serviceLevelSeconds());
        f.setMaxOccupancy(percent(v.maxOccupancy()));
        f.setShrinkage(percent(v.shrinkage()));
        f.setQuotaMode(v.quotaMode());
        f.setStandardDayMinutes(v.standardDayMinutes());
        return f;
    }

    /** A ratio shown as a percentage: 0.037 → "3.7". */
    static String percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).stripTrailingZeros().toPlainString();
    }

    /** A percentage typed into the form as a ratio: "3.7" → 0.037; a comma is read as the decimal point. */
    static BigDecimal ratio(String text, String field, BindingResult binding) {
        if (text == null || text.isBlank()) {
            binding.rejectValue(field, "admin.error.required");
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.').replace("%", "").trim())
                    .divide(HUNDRED).stripTrailingZeros();
        } catch (NumberFormatException e) {
            binding.rejectValue(field, "admin.settings.error.percent");
            return null;
        }
    }

    private static LocalDate date(String text, String field, BindingResult binding) {
        if (text == null || text.isBlank()) {
            binding.rejectValue(field, "admin.error.required");
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            binding.rejectValue(field, "admin.settings.error.date");
            return null;
        }
    }
}
