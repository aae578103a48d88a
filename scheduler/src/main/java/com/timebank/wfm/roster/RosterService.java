package com.timebank.wfm.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.forecast.app.StoredForecast;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.solver.AgentIssue;
import com.timebank.wfm.roster.solver.BreakPlanner;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.staffing.app.StaffingService;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;

import jakarta.annotation.PreDestroy;

/**
 * Rosters: solved in the background by OptaPlanner's {@link SolverManager} and persisted as they improve.
 * <ul>
 * <li>Every new best solution is recorded in the score timeline (at most every {@link #POINT_MILLIS} ms) and, at
 * most every {@link #SAVE_MILLIS} ms, saved with its breaks, score and solving time so far.</li>
 * <li>Clustered: the instance solving a roster owns it in the database and signs every {@link #SAVE_MILLIS} ms; a
 * roster is resumed only by the instance whose conditional UPDATE claims it (nobody owns it, or its owner has not
 * signed for {@link #CLAIM_STALE_MILLIS} ms), so two instances starting together never both resume it. An owner that
 * finds its roster taken over stops without writing.</li>
 * <li>A restart loses nothing: on startup every roster left SOLVING is <b>resumed</b> from its last saved best
 * solution (warm start, the construction phase skipped) for the rest of its solve time. On shutdown a running solve
 * saves its best solution and stays SOLVING for that reason.</li>
 * <li>Publishing writes the working days as published shifts (replacing the roster agents' shifts in the period,
 * so a day that became a day off loses its old shift) and pins them: later rosters keep published days and days
 * off. A stored assignment's own {@code pinned} flag says whether it was kept from before when it was solved.</li>
 * <li>A re-solve (after new leave or a sick agent) is a new roster over the same period and requirement that keeps
 * the published roster pinned except on the reopened dates and/or agents.</li>
 * </ul>
 * Only planners of the center and admins see rosters; anyone else gets a 404.
 */
@Service
public class RosterService {

    static final long SAVE_MILLIS = 2_000;
    static final long POINT_MILLIS = 200;
    static final int MAX_DAYS = 42;
    static final int DEFAULT_SOLVE_SECONDS = 30;
    static final String SOURCE = "ROSTER";
    /** A SOLVING roster whose owner has not signed for this long is taken over by another instance. */
    static final long CLAIM_STALE_MILLIS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    private final RosterRepository repository;
    private final RosterPlanning planning;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final ForecastService forecasts;
    private final ShiftService shifts;
    private final ShiftTemplateService templates;
    private final SolverManager<RosterSolution, Long> solverManager;
    private final SolutionManager<RosterSolution, HardSoftLongScore> solutionManager;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "roster-solve-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean shuttingDown;
    /** This instance, as the owner of the rosters it solves (a restart is a new instance). */
    final String instanceId = instanceName();

