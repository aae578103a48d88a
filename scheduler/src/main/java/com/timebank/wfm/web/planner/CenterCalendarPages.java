package com.timebank.wfm.web.planner;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.forecast.app.CalendarService;
import com.timebank.wfm.forecast.app.PlannerCalendar;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.FormErrors;
import com.timebank.wfm.web.PageFormat;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The center's forecast calendar: public holidays, dates the center is closed and special days, which the forecast
 * takes into account (without them a holiday is forecast like any other day). Each change replaces the calendar
 * through {@link CalendarService}, which checks it and audits it.
 */
@Controller
class CenterCalendarPages {

    static final String PATH = "/planner/center-calendar";

    private final PlannerCenters centers;
    private final CalendarService calendars;
    private final PageFormat fmt;
    private final Flash flash;

    CenterCalendarPages(PlannerCenters centers, CalendarService calendars, PageFormat fmt, Flash flash) {
        this.centers = centers;
        this.calendars = calendars;
        this.fmt = fmt;
        this.flash = flash;
    }

    @InitBinder("dayForm")
    void validator(WebDataBinder binder) {
        binder.addValidators(new CalendarDayValidator());
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String center, CurrentUser user, Model model) {
        Optional<Center> c = centers.addTo(model, center, user);
        model.addAttribute("dayForm", new CalendarDayForm());
        c.ifPresent(x -> model.addAttribute("calendar", calendars.calendar(x.code(), user)));
        return "planner/center-calendar";
    }

    @PostMapping(PATH)
    String add(@RequestParam String center, @Validated @ModelAttribute("dayForm") CalendarDayForm form,
            BindingResult binding, CurrentUser user, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Center c = centers.addTo(model, center, user).orElseThrow(() -> new NotFoundException("Center", center));
        PlannerCalendar now = calendars.calendar(c.code(), user);
        if (!binding.hasErrors()) {
            String text = form.getText() == null || form.getText().isBlank() ? null : form.getText().trim();
            List<PlannerCalendar.Holiday> holidays = new ArrayList<>(now.holidays());
            List<PlannerCalendar.ClosedDate> closed = new ArrayList<>(now.closedDates());
            List<PlannerCalendar.SpecialDay> special = new ArrayList<>(now.specialDays());
            switch (form.getKind()) {
                case CalendarDayForm.HOLIDAY -> holidays.add(new PlannerCalendar.Holiday(form.getDate(), text));
                case CalendarDayForm.CLOSED -> closed.add(new PlannerCalendar.ClosedDate(form.getDate(), text));
                default -> special.add(new PlannerCalendar.SpecialDay(form.getDate(), form.getMultiplier(),
                        form.getMultiplier() == null ? form.getLikeDate() : null, text));
            }
            try {
                calendars.replace(c.code(), new PlannerCalendar(holidays, closed, special), user);
                flash.success(redirect, "planner.center-calendar.added." + form.getKind(), fmt.date(form.getDate()));
                return back(c);
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, fieldsOf(e), "planner.center-calendar.invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("calendar", now);
        return "planner/center-calendar";
    }

    @PostMapping(PATH + "/remove")
    String remove(@RequestParam String center, @RequestParam String kind, @RequestParam LocalDate date,
            CurrentUser user, RedirectAttributes redirect) {
        Center c = centers.choose(center, user).orElseThrow(() -> new NotFoundException("Center", center));
        PlannerCalendar now = calendars.calendar(c.code(), user);
        calendars.replace(c.code(), new PlannerCalendar(
                now.holidays().stream().filter(h -> !(CalendarDayForm.HOLIDAY.equals(kind) && h.date().equals(date)))
                        .toList(),
                now.closedDates().stream().filter(d -> !(CalendarDayForm.CLOSED.equals(kind) && d.date().equals(date)))
                        .toList(),
                now.specialDays().stream().filter(s -> !(CalendarDayForm.SPECIAL.equals(kind) && s.date().equals(date)))
                        .toList()), user);
        flash.success(redirect, "planner.center-calendar.removed", fmt.date(date));
        return back(c);
    }

    /** The service names fields by list position ({@code specialDays[3].multiplier}): the form has one of each. */
    private static Map<String, String> fieldsOf(InvalidInputException e) {
        Map<String, String> fields = new HashMap<>();
        for (FieldError f : e.errors()) {
            String name = f.field() == null ? "" : f.field();
            String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : null;
            fields.put(name, last == null ? null : switch (last) {
                case "name", "reason" -> "text";
                default -> last;
            });
        }
        return fields;
    }

    private static String back(Center c) {
        return "redirect:" + PATH + "?center=" + UriUtils.encodeQueryParam(c.code(), StandardCharsets.UTF_8);
    }
}
