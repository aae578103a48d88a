package com.timebank.wfm.jobs;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.leave.MonthCloseService;
import com.timebank.wfm.leave.TimeOffPosting;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.AuxSettlementService;

/** The nightly jobs per center, run by Quartz or on demand by a planner or admin. */
@Service
public class NightlyJobs {

    private static final Logger log = LoggerFactory.getLogger(NightlyJobs.class);

    public static final String AUX_SETTLEMENT = "aux-settlement";
    public static final String TIME_OFF_POSTING = "time-off-posting";
    public static final String MONTH_CLOSE = "month-close";
    public static final String FORECAST_REFRESH = "forecast-refresh";
    public static final List<String> JOBS = List.of(AUX_SETTLEMENT, TIME_OFF_POSTING, MONTH_CLOSE, FORECAST_REFRESH);

    private final AuxSettlementService auxSettlement;
    private final TimeOffPosting timeOff;
    private final MonthCloseService monthClose;
    private final ForecastService forecasts;
    private final OrganisationService organisation;
    private final JobRunService runs;
    private final Clock clock;

    NightlyJobs(AuxSettlementService auxSettlement, TimeOffPosting timeOff, MonthCloseService monthClose,
            ForecastService forecasts, OrganisationService organisation, JobRunService runs, Clock clock) {
        this.auxSettlement = auxSettlement;
        this.timeOff = timeOff;
        this.monthClose = monthClose;
        this.forecasts = forecasts;
        this.organisation = organisation;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * Scheduled: for every center, everything unsettled up to its yesterday. Centers with nothing to do leave no
     * run. Each center, and each of its dates, fails on its own: the failure is recorded in that center's run and
     * the other dates and centers are still settled.
     */
    public void settleAllCenters(String instanceId) {
        forEachCenter(AUX_SETTLEMENT, center -> {
            LocalDate yesterday = center.today(clock).minusDays(1);
            runs.checked(AUX_SETTLEMENT, center.id(), instanceId);
            List<LocalDate> dates = auxSettlement.unsettledDates(center.id(), yesterday);
            if (!dates.isEmpty()) {
                runs.run(AUX_SETTLEMENT, center.id(), "schedule", instanceId,
                        progress -> settleEach(center.id(), dates, (date, settled) -> progress.committed(settled)));
            }
        });
    }

    /** Scheduled: every center's time off whose day has come (today included) is posted or expires. */
    public void postTimeOffAllCenters(String instanceId) {
        forEachCenter(TIME_OFF_POSTING, center -> {
            LocalDate today = center.today(clock);
            runs.checked(TIME_OFF_POSTING, center.id(), instanceId);
            if (!timeOff.dueDates(center.id(), today).isEmpty()) {
                runs.run(TIME_OFF_POSTING, center.id(), "schedule", instanceId, () -> postTimeOff(center.id(), today));
            }
        });
    }

    /**
     * Scheduled: every due month of every center, oldest first (so a missed close is caught up). A month that
     * fails stops its center's later months, which build on it, but not the other centers.
     */
    public void closeMonthsAllCenters(String instanceId) {
        forEachCenter(MONTH_CLOSE, center -> {
            runs.checked(MONTH_CLOSE, center.id(), instanceId);
            if (!monthClose.dueMonths(center.id()).isEmpty()) {
                runs.run(MONTH_CLOSE, center.id(), "schedule", instanceId,
                        progress -> closeMonths(center.id(), null, (month, closed) -> progress.committed(closed)));
            }
        });
    }

    /**
     * Scheduled: every center's forecast of its current week (Monday to Sunday in its zone), so that planners start
     * the week with a forecast learned from the history up to Sunday. A week refreshed already leaves no run; after
     * downtime only the current week's is made (the weeks missed are over). A week whose refresh failed (no history
     * yet) is tried again the next day, not every hour; Run now tries at once.
     */
    public void refreshForecastsAllCenters(String instanceId) {
        forEachCenter(FORECAST_REFRESH, center -> {
            LocalDate today = center.today(clock);
            LocalDate week = weekOf(today);
            runs.checked(FORECAST_REFRESH, center.id(), instanceId);
            if (forecasts.refreshOf(center.id(), week).isEmpty() && !triedOn(center, week, today)) {
                runs.run(FORECAST_REFRESH, center.id(), "schedule", instanceId, () -> refreshForecast(center.id(), week));
            }
        });
    }

    /** The week a refresh on {@code date} makes the forecast of: the one it is in, from its Monday. */
    static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Whether a run of the week's refresh started on the center's {@code today}: one that failed (the week has no
     * forecast) waits for the next day, one still running is not started again.
     */
    private boolean triedOn(Center center, LocalDate week, LocalDate today) {
        return runs.latest(FORECAST_REFRESH, center.id(), week)
                .map(r -> r.startedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(center.timeZone()).toLocalDate()
                        .equals(today))
                .orElse(false);
    }

    /** The week's forecast of the center, made once: processed 1, posted 1 when this run made it, else 0. */
    public JobRunService.Outcome refreshForecast(long centerId, LocalDate week) {
        try {
            ForecastService.Refresh r = forecasts.refresh(centerId, week);
            return new JobRunService.Outcome(List.of(week), 1, r.made() ? 1 : 0);
        } catch (RuntimeException e) {
            log.warn("Forecast refresh of center {} for the week of {} failed", centerId, week, e);
            return new JobRunService.Outcome(List.of(week), 0, 0, List.of(JobRunService.Failure.of(week, e)));
        }
    }

    /** One center's failure (recorded in its run when it had started one) never stops the others. */
    private void forEachCenter(String job, Consumer<Center> work) {
        runs.abandonStale();
        for (Center center : organisation.allCenters()) {
            try {
                work.accept(center);
            } catch (RuntimeException e) {
                log.error("Job {} failed for center {}; the other centers go on", job, center.code(), e);
            }
        }
    }

    /** Settles each date on its own: a date that fails is listed in the outcome and the next date goes on. */
    JobRunService.Outcome settleEach(long centerId, List<LocalDate> dates, AuxSettlementService.BatchObserver observer) {
        int processed = 0;
        int posted = 0;
        List<JobRunService.Failure> failures = new ArrayList<>();
        for (LocalDate date : dates) {
            try {
                AuxSettlementService.Result r = auxSettlement.settleDate(centerId, date, observer);
                processed += r.processed();
                posted += r.posted();
                failures.addAll(agentFailures(r));
            } catch (RuntimeException e) {
                log.warn("Aux settlement of center {} on {} failed; its other dates go on", centerId, date, e);
                failures.add(JobRunService.Failure.of(date, e));
            }
        }
        return new JobRunService.Outcome(dates, processed, posted, failures);
    }

    public JobRunService.Outcome postTimeOff(long centerId, LocalDate upTo) {
        TimeOffPosting.PostingResult r = timeOff.postDue(centerId, upTo);
        return new JobRunService.Outcome(r.dates(), r.processed(), r.posted(), r.failures().stream()
                .map(f -> agentFailure(f.date(), f.agentId(), f.error())).toList());
    }

    private List<JobRunService.Failure> agentFailures(AuxSettlementService.Result r) {
        return r.failures().stream().map(f -> agentFailure(f.date(), f.agentId(), f.error())).toList();
    }

    /** A failure of one agent's item, named by the agent's employee number for the planner who reads it. */
    private JobRunService.Failure agentFailure(LocalDate date, long agentId, RuntimeException error) {
        return JobRunService.Failure.of(date, error).ofAgent(organisation.agentById(agentId).employeeNo());
    }

    /** Closes {@code month}, or with null every due month. */
    public JobRunService.Outcome closeMonths(long centerId, YearMonth month, MonthCloseService.BatchObserver observer) {
        MonthCloseService.Result r = month == null ? monthClose.closeDue(centerId, observer)
                : monthClose.closeMonth(centerId, month, observer);
        return new JobRunService.Outcome(r.months().stream().map(m -> m.atDay(1)).toList(), r.processed(), r.posted(),
                r.failures().stream().map(f -> agentFailure(f.month().atDay(1), f.agentId(), f.error())).toList());
    }

    /** On demand: one center and one business date (settling other dates is the schedule's work). */
    public JobRun runNow(String job, String centerCode, LocalDate date, CurrentUser user) {
        if (!JOBS.contains(job)) {
            throw new NotFoundException("Job", job);
        }
        Center center = organisation.plannedCenter(centerCode, user);
        LocalDate today = center.today(clock);
        if (TIME_OFF_POSTING.equals(job)) {
            LocalDate upTo = date == null ? today : date;
            if (upTo.isAfter(today)) {
                throw BusinessRuleException.of("job.time-off-posted-when", upTo, center.timeZone(), today);
            }
            return runs.run(job, center.id(), user.actor(), null, () -> postTimeOff(center.id(), upTo));
        }
        if (FORECAST_REFRESH.equals(job)) {
            LocalDate week = weekOf(date == null ? today : date);
            if (week.isAfter(today)) {
                throw BusinessRuleException.of("job.forecast-refresh-week-not-begun", week, center.timeZone(), today);
            }
            return runs.run(job, center.id(), user.actor(), null, () -> refreshForecast(center.id(), week));
        }
        if (MONTH_CLOSE.equals(job)) {
            YearMonth month = date == null ? latestClosableMonth(center.id(), today) : YearMonth.from(date);
            if (monthClose.isOpen(center.id(), month)) {
                throw BusinessRuleException.of("job.month-still-open-offset", month,
                        monthClose.deadline(center.id(), month), center.timeZone());
            }
            return runs.run(job, center.id(), user.actor(), null,
                    progress -> closeMonths(center.id(), month, (m, closed) -> progress.committed(closed)));
        }
        LocalDate on = date == null ? today.minusDays(1) : date;
        if (!on.isBefore(today)) {
            throw BusinessRuleException.of("job.aux-settlement-settles-finished", on, center.timeZone(), today);
        }
        return runs.run(job, center.id(), user.actor(), null,
                progress -> settle(center.id(), on, on, (d, settled) -> progress.committed(settled)));
    }

    /**
     * The month a close without a date closes: the latest one past its close deadline (last month stays open for
     * the first days of this one, while leave offsets may still be chosen).
     */
    YearMonth latestClosableMonth(long centerId, LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        while (monthClose.isOpen(centerId, month)) {
            month = month.minusMonths(1);
        }
        return month;
    }

    /** Per job, when the schedule last looked for its work in the center (UTC); absent when it never has. */
    public Map<String, LocalDateTime> lastChecks(String centerCode, CurrentUser user) {
        return runs.lastChecks(organisation.plannedCenter(centerCode, user).id());
    }

    /** Settles up to {@code upTo}; with {@code onlyDate}, that date alone. */
    public JobRunService.Outcome settle(long centerId, LocalDate upTo, LocalDate onlyDate,
            AuxSettlementService.BatchObserver observer) {
        if (onlyDate != null) {
            AuxSettlementService.Result r = auxSettlement.settleDate(centerId, onlyDate, observer);
            return new JobRunService.Outcome(r.dates(), r.processed(), r.posted(), agentFailures(r));
        }
        return settleEach(centerId, auxSettlement.unsettledDates(centerId, upTo), observer);
    }

    /** A page of runs and how many there are in all. */
    public record RunPage(List<JobRun> items, long total) {
    }

    public RunPage runs(String job, String centerCode, int offset, int limit, CurrentUser user) {
        List<Long> centers;
        if (centerCode != null) {
            centers = List.of(organisation.plannedCenter(centerCode, user).id());
        } else if (user.isAdmin()) {
            centers = null;
        } else {
            centers = organisation.centers(user).stream().filter(c -> user.plansCenter(c.id())).map(Center::id)
                    .toList();
            if (centers.isEmpty()) {
                return new RunPage(List.of(), 0);
            }
        }
        return new RunPage(runs.recent(job, centers, offset, limit), runs.countRecent(job, centers));
    }
}