    RosterService(RosterRepository repository, RosterPlanning planning, OrganisationService organisation,
            CenterSettingsService settings, ForecastService forecasts, ShiftService shifts,
            ShiftTemplateService templates, SolverManager<RosterSolution, Long> solverManager,
            SolutionManager<RosterSolution, HardSoftLongScore> solutionManager, Transactions transactions,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.planning = planning;
        this.organisation = organisation;
        this.settings = settings;
        this.forecasts = forecasts;
        this.shifts = shifts;
        this.templates = templates;
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- requests and views ----

    /** {@code solveSeconds} default 30, at most 3600. */
    public record StartRequest(LocalDate from, LocalDate to, Long forecastId, Integer solveSeconds) {
    }

    /** Reopen these dates (all agents) and/or these agents (all dates); the rest of the published roster stays. */
    public record ResolveRequest(List<LocalDate> dates, List<String> employeeNos, Integer solveSeconds) {
    }

    /** A working day of an agent with its breaks. */
    public record Shift(String employeeNo, String agentName, String teamCode, LocalDate date, LocalDateTime start,
            LocalDateTime end, int breakMinutes, List<com.timebank.wfm.roster.solver.PlannedBreak> breaks,
            boolean pinned) {
    }

    /** A roster with its best solution so far: shifts per agent and coverage per interval. */
    public record RosterDetail(RosterRun run, Center center, List<Shift> shifts,
            List<RosterCoverage.Interval> coverage, List<RosterAgentIssue> agentIssues) {

        public long shortfallAgentIntervals() {
            return coverage.stream().mapToLong(RosterCoverage.Interval::shortfall).sum();
        }

        public long overstaffedAgentIntervals() {
            return coverage.stream().mapToLong(i -> Math.max(0, i.scheduled() - i.required())).sum();
        }
    }

    /** Status, best score, time solved and the best score over time, for a live chart. */
    public record Progress(RosterRun run, Center center, List<ScorePoint> timeline) {
    }

    public record Page(List<RosterRun> items, long total) {
    }

    /** Score by constraint and the short intervals with their reasons. */
    public record Explanation(RosterRun run, Center center, HardSoftLongScore score,
            List<ConstraintCost> constraints, List<ShortfallAnalysis.ShortInterval> shortIntervals,
            List<RosterAgentIssue> agentIssues) {
    }

    public record ConstraintCost(String constraint, HardSoftLongScore score, int matches) {
    }

    // ---- commands ----

    /** Starts solving in the background; returns the roster (SOLVING). */
    public RosterRun start(String centerCode, StartRequest r, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        Validation v = new Validation();
        v.require(r.from() != null, "from", "roster.from-required");
        v.require(r.to() != null, "to", "roster.required");
        v.require(r.forecastId() != null, "forecastId", "roster.forecastid-required");
        checkSolveSeconds(r.solveSeconds(), v);
        v.throwIfInvalid();
        v.require(!r.to().isBefore(r.from()), "to", "roster.not-before-from");
        v.require(ChronoUnit.DAYS.between(r.from(), r.to()) < MAX_DAYS, "to", "roster.roster-covers-most-days",
                MAX_DAYS);
        v.throwIfInvalid();
        StoredForecast forecast = forecasts.forecast(r.forecastId(), user).value();
        if (forecast.run().centerId() != center.id()) {
            throw BusinessRuleException.of("roster.forecast-number-not-forecast", r.forecastId(), center.code());
        }
        if (r.from().isBefore(forecast.run().from()) || r.to().isAfter(forecast.run().to())) {
            throw BusinessRuleException.of("roster.forecast-number-covers-not", r.forecastId(),
                    forecast.run().from(), forecast.run().to(), r.from(), r.to());
        }
        StaffingService.Requirements requirements = forecasts.requirements(r.forecastId(), null, user).value();
        List<RosterInterval> intervals = new ArrayList<>();
        for (StaffingService.IntervalRequirement i : requirements.intervals()) {
            LocalDate d = i.demand().start().toLocalDate();
            if (!d.isBefore(r.from()) && !d.isAfter(r.to())) {
                intervals.add(new RosterInterval(i.demand().start(), i.demand().contacts(), i.demand().ahtSeconds(),
                        i.requirement().scheduledAgents()));
            }
        }
        String queue = forecast.run().queue();
        List<Long> agentIds = organisation.agentsOfCenter(center.id()).stream()
                .filter(a -> queue == null || a.skills().contains(queue)).map(Agent::id).toList();
        if (agentIds.isEmpty()) {
            throw queue == null ? BusinessRuleException.of("roster.center-has-no-agents", center.code())
                    : BusinessRuleException.of("roster.center-has-no-agents.skill", center.code(), queue);
        }
        String skill = queue == null ? RosterRun.ALL_QUEUES : queue;
        if (templates.templatesOf(center.id()).stream().noneMatch(t -> t.serves(skill))) {
            throw BusinessRuleException.of("roster.center-has-no-shift", center.code(),
                    (queue == null ? "every queue" : "queue " + queue));
        }
        CenterSettings s = settings.on(center.id(), r.from());
        RosterRun run = new RosterRun(0, center.id(), r.forecastId(), null, r.from(), r.to(),
                r.solveSeconds() == null ? DEFAULT_SOLVE_SECONDS : r.solveSeconds(), RosterStatus.SOLVING,
                queue == null ? RosterRun.ALL_QUEUES : queue, s.serviceLevelTarget(), s.serviceLevelSeconds(),
                s.shrinkage(), Set.of(), Set.of(), null, null, 0, null, user.actor(), now(), now(), null, null);
        long id = transactions.write(() -> {
            long newId = repository.insert(run, agentIds, intervals);
            repository.claim(newId, instanceId, now(), now());
            audit.record(user.actor(), "ROSTER_STARTED", "roster:" + newId, center.code() + " " + r.from() + ".."
                    + r.to() + " from forecast " + r.forecastId() + ", " + run.solveSeconds() + " s, "
                    + agentIds.size() + " agents");
            return newId;
        });
        submit(repository.find(id).orElseThrow(), null);
        return repository.find(id).orElseThrow();
    }

    /** Re-solves a published roster after a change; a new roster (parent: this one) starts SOLVING. */
    public RosterRun resolve(long id, ResolveRequest r, CurrentUser user) {
        RosterRun parent = visible(id, user);
        if (parent.status() != RosterStatus.PUBLISHED) {
            throw ConflictException.of("roster.roster-number-only-published", id, parent.status());
        }
        Validation v = new Validation();
        List<LocalDate> dates = r.dates() == null ? List.of() : r.dates();
        List<String> employeeNos = r.employeeNos() == null ? List.of() : r.employeeNos();
        v.require(!dates.isEmpty() || !employeeNos.isEmpty(), "dates", "roster.give-dates-employeenos-reopen");
        checkSolveSeconds(r.solveSeconds(), v);
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            v.require(d != null && !d.isBefore(parent.from()) && !d.isAfter(parent.to()), "dates[" + i + "]",
                    "roster.not-within-roster-period", d, parent.from(), parent.to());
        }
        List<Long> agentIds = repository.agentIds(id);
        Map<String, Agent> byNo = organisation.agentsByEmployeeNo(employeeNos);
        for (int i = 0; i < employeeNos.size(); i++) {
            Agent a = byNo.get(employeeNos.get(i));
            v.require(a != null && agentIds.contains(a.id()), "employeeNos[" + i + "]",
                    "roster.agent-not-roster-number", employeeNos.get(i), id);
        }
        v.throwIfInvalid();
        List<RosterInterval> intervals = repository.intervals(id);
        RosterRun run = new RosterRun(0, parent.centerId(), parent.forecastId(), parent.id(), parent.from(),
                parent.to(),
                r.solveSeconds() == null ? parent.solveSeconds() : r.solveSeconds(), RosterStatus.SOLVING,
                        parent.skill(),
                parent.serviceLevelTarget(), parent.serviceLevelSeconds(), parent.shrinkage(),
                new LinkedHashSet<>(dates), new LinkedHashSet<>(employeeNos), null, null, 0, null, user.actor(), now(),
                now(), null, null);
        long newId = transactions.write(() -> {
            long created = repository.insert(run, agentIds, intervals);
            repository.claim(created, instanceId, now(), now());
            audit.record(user.actor(), "ROSTER_RESOLVE_STARTED", "roster:" + created, "re-solve of roster " + id
                    + ", reopened dates " + dates + ", agents " + employeeNos);
            return created;
        });
        submit(repository.find(newId).orElseThrow(), null);
        return repository.find(newId).orElseThrow();
    }

