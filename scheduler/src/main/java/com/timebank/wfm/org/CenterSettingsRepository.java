package com.timebank.wfm.org;

import static com.timebank.wfm.db.Tables.CENTER_SETTINGS;
import static com.timebank.wfm.db.Tables.SPECIAL_BUSY_DATE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.db.tables.records.CenterSettingsRecord;

@Repository
class CenterSettingsRepository {

    private final DSLContext db;

    CenterSettingsRepository(DSLContext db) {
        this.db = db;
    }

    Optional<CenterSettings> inForce(long centerId, LocalDate date) {
        return db.selectFrom(CENTER_SETTINGS)
                .where(CENTER_SETTINGS.CENTER_ID.eq(centerId).and(CENTER_SETTINGS.EFFECTIVE_FROM.le(date)))
                .orderBy(CENTER_SETTINGS.EFFECTIVE_FROM.desc()).limit(1)
                .fetchOptional().map(CenterSettingsRepository::settings);
    }

    /** The settings in force on {@code from} and those taking effect until {@code to}, oldest first. */
    List<CenterSettings> inForceBetween(long centerId, LocalDate from, LocalDate to) {
        var earlier = CENTER_SETTINGS.as("earlier");
        return db.selectFrom(CENTER_SETTINGS)
                .where(CENTER_SETTINGS.CENTER_ID.eq(centerId).and(CENTER_SETTINGS.EFFECTIVE_FROM.le(to))
                        .and(CENTER_SETTINGS.EFFECTIVE_FROM.ge(DSL.coalesce(DSL.field(DSL.select(
                                        DSL.max(earlier.EFFECTIVE_FROM)).from(earlier)
                                .where(earlier.CENTER_ID.eq(centerId).and(earlier.EFFECTIVE_FROM.le(from)))), from))))
                .orderBy(CENTER_SETTINGS.EFFECTIVE_FROM).fetch(CenterSettingsRepository::settings);
    }

    List<CenterSettings> all(long centerId) {
        return db.selectFrom(CENTER_SETTINGS).where(CENTER_SETTINGS.CENTER_ID.eq(centerId))
                .orderBy(CENTER_SETTINGS.EFFECTIVE_FROM).fetch(CenterSettingsRepository::settings);
    }

