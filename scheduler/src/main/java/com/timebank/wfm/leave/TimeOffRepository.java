package com.timebank.wfm.leave;

import static com.timebank.wfm.db.Tables.TIME_OFF_QUOTA_DAY;
import static com.timebank.wfm.db.Tables.TIME_OFF_REQUEST;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.database.Ids;
import com.timebank.wfm.db.tables.records.TimeOffRequestRecord;

@Repository
class TimeOffRepository {

    private static final Condition USES_SLOT = TIME_OFF_REQUEST.STATUS.eq(TimeOffStatus.APPROVED.name())
            .or(TIME_OFF_REQUEST.STATUS.eq(TimeOffStatus.PENDING.name()).and(TIME_OFF_REQUEST.OFFERED_AT.isNotNull()));

    private final DSLContext db;

    TimeOffRepository(DSLContext db) {
        this.db = db;
    }

    long insert(long centerId, long teamId, long agentId, LocalDate date, long seconds, Integer startMinute,
            Integer endMinute, String actor, LocalDateTime now) {
        db.insertInto(TIME_OFF_REQUEST)
                .set(TIME_OFF_REQUEST.CENTER_ID, centerId).set(TIME_OFF_REQUEST.TEAM_ID, teamId)
                .set(TIME_OFF_REQUEST.AGENT_ID, agentId).set(TIME_OFF_REQUEST.BUSINESS_DATE, date)
                .set(TIME_OFF_REQUEST.SECONDS, seconds).set(TIME_OFF_REQUEST.STATUS, TimeOffStatus.PENDING.name())
                .set(TIME_OFF_REQUEST.START_MINUTE, startMinute).set(TIME_OFF_REQUEST.END_MINUTE, endMinute)
                .set(TIME_OFF_REQUEST.CREATED_BY, actor).set(TIME_OFF_REQUEST.CREATED_AT, now)
                .execute();
        return Ids.lastInserted(db);
    }

    /** The agent's requests, past ones too, belong to their team from now on (the agent moved). */
    int moveToTeam(long agentId, long teamId) {
        return db.update(TIME_OFF_REQUEST).set(TIME_OFF_REQUEST.TEAM_ID, teamId)
                .where(TIME_OFF_REQUEST.AGENT_ID.eq(agentId)).execute();
    }

    void setReservation(long id, long reservationId) {
        db.update(TIME_OFF_REQUEST).set(TIME_OFF_REQUEST.RESERVATION_ID, reservationId)
                .where(TIME_OFF_REQUEST.ID.eq(id)).execute();
    }

    Optional<TimeOffRequest> find(long id) {
        return db.selectFrom(TIME_OFF_REQUEST).where(TIME_OFF_REQUEST.ID.eq(id)).fetchOptional()
                .map(TimeOffRepository::request);
    }

    Optional<TimeOffRequest> lock(long id) {
        return db.selectFrom(TIME_OFF_REQUEST).where(TIME_OFF_REQUEST.ID.eq(id)).forUpdate().fetchOptional()
                .map(TimeOffRepository::request);
    }

    /**
     * Serialises every decision about a center's date: the row is created on first use and locked by a write (its
     * decision count), not a read lock, so that Galera's certification, which sees only written rows, also makes
     * two decisions on two nodes conflict.
     */
    void lockQuotaDay(long centerId, LocalDate date) {
        db.insertInto(TIME_OFF_QUOTA_DAY, TIME_OFF_QUOTA_DAY.CENTER_ID, TIME_OFF_QUOTA_DAY.BUSINESS_DATE,
                        TIME_OFF_QUOTA_DAY.DECISIONS)
                .values(centerId, date, 1L)
                .onDuplicateKeyUpdate().set(TIME_OFF_QUOTA_DAY.DECISIONS, TIME_OFF_QUOTA_DAY.DECISIONS.plus(1L))
                .execute();
    }

    /** The agent's requests still open (pending, waitlisted or approved) dated {@code from} on, by date. */
    List<TimeOffRequest> activeFrom(long agentId, LocalDate from) {
        return db.selectFrom(TIME_OFF_REQUEST).where(TIME_OFF_REQUEST.AGENT_ID.eq(agentId)
                        .and(TIME_OFF_REQUEST.BUSINESS_DATE.ge(from))
                        .and(TIME_OFF_REQUEST.STATUS.in(TimeOffStatus.PENDING.name(), TimeOffStatus.WAITLISTED.name(),
                                TimeOffStatus.APPROVED.name())))
                .orderBy(TIME_OFF_REQUEST.BUSINESS_DATE, TIME_OFF_REQUEST.ID).fetch(TimeOffRepository::request);
    }

