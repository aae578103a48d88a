package com.timebank.wfm.roster;

import static com.timebank.wfm.db.Tables.ROSTER;
import static com.timebank.wfm.db.Tables.ROSTER_AGENT;
import static com.timebank.wfm.db.Tables.ROSTER_AGENT_ISSUE;
import static com.timebank.wfm.db.Tables.ROSTER_ASSIGNMENT;
import static com.timebank.wfm.db.Tables.ROSTER_INTERVAL;
import static com.timebank.wfm.db.Tables.ROSTER_SCORE_POINT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.database.Ids;
import com.timebank.wfm.db.tables.records.RosterRecord;
import com.timebank.wfm.roster.solver.AgentIssue;
import com.timebank.wfm.db.tables.records.RosterAssignmentRecord;

@Repository
class RosterRepository {

    private static final int BATCH = 500;

    private final DSLContext db;

    RosterRepository(DSLContext db) {
        this.db = db;
    }

    long insert(RosterRun r, List<Long> agentIds, List<RosterInterval> intervals) {
        db.insertInto(ROSTER)
                .set(ROSTER.CENTER_ID, r.centerId())
                .set(ROSTER.FORECAST_ID, r.forecastId())
                .set(ROSTER.PARENT_ROSTER_ID, r.parentId())
                .set(ROSTER.FROM_DATE, r.from())
                .set(ROSTER.TO_DATE, r.to())
                .set(ROSTER.SOLVE_SECONDS, r.solveSeconds())
                .set(ROSTER.STATUS, r.status().name())
                .set(ROSTER.SKILL, r.skill())
                .set(ROSTER.SERVICE_LEVEL_TARGET, r.serviceLevelTarget())
                .set(ROSTER.SERVICE_LEVEL_SECONDS, r.serviceLevelSeconds())
                .set(ROSTER.SHRINKAGE, r.shrinkage())
                .set(ROSTER.REOPENED_DATES, joinDates(r.reopenedDates()))
                .set(ROSTER.REOPENED_AGENTS, r.reopenedAgents().isEmpty() ? null : String.join(",", r.reopenedAgents()))
                .set(ROSTER.SOLVED_MILLIS, 0L)
                .set(ROSTER.CREATED_BY, r.createdBy())
                .set(ROSTER.CREATED_AT, r.createdAt())
                .set(ROSTER.UPDATED_AT, r.createdAt())
                .execute();
        long id = Ids.lastInserted(db);
        for (int i = 0; i < agentIds.size(); i += BATCH) {
            var insert = db.insertInto(ROSTER_AGENT, ROSTER_AGENT.ROSTER_ID, ROSTER_AGENT.AGENT_ID);
            for (Long agentId : agentIds.subList(i, Math.min(agentIds.size(), i + BATCH))) {
                insert = insert.values(id, agentId);
            }
            insert.execute();
        }
        for (int i = 0; i < intervals.size(); i += BATCH) {
            var insert = db.insertInto(ROSTER_INTERVAL, ROSTER_INTERVAL.ROSTER_ID, ROSTER_INTERVAL.INTERVAL_START,
                    ROSTER_INTERVAL.CONTACTS, ROSTER_INTERVAL.AHT_SECONDS, ROSTER_INTERVAL.REQUIRED);
            for (RosterInterval v : intervals.subList(i, Math.min(intervals.size(), i + BATCH))) {
                insert = insert.values(id, v.start(), v.contacts(), v.ahtSeconds(), v.required());
            }
            insert.execute();
        }
        return id;
    }

    Optional<RosterRun> find(long id) {
        return db.selectFrom(ROSTER).where(ROSTER.ID.eq(id)).fetchOptional(RosterRepository::run);
    }

    /** The center's rosters over any of the days {@code from..to}, locked in id order. */
    List<RosterRun> lockOverlapping(long centerId, LocalDate from, LocalDate to) {
        return db.selectFrom(ROSTER)
                .where(ROSTER.CENTER_ID.eq(centerId).and(ROSTER.FROM_DATE.le(to)).and(ROSTER.TO_DATE.ge(from)))
                .orderBy(ROSTER.ID).forUpdate().fetch(RosterRepository::run);
    }

