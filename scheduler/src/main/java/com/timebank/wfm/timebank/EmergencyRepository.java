package com.timebank.wfm.timebank;

import static com.timebank.wfm.db.Tables.EMERGENCY;
import static com.timebank.wfm.db.Tables.EMERGENCY_PARTICIPANT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.database.Ids;

@Repository
class EmergencyRepository {

    private final DSLContext db;

    EmergencyRepository(DSLContext db) {
        this.db = db;
    }

    record Stored(long id, long centerId, int level, LocalDate date, String reason, BigDecimal rate, String createdBy) {
    }

    record Participant(long agentId, int workedSeconds, long creditedSeconds, long entryId) {
    }

    /** A new emergency; a {@code clientKey} already stored is a duplicate key (the same request run again). */
    long insert(long centerId, int level, LocalDate date, String reason, BigDecimal rate, String clientKey,
            String actor, LocalDateTime now) {
        db.insertInto(EMERGENCY)
                .set(EMERGENCY.CENTER_ID, centerId).set(EMERGENCY.EMERGENCY_LEVEL, level)
                .set(EMERGENCY.BUSINESS_DATE, date).set(EMERGENCY.REASON, reason).set(EMERGENCY.RATE, rate)
                .set(EMERGENCY.CLIENT_KEY, clientKey)
                .set(EMERGENCY.CREATED_BY, actor).set(EMERGENCY.CREATED_AT, now)
                .execute();
        return Ids.lastInserted(db);
    }

    /** The emergency created with this client key, if there is one. */
    Optional<Long> idOfClientKey(String clientKey) {
        return db.select(EMERGENCY.ID).from(EMERGENCY).where(EMERGENCY.CLIENT_KEY.eq(clientKey))
                .fetchOptional(EMERGENCY.ID);
    }

    Optional<Stored> find(long id) {
        return db.selectFrom(EMERGENCY).where(EMERGENCY.ID.eq(id)).fetchOptional()
                .map(r -> new Stored(r.getId(), r.getCenterId(), r.getEmergencyLevel(), r.getBusinessDate(),
                        r.getReason(), r.getRate(), r.getCreatedBy()));
    }

    /** Locks the emergency row: recording its participants is serialised on it. */
    void lock(long id) {
        db.select(EMERGENCY.ID).from(EMERGENCY).where(EMERGENCY.ID.eq(id)).forUpdate().fetch();
    }

    int countOfCenter(long centerId) {
        return db.fetchCount(EMERGENCY, EMERGENCY.CENTER_ID.eq(centerId));
    }

    List<Stored> ofCenter(long centerId, int offset, int limit) {
        return db.selectFrom(EMERGENCY).where(EMERGENCY.CENTER_ID.eq(centerId))
                .orderBy(EMERGENCY.BUSINESS_DATE.desc(), EMERGENCY.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new Stored(r.getId(), r.getCenterId(), r.getEmergencyLevel(), r.getBusinessDate(),
                        r.getReason(), r.getRate(), r.getCreatedBy()));
    }

    /** Worked (not credited) seconds per agent of the center's emergencies dated in the range. */
    java.util.Map<Long, Long> workedByAgent(long centerId, LocalDate from, LocalDate to) {
        java.util.Map<Long, Long> worked = new java.util.HashMap<>();
        db.select(EMERGENCY_PARTICIPANT.AGENT_ID, org.jooq.impl.DSL.sum(EMERGENCY_PARTICIPANT.WORKED_SECONDS).cast(Long.class))
                .from(EMERGENCY_PARTICIPANT).join(EMERGENCY).on(EMERGENCY.ID.eq(EMERGENCY_PARTICIPANT.EMERGENCY_ID))
                .where(EMERGENCY.CENTER_ID.eq(centerId).and(EMERGENCY.BUSINESS_DATE.between(from, to)))
                .groupBy(EMERGENCY_PARTICIPANT.AGENT_ID)
                .forEach(r -> worked.put(r.value1(), r.value2()));
        return worked;
    }

    List<Participant> participants(long emergencyId) {
        return db.selectFrom(EMERGENCY_PARTICIPANT).where(EMERGENCY_PARTICIPANT.EMERGENCY_ID.eq(emergencyId))
                .orderBy(EMERGENCY_PARTICIPANT.CREATED_AT, EMERGENCY_PARTICIPANT.AGENT_ID)
                .fetch(r -> new Participant(r.getAgentId(), r.getWorkedSeconds(), r.getCreditedSeconds(), r.getEntryId()));
    }

    void insertParticipant(long emergencyId, Participant p, String actor, LocalDateTime now) {
        db.insertInto(EMERGENCY_PARTICIPANT)
                .set(EMERGENCY_PARTICIPANT.EMERGENCY_ID, emergencyId).set(EMERGENCY_PARTICIPANT.AGENT_ID, p.agentId())
                .set(EMERGENCY_PARTICIPANT.WORKED_SECONDS, p.workedSeconds())
                .set(EMERGENCY_PARTICIPANT.CREDITED_SECONDS, p.creditedSeconds())
                .set(EMERGENCY_PARTICIPANT.ENTRY_ID, p.entryId())
                .set(EMERGENCY_PARTICIPANT.CREATED_BY, actor).set(EMERGENCY_PARTICIPANT.CREATED_AT, now)
                .execute();
    }
}