    /** Stops a solve; its best solution so far is kept (STOPPED). */
    public RosterRun stop(long id, CurrentUser user) {
        RosterRun run = visible(id, user);
        if (run.status() != RosterStatus.SOLVING) {
            throw ConflictException.of("roster.roster-number-not-solving", id, run.status());
        }
        Job job = jobs.get(id);
        if (job == null) {
            // left SOLVING by an instance that is gone and not resumed here: keep the saved best solution
            repository.setStatus(id, List.of(RosterStatus.SOLVING), RosterStatus.STOPPED, null, now());
        } else {
            job.stopRequested = true;
            solverManager.terminateEarly(id);
            await(job, 60);
        }
        transactions.write(() -> {
            audit.record(user.actor(), "ROSTER_STOPPED", "roster:" + id, "");
            return null;
        });
        return repository.find(id).orElseThrow();
    }

    /** Publishes a stopped or solved, feasible roster: published shifts written and pinned. */
    public RosterRun publish(long id, CurrentUser user) {
        RosterRun seen = visible(id, user);
        Center center = organisation.centerById(seen.centerId());
        return transactions.write(() -> {
            RosterRun run = repository.findForUpdate(id).orElseThrow();
            if (!run.status().isPublishable()) {
                throw ConflictException.of("roster.roster-number-only-stopped", id, run.status(),
                        (run.status() == RosterStatus.SOLVING ? "; stop it or wait until it is solved" : ""));
            }
            if (run.hardScore() == null || run.hardScore() < 0) {
                throw BusinessRuleException.of("roster.roster-number-breaks-labour", id, run.score(), id);
            }
            List<RosterAssignment> assignments = repository.assignments(id);
            List<PublishedShift> published = assignments.stream().map(a -> new PublishedShift(a.agentId(), a.date(),
                    a.start(), a.end(), a.breakMinutes(), SOURCE)).toList();
            int removed = shifts.replace(run.centerId(), repository.agentIds(id), run.from(), run.to(), published,
                    user.actor());
            repository.markPublished(id, user.actor(), now());
            audit.record(user.actor(), "ROSTER_PUBLISHED", "roster:" + id, center.code() + " " + run.from() + ".."
                    + run.to() + ": " + published.size() + " shifts (replacing " + removed + ")");
            return repository.find(id).orElseThrow();
        });
    }