    boolean hasActive(long agentId, LocalDate date) {
        return db.fetchExists(TIME_OFF_REQUEST, TIME_OFF_REQUEST.AGENT_ID.eq(agentId)
                .and(TIME_OFF_REQUEST.BUSINESS_DATE.eq(date))
                .and(TIME_OFF_REQUEST.STATUS.in(TimeOffStatus.PENDING.name(), TimeOffStatus.WAITLISTED.name(),
                        TimeOffStatus.APPROVED.name())));
    }

    int used(long centerId, LocalDate date) {
        return db.fetchCount(TIME_OFF_REQUEST, TIME_OFF_REQUEST.CENTER_ID.eq(centerId)
                .and(TIME_OFF_REQUEST.BUSINESS_DATE.eq(date)).and(USES_SLOT));
    }

    Map<LocalDate, Integer> usedByDate(long centerId, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> used = new HashMap<>();
        db.select(TIME_OFF_REQUEST.BUSINESS_DATE, DSL.count()).from(TIME_OFF_REQUEST)
                .where(TIME_OFF_REQUEST.CENTER_ID.eq(centerId).and(TIME_OFF_REQUEST.BUSINESS_DATE.between(from, to))
                        .and(USES_SLOT))
                .groupBy(TIME_OFF_REQUEST.BUSINESS_DATE)
                .forEach(r -> used.put(r.value1(), r.value2()));
        return used;
    }

    Optional<TimeOffRequest> firstWaitlisted(long centerId, LocalDate date) {
        return db.selectFrom(TIME_OFF_REQUEST)
                .where(TIME_OFF_REQUEST.CENTER_ID.eq(centerId).and(TIME_OFF_REQUEST.BUSINESS_DATE.eq(date))
                        .and(TIME_OFF_REQUEST.STATUS.eq(TimeOffStatus.WAITLISTED.name())))
                .orderBy(TIME_OFF_REQUEST.WAITLISTED_AT, TIME_OFF_REQUEST.ID).limit(1).forUpdate()
                .fetchOptional().map(TimeOffRepository::request);
    }

    /** 1 for the head of the date's waitlist. */
    int waitlistPosition(TimeOffRequest r) {
        return 1 + db.fetchCount(TIME_OFF_REQUEST, TIME_OFF_REQUEST.CENTER_ID.eq(r.centerId())
                .and(TIME_OFF_REQUEST.BUSINESS_DATE.eq(r.date()))
                .and(TIME_OFF_REQUEST.STATUS.eq(TimeOffStatus.WAITLISTED.name()))
                .and(TIME_OFF_REQUEST.WAITLISTED_AT.lt(r.waitlistedAt())
                        .or(TIME_OFF_REQUEST.WAITLISTED_AT.eq(r.waitlistedAt()).and(TIME_OFF_REQUEST.ID.lt(r.id())))));
    }

    void decide(long id, TimeOffStatus status, String actor, String note, LocalDateTime now) {
        db.update(TIME_OFF_REQUEST).set(TIME_OFF_REQUEST.STATUS, status.name())
                .set(TIME_OFF_REQUEST.DECIDED_BY, actor).set(TIME_OFF_REQUEST.DECIDED_AT, now)
                .set(TIME_OFF_REQUEST.NOTE, note)
                .where(TIME_OFF_REQUEST.ID.eq(id)).execute();
    }

    void waitlist(long id, LocalDateTime now) {
        db.update(TIME_OFF_REQUEST).set(TIME_OFF_REQUEST.STATUS, TimeOffStatus.WAITLISTED.name())
                .set(TIME_OFF_REQUEST.WAITLISTED_AT, now).setNull(TIME_OFF_REQUEST.OFFERED_AT)
                .where(TIME_OFF_REQUEST.ID.eq(id)).execute();
    }

    void offer(long id, LocalDateTime now) {
        db.update(TIME_OFF_REQUEST).set(TIME_OFF_REQUEST.STATUS, TimeOffStatus.PENDING.name())
                .set(TIME_OFF_REQUEST.OFFERED_AT, now)
                .where(TIME_OFF_REQUEST.ID.eq(id)).execute();
    }

