package com.timebank.wfm.timebank;

import static com.timebank.wfm.db.Tables.BONUS_BUDGET;
import static com.timebank.wfm.db.Tables.TIME_BONUS;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class TimeBonusRepository {

    private final DSLContext db;

    TimeBonusRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Locks the center's budget row of the month, serialising grants against the cap. The row is created only when
     * missing: an insert that meets an existing row takes a shared lock, and two such holders would deadlock when
     * both ask for the exclusive one.
     */
    long lockGranted(long centerId, LocalDate monthStart) {
        Long granted = selectForUpdate(centerId, monthStart);
        if (granted == null) {
            db.insertInto(BONUS_BUDGET, BONUS_BUDGET.CENTER_ID, BONUS_BUDGET.MONTH_START, BONUS_BUDGET.GRANTED_SECONDS)
                    .values(centerId, monthStart, 0L).onDuplicateKeyIgnore().execute();
            granted = selectForUpdate(centerId, monthStart);
        }
        return granted;
    }

    private Long selectForUpdate(long centerId, LocalDate monthStart) {
        return db.select(BONUS_BUDGET.GRANTED_SECONDS).from(BONUS_BUDGET)
                .where(BONUS_BUDGET.CENTER_ID.eq(centerId).and(BONUS_BUDGET.MONTH_START.eq(monthStart)))
                .forUpdate().fetchOne(BONUS_BUDGET.GRANTED_SECONDS);
    }

    long granted(long centerId, LocalDate monthStart) {
        Long g = db.select(BONUS_BUDGET.GRANTED_SECONDS).from(BONUS_BUDGET)
                .where(BONUS_BUDGET.CENTER_ID.eq(centerId).and(BONUS_BUDGET.MONTH_START.eq(monthStart)))
                .fetchOne(BONUS_BUDGET.GRANTED_SECONDS);
        return g == null ? 0 : g;
    }

    void addGranted(long centerId, LocalDate monthStart, long seconds) {
        db.update(BONUS_BUDGET).set(BONUS_BUDGET.GRANTED_SECONDS, BONUS_BUDGET.GRANTED_SECONDS.plus(seconds))
                .where(BONUS_BUDGET.CENTER_ID.eq(centerId).and(BONUS_BUDGET.MONTH_START.eq(monthStart)))
                .execute();
    }

    void insertBonus(long centerId, long agentId, LocalDate date, long seconds, String reason, long entryId,
            String actor, LocalDateTime now) {
        db.insertInto(TIME_BONUS)
                .set(TIME_BONUS.CENTER_ID, centerId).set(TIME_BONUS.AGENT_ID, agentId)
                .set(TIME_BONUS.BUSINESS_DATE, date).set(TIME_BONUS.SECONDS, seconds).set(TIME_BONUS.REASON, reason)
                .set(TIME_BONUS.ENTRY_ID, entryId).set(TIME_BONUS.GRANTED_BY, actor).set(TIME_BONUS.CREATED_AT, now)
                .execute();
    }
}
