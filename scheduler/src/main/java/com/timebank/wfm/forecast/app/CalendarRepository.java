package com.timebank.wfm.forecast.app;

import static com.timebank.wfm.db.Tables.FORECAST_CALENDAR_DAY;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.db.tables.records.ForecastCalendarDayRecord;

@Repository
class CalendarRepository {

    static final String HOLIDAY = "HOLIDAY";
    static final String CLOSED = "CLOSED";
    static final String SPECIAL = "SPECIAL";

    private final DSLContext db;

    CalendarRepository(DSLContext db) {
        this.db = db;
    }

    PlannerCalendar calendar(long centerId) {
        List<PlannerCalendar.Holiday> holidays = new ArrayList<>();
        List<PlannerCalendar.ClosedDate> closed = new ArrayList<>();
        List<PlannerCalendar.SpecialDay> special = new ArrayList<>();
        for (ForecastCalendarDayRecord r : db.selectFrom(FORECAST_CALENDAR_DAY)
                .where(FORECAST_CALENDAR_DAY.CENTER_ID.eq(centerId))
                .orderBy(FORECAST_CALENDAR_DAY.BUSINESS_DATE).fetch()) {
            switch (r.getKind()) {
                case HOLIDAY -> holidays.add(new PlannerCalendar.Holiday(r.getBusinessDate(), r.getName()));
                case CLOSED -> closed.add(new PlannerCalendar.ClosedDate(r.getBusinessDate(), r.getName()));
                default -> special.add(new PlannerCalendar.SpecialDay(r.getBusinessDate(),
                        r.getMultiplier() == null ? null : r.getMultiplier().stripTrailingZeros(), r.getLikeDate(),
                        r.getName()));
            }
        }
        return new PlannerCalendar(holidays, closed, special);
    }

    /** Replaces the center's whole calendar with one multi-row insert. */
    void replace(long centerId, PlannerCalendar c, String actor, LocalDateTime now) {
        db.deleteFrom(FORECAST_CALENDAR_DAY).where(FORECAST_CALENDAR_DAY.CENTER_ID.eq(centerId)).execute();
        var insert = db.insertInto(FORECAST_CALENDAR_DAY, FORECAST_CALENDAR_DAY.CENTER_ID,
                FORECAST_CALENDAR_DAY.BUSINESS_DATE, FORECAST_CALENDAR_DAY.KIND, FORECAST_CALENDAR_DAY.NAME,
                FORECAST_CALENDAR_DAY.MULTIPLIER, FORECAST_CALENDAR_DAY.LIKE_DATE, FORECAST_CALENDAR_DAY.UPDATED_BY,
                FORECAST_CALENDAR_DAY.UPDATED_AT);
        int rows = 0;
        for (PlannerCalendar.Holiday h : c.holidays()) {
            insert = insert.values(centerId, h.date(), HOLIDAY, h.name(), null, null, actor, now);
            rows++;
        }
        for (PlannerCalendar.ClosedDate d : c.closedDates()) {
            insert = insert.values(centerId, d.date(), CLOSED, d.reason(), null, null, actor, now);
            rows++;
        }
        for (PlannerCalendar.SpecialDay s : c.specialDays()) {
            insert = insert.values(centerId, s.date(), SPECIAL, s.reason(), s.multiplier(), s.likeDate(), actor, now);
            rows++;
        }
        if (rows > 0) {
            insert.execute();
        }
    }
}
