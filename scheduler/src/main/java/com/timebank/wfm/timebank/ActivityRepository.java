package com.timebank.wfm.timebank;

import static com.timebank.wfm.db.Tables.AGENT_ACTIVITY;
import static com.timebank.wfm.db.Tables.AUX_SETTLEMENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.database.BulkStatements;
/** Daily activity and what aux settlement made of it. */
@Repository
class ActivityRepository {

    private static final int CHUNK = 2_000;

    private final DSLContext db;
    private final DSLContext bulk;

    ActivityRepository(DSLContext db) {
        this.db = db;
        this.bulk = BulkStatements.of(db);
    }

    record Stored(long agentId, LocalDate date, int loggedSeconds, int auxSeconds, int revision) {
    }

    /** The stored days of the center in the range, for reports. */
    List<ActivityService.Day> days(long centerId, LocalDate from, LocalDate to) {
        return db.select(AGENT_ACTIVITY.AGENT_ID, AGENT_ACTIVITY.BUSINESS_DATE, AGENT_ACTIVITY.LOGGED_SECONDS,
                        AGENT_ACTIVITY.AUX_SECONDS, AGENT_ACTIVITY.SIGN_INS, AGENT_ACTIVITY.HANDLE_SECONDS)
                .from(AGENT_ACTIVITY)
                .where(AGENT_ACTIVITY.CENTER_ID.eq(centerId).and(AGENT_ACTIVITY.BUSINESS_DATE.between(from, to)))
                .fetch(org.jooq.Records.mapping(ActivityService.Day::new));
    }

    /** One agent's stored days in the range, oldest first. */
    List<ActivityService.Day> daysOfAgent(long agentId, LocalDate from, LocalDate to) {
        return db.select(AGENT_ACTIVITY.AGENT_ID, AGENT_ACTIVITY.BUSINESS_DATE, AGENT_ACTIVITY.LOGGED_SECONDS,
                        AGENT_ACTIVITY.AUX_SECONDS, AGENT_ACTIVITY.SIGN_INS, AGENT_ACTIVITY.HANDLE_SECONDS)
                .from(AGENT_ACTIVITY)
                .where(AGENT_ACTIVITY.AGENT_ID.eq(agentId).and(AGENT_ACTIVITY.BUSINESS_DATE.between(from, to)))
                .orderBy(AGENT_ACTIVITY.BUSINESS_DATE)
                .fetch(org.jooq.Records.mapping(ActivityService.Day::new));
    }

    record NewActivity(long agentId, long centerId, LocalDate date, int loggedSeconds, int auxSeconds,
            Integer signIns, Integer handleSeconds) {

        NewActivity(long agentId, long centerId, LocalDate date, int loggedSeconds, int auxSeconds) {
            this(agentId, centerId, date, loggedSeconds, auxSeconds, null, null);
        }
    }

    /** Existing rows for the agent-days, locked so that concurrent imports of one day cannot lose a revision. */
    Map<String, Stored> lockExisting(Collection<NewActivity> rows) {
        Map<String, Stored> found = new HashMap<>();
        List<NewActivity> all = List.copyOf(rows);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Row2<Long, LocalDate>> keys = all.subList(from, Math.min(all.size(), from + CHUNK)).stream()
                    .map(r -> DSL.row(r.agentId(), r.date())).toList();
            bulk.select(AGENT_ACTIVITY.AGENT_ID, AGENT_ACTIVITY.BUSINESS_DATE, AGENT_ACTIVITY.LOGGED_SECONDS,
                            AGENT_ACTIVITY.AUX_SECONDS, AGENT_ACTIVITY.REVISION)
                    .from(AGENT_ACTIVITY)
                    .where(DSL.row(AGENT_ACTIVITY.AGENT_ID, AGENT_ACTIVITY.BUSINESS_DATE).in(keys))
                    .forUpdate()
                    .forEach(r -> found.put(key(r.value1(), r.value2()),
                            new Stored(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        }
        return found;
    }

    static String key(long agentId, LocalDate date) {
        return agentId + "|" + date;
    }

    void upsert(List<NewActivity> rows, Map<String, Integer> revisions, String actor, LocalDateTime now) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            var insert = bulk.insertInto(AGENT_ACTIVITY, AGENT_ACTIVITY.AGENT_ID, AGENT_ACTIVITY.BUSINESS_DATE,
                    AGENT_ACTIVITY.CENTER_ID, AGENT_ACTIVITY.LOGGED_SECONDS, AGENT_ACTIVITY.AUX_SECONDS,
                    AGENT_ACTIVITY.REVISION, AGENT_ACTIVITY.IMPORTED_AT, AGENT_ACTIVITY.IMPORTED_BY,
                    AGENT_ACTIVITY.SIGN_INS, AGENT_ACTIVITY.HANDLE_SECONDS);
            for (NewActivity r : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                insert = insert.values(r.agentId(), r.date(), r.centerId(), r.loggedSeconds(), r.auxSeconds(),
                        revisions.get(key(r.agentId(), r.date())), now, actor, r.signIns(), r.handleSeconds());
            }
            // a re-sent day without the optional columns keeps none: the import says what the system sent
            insert.onDuplicateKeyUpdate()
                    .set(AGENT_ACTIVITY.LOGGED_SECONDS, DSL.excluded(AGENT_ACTIVITY.LOGGED_SECONDS))
                    .set(AGENT_ACTIVITY.AUX_SECONDS, DSL.excluded(AGENT_ACTIVITY.AUX_SECONDS))
                    .set(AGENT_ACTIVITY.SIGN_INS, DSL.excluded(AGENT_ACTIVITY.SIGN_INS))
                    .set(AGENT_ACTIVITY.HANDLE_SECONDS, DSL.excluded(AGENT_ACTIVITY.HANDLE_SECONDS))
                    .set(AGENT_ACTIVITY.REVISION, DSL.excluded(AGENT_ACTIVITY.REVISION))
                    .set(AGENT_ACTIVITY.IMPORTED_AT, DSL.excluded(AGENT_ACTIVITY.IMPORTED_AT))
                    .set(AGENT_ACTIVITY.IMPORTED_BY, DSL.excluded(AGENT_ACTIVITY.IMPORTED_BY))
                    .execute();
        }
    }

