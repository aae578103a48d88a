package com.timebank.wfm.roster;

import static com.timebank.wfm.db.Tables.SHIFT_TEMPLATE;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.db.tables.records.ShiftTemplateRecord;

@Repository
class ShiftTemplateRepository {

    private final DSLContext db;

    ShiftTemplateRepository(DSLContext db) {
        this.db = db;
    }

    List<ShiftTemplate> ofCenter(long centerId) {
        return db.selectFrom(SHIFT_TEMPLATE).where(SHIFT_TEMPLATE.CENTER_ID.eq(centerId))
                .orderBy(SHIFT_TEMPLATE.POSITION).fetch(ShiftTemplateRepository::template);
    }

    /** Replaces the center's templates (none: back to the built-in ones). */
    void replace(long centerId, List<ShiftTemplate> templates, String actor, LocalDateTime now) {
        db.deleteFrom(SHIFT_TEMPLATE).where(SHIFT_TEMPLATE.CENTER_ID.eq(centerId)).execute();
        for (int i = 0; i < templates.size(); i++) {
            ShiftTemplate t = templates.get(i);
            db.insertInto(SHIFT_TEMPLATE)
                    .set(SHIFT_TEMPLATE.CENTER_ID, centerId)
                    .set(SHIFT_TEMPLATE.POSITION, i)
                    .set(SHIFT_TEMPLATE.CODE, t.code())
                    .set(SHIFT_TEMPLATE.QUEUE, t.queue())
                    .set(SHIFT_TEMPLATE.LENGTH_MINUTES, t.lengthMinutes())
                    .set(SHIFT_TEMPLATE.MEAL_BREAK_MINUTES, t.mealBreakMinutes())
                    .set(SHIFT_TEMPLATE.MEAL_WINDOW_START, t.mealWindowStart())
                    .set(SHIFT_TEMPLATE.MEAL_WINDOW_END, t.mealWindowEnd())
                    .set(SHIFT_TEMPLATE.SHORT_BREAKS, t.shortBreaks())
                    .set(SHIFT_TEMPLATE.SHORT_BREAK_MINUTES, t.shortBreakMinutes())
                    .set(SHIFT_TEMPLATE.FIRST_START_MINUTE, minute(t.firstStart()))
                    .set(SHIFT_TEMPLATE.LAST_START_MINUTE, minute(t.lastStart()))
                    .set(SHIFT_TEMPLATE.START_EVERY_MINUTES, t.startEveryMinutes())
                    .set(SHIFT_TEMPLATE.UPDATED_BY, actor)
                    .set(SHIFT_TEMPLATE.UPDATED_AT, now)
                    .execute();
        }
    }

    private static Integer minute(LocalTime t) {
        return t == null ? null : t.getHour() * 60 + t.getMinute();
    }

    private static LocalTime time(Integer minute) {
        return minute == null ? null : LocalTime.of(minute / 60, minute % 60);
    }

    private static ShiftTemplate template(ShiftTemplateRecord r) {
        return new ShiftTemplate(r.getCode(), r.getQueue(), r.getLengthMinutes(), r.getMealBreakMinutes(),
                r.getMealWindowStart(), r.getMealWindowEnd(), r.getShortBreaks(), r.getShortBreakMinutes(),
                time(r.getFirstStartMinute()), time(r.getLastStartMinute()), r.getStartEveryMinutes());
    }
}