    // ---- queries ----

    public RosterDetail roster(long id, CurrentUser user) {
        RosterRun run = visible(id, user);
        Center center = organisation.centerById(run.centerId());
        List<RosterAssignment> assignments = repository.assignments(id);
        Map<Long, Agent> agents = organisation.agentsById(repository.agentIds(id));
        List<Shift> out = assignments.stream()
                .map(a -> {
                    Agent agent = agents.get(a.agentId());
                    return new Shift(agent.employeeNo(), agent.name(), agent.teamCode(), a.date(), a.start(), a.end(),
                            a.breakMinutes(), a.breaks(), a.pinned() || run.status() == RosterStatus.PUBLISHED);
                })
                .sorted(Comparator.comparing(Shift::date).thenComparing(Shift::employeeNo)).toList();
        List<RosterCoverage.Span> spans = assignments.stream().map(a -> new RosterCoverage.Span(a.start(),
                a.end())).toList();
        return new RosterDetail(run, center, out, RosterCoverage.of(repository.intervals(id), spans, policy(run,
                center)), agentIssues(run));
    }

    public Center centerOf(RosterRun run) {
        return organisation.centerById(run.centerId());
    }

    public Progress progress(long id, CurrentUser user) {
        RosterRun run = visible(id, user);
        return new Progress(run, organisation.centerById(run.centerId()), repository.timeline(id));
    }

    public Page rosters(String centerCode, Paging paging, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        return new Page(repository.ofCenter(center.id(), paging.offset(), paging.size()),
                repository.countOfCenter(center.id()));
    }

    /** Score by constraint (OptaPlanner's score explanation) and every short interval with why it is short. */
    public Explanation explanation(long id, CurrentUser user) {
        RosterRun run = visible(id, user);
        Center center = organisation.centerById(run.centerId());
        RosterPlanning.Problem problem = planning.problem(run, repository.intervals(id), repository.agentIds(id),
                repository.assignments(id), true);
        ScoreExplanation<RosterSolution, HardSoftLongScore> why = solutionManager.explain(problem.solution());
        List<ConstraintCost> costs = why.getConstraintMatchTotalMap().values().stream()
                .filter(t -> !t.getScore().isZero())
                .map(t -> new ConstraintCost(t.getConstraintName(), t.getScore(),
                        t.getConstraintMatchSet().size()))
                .sorted(Comparator.comparing(ConstraintCost::score)).toList();
        return new Explanation(run, center, why.getScore(), costs, ShortfallAnalysis.of(problem.solution()),
                agentIssues(run));
    }

    /**
     * The agents the roster could not judge (inputs alone make a hard rule impossible) and the center's agents left
     * out because they lack the roster's queue skill.
     */
    private List<RosterAgentIssue> agentIssues(RosterRun run) {
        List<RosterAgentIssue> issues = new ArrayList<>(repository.agentIssues(run.id()).stream()
                .map(i -> new RosterAgentIssue(i.employeeNo(), i.rule().name(), i.weekStart(), i.reason(), i.args()))
                .toList());
        if (!RosterRun.ALL_QUEUES.equals(run.skill())) {
            Set<String> reported = new HashSet<>();
            issues.forEach(i -> reported.add(i.employeeNo()));
            organisation.agentsOfCenter(run.centerId()).stream()
                    .filter(a -> !a.skills().contains(run.skill()) && !reported.contains(a.employeeNo()))
                    .sorted(Comparator.comparing(Agent::employeeNo))
                    .forEach(a -> issues.add(new RosterAgentIssue(a.employeeNo(), AgentIssue.Rule.SKILL.name(),
                            run.from(), "roster.issue.skill", List.of(run.skill()))));
        }
        return issues;
    }

    static RosterCoverage.Policy policy(RosterRun run, Center center) {
        return new RosterCoverage.Policy(run.serviceLevelTarget().doubleValue(), run.serviceLevelSeconds(),
                run.shrinkage().doubleValue(), center.intervalMinutes());
    }