    List<RosterRun> ofCenter(long centerId, int offset, int limit) {
        return db.selectFrom(ROSTER).where(ROSTER.CENTER_ID.eq(centerId)).orderBy(ROSTER.ID.desc())
                .offset(offset).limit(limit).fetch(RosterRepository::run);
    }

    long countOfCenter(long centerId) {
        return db.fetchCount(ROSTER, ROSTER.CENTER_ID.eq(centerId));
    }

    /**
     * Claims a SOLVING roster for {@code owner} in one conditional UPDATE: only when nobody owns it or its owner's
     * heartbeat is older than {@code staleBefore} (an instance that died). Of instances claiming at once exactly
     * one wins; an owner never re-claims its own live roster.
     */
    boolean claim(long id, String owner, LocalDateTime now, LocalDateTime staleBefore) {
        return db.update(ROSTER).set(ROSTER.OWNER, owner).set(ROSTER.HEARTBEAT_AT, now)
                .where(ROSTER.ID.eq(id).and(ROSTER.STATUS.eq(RosterStatus.SOLVING.name()))
                        .and(ROSTER.OWNER.isNull().or(ROSTER.HEARTBEAT_AT.isNull())
                                .or(ROSTER.HEARTBEAT_AT.lt(staleBefore))))
                .execute() == 1;
    }

    /** The owner's sign of life; false when the roster is no longer its own (claimed by another, or finished). */
    boolean heartbeat(long id, String owner, LocalDateTime now) {
        return db.update(ROSTER).set(ROSTER.HEARTBEAT_AT, now)
                .where(ROSTER.ID.eq(id).and(ROSTER.OWNER.eq(owner))
                        .and(ROSTER.STATUS.eq(RosterStatus.SOLVING.name())))
                .execute() == 1;
    }

    /**
     * Locks the roster while it is still SOLVING and owned by {@code owner}; false once it is not (stopped on another
     * instance, published, claimed by another), when its solve must write nothing more.
     */
    boolean lockWhileSolvingBy(long id, String owner) {
        return db.select(ROSTER.ID).from(ROSTER)
                .where(ROSTER.ID.eq(id).and(ROSTER.OWNER.eq(owner)).and(ROSTER.STATUS.eq(RosterStatus.SOLVING.name())))
                .forUpdate().fetchOptional().isPresent();
    }

    /** Gives the roster up (solve over, or this instance shutting down). */
    void release(long id, String owner) {
        db.update(ROSTER).setNull(ROSTER.OWNER).setNull(ROSTER.HEARTBEAT_AT)
                .where(ROSTER.ID.eq(id).and(ROSTER.OWNER.eq(owner))).execute();
    }

    String owner(long id) {
        return db.select(ROSTER.OWNER).from(ROSTER).where(ROSTER.ID.eq(id)).fetchOne(ROSTER.OWNER);
    }

    List<RosterRun> withStatus(RosterStatus status) {
        return db.selectFrom(ROSTER).where(ROSTER.STATUS.eq(status.name())).orderBy(ROSTER.ID).fetch(RosterRepository::run);
    }

    /** Published rosters of the center overlapping the period, newest first. */
    List<RosterRun> published(long centerId, LocalDate from, LocalDate to) {
        return db.selectFrom(ROSTER)
                .where(ROSTER.CENTER_ID.eq(centerId).and(ROSTER.STATUS.eq(RosterStatus.PUBLISHED.name()))
                        .and(ROSTER.FROM_DATE.le(to)).and(ROSTER.TO_DATE.ge(from)))
                .orderBy(ROSTER.PUBLISHED_AT.desc(), ROSTER.ID.desc()).fetch(RosterRepository::run);
    }

    List<Long> agentIds(long rosterId) {
        return db.select(ROSTER_AGENT.AGENT_ID).from(ROSTER_AGENT).where(ROSTER_AGENT.ROSTER_ID.eq(rosterId))
                .orderBy(ROSTER_AGENT.AGENT_ID).fetch(ROSTER_AGENT.AGENT_ID);
    }

