package com.timebank.wfm.web.planner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.jobs.JobRun;
import com.timebank.wfm.jobs.NightlyJobs;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.Flash;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The nightly jobs of a center: recent runs with their status, counts and error, and a form to run one now for a
 * finished business date. While a run is in progress the table refreshes itself (htmx polling).
 */
@Controller
class JobPages {

    private static final Logger log = LoggerFactory.getLogger(JobPages.class);
    static final int RUNS_SHOWN = 50;

    private final PlannerCenters centers;
    private final NightlyJobs jobs;
    private final Flash flash;
    private final Clock clock;

    JobPages(PlannerCenters centers, NightlyJobs jobs, Flash flash, Clock clock) {
        this.centers = centers;
        this.jobs = jobs;
        this.flash = flash;
        this.clock = clock;
    }

    @GetMapping("/planner/jobs")
    String page(@RequestParam(required = false) String center, CurrentUser user, Model model) {
        Optional<Center> c = centers.addTo(model, center, user);
        JobForm form = new JobForm();
        form.setJob(NightlyJobs.AUX_SETTLEMENT);
        model.addAttribute("jobForm", form);
        c.ifPresent(x -> runsModel(x, user, model));
        return "planner/jobs";
    }

    @PostMapping("/planner/jobs")
    String run(@RequestParam String center, @ModelAttribute JobForm jobForm, BindingResult binding, CurrentUser user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Center c = centers.addNamed(model, center, user);
        if (jobForm.getJob() == null || !NightlyJobs.JOBS.contains(jobForm.getJob())) {
            binding.rejectValue("job", "planner.jobs.error.job");
        }
        LocalDate date = jobForm.getDate();
        // time off is posted on its day, so today is a date for that job; the service refuses what a job cannot do
        if (date != null && date.isAfter(c.today(clock)) && !binding.hasFieldErrors("date")) {
            binding.rejectValue("date", "planner.jobs.error.unfinished");
        }
        if (!binding.hasErrors()) {
            String back = "redirect:/planner/jobs?center=" + UriUtils.encodeQueryParam(c.code(), StandardCharsets.UTF_8);
            try {
                JobRun r = jobs.runNow(jobForm.getJob(), c.code(), date, user);
                Message dates = RunOutcome.dates(r);
                // a run whose items failed went on with the others: it is done, and says the first failure
                boolean failed = r.status() == JobRun.Status.FAILED && r.failure() != null;
                Object[] done = {r.id(), dates == null ? "—" : dates, r.processed(), r.posted(),
                        failed ? r.failure() : RunOutcome.of(r)};
                if (failed) {
                    flash.error(redirect, "planner.jobs.done", done);
                } else {
                    flash.success(redirect, "planner.jobs.done", done);
                }
                return back;
            } catch (BusinessRuleException e) {
                binding.rejectValue("date", "planner.jobs.refused", new Object[] {e.reason()}, e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            } catch (RuntimeException e) {
                // the run is recorded as FAILED with its error; the table below shows it
                log.warn("Job {} run from the page failed", jobForm.getJob(), e);
                flash.error(redirect, "planner.jobs.failed", Message.of("planner.jobs.name." + jobForm.getJob()));
                return back;
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        runsModel(c, user, model);
        return "planner/jobs";
    }

    private void runsModel(Center c, CurrentUser user, Model model) {
        var runs = jobs.runs(null, c.code(), 0, RUNS_SHOWN, user).items();
        model.addAttribute("runs", runs);
        Map<Long, Message> outcomes = new HashMap<>();
        Map<Long, Message> spans = new HashMap<>();
        runs.forEach(r -> {
            outcomes.put(r.id(), RunOutcome.of(r));
            spans.put(r.id(), RunOutcome.dates(r));
        });
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("spans", spans);
        model.addAttribute("checks", jobs.lastChecks(c.code(), user));
        model.addAttribute("running", runs.stream().anyMatch(r -> r.status() == JobRun.Status.RUNNING));
        model.addAttribute("jobNames", NightlyJobs.JOBS);
        model.addAttribute("zone", c.timeZone());
        model.addAttribute("today", c.today(clock));
    }
}
