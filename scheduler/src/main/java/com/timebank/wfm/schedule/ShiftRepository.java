package com.timebank.wfm.schedule;

import static com.timebank.wfm.db.Tables.PUBLISHED_SHIFT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ShiftRepository {

    private final DSLContext db;

    ShiftRepository(DSLContext db) {
        this.db = db;
    }

    /** Upserts on (agent, date); returns how many shifts were replaced. */
    int upsert(long centerId, List<PublishedShift> shifts, String actor, LocalDateTime now) {
        if (shifts.isEmpty()) {
            return 0;
        }
        var insert = db.insertInto(PUBLISHED_SHIFT, PUBLISHED_SHIFT.CENTER_ID, PUBLISHED_SHIFT.AGENT_ID,
                PUBLISHED_SHIFT.SHIFT_DATE, PUBLISHED_SHIFT.START_AT, PUBLISHED_SHIFT.END_AT,
                PUBLISHED_SHIFT.BREAK_MINUTES, PUBLISHED_SHIFT.SOURCE, PUBLISHED_SHIFT.PUBLISHED_AT,
                PUBLISHED_SHIFT.PUBLISHED_BY);
        for (PublishedShift s : shifts) {
            insert = insert.values(centerId, s.agentId(), s.date(), s.start(), s.end(), s.breakMinutes(), s.source(),
                    now, actor);
        }
        int affected = insert.onDuplicateKeyUpdate()
                .set(PUBLISHED_SHIFT.START_AT, DSL.excluded(PUBLISHED_SHIFT.START_AT))
                .set(PUBLISHED_SHIFT.END_AT, DSL.excluded(PUBLISHED_SHIFT.END_AT))
                .set(PUBLISHED_SHIFT.BREAK_MINUTES, DSL.excluded(PUBLISHED_SHIFT.BREAK_MINUTES))
                .set(PUBLISHED_SHIFT.SOURCE, DSL.excluded(PUBLISHED_SHIFT.SOURCE))
                .set(PUBLISHED_SHIFT.PUBLISHED_AT, DSL.excluded(PUBLISHED_SHIFT.PUBLISHED_AT))
                .set(PUBLISHED_SHIFT.PUBLISHED_BY, DSL.excluded(PUBLISHED_SHIFT.PUBLISHED_BY))
                .execute();
        return Math.max(0, affected - shifts.size());
    }

    int delete(long centerId, java.util.Collection<Long> agentIds, LocalDate from, LocalDate to) {
        int deleted = 0;
        List<Long> ids = List.copyOf(agentIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            deleted += db.deleteFrom(PUBLISHED_SHIFT).where(PUBLISHED_SHIFT.CENTER_ID.eq(centerId)
                    .and(PUBLISHED_SHIFT.AGENT_ID.in(ids.subList(i, Math.min(ids.size(), i + 1000))))
                    .and(PUBLISHED_SHIFT.SHIFT_DATE.between(from, to))).execute();
        }
        return deleted;
    }

    List<PublishedShift> ofCenter(long centerId, LocalDate from, LocalDate to) {
        return db.selectFrom(PUBLISHED_SHIFT)
                .where(PUBLISHED_SHIFT.CENTER_ID.eq(centerId).and(PUBLISHED_SHIFT.SHIFT_DATE.between(from, to)))
                .orderBy(PUBLISHED_SHIFT.SHIFT_DATE, PUBLISHED_SHIFT.AGENT_ID)
                .fetch(r -> new PublishedShift(r.getAgentId(), r.getShiftDate(), r.getStartAt(), r.getEndAt(),
                        r.getBreakMinutes(), r.getSource()));
    }

    List<PublishedShift> ofAgent(long agentId, LocalDate from, LocalDate to) {
        return db.selectFrom(PUBLISHED_SHIFT)
                .where(PUBLISHED_SHIFT.AGENT_ID.eq(agentId).and(PUBLISHED_SHIFT.SHIFT_DATE.between(from, to)))
                .orderBy(PUBLISHED_SHIFT.SHIFT_DATE)
                .fetch(r -> new PublishedShift(r.getAgentId(), r.getShiftDate(), r.getStartAt(), r.getEndAt(),
                        r.getBreakMinutes(), r.getSource()));
    }

    /** Scheduled work seconds of the center's published shifts dated within the period. */
    long workSeconds(long centerId, ZoneId zone, LocalDate from, LocalDate to) {
        return ofCenter(centerId, from, to).stream().mapToLong(s -> s.workSeconds(zone)).sum();
    }
}