    /** Replaces the agents reported as impossible to roster by their inputs alone. */
    void replaceAgentIssues(long rosterId, List<AgentIssue> issues) {
        db.deleteFrom(ROSTER_AGENT_ISSUE).where(ROSTER_AGENT_ISSUE.ROSTER_ID.eq(rosterId)).execute();
        for (AgentIssue i : issues) {
            db.insertInto(ROSTER_AGENT_ISSUE).set(ROSTER_AGENT_ISSUE.ROSTER_ID, rosterId)
                    .set(ROSTER_AGENT_ISSUE.EMPLOYEE_NO, i.employeeNo())
                    .set(ROSTER_AGENT_ISSUE.RULE_CODE, i.rule().name())
                    .set(ROSTER_AGENT_ISSUE.WEEK_START, i.weekStart())
                    .set(ROSTER_AGENT_ISSUE.REASON, i.reason())
                    .set(ROSTER_AGENT_ISSUE.ARGS, i.args().stream().map(String::valueOf).collect(Collectors.joining("|")))
                    .onDuplicateKeyIgnore().execute();
        }
    }

    List<AgentIssue> agentIssues(long rosterId) {
        return db.selectFrom(ROSTER_AGENT_ISSUE).where(ROSTER_AGENT_ISSUE.ROSTER_ID.eq(rosterId))
                .orderBy(ROSTER_AGENT_ISSUE.WEEK_START, ROSTER_AGENT_ISSUE.EMPLOYEE_NO, ROSTER_AGENT_ISSUE.RULE_CODE)
                .fetch(r -> new AgentIssue(r.getEmployeeNo(), AgentIssue.Rule.valueOf(r.getRuleCode()),
                        r.getWeekStart(), r.getReason(), args(r.getArgs())));
    }

