package com.timebank.wfm.roster;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.roster.solver.PlannedBreak;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Roster")
class RosterController {

    private final RosterService rosters;
    private final RosterQuotaService quotas;

    RosterController(RosterService rosters, RosterQuotaService quotas) {
        this.rosters = rosters;
        this.quotas = quotas;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RosterSummaryView(long id, String status, String score, String centerCode, long forecastId, Long parentId,
            LocalDate from, LocalDate to, int solveSeconds, long solvedMillis, Boolean feasible, List<LocalDate> reopenedDates,
            List<String> reopenedEmployeeNos, String error, String createdBy, OffsetDateTime createdAt, String publishedBy,
            OffsetDateTime publishedAt) {

        static RosterSummaryView of(RosterRun r, Center c) {
            return new RosterSummaryView(r.id(), r.status().name(), r.score() == null ? null : r.score().toString(),
                    c.code(), r.forecastId(), r.parentId(), r.from(), r.to(), r.solveSeconds(), r.solvedMillis(),
                    r.score() == null ? null : r.score().isFeasible(), List.copyOf(r.reopenedDates()),
                    List.copyOf(r.reopenedAgents()), failure(r), r.createdBy(), utc(r.createdAt()), r.publishedBy(),
                    utc(r.publishedAt()));
        }

        /** Stored times are UTC; the API says so with the offset. */
        private static OffsetDateTime utc(LocalDateTime t) {
            return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
        }
    }

    record BreakView(String kind, String start, String end) {
    }

    record AssignmentView(String employeeNo, String name, String teamCode, LocalDate date, String start, String end,
            int breakMinutes, List<BreakView> breaks, boolean pinned) {
    }

    record CoverageView(String start, int required, int scheduled, double onPhone, double serviceLevel) {
    }

    /** An agent whose inputs alone make a hard rule impossible that week (or who lacks the queue's skill). */
    record AgentIssueView(String employeeNo, String rule, LocalDate weekStart, String reason, List<Object> args) {

        static List<AgentIssueView> of(List<RosterAgentIssue> issues) {
            return issues.stream().map(i -> new AgentIssueView(i.employeeNo(), i.rule(), i.weekStart(),
                    i.reason(), i.args())).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RosterView(long id, String status, String score, String centerCode, long forecastId, Long parentId,
            LocalDate from, LocalDate to, int solveSeconds, long solvedMillis, Boolean feasible,
            double shortfallAgentIntervals, double overstaffedAgentIntervals, String coverageBoundState,
            Double coverageBound, Long coverageObjective, Double gapToBound, Double minimumShortfallAgentIntervals,
            String error,
            List<AssignmentView> assignments, List<CoverageView> coverage, List<AgentIssueView> agentIssues,
            String createdBy, OffsetDateTime createdAt, String publishedBy, OffsetDateTime publishedAt) {

        static RosterView of(RosterService.RosterDetail d) {
            RosterRun r = d.run();
            return new RosterView(r.id(), r.status().name(), r.score() == null ? null : r.score().toString(),
                    d.center().code(), r.forecastId(), r.parentId(), r.from(), r.to(), r.solveSeconds(),
                    r.solvedMillis(), r.score() == null ? null : r.score().isFeasible(), d.shortfallAgentIntervals(),
                    d.overstaffedAgentIntervals(),
                    d.quality().boundState() == null ? null : d.quality().boundState().name(), d.quality().bound(),
                    d.quality().objective(), d.quality().gap(), d.minimumShortfallAgentIntervals(), failure(r),
                    d.shifts().stream().map(s -> new AssignmentView(s.employeeNo(), s.agentName(), s.teamCode(), s.date(),
                            s.start().toString(), s.end().toString(), s.breakMinutes(),
                            s.breaks().stream().map(RosterController::breakView).toList(), s.pinned())).toList(),
                    d.coverage().stream().map(c -> new CoverageView(c.start().toString(), c.required(), c.scheduled(),
                            Math.round(c.onPhone() * 1e4) / 1e4, c.serviceLevel())).toList(), AgentIssueView.of(d.agentIssues()),
                    r.createdBy(), RosterSummaryView.utc(r.createdAt()), r.publishedBy(),
                    RosterSummaryView.utc(r.publishedAt()));
        }
    }

    record ScorePointView(long elapsedMillis, String score, long hardScore, long softScore) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressView(long id, String status, String score, long solveSeconds, long solvedMillis,
            List<ScorePointView> timeline) {
    }

    record ConstraintView(String constraint, String score, long hardScore, long softScore, int matches) {
    }

    record ShortIntervalView(String queue, String start, int required, int scheduled, double onPhone, double shortfall,
            String reason,
            int onLeave, int contractExhausted, int pinnedOff, int available) {
    }

    record ExplanationView(long id, String status, String score, List<ConstraintView> constraints,
            List<ShortIntervalView> shortIntervals, List<AgentIssueView> agentIssues,
            List<PreferenceMissView> preferencesNotGranted) {
    }

    /** A preference not granted: DAY_OFF (worked a preferred day off), SHIFT_TIME (early/late), SHIFT (template). */
    record PreferenceMissView(String employeeNo, LocalDate date, String preference, String shift) {
    }

    @PostMapping("/api/centers/{center}/rosters")
    @Operation(summary = "Start solving a roster in the background (planner/admin)")
    ResponseEntity<RosterSummaryView> start(@PathVariable String center, @RequestBody RosterService.StartRequest r,
            CurrentUser user) {
        RosterRun run = rosters.start(center, r, user);
        return ResponseEntity.created(URI.create("/api/rosters/" + run.id()))
                .body(RosterSummaryView.of(run, rosters.centerOf(run)));
    }

    @GetMapping("/api/centers/{center}/rosters")
    @Operation(summary = "The center's rosters, newest first (X-Total-Count)")
    ResponseEntity<List<RosterSummaryView>> list(@PathVariable String center, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, CurrentUser user) {
        RosterService.Page result = rosters.rosters(center, Paging.of(page, size), user);
        return Paging.withTotal(result.items().stream()
                .map(r -> RosterSummaryView.of(r, rosters.centerOf(r))).toList(), result.total());
    }

    @GetMapping("/api/rosters/{id}")
    @Operation(summary = "Status, best score so far, assignments and coverage per interval")
    RosterView get(@PathVariable long id, CurrentUser user) {
        return RosterView.of(rosters.roster(id, user));
    }

    @GetMapping("/api/rosters/{id}/progress")
    @Operation(summary = "Status and the best score over solving time (for a live chart)")
    ProgressView progress(@PathVariable long id, CurrentUser user) {
        RosterService.Progress p = rosters.progress(id, user);
        RosterRun r = p.run();
        return new ProgressView(r.id(), r.status().name(), r.score() == null ? null : r.score().toString(),
                r.solveSeconds(), r.solvedMillis(), p.timeline().stream().map(s -> new ScorePointView(s.elapsedMillis(),
                        s.hardScore() + "hard/" + s.softScore() + "soft", s.hardScore(), s.softScore())).toList());
    }

    @GetMapping("/api/rosters/{id}/explanation")
    @Operation(summary = "Score by constraint, the short intervals with their reasons, the agents not judged and the "
            + "preferences not granted")
    ExplanationView explanation(@PathVariable long id, CurrentUser user) {
        RosterService.Explanation e = rosters.explanation(id, user);
        return new ExplanationView(e.run().id(), e.run().status().name(), e.score().toString(),
                e.constraints().stream().map(c -> new ConstraintView(c.constraint(), c.score().toString(),
                        c.score().hardScore(), c.score().softScore(), c.matches())).toList(),
                e.shortIntervals().stream().map(s -> new ShortIntervalView(s.queue(), s.start().toString(), s.required(),
                        s.scheduled(), Math.round(s.onPhone() * 1e4) / 1e4, Math.round(s.shortfall() * 1e4) / 1e4,
                        s.reason().name(), s.onLeave(), s.contractExhausted(),
                        s.pinnedOff(), s.available())).toList(), AgentIssueView.of(e.agentIssues()),
                e.preferencesNotGranted().stream().map(m -> new PreferenceMissView(m.employeeNo(), m.date(),
                        m.kind().name(), m.shift())).toList());
    }

    @PostMapping("/api/rosters/{id}/stop")
    @Operation(summary = "Stop solving; the best solution so far is kept")
    RosterView stop(@PathVariable long id, CurrentUser user) {
        rosters.stop(id, user);
        return RosterView.of(rosters.roster(id, user));
    }

    /** {@code solveSeconds}: how much longer (default: the roster's own solve time). */
    record ContinueRequest(Integer solveSeconds) {
    }

    @PostMapping("/api/rosters/{id}/continue")
    @Operation(summary = "Continue solving a stopped or solved roster from its best solution, solveSeconds more")
    RosterView continueSolving(@PathVariable long id, @RequestBody(required = false) ContinueRequest r,
            CurrentUser user) {
        rosters.continueSolving(id, r == null ? null : r.solveSeconds(), user);
        return RosterView.of(rosters.roster(id, user));
    }

    @PostMapping("/api/rosters/{id}/publish")
    @Operation(summary = "Publish a stopped or solved, feasible roster: its shifts become the published shifts, pinned")
    RosterView publish(@PathVariable long id, CurrentUser user) {
        rosters.publish(id, user);
        return RosterView.of(rosters.roster(id, user));
    }

    @PostMapping("/api/rosters/{id}/resolve")
    @Operation(summary = "Re-solve a published roster after a change, reopening dates and/or agents; the rest stays")
    ResponseEntity<RosterSummaryView> resolve(@PathVariable long id, @RequestBody RosterService.ResolveRequest r,
            CurrentUser user) {
        RosterRun run = rosters.resolve(id, r, user);
        return ResponseEntity.created(URI.create("/api/rosters/" + run.id()))
                .body(RosterSummaryView.of(run, rosters.centerOf(run)));
    }

    @GetMapping("/api/centers/{center}/roster-quota")
    @Operation(summary = "Derived time-off quota per date from the published roster (slots null: no published roster)")
    List<RosterQuotaService.DayQuota> quota(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        return quotas.quotas(center, from, to, user);
    }

    /** Why a roster failed, in English for API clients (the pages render the same code in the reader's language). */
    private static String failure(RosterRun r) {
        return r.failure() == null ? null : r.failure().english();
    }

    private static BreakView breakView(PlannedBreak b) {
        return new BreakView(b.kind().name(), b.start().toString(), b.end().toString());
    }
}
