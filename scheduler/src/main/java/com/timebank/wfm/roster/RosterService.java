package com.timebank.wfm.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.springframework.stereotype.Service;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
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
import com.timebank.wfm.roster.solver.PreferenceMiss;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.staffing.app.StaffingService;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;

/**
 * Rosters: commands (start, re-solve, stop, publish) and queries (detail, progress, list, explanation). The solving
 * itself runs in the background in {@link RosterSolving}, which persists each roster's best solution as it improves.
 * <ul>
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

    /** Longest roster period in days; the pages check the same. */
    public static final int MAX_DAYS = 42;
    public static final int DEFAULT_SOLVE_SECONDS = 30;
    /** The most agents a re-solve reopens: a large center's whole roster (roster.reopened_agents holds them). */
    public static final int MAX_REOPENED_AGENTS = 10_000;
    /** Longest solve a caller may ask for. */
    public static final int MAX_SOLVE_SECONDS = RosterSolverConfiguration.MAX_SOLVE_SECONDS;
    static final String SOURCE = "ROSTER";

    private final RosterRepository repository;
    private final RosterPlanning planning;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final ForecastService forecasts;
    private final ShiftService shifts;
    private final ShiftTemplateService templates;
    private final RosterSolving solving;
    private final SolutionManager<RosterSolution, HardSoftLongScore> solutionManager;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    RosterService(RosterRepository repository, RosterPlanning planning, OrganisationService organisation,
            CenterSettingsService settings, ForecastService forecasts, ShiftService shifts,
            ShiftTemplateService templates, RosterSolving solving,
            SolutionManager<RosterSolution, HardSoftLongScore> solutionManager, Transactions transactions,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.planning = planning;
        this.organisation = organisation;
        this.settings = settings;
        this.forecasts = forecasts;
        this.shifts = shifts;
        this.templates = templates;
        this.solving = solving;
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
            List<RosterCoverage.Interval> coverage, List<RosterAgentIssue> agentIssues, CoverageQuality quality) {

        /** Agents on the phone (net of breaks) missing, summed over the intervals. */
        public double shortfallAgentIntervals() {
            return hundredths(coverage.stream().mapToDouble(RosterCoverage.Interval::shortfall).sum());
        }

        /**
         * The fewest short agent-intervals any roster of these agents can leave (see {@link CoverageQuality}); null
         * while unknown.
         */
        public Double minimumShortfallAgentIntervals() {
            return quality.shortfallFloorFor(shortfallAgentIntervals());
        }

        /** Agents on the phone (net of breaks) above the requirement, summed over the intervals. */
        public double overstaffedAgentIntervals() {
            return hundredths(coverage.stream().mapToDouble(RosterCoverage.Interval::overstaffing).sum());
        }

        private static double hundredths(double agentIntervals) {
            return Math.round(agentIntervals * 100) / 100.0;
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
            List<RosterAgentIssue> agentIssues, List<PreferenceMiss> preferencesNotGranted) {
    }

    public record ConstraintCost(String constraint, HardSoftLongScore score, int matches) {
    }

    // ---- commands ----

    /** Starts solving in the background; returns the roster (SOLVING). */
    public RosterRun start(String centerCode, StartRequest r, CurrentUser user) {
        long id = create(centerCode, r, user);
        solving.solve(repository.find(id).orElseThrow());
        return repository.find(id).orElseThrow();
    }

    /**
     * Creates a roster and solves it in the calling thread, reproducibly: local search stops after {@code steps}
     * steps rather than after {@code solveSeconds} (kept as the time a later "continue solving" or resume uses), so
     * the same inputs give the same roster and score on an idle or a loaded machine (the demo's roster). Returns the
     * roster, SOLVED.
     */
    public RosterRun solveReproducibly(String centerCode, StartRequest r, int steps, CurrentUser user) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative: " + steps);
        }
        long id = create(centerCode, r, user);
        solving.solveReproducibly(repository.find(id).orElseThrow(), steps);
        return repository.find(id).orElseThrow();
    }

    private long create(String centerCode, StartRequest r, CurrentUser user) {
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
        // a disabled agent keeps past rosters but joins no new one
        List<Long> agentIds = organisation.activeAgentsOfCenter(center.id()).stream()
                .filter(a -> queue == null || a.skills().contains(queue)).map(Agent::id).toList();
        if (agentIds.isEmpty()) {
            throw queue == null ? BusinessRuleException.of("roster.center-has-no-agents", center.code())
                    : BusinessRuleException.of("roster.center-has-no-agents.skill", center.code(), queue);
        }
        String skill = queue == null ? RosterRun.ALL_QUEUES : queue;
        if (templates.templatesOf(center.id()).stream().noneMatch(t -> t.serves(skill))) {
            throw queue == null ? BusinessRuleException.of("roster.center-has-no-shift", center.code())
                    : BusinessRuleException.of("roster.center-has-no-shift.skill", center.code(), queue);
        }
        CenterSettings s = settings.on(center.id(), r.from());
        RosterRun run = new RosterRun(0, center.id(), r.forecastId(), null, r.from(), r.to(),
                r.solveSeconds() == null ? DEFAULT_SOLVE_SECONDS : r.solveSeconds(), RosterStatus.SOLVING,
                queue == null ? RosterRun.ALL_QUEUES : queue, s.serviceLevelTarget(), s.serviceLevelSeconds(),
                s.shrinkage(), Set.of(), Set.of(), null, null, 0, null, user.actor(), now(), now(), null, null);
        long id = transactions.write(() -> {
            long newId = repository.insert(run, agentIds, intervals);
            solving.claimNew(newId);
            audit.record(user.actor(), AuditAction.ROSTER_STARTED, "roster:" + newId,
                    Message.of("audit.roster-started", center.code(), r.from(), r.to(), r.forecastId(),
                            Message.duration(run.solveSeconds()), agentIds.size()));
            return newId;
        });
        return id;
    }

    /** Re-solves a published roster after a change; a new roster (parent: this one) starts SOLVING. */
    public RosterRun resolve(long id, ResolveRequest r, CurrentUser user) {
        RosterRun parent = visible(id, user);
        if (parent.status() != RosterStatus.PUBLISHED) {
            throw ConflictException.of("roster.roster-number-only-published", id, parent.status().label());
        }
        Validation v = new Validation();
        List<LocalDate> dates = r.dates() == null ? List.of() : r.dates();
        List<String> employeeNos = r.employeeNos() == null ? List.of() : r.employeeNos();
        v.require(!dates.isEmpty() || !employeeNos.isEmpty(), "dates", "roster.give-dates-employeenos-reopen");
        v.require(dates.size() <= MAX_DAYS, "dates", "roster.reopen.too-many-dates", MAX_DAYS);
        v.require(employeeNos.size() <= MAX_REOPENED_AGENTS, "employeeNos", "roster.reopen.too-many-agents",
                MAX_REOPENED_AGENTS);
        checkSolveSeconds(r.solveSeconds(), v);
        v.throwIfInvalid();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            v.require(d != null && !d.isBefore(parent.from()) && !d.isAfter(parent.to()), "dates[" + i + "]",
                    "roster.not-within-roster-period", d, parent.from(), parent.to());
        }
        List<Long> agentIds = repository.agentIds(id);
        Set<Long> planned = new HashSet<>(agentIds);
        Map<String, Agent> byNo = organisation.agentsByEmployeeNo(employeeNos.stream()
                .filter(no -> no != null && !no.isBlank()).distinct().toList());
        for (int i = 0; i < employeeNos.size(); i++) {
            String no = employeeNos.get(i);
            String field = "employeeNos[" + i + "]";
            if (no == null || no.isBlank()) {
                v.add(FieldError.of(field, "roster.reopen.employee-no-required"));
            } else {
                Agent a = byNo.get(no);
                v.require(a != null && planned.contains(a.id()), field, "roster.agent-not-roster-number", no, id);
            }
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
            solving.claimNew(created);
            audit.record(user.actor(), AuditAction.ROSTER_RESOLVE_STARTED, "roster:" + created,
                    Message.of("audit.roster-resolve-started", id, AuditDetail.list(dates),
                            AuditDetail.list(employeeNos)));
            return created;
        });
        solving.solve(repository.find(newId).orElseThrow());
        return repository.find(newId).orElseThrow();
    }

    /** Stops a solve; its best solution so far is kept (STOPPED). */
    public RosterRun stop(long id, CurrentUser user) {
        RosterRun run = visible(id, user);
        if (run.status() != RosterStatus.SOLVING) {
            throw ConflictException.of("roster.roster-number-not-solving", id, run.status().label());
        }
        solving.stop(id);
        transactions.write(() -> {
            audit.record(user.actor(), AuditAction.ROSTER_STOPPED, "roster:" + id, null);
            return null;
        });
        return repository.find(id).orElseThrow();
    }

    /**
     * Solves a stopped or solved roster further ("continue solving") from its current best solution, for
     * {@code solveSeconds} more (default: its own solve time); the time solved and the score timeline carry on.
     */
    public RosterRun continueSolving(long id, Integer solveSeconds, CurrentUser user) {
        RosterRun run = visible(id, user);
        Validation v = new Validation();
        checkSolveSeconds(solveSeconds, v);
        v.throwIfInvalid();
        if (!run.status().isPublishable()) {
            throw ConflictException.of("roster.continue.not-stopped", id, run.status().label());
        }
        int more = solveSeconds == null ? run.solveSeconds() : solveSeconds;
        if (!solving.continueSolving(run, more)) {
            throw ConflictException.of("roster.continue.not-stopped", id,
                    repository.find(id).orElseThrow().status().label());
        }
        transactions.write(() -> {
            audit.record(user.actor(), AuditAction.ROSTER_CONTINUED, "roster:" + id,
                    Message.of("audit.roster-continued", Message.duration(more)));
            return null;
        });
        return repository.find(id).orElseThrow();
    }

    /** Publishes a stopped or solved, feasible roster: published shifts written and pinned. */
    public RosterRun publish(long id, CurrentUser user) {
        RosterRun seen = visible(id, user);
        Center center = organisation.centerById(seen.centerId());
        return transactions.write(() -> {
            // every roster of the center over these days is locked, in id order: two publishes of overlapping
            // rosters (two re-solves of one roster, say) take turns, and the second sees what the first published
            List<RosterRun> overlapping = repository.lockOverlapping(seen.centerId(), seen.from(), seen.to());
            RosterRun run = overlapping.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
            if (!run.status().isPublishable()) {
                throw run.status() == RosterStatus.SOLVING
                        ? ConflictException.of("roster.roster-number-only-stopped.solving", id)
                        : ConflictException.of("roster.roster-number-only-stopped", id, run.status().label());
            }
            if (run.hardScore() == null || run.hardScore() < 0) {
                throw BusinessRuleException.of("roster.roster-number-breaks-labour", id, run.score(), id);
            }
            refuseStaleResolve(run, overlapping);
            List<RosterAssignment> assignments = repository.assignments(id);
            List<Long> agentIds = repository.agentIds(id);
            List<RosterAssignment> onAbsence = planning.shiftsOnAbsence(run.centerId(), run.from(), run.to(),
                    agentIds, assignments);
            if (!onAbsence.isEmpty()) {
                RosterAssignment first = onAbsence.get(0);
                throw ConflictException.of("roster.publish.on-absence", id, onAbsence.size(),
                        organisation.agentsById(List.of(first.agentId())).get(first.agentId()).employeeNo(),
                        first.date());
            }
            List<PublishedShift> published = assignments.stream().map(a -> new PublishedShift(a.agentId(), a.date(),
                    a.start(), a.end(), a.breakMinutes(), SOURCE)).toList();
            int removed = shifts.replace(run.centerId(), agentIds, run.from(), run.to(), published,
                    user.actor());
            repository.markPublished(id, user.actor(), now());
            audit.record(user.actor(), AuditAction.ROSTER_PUBLISHED, "roster:" + id,
                    Message.of("audit.roster-published", center.code(), run.from(), run.to(), published.size(),
                            removed));
            return repository.find(id).orElseThrow();
        });
    }

    /**
     * A re-solve starts from its parent's shifts. Once another roster over some of its days has been published after
     * the re-solve was made (a second re-solve of the same parent, say), publishing it would silently undo that one's
     * changes: it is refused, and the planner re-solves the roster now published instead.
     */
    private void refuseStaleResolve(RosterRun run, List<RosterRun> overlapping) {
        if (run.parentId() == null) {
            return;
        }
        Set<Long> ancestors = new HashSet<>();
        for (Long p = run.parentId(); p != null && ancestors.add(p); ) {
            p = repository.find(p).map(RosterRun::parentId).orElse(null);
        }
        for (RosterRun other : overlapping) {
            if (other.id() != run.id() && !ancestors.contains(other.id()) && other.publishedAt() != null
                    && other.publishedAt().isAfter(run.createdAt())) {
                throw ConflictException.of("roster.publish.superseded", run.id(), other.id(), run.parentId());
            }
        }
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
                a.end(), a.breaks())).toList();
        return new RosterDetail(run, center, out, RosterCoverage.of(repository.intervals(id), spans, policy(run,
                center)), agentIssues(run), repository.coverageQuality(id));
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
                agentIssues(run), PreferenceMiss.of(problem.solution()));
    }

    /** At most this many published rosters are read for one agent's notes (each is rebuilt as it was solved). */
    static final int MAX_NOTE_ROSTERS = 4;

    /**
     * A preference of one agent a published roster does not grant: the roster's period, the day, what was not granted
     * ({@code kind}: DAY_OFF, SHIFT_TIME or SHIFT) and the shift worked instead ({@code start}..{@code end} of the
     * center's day).
     */
    public record AgentPreferenceMiss(long rosterId, LocalDate rosterFrom, LocalDate rosterTo, LocalDate date,
            String kind, java.time.LocalTime start, java.time.LocalTime end, String template) {
    }

    /** What the published rosters give one agent less than asked: preferences not granted and the agent's issues. */
    public record AgentRosterNotes(List<AgentPreferenceMiss> preferencesNotGranted, List<RosterAgentIssue> issues) {
    }

    /**
     * The agent's preferences not granted and the agent's issues (weekly minimum out of reach inside the availability,
     * skill…) in the center's published rosters overlapping from..to, each date from its newest roster, as the roster
     * explanation lists them. For the agent and whoever may see the agent (else 404).
     */
    public AgentRosterNotes notesOf(String employeeNo, LocalDate from, LocalDate to, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        List<AgentPreferenceMiss> misses = new ArrayList<>();
        List<RosterAgentIssue> issues = new ArrayList<>();
        Set<LocalDate> covered = new HashSet<>();
        for (RosterRun run : repository.published(agent.centerId(), from, to).stream().limit(MAX_NOTE_ROSTERS)
                .toList()) {
            if (repository.plans(run.id(), agent.id())) {
                // preferences are each agent's own: the roster rebuilt for this agent alone misses the same ones
                RosterPlanning.Problem problem = planning.problem(run, repository.intervals(run.id()),
                        List.of(agent.id()), repository.assignmentsOf(run.id(), agent.id()), true);
                for (PreferenceMiss m : PreferenceMiss.of(problem.solution())) {
                    if (m.employeeNo().equals(agent.employeeNo()) && !m.date().isBefore(from)
                            && !m.date().isAfter(to) && !covered.contains(m.date())) {
                        com.timebank.wfm.roster.solver.ShiftOption o = problem.options().get(m.shift());
                        misses.add(new AgentPreferenceMiss(run.id(), run.from(), run.to(), m.date(), m.kind().name(),
                                o == null ? null : o.getStart(), o == null ? null
                                        : java.time.LocalTime.MIN.plusMinutes(o.getEndMinuteOfDay() % 1440),
                                o == null ? null : o.getTemplate()));
                    }
                }
            }
            agentIssues(run).stream().filter(i -> i.employeeNo().equals(agent.employeeNo())
                    && issues.stream().noneMatch(seen -> seen.rule().equals(i.rule())
                            && seen.weekStart().equals(i.weekStart()))).forEach(issues::add);
            for (LocalDate d = run.from(); !d.isAfter(run.to()); d = d.plusDays(1)) {
                covered.add(d);
            }
        }
        misses.sort(Comparator.comparing(AgentPreferenceMiss::date).thenComparing(AgentPreferenceMiss::kind));
        issues.sort(Comparator.comparing(RosterAgentIssue::weekStart));
        return new AgentRosterNotes(misses, issues);
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
            organisation.activeAgentsOfCenter(run.centerId()).stream()
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
        return solving.awaitSolved(id, timeoutSeconds);
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
}
