package com.timebank.wfm.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.AuxSettlementService;

/** The nightly jobs per center, run by Quartz or on demand by a planner or admin. */
@Service
public class NightlyJobs {

    public static final String AUX_SETTLEMENT = "aux-settlement";
    public static final List<String> JOBS = List.of(AUX_SETTLEMENT);

    private final AuxSettlementService auxSettlement;
    private final OrganisationService organisation;
    private final JobRunService runs;
    private final Clock clock;

    NightlyJobs(AuxSettlementService auxSettlement, OrganisationService organisation, JobRunService runs, Clock clock) {
        this.auxSettlement = auxSettlement;
        this.organisation = organisation;
        this.runs = runs;
        this.clock = clock;
    }

    /** Scheduled: for every center, everything unsettled up to its yesterday. Centers with nothing to do leave no run. */
    public void settleAllCenters(String instanceId) {
        for (Center center : organisation.allCenters()) {
            LocalDate yesterday = center.today(clock).minusDays(1);
            if (auxSettlement.unsettledDates(center.id(), yesterday).isEmpty()) {
                continue;
            }
            runs.run(AUX_SETTLEMENT, center.id(), "schedule", instanceId, () -> settle(center.id(), yesterday, null,
                    AuxSettlementService.BatchObserver.NONE));
        }
    }

    /** On demand: one center and one business date (settling other dates is the schedule's work). */
    public JobRun runNow(String job, String centerCode, LocalDate date, CurrentUser user) {
        if (!JOBS.contains(job)) {
            throw new NotFoundException("Job", job);
        }
        Center center = organisation.plannedCenter(centerCode, user);
        LocalDate today = center.today(clock);
        LocalDate on = date == null ? today.minusDays(1) : date;
        if (!on.isBefore(today)) {
            throw new BusinessRuleException("Aux settlement settles finished days only: " + on + " is not over yet in "
                    + center.timeZone() + " (today is " + today + ")");
        }
        return runs.run(job, center.id(), user.actor(), null,
                () -> settle(center.id(), on, on, AuxSettlementService.BatchObserver.NONE));
    }

    /** Settles up to {@code upTo}; with {@code onlyDate}, that date alone. */
    public JobRunService.Outcome settle(long centerId, LocalDate upTo, LocalDate onlyDate,
            AuxSettlementService.BatchObserver observer) {
        AuxSettlementService.Result r = onlyDate != null ? auxSettlement.settleDate(centerId, onlyDate, observer)
                : auxSettlement.settleUpTo(centerId, upTo, observer);
        return new JobRunService.Outcome(r.dates(), r.processed(), r.posted());
    }

    public List<JobRun> runs(String job, String centerCode, int offset, int limit, CurrentUser user) {
        if (centerCode != null) {
            Center center = organisation.plannedCenter(centerCode, user);
            return runs.recent(job, List.of(center.id()), offset, limit);
        }
        if (user.isAdmin()) {
            return runs.recent(job, null, offset, limit);
        }
        List<Long> centers = organisation.centers(user).stream().filter(c -> user.plansCenter(c.id())).map(Center::id)
                .toList();
        return centers.isEmpty() ? List.of() : runs.recent(job, centers, offset, limit);
    }
}
