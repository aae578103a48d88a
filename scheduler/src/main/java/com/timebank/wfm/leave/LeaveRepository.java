package com.timebank.wfm.leave;

import static com.timebank.wfm.db.Tables.LEAVE_ATTENDANCE;
import static com.timebank.wfm.db.Tables.LEAVE_MONTH_CLOSE;
import static com.timebank.wfm.db.Tables.LEAVE_OFFSET;
import static com.timebank.wfm.db.Tables.LEAVE_RECORD;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.database.BulkStatements;
import com.timebank.wfm.database.Ids;
import com.timebank.wfm.db.tables.records.LeaveRecordRecord;

@Repository
class LeaveRepository {

    private final DSLContext db;

    LeaveRepository(DSLContext db) {
        this.db = db;
    }

    void insertOverdraftLeave(List<LeaveRecord> records, long centerId, String actor, LocalDateTime now) {
        if (records.isEmpty()) {
            return;
        }
        var insert = BulkStatements.of(db).insertInto(LEAVE_RECORD, LEAVE_RECORD.AGENT_ID, LEAVE_RECORD.CENTER_ID,
                LEAVE_RECORD.BUSINESS_DATE, LEAVE_RECORD.SECONDS, LEAVE_RECORD.TYPE, LEAVE_RECORD.SOURCE,
                LEAVE_RECORD.REFERENCE, LEAVE_RECORD.CREATED_BY, LEAVE_RECORD.CREATED_AT);
        for (LeaveRecord r : records) {
            insert = insert.values(r.agentId(), centerId, r.date(), r.seconds(), LeaveType.PERSONAL.name(),
                    LeaveSource.OVERDRAFT.name(), r.reference(), actor, now);
        }
        insert.execute();
    }

