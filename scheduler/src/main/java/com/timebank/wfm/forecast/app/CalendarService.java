package com.timebank.wfm.forecast.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.forecast.ForecastCalendar;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/** The planner-edited forecast calendar of each center. */
@Service
public class CalendarService {

    static final int MAX_ENTRIES = 1_000;
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("20");
    static final int MAX_TEXT = 200;

    private final CalendarRepository repository;
    private final OrganisationService organisation;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    CalendarService(CalendarRepository repository, OrganisationService organisation, AuditLog audit,
            Transactions transactions, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Anyone who sees the center may read its calendar. */
    @Transactional(readOnly = true)
    public PlannerCalendar calendar(String centerCode, CurrentUser user) {
        return repository.calendar(organisation.center(centerCode, user).id());
    }

    /** For forecasting: the center's calendar with the given busy-day windows (at most 10 open days each). */
    @Transactional(readOnly = true)
    public ForecastCalendar forecastCalendar(Center center, int busyFirstDays, int busyLastDays) {
        return repository.calendar(center.id()).toForecastCalendar(center.timeZone(), busyFirstDays, busyLastDays);
    }

    /** Replaces the whole calendar (planner or admin of the center). */
    public PlannerCalendar replace(String centerCode, PlannerCalendar calendar, CurrentUser user) {
        return transactions.write(() -> {
            Center center = organisation.plannedCenter(centerCode, user);
            Validation v = new Validation();
            validate(calendar, v);
            v.throwIfInvalid();
            PlannerCalendar sorted = new PlannerCalendar(
                    calendar.holidays().stream().sorted(Comparator.comparing(PlannerCalendar.Holiday::date))
                            .toList(),
                    calendar.closedDates().stream().sorted(Comparator.comparing(PlannerCalendar.ClosedDate::date))
                            .toList(),
                    calendar.specialDays().stream().sorted(Comparator.comparing(PlannerCalendar.SpecialDay::date))
                            .toList());
            repository.replace(center.id(), sorted, user.actor(),
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            audit.record(user.actor(), AuditAction.CALENDAR_CHANGED, "center:" + center.code(),
                    Message.of("audit.calendar-changed", sorted.holidays().size(), sorted.closedDates().size(),
                            sorted.specialDays().size()));
            return repository.calendar(center.id());
        });
    }

    static void validate(PlannerCalendar c, Validation v) {
        v.require(c.holidays().size() <= MAX_ENTRIES, "holidays", "calendar.most-holidays", MAX_ENTRIES);
        v.require(c.closedDates().size() <= MAX_ENTRIES, "closedDates", "calendar.most-closed-dates", MAX_ENTRIES);
        v.require(c.specialDays().size() <= MAX_ENTRIES, "specialDays", "calendar.most-special-days", MAX_ENTRIES);
        if (v.hasErrors()) {
            return;
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < c.holidays().size(); i++) {
            PlannerCalendar.Holiday h = c.holidays().get(i);
            String at = "holidays[" + i + "]";
            if (h == null || h.date() == null) {
                v.require(false, at + ".date", "calendar.date-required");
                continue;
            }
            v.require(seen.add(h.date()), at + ".date", "calendar.holiday-listed-twice", h.date());
            v.require(h.name() == null || h.name().length() <= MAX_TEXT, at + ".name",
                    "calendar.name-most-characters", MAX_TEXT);
        }
        seen.clear();
        for (int i = 0; i < c.closedDates().size(); i++) {
            PlannerCalendar.ClosedDate d = c.closedDates().get(i);
            String at = "closedDates[" + i + "]";
            if (d == null || d.date() == null) {
                v.require(false, at + ".date", "calendar.date-required-2");
                continue;
            }
            v.require(seen.add(d.date()), at + ".date", "calendar.closed-date-listed-twice", d.date());
            v.require(d.reason() == null || d.reason().length() <= MAX_TEXT, at + ".reason",
                    "calendar.reason-most-characters", MAX_TEXT);
        }
        seen.clear();
        for (int i = 0; i < c.specialDays().size(); i++) {
            PlannerCalendar.SpecialDay s = c.specialDays().get(i);
            String at = "specialDays[" + i + "]";
            if (s == null || s.date() == null) {
                v.require(false, at + ".date", "calendar.date-required-3");
                continue;
            }
            v.require(seen.add(s.date()), at + ".date", "calendar.special-day-listed-twice", s.date());
            if ((s.multiplier() == null) == (s.likeDate() == null)) {
                v.require(false, at, "calendar.give-either-multiplier-likedate");
            } else if (s.multiplier() != null) {
                v.require(s.multiplier().signum() > 0 && s.multiplier().compareTo(MAX_MULTIPLIER) <= 0,
                        at + ".multiplier", "calendar.multiplier-above-most", MAX_MULTIPLIER);
                v.require(s.multiplier().stripTrailingZeros().scale() <= 4, at + ".multiplier",
                        "calendar.multiplier-has-most-decimal");
            } else {
                v.require(s.likeDate().isBefore(s.date()), at + ".likeDate", "calendar.likedate-day-before", s.date());
            }
            v.require(s.reason() == null || s.reason().length() <= MAX_TEXT, at + ".reason",
                    "calendar.reason-most-characters-2", MAX_TEXT);
        }
    }
}