    /** Stored arguments back as numbers where they are (the messages format them as numbers). */
    private static List<Object> args(String stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split("\\|", -1))
                .<Object>map(a -> a.matches("-?\\d{1,18}") ? (Object) Long.valueOf(a) : a).toList();
    }

    List<RosterInterval> intervals(long rosterId) {
        return db.selectFrom(ROSTER_INTERVAL).where(ROSTER_INTERVAL.ROSTER_ID.eq(rosterId))
                .orderBy(ROSTER_INTERVAL.INTERVAL_START)
                .fetch(r -> new RosterInterval(r.getIntervalStart(), r.getContacts(), r.getAhtSeconds(), r.getRequired()));
    }

    List<RosterInterval> intervals(long rosterId, LocalDate date) {
        return db.selectFrom(ROSTER_INTERVAL).where(ROSTER_INTERVAL.ROSTER_ID.eq(rosterId)
                        .and(ROSTER_INTERVAL.INTERVAL_START.ge(date.atStartOfDay()))
                        .and(ROSTER_INTERVAL.INTERVAL_START.lt(date.plusDays(1).atStartOfDay())))
                .orderBy(ROSTER_INTERVAL.INTERVAL_START)
                .fetch(r -> new RosterInterval(r.getIntervalStart(), r.getContacts(), r.getAhtSeconds(), r.getRequired()));
    }

    List<RosterAssignment> assignments(long rosterId) {
        return db.selectFrom(ROSTER_ASSIGNMENT).where(ROSTER_ASSIGNMENT.ROSTER_ID.eq(rosterId))
                .orderBy(ROSTER_ASSIGNMENT.SHIFT_DATE, ROSTER_ASSIGNMENT.AGENT_ID)
                .fetch(RosterRepository::assignment);
    }

    /** One agent's assignments in a roster (the primary key's prefix). */
    List<RosterAssignment> assignmentsOf(long rosterId, long agentId) {
        return db.selectFrom(ROSTER_ASSIGNMENT)
                .where(ROSTER_ASSIGNMENT.ROSTER_ID.eq(rosterId), ROSTER_ASSIGNMENT.AGENT_ID.eq(agentId))
                .orderBy(ROSTER_ASSIGNMENT.SHIFT_DATE)
                .fetch(RosterRepository::assignment);
    }

    private static RosterAssignment assignment(RosterAssignmentRecord r) {
        return new RosterAssignment(r.getAgentId(), r.getShiftDate(), r.getShiftOption(), r.getStartAt(),
                r.getEndAt(), r.getBreakMinutes(), RosterAssignment.decodeBreaks(r.getStartAt(), r.getBreaks()),
                r.getPinned());
    }

    /** Whether the roster planned the agent. */
    boolean plans(long rosterId, long agentId) {
        return db.fetchExists(ROSTER_AGENT, ROSTER_AGENT.ROSTER_ID.eq(rosterId), ROSTER_AGENT.AGENT_ID.eq(agentId));
    }

    /** Replaces the saved best solution and score; appends the score points recorded since the last save. */
    void saveBest(long rosterId, List<RosterAssignment> assignments, long hard, long soft, long solvedMillis,
            List<ScorePoint> points, LocalDateTime now) {
        db.deleteFrom(ROSTER_ASSIGNMENT).where(ROSTER_ASSIGNMENT.ROSTER_ID.eq(rosterId)).execute();
        for (int i = 0; i < assignments.size(); i += BATCH) {
            var insert = db.insertInto(ROSTER_ASSIGNMENT, ROSTER_ASSIGNMENT.ROSTER_ID, ROSTER_ASSIGNMENT.AGENT_ID,
                    ROSTER_ASSIGNMENT.SHIFT_DATE, ROSTER_ASSIGNMENT.SHIFT_OPTION, ROSTER_ASSIGNMENT.START_AT,
                    ROSTER_ASSIGNMENT.END_AT, ROSTER_ASSIGNMENT.BREAK_MINUTES, ROSTER_ASSIGNMENT.BREAKS,
                    ROSTER_ASSIGNMENT.PINNED);
            for (RosterAssignment a : assignments.subList(i, Math.min(assignments.size(), i + BATCH))) {
                insert = insert.values(rosterId, a.agentId(), a.date(), a.shiftOption(), a.start(), a.end(),
                        a.breakMinutes(), a.encodedBreaks(), a.pinned());
            }
            insert.execute();
        }
        if (!points.isEmpty()) {
            var insert = db.insertInto(ROSTER_SCORE_POINT, ROSTER_SCORE_POINT.ROSTER_ID,
                    ROSTER_SCORE_POINT.ELAPSED_MILLIS, ROSTER_SCORE_POINT.HARD_SCORE, ROSTER_SCORE_POINT.SOFT_SCORE,
                    ROSTER_SCORE_POINT.RECORDED_AT);
            for (ScorePoint p : points) {
                insert = insert.values(rosterId, p.elapsedMillis(), p.hardScore(), p.softScore(), p.recordedAt());
            }
            insert.onDuplicateKeyIgnore().execute();
        }
        db.update(ROSTER).set(ROSTER.HARD_SCORE, hard).set(ROSTER.SOFT_SCORE, soft)
                .set(ROSTER.SOLVED_MILLIS, solvedMillis).set(ROSTER.UPDATED_AT, now)
                .where(ROSTER.ID.eq(rosterId)).execute();
    }

    /** The coverage objective of the best solution just saved (see {@link CoverageQuality}). */
    void saveCoverageObjective(long rosterId, long objective) {
        db.update(ROSTER).set(ROSTER.COVERAGE_OBJECTIVE, objective).where(ROSTER.ID.eq(rosterId)).execute();
    }

    /** Records the coverage bound's state, and its value and the shortfall floor once available. */
    void saveCoverageBound(long rosterId, CoverageQuality.BoundState state, Double bound, Double shortfallFloor) {
        db.update(ROSTER).set(ROSTER.COVERAGE_BOUND_STATE, state.name()).set(ROSTER.COVERAGE_BOUND, bound)
                .set(ROSTER.COVERAGE_SHORTFALL_FLOOR, shortfallFloor)
                .where(ROSTER.ID.eq(rosterId)).execute();
    }

    CoverageQuality coverageQuality(long rosterId) {
        return db.select(ROSTER.COVERAGE_BOUND_STATE, ROSTER.COVERAGE_BOUND, ROSTER.COVERAGE_OBJECTIVE,
                        ROSTER.COVERAGE_SHORTFALL_FLOOR).from(ROSTER)
                .where(ROSTER.ID.eq(rosterId))
                .fetchOptional(Records.mapping((state, bound, objective, shortfallFloor) -> new CoverageQuality(
                        state == null ? null : CoverageQuality.BoundState.valueOf(state), bound, objective,
                        shortfallFloor)))
                .orElse(CoverageQuality.NONE);
    }

    List<ScorePoint> timeline(long rosterId) {
        return db.selectFrom(ROSTER_SCORE_POINT).where(ROSTER_SCORE_POINT.ROSTER_ID.eq(rosterId))
                .orderBy(ROSTER_SCORE_POINT.ELAPSED_MILLIS)
                .fetch(r -> new ScorePoint(r.getElapsedMillis(), r.getHardScore(), r.getSoftScore(), r.getRecordedAt()));
    }

    /** Moves the status on only from one of {@code from}; false when the roster was elsewhere. */
    boolean setStatus(long rosterId, Collection<RosterStatus> from, RosterStatus to, String error, LocalDateTime now) {
        return db.update(ROSTER).set(ROSTER.STATUS, to.name()).set(ROSTER.ERROR, error).set(ROSTER.UPDATED_AT, now)
                .where(ROSTER.ID.eq(rosterId).and(ROSTER.STATUS.in(from.stream().map(Enum::name).toList())))
                .execute() == 1;
    }

    /**
     * A stopped or solved roster solves further: SOLVING again, owned by {@code owner}, with a new total solve time;
     * false when it was not stopped or solved (published, or already solving).
     */
    boolean reopen(long rosterId, int solveSeconds, String owner, LocalDateTime now) {
        return db.update(ROSTER).set(ROSTER.STATUS, RosterStatus.SOLVING.name()).set(ROSTER.SOLVE_SECONDS, solveSeconds)
                .set(ROSTER.OWNER, owner).set(ROSTER.HEARTBEAT_AT, now).setNull(ROSTER.ERROR)
                .set(ROSTER.UPDATED_AT, now)
                .where(ROSTER.ID.eq(rosterId).and(ROSTER.STATUS.in(RosterStatus.STOPPED.name(),
                        RosterStatus.SOLVED.name())))
                .execute() == 1;
    }

    void markPublished(long rosterId, String actor, LocalDateTime now) {
        db.update(ROSTER).set(ROSTER.STATUS, RosterStatus.PUBLISHED.name()).set(ROSTER.PUBLISHED_BY, actor)
                .set(ROSTER.PUBLISHED_AT, now).set(ROSTER.UPDATED_AT, now).where(ROSTER.ID.eq(rosterId)).execute();
    }

    private static RosterRun run(Record rec) {
        RosterRecord r = rec.into(ROSTER);
        return new RosterRun(r.getId(), r.getCenterId(), r.getForecastId(), r.getParentRosterId(), r.getFromDate(),
                r.getToDate(), r.getSolveSeconds(), RosterStatus.valueOf(r.getStatus()), r.getSkill(),
                r.getServiceLevelTarget(), r.getServiceLevelSeconds(), r.getShrinkage(), splitDates(r.getReopenedDates()),
                split(r.getReopenedAgents()), r.getHardScore(), r.getSoftScore(), r.getSolvedMillis(), r.getError(),
                r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt(), r.getPublishedBy(), r.getPublishedAt());
    }

    private static String joinDates(Set<LocalDate> dates) {
        return dates.isEmpty() ? null : dates.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(s.split(",")));
    }

    private static Set<LocalDate> splitDates(String s) {
        return split(s).stream().map(LocalDate::parse).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