    /**
     * Deletes the agent's overdraft leave of the date with its offset choices not yet posted. A posted offset keeps
     * its leave (the foreign key refuses the delete): the caller checks for one first.
     */
    int deleteOverdraftLeave(long agentId, LocalDate date) {
        var overdraft = LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.eq(date))
                .and(LEAVE_RECORD.SOURCE.eq(LeaveSource.OVERDRAFT.name()));
        db.deleteFrom(LEAVE_OFFSET).where(LEAVE_OFFSET.ENTRY_ID.isNull()
                .and(LEAVE_OFFSET.LEAVE_ID.in(db.select(LEAVE_RECORD.ID).from(LEAVE_RECORD).where(overdraft))))
                .execute();
        return db.deleteFrom(LEAVE_RECORD).where(overdraft).execute();
    }

    /** Whether month close posted an offset of the agent's overdraft leave of the date. */
    boolean overdraftOffsetPosted(long agentId, LocalDate date) {
        return db.fetchExists(db.selectOne().from(LEAVE_OFFSET).join(LEAVE_RECORD).on(LEAVE_RECORD.ID.eq(LEAVE_OFFSET.LEAVE_ID))
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.eq(date))
                        .and(LEAVE_RECORD.SOURCE.eq(LeaveSource.OVERDRAFT.name())).and(LEAVE_OFFSET.ENTRY_ID.isNotNull())));
    }

    /** Whether the agent's overdraft leave of the date is chosen for an offset that month close has not posted. */
    boolean overdraftOffsetChosen(long agentId, LocalDate date) {
        return db.fetchExists(db.selectOne().from(LEAVE_OFFSET).join(LEAVE_RECORD).on(LEAVE_RECORD.ID.eq(LEAVE_OFFSET.LEAVE_ID))
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.eq(date))
                        .and(LEAVE_RECORD.SOURCE.eq(LeaveSource.OVERDRAFT.name())).and(LEAVE_OFFSET.ENTRY_ID.isNull())));
    }

    void chooseOverdraftLeave(long agentId, LocalDate date, String actor, LocalDateTime now) {
        List<Long> ids = db.select(LEAVE_RECORD.ID).from(LEAVE_RECORD)
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.eq(date))
                        .and(LEAVE_RECORD.SOURCE.eq(LeaveSource.OVERDRAFT.name())))
                .fetch(LEAVE_RECORD.ID);
        for (Long id : ids) {
            db.insertInto(LEAVE_OFFSET).set(LEAVE_OFFSET.LEAVE_ID, id).set(LEAVE_OFFSET.AGENT_ID, agentId)
                    .set(LEAVE_OFFSET.MONTH_START, date.withDayOfMonth(1)).set(LEAVE_OFFSET.CHOSEN_BY, actor)
                    .set(LEAVE_OFFSET.CHOSEN_AT, now).onDuplicateKeyIgnore().execute();
        }
    }

    List<LeaveRecord> ofAgent(long agentId, LocalDate from, LocalDate to) {
        return db.selectFrom(LEAVE_RECORD)
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.between(from, to)))
                .orderBy(LEAVE_RECORD.BUSINESS_DATE, LEAVE_RECORD.ID)
                .fetch(LeaveRepository::record);
    }

    long sumOverdraftLeave(long agentId, LocalDate from, LocalDate to) {
        Long sum = db.select(DSL.sum(LEAVE_RECORD.SECONDS).cast(Long.class)).from(LEAVE_RECORD)
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.between(from, to))
                        .and(LEAVE_RECORD.SOURCE.eq(LeaveSource.OVERDRAFT.name())))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    /** Leave recorded by a lead or imported from HR; returns the ids in input order. */
    List<Long> insertLeave(List<LeaveRecord> records, Map<Long, Long> centerOfAgent, String actor, LocalDateTime now) {
        List<Long> ids = new java.util.ArrayList<>();
        for (LeaveRecord r : records) {
            db.insertInto(LEAVE_RECORD)
                    .set(LEAVE_RECORD.AGENT_ID, r.agentId()).set(LEAVE_RECORD.CENTER_ID, centerOfAgent.get(r.agentId()))
                    .set(LEAVE_RECORD.BUSINESS_DATE, r.date()).set(LEAVE_RECORD.SECONDS, r.seconds())
                    .set(LEAVE_RECORD.TYPE, r.type().name()).set(LEAVE_RECORD.SOURCE, r.source().name())
                    .set(LEAVE_RECORD.REFERENCE, r.reference()).set(LEAVE_RECORD.CREATED_BY, actor)
                    .set(LEAVE_RECORD.START_MINUTE, r.startMinute()).set(LEAVE_RECORD.END_MINUTE, r.endMinute())
                    .set(LEAVE_RECORD.CREATED_AT, now).execute();
            ids.add(Ids.lastInserted(db));
        }
        return ids;
    }

    /**
     * Writes records named by their references: one whose reference is already stored replaces that record's
     * seconds, the others are inserted. Returns how many were replaced.
     */
    int replaceLeave(List<LeaveRecord> records, Map<Long, Long> centerOfAgent, String actor, LocalDateTime now) {
        List<String> references = records.stream().map(LeaveRecord::reference).toList();
        Map<String, Long> stored = references.isEmpty() ? Map.of()
                : db.select(LEAVE_RECORD.REFERENCE, LEAVE_RECORD.ID).from(LEAVE_RECORD)
                        .where(LEAVE_RECORD.REFERENCE.in(references)).forUpdate()
                        .fetchMap(LEAVE_RECORD.REFERENCE, LEAVE_RECORD.ID);
        List<LeaveRecord> fresh = new java.util.ArrayList<>();
        for (LeaveRecord r : records) {
            Long id = stored.get(r.reference());
            if (id == null) {
                fresh.add(r);
            } else {
                db.update(LEAVE_RECORD).set(LEAVE_RECORD.SECONDS, r.seconds()).where(LEAVE_RECORD.ID.eq(id)).execute();
            }
        }
        insertLeave(fresh, centerOfAgent, actor, now);
        return records.size() - fresh.size();
    }

    /** The id of the record stored with this reference, if there is one. */
    Optional<Long> idOfReference(String reference) {
        return db.select(LEAVE_RECORD.ID).from(LEAVE_RECORD).where(LEAVE_RECORD.REFERENCE.eq(reference))
                .fetchOptional(LEAVE_RECORD.ID);
    }

    /** The records of those ids that exist, by id (a null id finds none). */
    Map<Long, LeaveRecord> find(Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).toList();
        Map<Long, LeaveRecord> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            db.selectFrom(LEAVE_RECORD).where(LEAVE_RECORD.ID.in(wanted)).fetch(LeaveRepository::record)
                    .forEach(r -> found.put(r.id(), r));
        }
        return found;
    }

    List<LeaveRecord> ofAgents(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        return db.selectFrom(LEAVE_RECORD)
                .where(LEAVE_RECORD.AGENT_ID.in(agentIds).and(LEAVE_RECORD.BUSINESS_DATE.between(from, to)))
                .orderBy(LEAVE_RECORD.BUSINESS_DATE, LEAVE_RECORD.ID)
                .fetch(LeaveRepository::record);
    }

    Optional<LocalDate> earliestLeave(long centerId) {
        return db.select(DSL.min(LEAVE_RECORD.BUSINESS_DATE)).from(LEAVE_RECORD)
                .where(LEAVE_RECORD.CENTER_ID.eq(centerId)).fetchOptional(0, LocalDate.class);
    }

    /** Chosen offsets of the agents' month: leave id → entry id (null until month close posted it). */
    Map<Long, Long> offsets(Collection<Long> agentIds, LocalDate monthStart) {
        Map<Long, Long> offsets = new HashMap<>();
        db.select(LEAVE_OFFSET.LEAVE_ID, LEAVE_OFFSET.ENTRY_ID).from(LEAVE_OFFSET)
                .where(LEAVE_OFFSET.AGENT_ID.in(agentIds).and(LEAVE_OFFSET.MONTH_START.eq(monthStart)))
                .forEach(r -> offsets.put(r.value1(), r.value2()));
        return offsets;
    }

    /** {@link #offsets(Collection, LocalDate)} of several months at once. */
    Map<Long, Long> offsets(Collection<Long> agentIds, Collection<LocalDate> monthStarts) {
        Map<Long, Long> offsets = new HashMap<>();
        db.select(LEAVE_OFFSET.LEAVE_ID, LEAVE_OFFSET.ENTRY_ID).from(LEAVE_OFFSET)
                .where(LEAVE_OFFSET.AGENT_ID.in(agentIds).and(LEAVE_OFFSET.MONTH_START.in(monthStarts)))
                .forEach(r -> offsets.put(r.value1(), r.value2()));
        return offsets;
    }

    /** Replaces the choices month close has not posted; a posted offset (with its entry) is never removed. */
    void replaceOffsets(long agentId, LocalDate monthStart, Collection<Long> leaveIds, String actor, LocalDateTime now) {
        db.deleteFrom(LEAVE_OFFSET)
                .where(LEAVE_OFFSET.AGENT_ID.eq(agentId).and(LEAVE_OFFSET.MONTH_START.eq(monthStart))
                        .and(LEAVE_OFFSET.ENTRY_ID.isNull())).execute();
        if (!leaveIds.isEmpty()) {
            var insert = db.insertInto(LEAVE_OFFSET, LEAVE_OFFSET.LEAVE_ID, LEAVE_OFFSET.AGENT_ID,
                    LEAVE_OFFSET.MONTH_START, LEAVE_OFFSET.CHOSEN_BY, LEAVE_OFFSET.CHOSEN_AT);
            for (Long id : leaveIds) {
                insert = insert.values(id, agentId, monthStart, actor, now);
            }
            insert.execute();
        }
    }

    void markOffsetPosted(long leaveId, long entryId) {
        db.update(LEAVE_OFFSET).set(LEAVE_OFFSET.ENTRY_ID, entryId).where(LEAVE_OFFSET.LEAVE_ID.eq(leaveId)).execute();
    }

    Optional<Attendance> attendance(long agentId, LocalDate monthStart) {
        return db.selectFrom(LEAVE_ATTENDANCE)
                .where(LEAVE_ATTENDANCE.AGENT_ID.eq(agentId).and(LEAVE_ATTENDANCE.MONTH_START.eq(monthStart)))
                .fetchOptional().map(r -> new Attendance(YearMonth.from(r.getMonthStart()), r.getLeaveSeconds(),
                        r.getOffsetSeconds(), r.getFullAttendance()));
    }

    /** The attendance month close wrote for the center's agents (agent id → attendance), for reports. */
    Map<Long, Attendance> attendanceOfCenter(long centerId, LocalDate monthStart) {
        Map<Long, Attendance> out = new HashMap<>();
        db.selectFrom(LEAVE_ATTENDANCE)
                .where(LEAVE_ATTENDANCE.CENTER_ID.eq(centerId).and(LEAVE_ATTENDANCE.MONTH_START.eq(monthStart)))
                .forEach(r -> out.put(r.getAgentId(), new Attendance(YearMonth.from(r.getMonthStart()),
                        r.getLeaveSeconds(), r.getOffsetSeconds(), r.getFullAttendance())));
        return out;
    }

    /** Of these agents, those whose attendance of the month is written (wherever their center is now). */
    Set<Long> attendedOf(Collection<Long> agentIds, LocalDate monthStart) {
        if (agentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.select(LEAVE_ATTENDANCE.AGENT_ID).from(LEAVE_ATTENDANCE)
                .where(LEAVE_ATTENDANCE.AGENT_ID.in(agentIds).and(LEAVE_ATTENDANCE.MONTH_START.eq(monthStart)))
                .fetch(LEAVE_ATTENDANCE.AGENT_ID));
    }

    Set<Long> attendedAgents(long centerId, LocalDate monthStart) {
        return new HashSet<>(db.select(LEAVE_ATTENDANCE.AGENT_ID).from(LEAVE_ATTENDANCE)
                .where(LEAVE_ATTENDANCE.CENTER_ID.eq(centerId).and(LEAVE_ATTENDANCE.MONTH_START.eq(monthStart)))
                .fetch(LEAVE_ATTENDANCE.AGENT_ID));
    }

    void insertAttendance(long centerId, Map<Long, Attendance> ofAgent, LocalDateTime now) {
        if (ofAgent.isEmpty()) {
            return;
        }
        var insert = db.insertInto(LEAVE_ATTENDANCE, LEAVE_ATTENDANCE.AGENT_ID, LEAVE_ATTENDANCE.MONTH_START,
                LEAVE_ATTENDANCE.CENTER_ID, LEAVE_ATTENDANCE.LEAVE_SECONDS, LEAVE_ATTENDANCE.OFFSET_SECONDS,
                LEAVE_ATTENDANCE.FULL_ATTENDANCE, LEAVE_ATTENDANCE.CLOSED_AT);
        for (var e : ofAgent.entrySet()) {
            Attendance a = e.getValue();
            insert = insert.values(e.getKey(), a.month().atDay(1), centerId, a.leaveSeconds(), a.offsetSeconds(),
                    a.fullAttendance(), now);
        }
        insert.execute();
    }

    boolean monthClosed(long centerId, LocalDate monthStart) {
        return db.fetchExists(LEAVE_MONTH_CLOSE,
                LEAVE_MONTH_CLOSE.CENTER_ID.eq(centerId).and(LEAVE_MONTH_CLOSE.MONTH_START.eq(monthStart)));
    }

    Optional<LocalDate> latestClosedMonth(long centerId) {
        return db.select(DSL.max(LEAVE_MONTH_CLOSE.MONTH_START)).from(LEAVE_MONTH_CLOSE)
                .where(LEAVE_MONTH_CLOSE.CENTER_ID.eq(centerId)).fetchOptional(0, LocalDate.class);
    }

    void closeMonth(long centerId, LocalDate monthStart, int agents, String actor, LocalDateTime now) {
        db.insertInto(LEAVE_MONTH_CLOSE).set(LEAVE_MONTH_CLOSE.CENTER_ID, centerId)
                .set(LEAVE_MONTH_CLOSE.MONTH_START, monthStart).set(LEAVE_MONTH_CLOSE.AGENTS, agents)
                .set(LEAVE_MONTH_CLOSE.CLOSED_BY, actor).set(LEAVE_MONTH_CLOSE.CLOSED_AT, now)
                .onDuplicateKeyIgnore().execute();
    }

    private static LeaveRecord record(LeaveRecordRecord r) {
        return new LeaveRecord(r.getId(), r.getAgentId(), r.getBusinessDate(), r.getSeconds(),
                LeaveType.valueOf(r.getType()), LeaveSource.valueOf(r.getSource()), r.getReference(),
                r.getStartMinute(), r.getEndMinute());
    }
}
