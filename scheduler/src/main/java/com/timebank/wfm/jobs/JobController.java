package com.timebank.wfm.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@RestController
@RequestMapping("/api/jobs")
@Tag(name = "Jobs", description = "Nightly jobs and their run history")
class JobController {

    private final NightlyJobs jobs;
    private final OrganisationService organisation;

    JobController(NightlyJobs jobs, OrganisationService organisation) {
        this.jobs = jobs;
        this.organisation = organisation;
    }

    record RunRequest(@NotBlank String centerCode, LocalDate date) {
    }

    record RunView(long id, String job, String centerCode, String dates, String triggeredBy, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, JobRun.Status status, int processed, int posted, String error) {
    }

    @PostMapping("/{job}/run")
    @Operation(summary = "Run a job now for a center (planner/admin): aux-settlement (a finished business date), "
            + "time-off-posting (up to a date, default today), month-close (the month of the date, default last month) "
            + "or forecast-refresh (the week of the date, default this week; once per center and week)")
    RunView run(@PathVariable String job, @Valid @RequestBody RunRequest r, CurrentUser user) {
        return view(jobs.runNow(job, r.centerCode(), r.date(), user), new java.util.HashMap<>());
    }

    @GetMapping("/runs")
    @Operation(summary = "Recent runs, newest first, of the centers the caller plans; total in X-Total-Count")
    ResponseEntity<List<RunView>> runs(@RequestParam(required = false) String job,
            @RequestParam(required = false) String center, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, CurrentUser user) {
        Paging paging = Paging.of(page, size);
        Map<Long, String> codes = new java.util.HashMap<>();
        NightlyJobs.RunPage runs = jobs.runs(job, center, paging.offset(), paging.size(), user);
        return Paging.withTotal(runs.items().stream().map(r -> view(r, codes)).toList(), runs.total());
    }

    private RunView view(JobRun r, Map<Long, String> codes) {
        String code = codes.computeIfAbsent(r.centerId(), id -> organisation.centerById(id).code());
        return new RunView(r.id(), r.job(), code, r.dates(), r.triggeredBy(), utc(r.startedAt()), utc(r.finishedAt()),
                r.status(), r.processed(), r.posted(), r.error());
    }

    private static OffsetDateTime utc(java.time.LocalDateTime t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