    /** Waits until a background solve of this instance has finished; false on timeout. */
    public boolean awaitSolved(long id, long timeoutSeconds) {
        Job job = jobs.get(id);
        return job == null || await(job, timeoutSeconds);
    }

    // ---- background solving ----

    /** Resumes every roster left SOLVING (by a restart) from its last saved best solution; returns their ids. */
    @EventListener(ApplicationReadyEvent.class)
    public List<Long> resumeInterrupted() {
        List<Long> resumed = new ArrayList<>();
        for (RosterRun run : repository.withStatus(RosterStatus.SOLVING)) {
            if (jobs.containsKey(run.id())
                    || !repository.claim(run.id(), instanceId, now(),
                            now().minusNanos(CLAIM_STALE_MILLIS * 1_000_000))) {
                continue;
            }
            try {
                submit(run, repository.assignments(run.id()));
                resumed.add(run.id());
                log.info("Roster {} resumed after {} ms of solving from its last saved best solution ({})",
                        run.id(), run.solvedMillis(), run.score());
            } catch (RuntimeException e) {
                log.error("Roster {} could not be resumed", run.id(), e);
                repository.setStatus(run.id(), List.of(RosterStatus.SOLVING), RosterStatus.FAILED,
                        truncate("Could not resume: " + e.getMessage()), now());
                repository.release(run.id(), instanceId);
            }
        }
        return resumed;
    }

