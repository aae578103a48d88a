package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.IntervalTotal;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.roster.PublishedPlanService;
import com.timebank.wfm.roster.RosterCoverage;
import com.timebank.wfm.roster.RosterInterval;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.staffing.ErlangC;
import com.timebank.wfm.timebank.ActivityService;

/** Builds the efficiency figures of reports.md for a date range within the user's scope. */
@Service
public class EfficiencyService {

    /** At most a year per request: the figures are read day by day. */
    public static final int MAX_DAYS = 366;
    /** Agents count net of their breaks, then less the unplanned shrinkage (see Efficiency.ServiceFigures). */
    public static final String BASIS_NET_OF_BREAKS = "net-of-breaks";

    private final BalanceSheetService sheets;
    private final ActivityService activity;
    private final ContactHistoryService history;
    private final PublishedPlanService plans;
    private final CenterSettingsService settings;
    private final com.timebank.wfm.org.OrganisationService organisation;
    private final java.time.Clock clock;

    EfficiencyService(BalanceSheetService sheets, ActivityService activity, ContactHistoryService history,
            PublishedPlanService plans, CenterSettingsService settings,
            com.timebank.wfm.org.OrganisationService organisation, java.time.Clock clock) {
        this.organisation = organisation;
        this.plans = plans;
        this.sheets = sheets;
        this.activity = activity;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Efficiency efficiency(String centerCode, LocalDate from, LocalDate to, String teamCode, CurrentUser user) {
        BalanceSheetService.Scope scope = sheets.scope(centerCode, teamCode, user);
        LocalDate today = scope.center().today(clock);
        LocalDate f = from == null ? today.withDayOfMonth(1) : DateBounds.require("from", from, today);
        LocalDate t = to == null ? today : DateBounds.require("to", to, today);
        if (t.isBefore(f)) {
            throw InvalidInputException.of("to", "reports.range-reversed", f, t);
        }
        if (f.plusDays(MAX_DAYS).isBefore(t)) {
            throw InvalidInputException.of("to", "reports.range-too-long", MAX_DAYS);
        }
        // each day against its own target, as the settlement settled it
        java.util.NavigableMap<LocalDate, CenterSettings> inForce = settings.onEach(scope.center().id(), f, t);
        CenterSettings cs = inForce.get(t);
        Map<Long, Agent> agents = scope.agents().stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        Map<Long, Team> teams = scope.teams().stream().collect(Collectors.toMap(Team::id, Function.identity()));

        AuxFigures.Sum center = new AuxFigures.Sum();
        TreeMap<LocalDate, AuxFigures.Sum> byDay = new TreeMap<>();
        Map<Long, AuxFigures.Sum> byTeam = new LinkedHashMap<>();
        Map<Long, AuxFigures.Sum> byAgent = new HashMap<>();
        Map<Long, Integer> above = new HashMap<>();
        Map<Long, Integer> teamAbove = new HashMap<>();
        for (ActivityService.Day d : activity.days(scope.center().id(), f, t)) {
            Agent a = agents.get(d.agentId());
            if (a == null) {
                continue;
            }
            BigDecimal target = inForce.get(d.date()).auxTarget();
            center.add(d, target);
            byDay.computeIfAbsent(d.date(), k -> new AuxFigures.Sum()).add(d, target);
            byTeam.computeIfAbsent(a.teamId(), k -> new AuxFigures.Sum()).add(d, target);
            byAgent.computeIfAbsent(a.id(), k -> new AuxFigures.Sum()).add(d, target);
            if (AuxFigures.above(d.auxSeconds(), d.loggedSeconds(), target)) {
                above.merge(a.id(), 1, Integer::sum);
                teamAbove.merge(a.teamId(), 1, Integer::sum);
            }
        }
        List<Efficiency.GroupFigures> agentFigures = byAgent.entrySet().stream().map(e -> {
            Agent a = agents.get(e.getKey());
            return new Efficiency.GroupFigures(a.employeeNo(), a.name(), a.teamCode(), e.getValue().figures(),
                    above.getOrDefault(a.id(), 0));
        }).sorted(Comparator.comparing(Efficiency.GroupFigures::team).thenComparing(Efficiency.GroupFigures::key))
                .toList();
        List<Efficiency.GroupFigures> teamFigures = byTeam.entrySet().stream().map(e -> {
            Team team = teams.get(e.getKey());
            return new Efficiency.GroupFigures(team.code(), team.name(), team.code(), e.getValue().figures(),
                    teamAbove.getOrDefault(team.id(), 0));
        }).sorted(Comparator.comparing(Efficiency.GroupFigures::key)).toList();
        List<Efficiency.GroupFigures> longTail = agentFigures.stream().filter(Efficiency.GroupFigures::longTail)
                .sorted(Comparator.comparing((Efficiency.GroupFigures g) -> g.aux().auxShare()).reversed()).toList();

        // Handled time and service come from the center's queues: only the whole center's logged time matches them.
        boolean wholeCenter = (teamCode == null || teamCode.isBlank()) && user.plansCenter(scope.center().id());
        RosterCoverage.Policy fallback = new RosterCoverage.Policy(cs.serviceLevelTarget().doubleValue(),
                cs.serviceLevelSeconds(), cs.shrinkage().doubleValue(), scope.center().intervalMinutes());
        Map<LocalDate, PublishedPlanService.PlanDay> planOf = plans.days(scope.center().id(), f, t).stream()
                .collect(Collectors.toMap(PublishedPlanService.PlanDay::date, Function.identity()));
        Map<String, Map<LocalDate, List<IntervalTotal>>> arrivedByQueue = new HashMap<>();
        Function<String, Map<LocalDate, List<IntervalTotal>>> arrived = queue -> arrivedByQueue.computeIfAbsent(
                queue == null ? "" : queue, q -> history.totals(scope.center().id(), queue, f, t).stream()
                        .collect(Collectors.groupingBy(i -> i.intervalStart().toLocalDate(), TreeMap::new,
                                Collectors.toList())));
        Map<LocalDate, List<IntervalTotal>> allQueues = arrived.apply(null);
        Map<LocalDate, List<RosterCoverage.Span>> shiftSpans = planOf.size() < ChronoUnit.DAYS.between(f, t) + 1
                ? plans.shiftsInForce(scope.center().id(), f, t) : Map.of();
        List<Efficiency.DayFigures> days = new ArrayList<>();
        double handled = 0;
        long dayLogged = 0;
        List<Efficiency.ServiceDay> serviceDays = new ArrayList<>();
        for (LocalDate d = f; !d.isAfter(t); d = d.plusDays(1)) {
            AuxFigures.Sum aux = byDay.get(d);
            List<IntervalTotal> day = allQueues.getOrDefault(d, List.of());
            PublishedPlanService.PlanDay plan = planOf.get(d);
            Efficiency.ServiceDay service;
            if (plan != null) {
                service = serviceDay(d, arrived.apply(plan.queue()).getOrDefault(d, List.of()), plan);
            } else {
                service = day.isEmpty() ? null
                        : serviceDay(d, day, shiftSpans.getOrDefault(d, List.of()), fallback);
            }
            if (service != null) {
                serviceDays.add(service);
            }
            double dayHandled = day.stream().mapToDouble(i -> i.contacts() * i.ahtSeconds()).sum();
            BigDecimal utilisation = null;
            if (wholeCenter && aux != null && aux.logged > 0 && !day.isEmpty()) {
                utilisation = BigDecimal.valueOf(dayHandled / aux.logged).setScale(6, RoundingMode.HALF_UP);
                handled += dayHandled;
                dayLogged += aux.logged;
            }
            if (aux != null || service != null) {
                days.add(new Efficiency.DayFigures(d, aux == null ? null : aux.figures(), inForce.get(d).auxTarget(),
                        utilisation, service));
            }
        }
        AuxFigures centerFigures = center.figures();
        List<String> notAvailable = new ArrayList<>();
        if (centerFigures.signInDays() == 0) {
            notAvailable.add("signInsPerAgentDay");
        }
        if (centerFigures.handleDays() == 0) {
            notAvailable.add("onlineUtilisationPerAgent");
        }
        notAvailable.add("measuredServiceLevel");
        if (!wholeCenter) {
            notAvailable.add("onlineUtilisationEstimated");
        }
        return new Efficiency(scope.center().code(), f, t, cs.auxTarget(), Targets.of(inForce), centerFigures, days,
                teamFigures,
                agentFigures, longTail,
                dayLogged == 0 ? null : BigDecimal.valueOf(handled / dayLogged).setScale(6, RoundingMode.HALF_UP),
                serviceTotal(serviceDays), notAvailable);
    }

    /** One agent's figures: the agent, their lead, or a planner or admin of the center (others: 404). */
    @Transactional(readOnly = true)
    public AgentEfficiency agent(String employeeNo, LocalDate from, LocalDate to, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        com.timebank.wfm.org.Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        LocalDate t = to == null ? today : DateBounds.require("to", to, today);
        LocalDate f = from == null ? t.withDayOfMonth(1) : DateBounds.require("from", from, today);
        if (t.isBefore(f)) {
            throw InvalidInputException.of("to", "reports.range-reversed", f, t);
        }
        if (f.plusDays(MAX_DAYS).isBefore(t)) {
            throw InvalidInputException.of("to", "reports.range-too-long", MAX_DAYS);
        }
        java.util.NavigableMap<LocalDate, CenterSettings> inForce = settings.onEach(center.id(), f, t);
        AuxFigures.Sum total = new AuxFigures.Sum();
        List<AgentEfficiency.Day> days = new ArrayList<>();
        for (ActivityService.Day d : activity.daysOfAgent(agent.id(), f, t)) {
            BigDecimal target = inForce.get(d.date()).auxTarget();
            total.add(d, target);
            days.add(new AgentEfficiency.Day(d.date(), new AuxFigures.Sum().add(d, target).figures(), d.signIns(),
                    d.handleSeconds()));
        }
        AuxFigures figures = total.figures();
        List<String> notAvailable = new ArrayList<>();
        if (figures.signInDays() == 0) {
            notAvailable.add("signInsPerAgentDay");
        }
        if (figures.handleDays() == 0) {
            notAvailable.add("onlineUtilisationPerAgent");
        }
        return new AgentEfficiency(agent.employeeNo(), agent.name(), agent.teamCode(), center.code(), f, t,
                inForce.lastEntry().getValue().auxTarget(), Targets.of(inForce), figures, days, notAvailable);
    }

    /**
     * A day of a published roster: what arrived against the agents it rostered, counted by the roster's coverage
     * rule; required agents are those of the published forecast the roster was solved for.
     */
    static Efficiency.ServiceDay serviceDay(LocalDate date, List<IntervalTotal> arrived,
            PublishedPlanService.PlanDay plan) {
        Map<java.time.LocalDateTime, IntervalTotal> actual = new HashMap<>();
        arrived.forEach(i -> actual.put(i.intervalStart(), i));
        Map<java.time.LocalDateTime, PublishedPlanService.PlannedInterval> planned = new HashMap<>();
        plan.intervals().forEach(i -> planned.put(i.start(), i));
        java.util.TreeSet<java.time.LocalDateTime> starts = new java.util.TreeSet<>(actual.keySet());
        starts.addAll(planned.keySet());
        List<RosterInterval> need = new ArrayList<>();
        List<Double> forecast = new ArrayList<>();
        for (java.time.LocalDateTime st : starts) {
            IntervalTotal a = actual.get(st);
            PublishedPlanService.PlannedInterval p = planned.get(st);
            need.add(new RosterInterval(st, a == null ? 0 : a.contacts(), a == null ? 0 : a.ahtSeconds(),
                    p == null ? 0 : p.required()));
            forecast.add(p == null ? 0 : p.contacts());
        }
        List<RosterCoverage.Interval> covered = PublishedPlanService.cover(plan, need);
        return serviceDay(date, plan.rosterId(), plan.forecastId(), need, forecast, covered, plan.policy(), false);
    }

    /** A day without a published roster: the shifts in force, and the agents the arrived workload required. */
    static Efficiency.ServiceDay serviceDay(LocalDate date, List<IntervalTotal> day, List<RosterCoverage.Span> spans,
            RosterCoverage.Policy policy) {
        List<RosterInterval> need = day.stream().sorted(Comparator.comparing(IntervalTotal::intervalStart))
                .map(i -> new RosterInterval(i.intervalStart(), i.contacts(), i.ahtSeconds(), 0)).toList();
        List<RosterCoverage.Interval> covered = RosterCoverage.of(need, spans, policy);
        return serviceDay(date, null, null, need, null, covered, policy, true);
    }

    private static Efficiency.ServiceDay serviceDay(LocalDate date, Long rosterId, Long forecastId,
            List<RosterInterval> need, List<Double> forecast, List<RosterCoverage.Interval> covered,
            RosterCoverage.Policy policy, boolean requiredFromArrived) {
        int seconds = policy.intervalMinutes() * 60;
        List<Efficiency.ServiceInterval> out = new ArrayList<>();
        double answeredWeight = 0;
        double contacts = 0;
        double traffic = 0;
        double onPhoneTotal = 0;
        long scheduled = 0;
        long required = 0;
        int shortCount = 0;
        int overCount = 0;
        for (int i = 0; i < need.size(); i++) {
            RosterInterval v = need.get(i);
            RosterCoverage.Interval c = covered.get(i);
            // required agents are agents on the phone net of breaks, before the unplanned shrinkage
            double netOfBreaks = c.onPhone();
            int onPhone = RosterCoverage.onPhone(netOfBreaks, policy.shrinkage());
            boolean workload = v.contacts() > 0 && v.ahtSeconds() > 0;
            int req = requiredFromArrived ? (workload ? RosterCoverage.minimumScheduled(v, policy) : 0) : v.required();
            double a = workload ? ErlangC.trafficErlangs(v.contacts(), v.ahtSeconds(), seconds) : 0;
            BigDecimal sl = v.contacts() > 0 ? decimal(c.serviceLevel()) : null;
            BigDecimal occ = onPhone > 0 ? decimal(Math.min(1, a / onPhone)) : null;
            out.add(new Efficiency.ServiceInterval(v.start(), v.contacts(), v.ahtSeconds(),
                    forecast == null ? null : forecast.get(i), c.scheduled(), Math.round(netOfBreaks * 100) / 100.0,
                    onPhone, req, sl, occ));
            answeredWeight += v.contacts() * c.serviceLevel();
            contacts += v.contacts();
            if (onPhone > 0) {
                traffic += Math.min(a, onPhone);
                onPhoneTotal += onPhone;
            }
            scheduled += Math.round(netOfBreaks * seconds);
            required += (long) req * seconds;
            if (netOfBreaks < req - 1e-9) {
                shortCount++;
            } else if (netOfBreaks > req + 1e-9) {
                overCount++;
            }
        }
        return new Efficiency.ServiceDay(date, rosterId, forecastId,
                requiredFromArrived ? Efficiency.REQUIRED_FROM_ARRIVED : Efficiency.REQUIRED_FROM_FORECAST,
                contacts > 0 ? decimal(answeredWeight / contacts) : null,
                onPhoneTotal > 0 ? decimal(traffic / onPhoneTotal) : null, scheduled, required, shortCount, overCount,
                out);
    }

    static Efficiency.ServiceFigures serviceTotal(List<Efficiency.ServiceDay> days) {
        double contacts = 0;
        double answered = 0;
        double busy = 0;
        double onPhone = 0;
        for (Efficiency.ServiceDay d : days) {
            for (Efficiency.ServiceInterval i : d.intervals()) {
                if (i.serviceLevel() != null) {
                    contacts += i.contacts();
                    answered += i.contacts() * i.serviceLevel().doubleValue();
                }
                if (i.occupancy() != null) {
                    busy += i.occupancy().doubleValue() * i.onPhone();
                    onPhone += i.onPhone();
                }
            }
        }
        return new Efficiency.ServiceFigures(BASIS_NET_OF_BREAKS, contacts > 0 ? decimal(answered / contacts) : null,
                onPhone > 0 ? decimal(busy / onPhone) : null,
                days.stream().mapToLong(Efficiency.ServiceDay::scheduledSeconds).sum(),
                days.stream().mapToLong(Efficiency.ServiceDay::requiredSeconds).sum(),
                days.stream().mapToInt(Efficiency.ServiceDay::shortIntervals).sum(),
                days.stream().mapToInt(Efficiency.ServiceDay::overIntervals).sum());
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
    }
}
