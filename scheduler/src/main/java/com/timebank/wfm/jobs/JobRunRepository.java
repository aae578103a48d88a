package com.timebank.wfm.jobs;

import static com.timebank.wfm.db.Tables.JOB_CHECK;
import static com.timebank.wfm.db.Tables.JOB_RUN;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.ReasonArgs;
import com.timebank.wfm.database.Ids;
import com.timebank.wfm.db.tables.records.JobRunRecord;

@Repository
class JobRunRepository {

    private static final Field<LocalDateTime> DATABASE_NOW = DSL.field("UTC_TIMESTAMP(3)", LocalDateTime.class);

    private final DSLContext db;

    JobRunRepository(DSLContext db) {
        this.db = db;
    }

    long start(String job, long centerId, String triggeredBy, String instanceId, LocalDateTime now) {
        db.insertInto(JOB_RUN)
                .set(JOB_RUN.JOB, job).set(JOB_RUN.CENTER_ID, centerId).set(JOB_RUN.TRIGGER_BY, triggeredBy)
                .set(JOB_RUN.INSTANCE_ID, instanceId).set(JOB_RUN.STARTED_AT, now)
                .set(JOB_RUN.STATUS, JobRun.Status.RUNNING.name()).set(JOB_RUN.PROCESSED, 0).set(JOB_RUN.POSTED, 0)
                .set(JOB_RUN.HEARTBEAT_AT, DATABASE_NOW)
                .execute();
        return Ids.lastInserted(db);
    }

    /**
     * Heartbeats use the database's clock, which every instance shares, whatever their own clocks say; each records
     * how many items the run has processed so far.
     */
    void beat(long id, int processed) {
        db.update(JOB_RUN).set(JOB_RUN.HEARTBEAT_AT, DATABASE_NOW).set(JOB_RUN.PROCESSED, processed)
                .where(JOB_RUN.ID.eq(id).and(JOB_RUN.STATUS.eq(JobRun.Status.RUNNING.name()))).execute();
    }

    /** RUNNING runs without a beat for {@code staleSeconds} (or from before heartbeats) become ABANDONED. */
    int abandonStale(int staleSeconds, LocalDateTime now) {
        return db.update(JOB_RUN)
                .set(JOB_RUN.STATUS, JobRun.Status.ABANDONED.name())
                .set(JOB_RUN.FINISHED_AT, now)
                .where(JOB_RUN.STATUS.eq(JobRun.Status.RUNNING.name()))
                .and(JOB_RUN.HEARTBEAT_AT.isNull().or(JOB_RUN.HEARTBEAT_AT.lt(
                        DSL.field("UTC_TIMESTAMP(3) - INTERVAL {0} SECOND", LocalDateTime.class, DSL.inline(staleSeconds)))))
                .execute();
    }

    /**
     * The English texts of the dates and the error are kept for API clients; the span and the failure (code and
     * arguments) for the pages, which render them in the reader's language.
     */
    void finish(long id, JobRun.Status status, JobRun.DateSpan span, int processed, int posted, String error,
            Message failure, LocalDateTime now) {
        db.update(JOB_RUN)
                .set(JOB_RUN.STATUS, status.name()).set(JOB_RUN.PROCESSED, processed).set(JOB_RUN.POSTED, posted)
                .set(JOB_RUN.DATES, span == null ? null : span.english())
                .set(JOB_RUN.FIRST_DATE, span == null ? null : span.first())
                .set(JOB_RUN.LAST_DATE, span == null ? null : span.last())
                .set(JOB_RUN.DATE_COUNT, span == null ? null : span.count())
                .set(JOB_RUN.ERROR, error)
                .set(JOB_RUN.FAILURE_CODE, failure == null ? null : failure.code())
                .set(JOB_RUN.FAILURE_ARGS, failure == null ? null : ReasonArgs.write(failure))
                .set(JOB_RUN.FINISHED_AT, now)
                .where(JOB_RUN.ID.eq(id)).execute();
    }

    Optional<JobRun> find(long id) {
        return db.selectFrom(JOB_RUN).where(JOB_RUN.ID.eq(id)).fetchOptional().map(JobRunRepository::run);
    }

    Optional<JobRun> latest(String job, long centerId, LocalDate firstDate) {
        return db.selectFrom(JOB_RUN)
                .where(JOB_RUN.JOB.eq(job).and(JOB_RUN.CENTER_ID.eq(centerId)).and(JOB_RUN.FIRST_DATE.eq(firstDate)))
                .orderBy(JOB_RUN.ID.desc()).limit(1).fetchOptional().map(JobRunRepository::run);
    }

    List<JobRun> recent(String job, Collection<Long> centerIds, int offset, int limit) {
        return db.selectFrom(JOB_RUN).where(recent(job, centerIds)).orderBy(JOB_RUN.ID.desc()).offset(offset)
                .limit(limit).fetch(JobRunRepository::run);
    }

    int countRecent(String job, Collection<Long> centerIds) {
        return db.fetchCount(JOB_RUN, recent(job, centerIds));
    }

    private static Condition recent(String job, Collection<Long> centerIds) {
        Condition c = centerIds == null ? DSL.trueCondition() : JOB_RUN.CENTER_ID.in(centerIds);
        return job == null ? c : c.and(JOB_RUN.JOB.eq(job));
    }

    void checked(String job, long centerId, String instanceId, LocalDateTime now) {
        db.insertInto(JOB_CHECK)
                .set(JOB_CHECK.JOB, job).set(JOB_CHECK.CENTER_ID, centerId).set(JOB_CHECK.CHECKED_AT, now)
                .set(JOB_CHECK.INSTANCE_ID, instanceId)
                .onDuplicateKeyUpdate().set(JOB_CHECK.CHECKED_AT, now).set(JOB_CHECK.INSTANCE_ID, instanceId)
                .execute();
    }

    Map<String, LocalDateTime> lastChecks(long centerId) {
        return db.select(JOB_CHECK.JOB, JOB_CHECK.CHECKED_AT).from(JOB_CHECK).where(JOB_CHECK.CENTER_ID.eq(centerId))
                .fetchMap(JOB_CHECK.JOB, JOB_CHECK.CHECKED_AT);
    }

    private static JobRun run(JobRunRecord r) {
        JobRun.DateSpan span = r.getDateCount() == null ? null
                : new JobRun.DateSpan(r.getFirstDate(), r.getLastDate(), r.getDateCount());
        Message failure = r.getFailureCode() == null ? null : ReasonArgs.read(r.getFailureCode(), r.getFailureArgs());
        return new JobRun(r.getId(), r.getJob(), r.getCenterId(), r.getDates(), r.getTriggerBy(), r.getInstanceId(),
                r.getStartedAt(), r.getFinishedAt(), JobRun.Status.valueOf(r.getStatus()), r.getProcessed(),
                r.getPosted(), r.getError(), span, failure);
    }
}
