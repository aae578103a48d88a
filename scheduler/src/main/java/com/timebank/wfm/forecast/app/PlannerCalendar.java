package com.timebank.wfm.forecast.app;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.timebank.wfm.forecast.ForecastCalendar;

/**
 * A center's forecast calendar as the planner edits it: public holidays, dates the center will be closed, and
 * one-off special days with a multiplier or "like that past day". Replaced as a whole on each change.
 */
public record PlannerCalendar(List<Holiday> holidays, List<ClosedDate> closedDates, List<SpecialDay> specialDays) {

    public PlannerCalendar {
        holidays = holidays == null ? List.of() : holidays;
        closedDates = closedDates == null ? List.of() : closedDates;
        specialDays = specialDays == null ? List.of() : specialDays;
    }

    public static PlannerCalendar empty() {
        return new PlannerCalendar(List.of(), List.of(), List.of());
    }

    /** A public holiday: whether the center closes and how its eve and the day after behave is learned from history. */
    public record Holiday(LocalDate date, String name) {
    }

    /** A date the center is known to be closed: nothing is forecast for it. */
    public record ClosedDate(LocalDate date, String reason) {
    }

    /** Expected contacts are {@code multiplier} times normal, or the day behaves like the past day {@code likeDate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpecialDay(LocalDate date, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal multiplier,
            LocalDate likeDate, String reason) {
    }

    /** The domain calendar, with the busy-day windows of the center's settings. */
    public ForecastCalendar toForecastCalendar(ZoneId zone, int busyFirstDays, int busyLastDays) {
        ForecastCalendar.Builder b = ForecastCalendar.builder().zone(zone).busyFirstDays(busyFirstDays)
                .busyLastDays(busyLastDays);
        holidays.forEach(h -> b.holiday(h.date(), h.name()));
        closedDates.forEach(c -> b.closed(c.date()));
        for (SpecialDay s : specialDays) {
            if (s.multiplier() != null) {
                b.specialDay(s.date(), s.multiplier().doubleValue(), s.reason());
            } else {
                b.specialDayLike(s.date(), s.likeDate(), s.reason());
            }
        }
        return b.build();
    }
}