    /** Writes the complete row for its date; a second change for the same future date replaces the first. */
    void save(long centerId, CenterSettings s, String actor, LocalDateTime now) {
        db.insertInto(CENTER_SETTINGS)
                .set(CENTER_SETTINGS.CENTER_ID, centerId)
                .set(CENTER_SETTINGS.EFFECTIVE_FROM, s.effectiveFrom())
                .set(CENTER_SETTINGS.AUX_TARGET, s.auxTarget())
                .set(CENTER_SETTINGS.OVERTIME_RATE_1, s.overtimeRate1())
                .set(CENTER_SETTINGS.OVERTIME_RATE_2, s.overtimeRate2())
                .set(CENTER_SETTINGS.OVERTIME_RATE_3, s.overtimeRate3())
                .set(CENTER_SETTINGS.BONUS_CAP_RATIO, s.bonusCapRatio())
                .set(CENTER_SETTINGS.IDLE_DAY_QUOTA, s.idleDayQuota())
                .set(CENTER_SETTINGS.BUSY_DAY_QUOTA, s.busyDayQuota())
                .set(CENTER_SETTINGS.BUSY_FIRST_DAYS, s.busyFirstDays())
                .set(CENTER_SETTINGS.BUSY_LAST_DAYS, s.busyLastDays())
                .set(CENTER_SETTINGS.MONTH_CLOSE_DAY, s.monthCloseDay())
                .set(CENTER_SETTINGS.MIN_NOTICE_DAYS, s.minNoticeDays())
                .set(CENTER_SETTINGS.SERVICE_LEVEL_TARGET, s.serviceLevelTarget())
                .set(CENTER_SETTINGS.SERVICE_LEVEL_SECONDS, s.serviceLevelSeconds())
                .set(CENTER_SETTINGS.MAX_OCCUPANCY, s.maxOccupancy())
                .set(CENTER_SETTINGS.SHRINKAGE, s.shrinkage())
                .set(CENTER_SETTINGS.QUOTA_MODE, s.quotaMode().name())
                .set(CENTER_SETTINGS.STANDARD_DAY_MINUTES, s.standardDayMinutes())
                .set(CENTER_SETTINGS.CREATED_BY, actor)
                .set(CENTER_SETTINGS.CREATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(CENTER_SETTINGS.AUX_TARGET, s.auxTarget())
                .set(CENTER_SETTINGS.OVERTIME_RATE_1, s.overtimeRate1())
                .set(CENTER_SETTINGS.OVERTIME_RATE_2, s.overtimeRate2())
                .set(CENTER_SETTINGS.OVERTIME_RATE_3, s.overtimeRate3())
                .set(CENTER_SETTINGS.BONUS_CAP_RATIO, s.bonusCapRatio())
                .set(CENTER_SETTINGS.IDLE_DAY_QUOTA, s.idleDayQuota())
                .set(CENTER_SETTINGS.BUSY_DAY_QUOTA, s.busyDayQuota())
                .set(CENTER_SETTINGS.BUSY_FIRST_DAYS, s.busyFirstDays())
                .set(CENTER_SETTINGS.BUSY_LAST_DAYS, s.busyLastDays())
                .set(CENTER_SETTINGS.MONTH_CLOSE_DAY, s.monthCloseDay())
                .set(CENTER_SETTINGS.MIN_NOTICE_DAYS, s.minNoticeDays())
                .set(CENTER_SETTINGS.SERVICE_LEVEL_TARGET, s.serviceLevelTarget())
                .set(CENTER_SETTINGS.SERVICE_LEVEL_SECONDS, s.serviceLevelSeconds())
                .set(CENTER_SETTINGS.MAX_OCCUPANCY, s.maxOccupancy())
                .set(CENTER_SETTINGS.SHRINKAGE, s.shrinkage())
                .set(CENTER_SETTINGS.QUOTA_MODE, s.quotaMode().name())
                .set(CENTER_SETTINGS.STANDARD_DAY_MINUTES, s.standardDayMinutes())
                .set(CENTER_SETTINGS.CREATED_BY, actor)
                .set(CENTER_SETTINGS.CREATED_AT, now)
                .execute();
    }

    List<LocalDate> specialBusyDates(long centerId, LocalDate from, LocalDate to) {
        return db.select(SPECIAL_BUSY_DATE.BUSINESS_DATE).from(SPECIAL_BUSY_DATE)
                .where(SPECIAL_BUSY_DATE.CENTER_ID.eq(centerId)
                        .and(SPECIAL_BUSY_DATE.BUSINESS_DATE.between(from, to)))
                .orderBy(SPECIAL_BUSY_DATE.BUSINESS_DATE).fetch(SPECIAL_BUSY_DATE.BUSINESS_DATE);
    }

    void replaceSpecialBusyDatesFrom(long centerId, LocalDate from, Collection<LocalDate> dates) {
        db.deleteFrom(SPECIAL_BUSY_DATE)
                .where(SPECIAL_BUSY_DATE.CENTER_ID.eq(centerId).and(SPECIAL_BUSY_DATE.BUSINESS_DATE.ge(from)))
                .execute();
        if (!dates.isEmpty()) {
            var insert = db.insertInto(SPECIAL_BUSY_DATE, SPECIAL_BUSY_DATE.CENTER_ID, SPECIAL_BUSY_DATE.BUSINESS_DATE);
            for (LocalDate d : dates) {
                insert = insert.values(centerId, d);
            }
            insert.execute();
        }
    }

    private static CenterSettings settings(CenterSettingsRecord r) {
        return new CenterSettings(r.getEffectiveFrom(), r.getAuxTarget(), r.getOvertimeRate_1(), r.getOvertimeRate_2(),
                r.getOvertimeRate_3(), r.getBonusCapRatio(), r.getIdleDayQuota(), r.getBusyDayQuota(),
                r.getBusyFirstDays(), r.getBusyLastDays(), r.getMonthCloseDay(), r.getMinNoticeDays(),
                r.getServiceLevelTarget(), r.getServiceLevelSeconds(), r.getMaxOccupancy(), r.getShrinkage(),
                QuotaMode.valueOf(r.getQuotaMode()), r.getStandardDayMinutes());
    }
}