    /** Business dates up to {@code upTo} with activity that was never settled or changed since. */
    List<LocalDate> unsettledDates(long centerId, LocalDate upTo) {
        return db.selectDistinct(AGENT_ACTIVITY.BUSINESS_DATE)
                .from(AGENT_ACTIVITY)
                .leftJoin(AUX_SETTLEMENT).on(AUX_SETTLEMENT.AGENT_ID.eq(AGENT_ACTIVITY.AGENT_ID)
                        .and(AUX_SETTLEMENT.BUSINESS_DATE.eq(AGENT_ACTIVITY.BUSINESS_DATE)))
                .where(AGENT_ACTIVITY.CENTER_ID.eq(centerId)
                        .and(AGENT_ACTIVITY.BUSINESS_DATE.le(upTo))
                        .and(AUX_SETTLEMENT.AGENT_ID.isNull().or(AUX_SETTLEMENT.REVISION.lt(AGENT_ACTIVITY.REVISION))))
                .orderBy(AGENT_ACTIVITY.BUSINESS_DATE)
                .fetch(AGENT_ACTIVITY.BUSINESS_DATE);
    }

    /** The next agents (by id, after {@code afterAgentId}) with unsettled activity on the date. */
    List<Long> unsettledAgents(long centerId, LocalDate date, long afterAgentId, int limit) {
        return db.select(AGENT_ACTIVITY.AGENT_ID)
                .from(AGENT_ACTIVITY)
                .leftJoin(AUX_SETTLEMENT).on(AUX_SETTLEMENT.AGENT_ID.eq(AGENT_ACTIVITY.AGENT_ID)
                        .and(AUX_SETTLEMENT.BUSINESS_DATE.eq(AGENT_ACTIVITY.BUSINESS_DATE)))
                .where(AGENT_ACTIVITY.CENTER_ID.eq(centerId)
                        .and(AGENT_ACTIVITY.BUSINESS_DATE.eq(date))
                        .and(AGENT_ACTIVITY.AGENT_ID.gt(afterAgentId))
                        .and(AUX_SETTLEMENT.AGENT_ID.isNull().or(AUX_SETTLEMENT.REVISION.lt(AGENT_ACTIVITY.REVISION))))
                .orderBy(AGENT_ACTIVITY.AGENT_ID)
                .limit(limit)
                .fetch(AGENT_ACTIVITY.AGENT_ID);
    }

    record Work(long agentId, int loggedSeconds, int auxSeconds, int revision, Integer settledRevision) {
    }

    /** Activity and settlement state of the agents on the date; read after their accounts are locked. */
    List<Work> work(LocalDate date, Collection<Long> agentIds) {
        return bulk.select(AGENT_ACTIVITY.AGENT_ID, AGENT_ACTIVITY.LOGGED_SECONDS, AGENT_ACTIVITY.AUX_SECONDS,
                        AGENT_ACTIVITY.REVISION, AUX_SETTLEMENT.REVISION)
                .from(AGENT_ACTIVITY)
                .leftJoin(AUX_SETTLEMENT).on(AUX_SETTLEMENT.AGENT_ID.eq(AGENT_ACTIVITY.AGENT_ID)
                        .and(AUX_SETTLEMENT.BUSINESS_DATE.eq(AGENT_ACTIVITY.BUSINESS_DATE)))
                .where(AGENT_ACTIVITY.BUSINESS_DATE.eq(date).and(AGENT_ACTIVITY.AGENT_ID.in(agentIds)))
                .orderBy(AGENT_ACTIVITY.AGENT_ID)
                .fetch(r -> new Work(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    record Settled(long agentId, long centerId, LocalDate date, int revision, long leaveSeconds) {
    }

    void saveSettlements(List<Settled> settled, LocalDateTime now) {
        if (settled.isEmpty()) {
            return;
        }
        var insert = bulk.insertInto(AUX_SETTLEMENT, AUX_SETTLEMENT.AGENT_ID, AUX_SETTLEMENT.BUSINESS_DATE,
                AUX_SETTLEMENT.CENTER_ID, AUX_SETTLEMENT.REVISION, AUX_SETTLEMENT.LEAVE_SECONDS,
                AUX_SETTLEMENT.SETTLED_AT);
        for (Settled s : settled) {
            insert = insert.values(s.agentId(), s.date(), s.centerId(), s.revision(), s.leaveSeconds(), now);
        }
        insert.onDuplicateKeyUpdate()
                .set(AUX_SETTLEMENT.REVISION, DSL.excluded(AUX_SETTLEMENT.REVISION))
                .set(AUX_SETTLEMENT.LEAVE_SECONDS, DSL.excluded(AUX_SETTLEMENT.LEAVE_SECONDS))
                .set(AUX_SETTLEMENT.SETTLED_AT, DSL.excluded(AUX_SETTLEMENT.SETTLED_AT))
                .execute();
    }
}
