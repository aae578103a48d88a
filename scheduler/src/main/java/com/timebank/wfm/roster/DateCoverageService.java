package com.timebank.wfm.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;

/**
 * What a date of the published roster looks like with and without one agent's shift, for a lead deciding on that
 * agent's time off: coverage (the share of required agent-intervals that are covered by agents on the phone, net of
 * their breaks) and the service level
 * Erlang C predicts for the day (each interval's prediction weighted by its contacts). The shifts and the
 * requirement are those {@link RosterQuotaService} derives the quota from.
 */
@Service
public class DateCoverageService {

    private final RosterRepository repository;
    private final ShiftService shifts;
    private final OrganisationService organisation;
    private final ShiftTemplateService templates;

    DateCoverageService(RosterRepository repository, ShiftService shifts, OrganisationService organisation,
            ShiftTemplateService templates) {
        this.repository = repository;
        this.shifts = shifts;
        this.organisation = organisation;
        this.templates = templates;
    }

    /** A day's figures: coverage 0..1 and predicted service level 0..1. */
    public record DayFigures(double coverage, double serviceLevel) {
    }

    /**
     * {@code scheduled}: whether the agent works that day (otherwise both figures are the same). {@code intervals}:
     * the roster's requirement of the date with the coverage of all its shifts (the agent's included), interval by
     * interval, for pages that show required against scheduled.
     */
    public record DateCoverage(LocalDate date, long rosterId, boolean scheduled, DayFigures with, DayFigures without,
            List<IntervalCoverage> intervals) {
    }

    /** One interval of the date: the roster's forecast workload and its coverage by the published shifts. */
    public record IntervalCoverage(RosterInterval requirement, RosterCoverage.Interval coverage) {
    }

    /** Empty when no published roster covers the date (or it has no requirement for it). */
    @Transactional(readOnly = true)
    public Optional<DateCoverage> withAndWithout(long centerId, LocalDate date, long agentId) {
        List<RosterRun> published = repository.published(centerId, date, date);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        RosterRun run = published.get(0);
        List<RosterInterval> intervals = repository.intervals(run.id(), date);
        if (intervals.isEmpty()) {
            return Optional.empty();
        }
        Center center = organisation.centerById(centerId);
        Set<Long> agents = new HashSet<>(repository.agentIds(run.id()));
        List<RosterCoverage.Span> all = new ArrayList<>();
        List<RosterCoverage.Span> without = new ArrayList<>();
        boolean scheduled = false;
        List<ShiftTemplate> centerTemplates = templates.templatesOf(centerId);
        for (PublishedShift s : shifts.ofCenter(centerId, date.minusDays(1), date)) {
            if (!agents.contains(s.agentId()) && s.agentId() != agentId) {
                continue;
            }
            RosterCoverage.Span span = RosterCoverage.span(s, centerTemplates);
            all.add(span);
            if (s.agentId() == agentId && s.date().equals(date)) {
                scheduled = true;
            } else {
                without.add(span);
            }
        }
        RosterCoverage.Policy policy = RosterService.policy(run, center);
        List<RosterCoverage.Interval> withAll = RosterCoverage.of(intervals, all, policy);
        List<IntervalCoverage> byInterval = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            byInterval.add(new IntervalCoverage(intervals.get(i), withAll.get(i)));
        }
        return Optional.of(new DateCoverage(date, run.id(), scheduled,
                figures(withAll, intervals),
                figures(RosterCoverage.of(intervals, without, policy), intervals), byInterval));
    }

    /** The published roster's figures of a date (empty without a published roster for it). */
    @Transactional(readOnly = true)
    public Optional<DayFigures> ofDate(long centerId, LocalDate date) {
        return withAndWithout(centerId, date, NO_AGENT).map(DateCoverage::with);
    }

    /** The published roster's date interval by interval (empty without a published roster for it). */
    @Transactional(readOnly = true)
    public Optional<DateCoverage> byInterval(long centerId, LocalDate date) {
        return withAndWithout(centerId, date, NO_AGENT);
    }

    /** No agent has this id: "without" equals "with". */
    private static final long NO_AGENT = -1;

    static DayFigures figures(List<RosterCoverage.Interval> coverage, List<RosterInterval> intervals) {
        long required = 0;
        double covered = 0;
        double contacts = 0;
        double answered = 0;
        for (int i = 0; i < coverage.size(); i++) {
            RosterCoverage.Interval c = coverage.get(i);
            required += c.required();
            covered += Math.min(c.required(), c.onPhone());
            double n = Math.max(0, intervals.get(i).contacts());
            contacts += n;
            answered += n * c.serviceLevel();
        }
        return new DayFigures(required == 0 ? 1.0 : covered / required, contacts == 0 ? 1.0 : answered / contacts);
    }
}
