package com.timebank.wfm.availability;

import static com.timebank.wfm.db.Tables.AGENT_AVAILABILITY_WINDOW;
import static com.timebank.wfm.db.Tables.AGENT_PREFERENCE;
import static com.timebank.wfm.db.Tables.AGENT_UNAVAILABILITY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.availability.AvailabilityService.DatedUnavailability;
import com.timebank.wfm.availability.AvailabilityService.Preferences;
import com.timebank.wfm.availability.AvailabilityService.ShiftTime;
import com.timebank.wfm.availability.AvailabilityService.Window;
import com.timebank.wfm.database.Ids;

@Repository
class AvailabilityRepository {

    private final DSLContext db;

    AvailabilityRepository(DSLContext db) {
        this.db = db;
    }

    /** (agent id, window) of the given agents, by day of the week and start. */
    List<AgentWindow> windows(Collection<Long> agentIds) {
        return db.selectFrom(AGENT_AVAILABILITY_WINDOW).where(AGENT_AVAILABILITY_WINDOW.AGENT_ID.in(agentIds))
                .orderBy(AGENT_AVAILABILITY_WINDOW.AGENT_ID, AGENT_AVAILABILITY_WINDOW.DAY_OF_WEEK,
                        AGENT_AVAILABILITY_WINDOW.START_MINUTE)
                .fetch(r -> new AgentWindow(r.getAgentId(), new Window(DayOfWeek.of(r.getDayOfWeek()),
                        r.getStartMinute(), r.getEndMinute())));
    }

    record AgentWindow(long agentId, Window window) {
    }

    void replaceWindows(long agentId, List<Window> windows) {
        db.deleteFrom(AGENT_AVAILABILITY_WINDOW).where(AGENT_AVAILABILITY_WINDOW.AGENT_ID.eq(agentId)).execute();
        for (Window w : windows) {
            db.insertInto(AGENT_AVAILABILITY_WINDOW)
                    .set(AGENT_AVAILABILITY_WINDOW.AGENT_ID, agentId)
                    .set(AGENT_AVAILABILITY_WINDOW.DAY_OF_WEEK, w.day().getValue())
                    .set(AGENT_AVAILABILITY_WINDOW.START_MINUTE, w.startMinute())
                    .set(AGENT_AVAILABILITY_WINDOW.END_MINUTE, w.endMinute())
                    .execute();
        }
    }

    List<DatedUnavailability> unavailability(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        return db.selectFrom(AGENT_UNAVAILABILITY)
                .where(AGENT_UNAVAILABILITY.AGENT_ID.in(agentIds))
                .and(AGENT_UNAVAILABILITY.BUSINESS_DATE.between(from, to))
                .orderBy(AGENT_UNAVAILABILITY.BUSINESS_DATE, AGENT_UNAVAILABILITY.START_MINUTE,
                        AGENT_UNAVAILABILITY.ID)
                .fetch(r -> new DatedUnavailability(r.getId(), r.getAgentId(), r.getBusinessDate(),
                        r.getStartMinute(), r.getEndMinute(), r.getReason()));
    }

    Optional<DatedUnavailability> unavailability(long agentId, long id) {
        return db.selectFrom(AGENT_UNAVAILABILITY)
                .where(AGENT_UNAVAILABILITY.ID.eq(id)).and(AGENT_UNAVAILABILITY.AGENT_ID.eq(agentId))
                .fetchOptional(r -> new DatedUnavailability(r.getId(), r.getAgentId(), r.getBusinessDate(),
                        r.getStartMinute(), r.getEndMinute(), r.getReason()));
    }

    long insertUnavailability(long agentId, LocalDate date, Integer startMinute, Integer endMinute, String reason,
            String actor, LocalDateTime now) {
        db.insertInto(AGENT_UNAVAILABILITY)
                .set(AGENT_UNAVAILABILITY.AGENT_ID, agentId)
                .set(AGENT_UNAVAILABILITY.BUSINESS_DATE, date)
                .set(AGENT_UNAVAILABILITY.START_MINUTE, startMinute)
                .set(AGENT_UNAVAILABILITY.END_MINUTE, endMinute)
                .set(AGENT_UNAVAILABILITY.REASON, reason)
                .set(AGENT_UNAVAILABILITY.CREATED_BY, actor)
                .set(AGENT_UNAVAILABILITY.CREATED_AT, now)
                .execute();
        return Ids.lastInserted(db);
    }

    void deleteUnavailability(long id) {
        db.deleteFrom(AGENT_UNAVAILABILITY).where(AGENT_UNAVAILABILITY.ID.eq(id)).execute();
    }

    List<AgentPreferences> preferences(Collection<Long> agentIds) {
        return db.selectFrom(AGENT_PREFERENCE).where(AGENT_PREFERENCE.AGENT_ID.in(agentIds))
                .fetch(r -> new AgentPreferences(r.getAgentId(), new Preferences(daysOff(r.getDaysOff()),
                        ShiftTime.valueOf(r.getShiftTime()), r.getShiftTemplate())));
    }

    record AgentPreferences(long agentId, Preferences preferences) {
    }

    void savePreferences(long agentId, Preferences p, String actor, LocalDateTime now) {
        int mask = 0;
        for (DayOfWeek d : p.daysOff()) {
            mask |= 1 << (d.getValue() - 1);
        }
        db.insertInto(AGENT_PREFERENCE)
                .set(AGENT_PREFERENCE.AGENT_ID, agentId)
                .set(AGENT_PREFERENCE.DAYS_OFF, mask)
                .set(AGENT_PREFERENCE.SHIFT_TIME, p.shiftTime().name())
                .set(AGENT_PREFERENCE.SHIFT_TEMPLATE, p.shiftTemplate())
                .set(AGENT_PREFERENCE.UPDATED_BY, actor)
                .set(AGENT_PREFERENCE.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(AGENT_PREFERENCE.DAYS_OFF, mask)
                .set(AGENT_PREFERENCE.SHIFT_TIME, p.shiftTime().name())
                .set(AGENT_PREFERENCE.SHIFT_TEMPLATE, p.shiftTemplate())
                .set(AGENT_PREFERENCE.UPDATED_BY, actor)
                .set(AGENT_PREFERENCE.UPDATED_AT, now)
                .execute();
    }

    private static Set<DayOfWeek> daysOff(int mask) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & 1 << (d.getValue() - 1)) != 0) {
                days.add(d);
            }
        }
        return days;
    }
}