    void setEntry(long id, long entryId) {
        db.update(TIME_OFF_REQUEST).set(TIME_OFF_REQUEST.ENTRY_ID, entryId).where(TIME_OFF_REQUEST.ID.eq(id)).execute();
    }

    /**
     * Requests the posting job has still to finish: approved and unposted, or undecided after their day; less those
     * this run could not finish.
     */
    List<Long> due(long centerId, LocalDate upTo, Collection<Long> except, int limit) {
        return db.select(TIME_OFF_REQUEST.ID).from(TIME_OFF_REQUEST)
                .where(TIME_OFF_REQUEST.CENTER_ID.eq(centerId).and(due(upTo)))
                .and(except.isEmpty() ? DSL.noCondition() : TIME_OFF_REQUEST.ID.notIn(except))
                .orderBy(TIME_OFF_REQUEST.BUSINESS_DATE, TIME_OFF_REQUEST.ID).limit(limit)
                .fetch(TIME_OFF_REQUEST.ID);
    }

    List<LocalDate> dueDates(long centerId, LocalDate upTo) {
        return db.selectDistinct(TIME_OFF_REQUEST.BUSINESS_DATE).from(TIME_OFF_REQUEST)
                .where(TIME_OFF_REQUEST.CENTER_ID.eq(centerId).and(due(upTo)))
                .orderBy(TIME_OFF_REQUEST.BUSINESS_DATE).fetch(TIME_OFF_REQUEST.BUSINESS_DATE);
    }

    /** Approved and not posted once the day has begun; undecided once the day is over. */
    private static Condition due(LocalDate upTo) {
        return TIME_OFF_REQUEST.STATUS.eq(TimeOffStatus.APPROVED.name()).and(TIME_OFF_REQUEST.ENTRY_ID.isNull())
                .and(TIME_OFF_REQUEST.BUSINESS_DATE.le(upTo))
                .or(TIME_OFF_REQUEST.STATUS.in(TimeOffStatus.PENDING.name(), TimeOffStatus.WAITLISTED.name())
                        .and(TIME_OFF_REQUEST.BUSINESS_DATE.lt(upTo)));
    }

    List<TimeOffRequest> search(Condition where, int offset, int limit) {
        return db.selectFrom(TIME_OFF_REQUEST).where(where)
                .orderBy(TIME_OFF_REQUEST.BUSINESS_DATE, TIME_OFF_REQUEST.WAITLISTED_AT, TIME_OFF_REQUEST.ID)
                .offset(offset).limit(limit).fetch(TimeOffRepository::request);
    }

    List<TimeOffRequest> all(Condition where) {
        return db.selectFrom(TIME_OFF_REQUEST).where(where)
                .orderBy(TIME_OFF_REQUEST.BUSINESS_DATE, TIME_OFF_REQUEST.ID).fetch(TimeOffRepository::request);
    }

    int count(Condition where) {
        return db.fetchCount(TIME_OFF_REQUEST, where);
    }

    static Condition statusIn(Collection<TimeOffStatus> statuses) {
        return TIME_OFF_REQUEST.STATUS.in(statuses.stream().map(Enum::name).toList());
    }

    static Condition inCenters(Collection<Long> ids) {
        return TIME_OFF_REQUEST.CENTER_ID.in(ids);
    }

    static Condition inTeams(Collection<Long> ids) {
        return TIME_OFF_REQUEST.TEAM_ID.in(ids);
    }

    static Condition ofAgent(long agentId) {
        return TIME_OFF_REQUEST.AGENT_ID.eq(agentId);
    }

    static Condition between(LocalDate from, LocalDate to) {
        Condition c = DSL.trueCondition();
        if (from != null) {
            c = c.and(TIME_OFF_REQUEST.BUSINESS_DATE.ge(from));
        }
        if (to != null) {
            c = c.and(TIME_OFF_REQUEST.BUSINESS_DATE.le(to));
        }
        return c;
    }

    private static TimeOffRequest request(TimeOffRequestRecord r) {
        return new TimeOffRequest(r.getId(), r.getCenterId(), r.getTeamId(), r.getAgentId(), r.getBusinessDate(),
                r.getSeconds(), TimeOffStatus.valueOf(r.getStatus()), r.getReservationId(), r.getEntryId(),
                r.getWaitlistedAt(), r.getOfferedAt(), r.getCreatedBy(), r.getCreatedAt(), r.getDecidedBy(),
                r.getDecidedAt(), r.getNote(), r.getStartMinute(), r.getEndMinute());
    }
}
