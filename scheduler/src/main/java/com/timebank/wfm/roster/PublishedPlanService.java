package com.timebank.wfm.roster;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;

/**
 * The published rosters of a center's days, for reports: the forecast workload and requirement each day's roster
 * was solved for (the published forecast), the queue it staffs, its service-level policy, and its agents' shifts;
 * {@link #cover} counts them per interval by the same rule as the roster's own coverage and the time-off quota:
 * net of their breaks, then less the unplanned shrinkage.
 */
@Service
public class PublishedPlanService {

    private final RosterRepository repository;
    private final ShiftService shifts;
    private final OrganisationService organisation;
    private final ShiftTemplateService templates;

    PublishedPlanService(RosterRepository repository, ShiftService shifts, OrganisationService organisation,
            ShiftTemplateService templates) {
        this.repository = repository;
        this.shifts = shifts;
        this.organisation = organisation;
        this.templates = templates;
    }

    /** One forecast interval of the plan: the workload the roster was solved for and the agents it required. */
    public record PlannedInterval(LocalDateTime start, double contacts, double ahtSeconds, int required) {
    }

    /**
     * A date of the newest published roster covering it; {@code queue} is null when the roster staffs all queues.
     * {@code spans} are the shifts of the roster's agents that touch the date (the previous night's included).
     */
    public record PlanDay(LocalDate date, long rosterId, long forecastId, String queue, RosterCoverage.Policy policy,
            List<PlannedInterval> intervals, List<RosterCoverage.Span> spans) {
    }

    /** The dates of the period that a published roster covers, in date order. */
    @Transactional(readOnly = true)
    public List<PlanDay> days(long centerId, LocalDate from, LocalDate to) {
        List<RosterRun> published = repository.published(centerId, from, to);
        if (published.isEmpty()) {
            return List.of();
        }
        Center center = organisation.centerById(centerId);
        Map<LocalDate, List<PublishedShift>> shiftsOfDate = new HashMap<>();
        for (PublishedShift s : shifts.ofCenter(centerId, from.minusDays(1), to)) {
            shiftsOfDate.computeIfAbsent(s.date(), k -> new ArrayList<>()).add(s);
        }
        List<ShiftTemplate> centerTemplates = templates.templatesOf(centerId);
        Map<Long, Set<Long>> agentsOfRun = new HashMap<>();
        Map<Long, Map<LocalDate, List<PlannedInterval>>> intervalsOfRun = new HashMap<>();
        List<PlanDay> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate date = d;
            // newest first: the roster in force on a date is the last one published for it
            RosterRun run = published.stream().filter(r -> !r.from().isAfter(date) && !r.to().isBefore(date))
                    .findFirst().orElse(null);
            if (run == null) {
                continue;
            }
            Set<Long> agents = agentsOfRun.computeIfAbsent(run.id(), id -> new HashSet<>(repository.agentIds(id)));
            List<PlannedInterval> intervals = intervalsOfRun.computeIfAbsent(run.id(), this::intervalsByDate)
                    .getOrDefault(date, List.of());
            List<RosterCoverage.Span> spans = new ArrayList<>();
            for (LocalDate sd : List.of(date.minusDays(1), date)) {
                for (PublishedShift s : shiftsOfDate.getOrDefault(sd, List.of())) {
                    if (agents.contains(s.agentId())) {
                        spans.add(RosterCoverage.span(s, centerTemplates));
                    }
                }
            }
            String queue = RosterRun.ALL_QUEUES.equals(run.skill()) ? null : run.skill();
            out.add(new PlanDay(date, run.id(), run.forecastId(), queue, RosterService.policy(run, center), intervals,
                    spans));
        }
        return out;
    }

    /**
     * Every shift in force that touches each date of the period (the previous night's included), with its breaks as
     * the roster's coverage places them: for dates no published roster covers (e.g. imported shifts).
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, List<RosterCoverage.Span>> shiftsInForce(long centerId, LocalDate from, LocalDate to) {
        List<ShiftTemplate> centerTemplates = templates.templatesOf(centerId);
        Map<LocalDate, List<RosterCoverage.Span>> out = new HashMap<>();
        for (PublishedShift s : shifts.ofCenter(centerId, from.minusDays(1), to)) {
            RosterCoverage.Span span = RosterCoverage.span(s, centerTemplates);
            out.computeIfAbsent(s.date(), k -> new ArrayList<>()).add(span);
            out.computeIfAbsent(s.date().plusDays(1), k -> new ArrayList<>()).add(span);
        }
        return out;
    }

    private Map<LocalDate, List<PlannedInterval>> intervalsByDate(long rosterId) {
        Map<LocalDate, List<PlannedInterval>> out = new TreeMap<>();
        for (RosterInterval i : repository.intervals(rosterId)) {
            out.computeIfAbsent(i.start().toLocalDate(), k -> new ArrayList<>())
                    .add(new PlannedInterval(i.start(), i.contacts(), i.ahtSeconds(), i.required()));
        }
        return out;
    }

    /**
     * The day's agents per interval and the service level Erlang C predicts for the given workload (e.g. what
     * arrived), counted as the roster counts its own coverage; {@code intervals} sorted by start.
     */
    public static List<RosterCoverage.Interval> cover(PlanDay day, List<RosterInterval> intervals) {
        return RosterCoverage.of(intervals, day.spans(), day.policy());
    }
}
