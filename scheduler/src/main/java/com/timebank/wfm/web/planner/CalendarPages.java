package com.timebank.wfm.web.planner;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.SettingsChange;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.PageFormat;

/**
 * The busy-day calendar of a month: which days are busy (first and last days of the month, special busy dates)
 * and the fixed time-off quota of each, with the settings in force and their effective-dated history. Admins
 * change settings on the admin page the calendar links to.
 */
@Controller
class CalendarPages {

    private final PlannerCenters centers;
    private final CenterSettingsService settings;
    private final PageFormat fmt;
    private final Clock clock;

    CalendarPages(PlannerCenters centers, CenterSettingsService settings, PageFormat fmt, Clock clock) {
        this.centers = centers;
        this.settings = settings;
        this.fmt = fmt;
        this.clock = clock;
    }

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
        Center c = chosen.get();
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
        return "planner/calendar";
    }
}