    private void submit(RosterRun run, List<RosterAssignment> saved) {
        RosterPlanning.Problem problem = planning.problem(run, repository.intervals(run.id()),
                repository.agentIds(run.id()), saved);
        transactions.write(() -> {
            repository.replaceAgentIssues(run.id(), problem.solution().getAgentIssues());
            return null;
        });
        Job job = new Job(run.id(), problem.agentIds(), run.solvedMillis());
        long remaining = Math.max(1_000, run.solveSeconds() * 1000L - run.solvedMillis());
        jobs.put(run.id(), job);
        try {
            solverManager.solveAndListen(run.id(), x -> problem.solution(), best -> onBest(job, best),
                    last -> onFinal(job, last), (x, error) -> onError(job, error));
        } catch (RuntimeException e) {
            jobs.remove(run.id());
            throw e;
        }
        job.timer = timers.schedule(() -> solverManager.terminateEarly(run.id()), remaining, TimeUnit.MILLISECONDS);
        // a best solution found between two saves is saved by this flush once improvements stop coming
        job.flush = timers.scheduleWithFixedDelay(() -> {
            try {
                if (!repository.heartbeat(run.id(), instanceId, now()) && !job.done.await(0, TimeUnit.SECONDS)) {
                    // taken over by another instance (this one looked dead): stop without writing anything more
                    log.warn("Roster {} is no longer owned by {}; stopping this solve", run.id(), instanceId);
                    job.lostClaim = true;
                    solverManager.terminateEarly(run.id());
                    return;
                }
                savePending(job);
            } catch (RuntimeException e) {
                log.warn("Roster {}: saving the best solution failed; trying again", run.id(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, SAVE_MILLIS, SAVE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The first best solution is saved at once (the planner sees a roster quickly), later ones at most every 2 s. */
    private void onBest(Job job, RosterSolution best) {
        job.record(best.getScore(), now());
        job.pending = best;
        if (job.lastSaveNanos == 0 || System.nanoTime() - job.lastSaveNanos >= SAVE_MILLIS * 1_000_000) {
            savePending(job);
        }
    }

    private void savePending(Job job) {
        RosterSolution pending;
        synchronized (job) {
            if (job.lostClaim) {
                return;
            }
            pending = job.pending;
            job.pending = null;
            if (pending != null) {
                save(job, pending);
            }
        }
    }

    private void onFinal(Job job, RosterSolution last) {
        try {
            job.cancelTimers();
            if (job.lostClaim) {
                return;
            }
            job.forceNextPoint = true;
            job.record(last.getScore(), now());
            synchronized (job) {
                job.pending = null;
                save(job, last);
            }
            if (!shuttingDown) {
                RosterStatus end = job.stopRequested ? RosterStatus.STOPPED : RosterStatus.SOLVED;
                repository.setStatus(job.rosterId, List.of(RosterStatus.SOLVING), end, null, now());
            }
            // shutting down: left SOLVING and unowned, so another instance resumes it without waiting
            repository.release(job.rosterId, instanceId);
        } catch (RuntimeException e) {
            log.error("Roster {}: the final solution could not be saved", job.rosterId, e);
            repository.setStatus(job.rosterId, List.of(RosterStatus.SOLVING), RosterStatus.FAILED,
                    truncate("Saving the solution failed: " + e.getMessage()), now());
        } finally {
            jobs.remove(job.rosterId, job);
            job.done.countDown();
        }
    }

    private void onError(Job job, Throwable error) {
        try {
            log.error("Roster {} failed while solving", job.rosterId, error);
            job.cancelTimers();
            if (!job.lostClaim) {
                repository.setStatus(job.rosterId, List.of(RosterStatus.SOLVING), RosterStatus.FAILED,
                        truncate(error.getClass().getSimpleName() + ": " + error.getMessage()), now());
                repository.release(job.rosterId, instanceId);
            }
        } finally {
            jobs.remove(job.rosterId, job);
            job.done.countDown();
        }
    }

    /** Places the breaks on the (solver's private clone of the) best solution and saves it with its score. */
    private void save(Job job, RosterSolution solution) {
        new BreakPlanner().planBreaks(solution);
        List<RosterAssignment> assignments = RosterPlanning.assignments(solution, job.agentIds);
        HardSoftLongScore score = solution.getScore() == null ? HardSoftLongScore.ZERO : solution.getScore();
        List<ScorePoint> points = job.drainPoints();
        transactions.write(() -> {
            repository.saveBest(job.rosterId, assignments, score.hardScore(), score.softScore(), job.solvedMillis(),
                    points, now());
            return null;
        });
        job.lastSaveNanos = Math.max(1, System.nanoTime());
    }

    @PreDestroy
    void shutdown() {
        shuttingDown = true;
        for (Job job : List.copyOf(jobs.values())) {
            solverManager.terminateEarly(job.rosterId);
            await(job, 10);
        }
        timers.shutdownNow();
    }

    private static boolean await(Job job, long seconds) {
        try {
            return job.done.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One background solve on this instance. */
    private static final class Job {
        final long rosterId;
        final Map<String, Long> agentIds;
        final long baseMillis;
        final long startNanos = System.nanoTime();
        final CountDownLatch done = new CountDownLatch(1);
        final List<ScorePoint> points = new ArrayList<>();
        volatile boolean stopRequested;
        volatile boolean lostClaim;
        volatile boolean forceNextPoint = true;
        volatile long lastSaveNanos;
        volatile ScheduledFuture<?> timer;
        volatile ScheduledFuture<?> flush;
        volatile RosterSolution pending;
        long lastPointMillis = -1;

        Job(long rosterId, Map<String, Long> agentIds, long baseMillis) {
            this.rosterId = rosterId;
            this.agentIds = new HashMap<>(agentIds);
            this.baseMillis = baseMillis;
        }

        void cancelTimers() {
            if (timer != null) {
                timer.cancel(false);
            }
            if (flush != null) {
                flush.cancel(false);
            }
        }

        long solvedMillis() {
            return baseMillis + (System.nanoTime() - startNanos) / 1_000_000;
        }

        synchronized void record(HardSoftLongScore score, LocalDateTime now) {
            if (score == null) {
                return;
            }
            long elapsed = solvedMillis();
            if (forceNextPoint || elapsed - lastPointMillis >= POINT_MILLIS) {
                if (elapsed == lastPointMillis) {
                    elapsed++;
                }
                points.add(new ScorePoint(elapsed, score.hardScore(), score.softScore(), now));
                lastPointMillis = elapsed;
                forceNextPoint = false;
            }
        }

        synchronized List<ScorePoint> drainPoints() {
            List<ScorePoint> out = List.copyOf(points);
            points.clear();
            return out;
        }
    }

    // ---- helpers ----

    private RosterRun visible(long id, CurrentUser user) {
        RosterRun run = repository.find(id).orElseThrow(() -> new NotFoundException("Roster", id));
        if (!user.plansCenter(run.centerId())) {
            throw new NotFoundException("Roster", id);
        }
        return run;
    }

    private static void checkSolveSeconds(Integer seconds, Validation v) {
        v.require(seconds == null || seconds >= 1 && seconds <= RosterSolverConfiguration.MAX_SOLVE_SECONDS,
                "solveSeconds", "roster.solveseconds-between", RosterSolverConfiguration.MAX_SOLVE_SECONDS);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return truncateTo(host, 60) + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String truncateTo(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
