package com.timebank.wfm.roster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.timebank.wfm.availability.AvailabilityService;
import com.timebank.wfm.leave.LeaveRecord;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.TimeOffRequest;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Contract;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.solver.AgentDay;
import com.timebank.wfm.roster.solver.BreakRule;
import com.timebank.wfm.roster.solver.RosterProblemBuilder;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.roster.solver.ShiftOption;
import com.timebank.wfm.roster.solver.ShiftTimePreference;
import com.timebank.wfm.roster.solver.WeeklyAvailability;
import com.timebank.wfm.roster.solver.Unavailability;
import com.timebank.wfm.roster.solver.UnavailabilityType;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;

/**
 * Turns a stored roster into a planning problem: the center's agents of the roster, the center's shift templates
 * ({@link ShiftTemplateService}; starts on the interval grid, by default within the requirement's opening hours), the stored requirement, approved leave and approved time off (a day
 * with either is a day off; with a time of day, only those hours are), the agents' availability and preferences
 * ({@link AvailabilityService}), time-bank balances, busy/idle days, and the pins: published shifts, and days off of published rosters,
 * except on the dates or agents a re-solve reopens. Optionally a saved solution is put back on the unpinned days
 * (resuming after a restart, explaining).
 */
@Component
class RosterPlanning {

    static final String PUBLISHED_OPTION_PREFIX = "published@";
    /** Templates of 6 h and more are for full-time contracts. */
    static final int LONG_SHIFT_MINUTES = 360;
    /** How far the rules across the period edge look: a run of consecutive days is at most a week here. */
    static final int EDGE_DAYS = 7;

    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final LeaveService leave;
    private final TimeOffService timeOff;
    private final ShiftTemplateService templates;
    private final ShiftService shifts;
    private final LedgerService ledger;
    private final RosterRepository repository;
    private final AvailabilityService availability;

    RosterPlanning(OrganisationService organisation, CenterSettingsService settings, LeaveService leave,
            TimeOffService timeOff, ShiftTemplateService templates, ShiftService shifts, LedgerService ledger,
            RosterRepository repository, AvailabilityService availability) {
        this.availability = availability;
        this.organisation = organisation;
        this.settings = settings;
        this.leave = leave;
        this.timeOff = timeOff;
        this.templates = templates;
        this.shifts = shifts;
        this.ledger = ledger;
        this.repository = repository;
    }

    /** A planning problem and the agents' database ids by employee number. */
    record Problem(RosterSolution solution, Map<String, Long> agentIds, Map<String, ShiftOption> options) {
    }

    /**
     * @param saved assignments to put back on the unpinned agent-days (null: none; warm start from published shifts
     *              on reopened days of a re-solve)
     */
    Problem problem(RosterRun run, List<RosterInterval> intervals, List<Long> agentIds, List<RosterAssignment> saved) {
        return problem(run, intervals, agentIds, saved, false);
    }

    /**
     * @param asSolved rebuild the problem as it was solved: the roster's own publication does not pin its days (for
     *                 explaining a published roster)
     */
    Problem problem(RosterRun run, List<RosterInterval> intervals, List<Long> agentIds, List<RosterAssignment> saved,
            boolean asSolved) {
        Center center = organisation.centerById(run.centerId());
        int slot = center.intervalMinutes();
        int slotsPerDay = 1440 / slot;
        int days = run.days();
        int[] required = new int[days * slotsPerDay];
        for (RosterInterval i : intervals) {
            int day = (int) (i.start().toLocalDate().toEpochDay() - run.from().toEpochDay());
            if (day >= 0 && day < days) {
                required[day * slotsPerDay + (i.start().getHour() * 60 + i.start().getMinute()) / slot] = i.required();
            }
        }
        Map<String, ShiftOption> options = new LinkedHashMap<>();
        List<ShiftTemplate> centerTemplates = templates.templatesOf(run.centerId());
        ShiftTemplate.options(centerTemplates, run.skill(), required, slot).forEach(o -> options.put(o.getId(), o));
        // full-time contracts work the long templates, part-time ones (20 h a week or less) the short ones
        Set<Integer> longLengths = new HashSet<>();
        Set<Integer> shortLengths = new HashSet<>();
        options.values().forEach(o -> (o.getLengthMinutes() >= LONG_SHIFT_MINUTES ? longLengths : shortLengths)
                .add(o.getLengthMinutes()));

        Map<Long, Agent> agents = organisation.agentsById(agentIds);
        Map<Long, AvailabilityService.ForRoster> declared = availability.forRoster(agentIds, run.from(), run.to());
        Set<String> templateCodes = new HashSet<>();
        options.values().forEach(o -> templateCodes.add(o.getTemplate()));
        // each contract week of the horizon under the contract valid on its first day (changes take effect by date)
        java.time.DayOfWeek weekStart = contractWeekStart(run);
        List<Map<Long, Contract>> weekContracts = new ArrayList<>();
        for (LocalDate first = run.from(); !first.isAfter(run.to());
                first = first.plusDays(1).with(java.time.temporal.TemporalAdjusters.nextOrSame(weekStart))) {
            weekContracts.add(organisation.contractsOn(agentIds, first));
        }
        Map<String, Long> idByEmployeeNo = new LinkedHashMap<>();
        Map<Long, com.timebank.wfm.roster.solver.Agent> solverAgents = new LinkedHashMap<>();
        for (Long id : agentIds) {
            Agent a = agents.get(id);
            Contract first = weekContracts.get(0).get(id);
            com.timebank.wfm.roster.solver.Agent.Builder b = com.timebank.wfm.roster.solver.Agent.builder(a.employeeNo())
                    .team(a.teamCode()).weeklyMinutes(first.weeklyMinMinutes(), first.weeklyMaxMinutes())
                    .timeBankBalanceSeconds(ledger.account(id).balanceSeconds());
            for (int week = 1; week < weekContracts.size(); week++) {
                Contract c = weekContracts.get(week).get(id);
                if (c.weeklyMinMinutes() != first.weeklyMinMinutes() || c.weeklyMaxMinutes() != first.weeklyMaxMinutes()) {
                    b.weeklyMinutesInWeek(week, c.weeklyMinMinutes(), c.weeklyMaxMinutes());
                }
            }
            // a roster of one queue is covered only by the agents who have that skill; the others are reported
            if (RosterRun.ALL_QUEUES.equals(run.skill()) || a.skills().contains(run.skill())) {
                b.skills(run.skill());
            }
            AvailabilityService.ForRoster own = declared.get(id);
            if (own != null) {
                withAvailabilityAndPreferences(b, own, templateCodes);
            }
            if (first.weeklyMaxMinutes() >= 35 * 60 && !longLengths.isEmpty()) {
                b.allowedShiftLengths(longLengths);
            } else if (first.weeklyMaxMinutes() <= 20 * 60 && !shortLengths.isEmpty()) {
                b.allowedShiftLengths(shortLengths);
            }
            solverAgents.put(id, b.build());
            idByEmployeeNo.put(a.employeeNo(), id);
        }

        RosterProblemBuilder builder = RosterProblemBuilder.forHorizon(run.from(), days).slotMinutes(slot)
                .shiftOptions(options.values()).agents(solverAgents.values()).requirement(run.skill(), required);
        builder.contractWeekStart(weekStart);
        List<LocalDate> busy = new ArrayList<>();
        List<LocalDate> idle = new ArrayList<>();
        Set<LocalDate> special = settings.specialBusyDates(run.centerId(), run.from(), run.to());
        for (LocalDate d = run.from(); !d.isAfter(run.to()); d = d.plusDays(1)) {
            (settings.on(run.centerId(), d).isBusyDay(d, special) ? busy : idle).add(d);
        }
        builder.busyDays(busy).idleDays(idle);

        Set<String> onLeave = new HashSet<>();
        // hours of part-day absences and declared unavailability by agent-day: a published shift that overlaps them
        // (or lies outside the weekly windows) is not pinned, the solver places that day again around them
        Map<String, List<int[]>> blockedInPart = new HashMap<>();
        for (Long id : agentIds) {
            Map<LocalDate, Long> seconds = new LinkedHashMap<>();
            for (LeaveRecord r : leave.leave(id, run.from(), run.to())) {
                if (r.partOfDay()) {
                    // part-day leave keeps the agent off only its hours; the rest of the day may be worked
                    builder.unavailability(partOfDay("leave:" + r.id(), solverAgents.get(id), UnavailabilityType.LEAVE,
                            r.date(), r.startMinute(), r.endMinute(), (int) (r.seconds() / 60)));
                    blockedInPart.computeIfAbsent(key(id, r.date()), k -> new ArrayList<>())
                            .add(new int[] {r.startMinute(), r.endMinute()});
                    continue;
                }
                seconds.merge(r.date(), r.seconds(), Long::sum);
            }
            seconds.forEach((date, s) -> {
                builder.unavailability(Unavailability.fullDay(solverAgents.get(id), date, UnavailabilityType.LEAVE,
                        (int) (s / 60)));
                onLeave.add(key(id, date));
            });
        }
        // Approved time off without a time of day keeps the agent off the whole day; with one (from..to), only those
        // hours. Its seconds count towards the week's contract like leave. Pending, waitlisted (even
        // offered) requests do not: until the lead approves, the agent is expected to work.
        for (TimeOffRequest r : timeOff.approved(run.centerId(), run.from(), run.to())) {
            com.timebank.wfm.roster.solver.Agent agent = solverAgents.get(r.agentId());
            if (agent != null && r.partOfDay() && !onLeave.contains(key(r.agentId(), r.date()))) {
                builder.unavailability(partOfDay("time-off:" + r.id(), agent, UnavailabilityType.TIME_OFF, r.date(),
                        r.startMinute(), r.endMinute(), (int) (r.seconds() / 60)));
                blockedInPart.computeIfAbsent(key(r.agentId(), r.date()), k -> new ArrayList<>())
                        .add(new int[] {r.startMinute(), r.endMinute()});
            } else if (agent != null && !r.partOfDay() && onLeave.add(key(r.agentId(), r.date()))) {
                builder.unavailability(Unavailability.fullDay(agent, r.date(), UnavailabilityType.TIME_OFF,
                        (int) (r.seconds() / 60)));
            }
        }

        // declared unavailability (training, a doctor's appointment): forbidden hours, not a credited absence
        declared.forEach((id, own) -> {
            for (AvailabilityService.DatedUnavailability u : own.unavailability()) {
                builder.unavailability(u.wholeDay()
                        ? partOfDay("unavailable:" + u.id(), solverAgents.get(id), UnavailabilityType.UNAVAILABLE,
                                u.date(), 0, 1440, 0)
                        : partOfDay("unavailable:" + u.id(), solverAgents.get(id), UnavailabilityType.UNAVAILABLE,
                                u.date(), u.startMinute(), u.endMinute(), 0));
                blockedInPart.computeIfAbsent(key(id, u.date()), k -> new ArrayList<>()).add(u.wholeDay()
                        ? new int[] {0, 1440} : new int[] {u.startMinute(), u.endMinute()});
            }
        });

        Map<String, PublishedShift> published = new HashMap<>();
        for (PublishedShift s : shifts.ofCenter(run.centerId(), run.from(), run.to())) {
            if (solverAgents.containsKey(s.agentId())) {
                published.put(key(s.agentId(), s.date()), s);
            }
        }
        // the published shifts just outside the period, as far as the rest and consecutive-day rules look
        for (PublishedShift s : shifts.ofCenter(run.centerId(), run.from().minusDays(EDGE_DAYS), run.from().minusDays(1))) {
            if (solverAgents.containsKey(s.agentId())) {
                builder.shiftOutsideHorizon(solverAgents.get(s.agentId()), s.start(), s.end());
            }
        }
        for (PublishedShift s : shifts.ofCenter(run.centerId(), run.to().plusDays(1), run.to().plusDays(EDGE_DAYS))) {
            if (solverAgents.containsKey(s.agentId())) {
                builder.shiftOutsideHorizon(solverAgents.get(s.agentId()), s.start(), s.end());
            }
        }
        plannedDaysOfEdgeWeeks(run, weekStart, solverAgents, builder);
        Set<String> plannedOff = new HashSet<>();
        Set<String> ownFree = new HashSet<>();
        if (asSolved && saved != null) {
            saved.stream().filter(a -> !a.pinned()).forEach(a -> ownFree.add(key(a.agentId(), a.date())));
        }
        for (RosterRun p : repository.published(run.centerId(), run.from(), run.to())) {
            if (asSolved && p.id() == run.id()) {
                continue;
            }
            LocalDate from = p.from().isBefore(run.from()) ? run.from() : p.from();
            LocalDate to = p.to().isAfter(run.to()) ? run.to() : p.to();
            for (Long id : repository.agentIds(p.id())) {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    plannedOff.add(key(id, d));
                }
            }
        }
        Map<String, ShiftOption> warm = new HashMap<>();
        for (Long id : agentIds) {
            Agent a = agents.get(id);
            for (LocalDate d = run.from(); !d.isAfter(run.to()); d = d.plusDays(1)) {
                String k = key(id, d);
                if (onLeave.contains(k)) {
                    continue;
                }
                PublishedShift s = published.get(k);
                ShiftOption option = s == null ? null : optionOf(s, run.skill(), options);
                boolean reopened = run.reopenedDates().contains(d) || run.reopenedAgents().contains(a.employeeNo())
                        || (option != null && !fits(solverAgents.get(id), d, option, blockedInPart.get(k)));
                if (reopened || ownFree.contains(k)) {
                    if (option != null) {
                        warm.put(a.employeeNo() + "/" + d, option);
                    }
                } else if (option != null || plannedOff.contains(k)) {
                    builder.pin(solverAgents.get(id), d, option);
                }
            }
        }
        RosterSolution solution = builder.build();
        Map<String, ShiftOption> start = new HashMap<>();
        if (saved != null) {
            Map<Long, String> employeeNo = new HashMap<>();
            idByEmployeeNo.forEach((no, id) -> employeeNo.put(id, no));
            for (RosterAssignment r : saved) {
                ShiftOption option = options.get(r.shiftOption());
                if (option != null && employeeNo.containsKey(r.agentId())) {
                    start.put(employeeNo.get(r.agentId()) + "/" + r.date(), option);
                }
            }
        } else {
            start.putAll(warm);
        }
        if (asSolved && saved != null) {
            // explain exactly the stored solution the roster's header shows, pinned days included, even if templates,
            // leave or publications changed since: the score and the short intervals are then those of that roster
            Map<Long, String> employeeNo = new HashMap<>();
            idByEmployeeNo.forEach((no, id) -> employeeNo.put(id, no));
            Map<String, ShiftOption> exact = new HashMap<>();
            for (RosterAssignment r : saved) {
                ShiftOption option = options.get(r.shiftOption());
                if (option == null) {
                    option = optionOf(new PublishedShift(r.agentId(), r.date(), r.start(), r.end(), r.breakMinutes(),
                            RosterService.SOURCE), run.skill(), options);
                }
                exact.put(employeeNo.get(r.agentId()) + "/" + r.date(), option);
            }
            solution.getAgentDays().forEach(day -> day.setShift(exact.get(day.getId())));
            return new Problem(solution, idByEmployeeNo, options);
        }
        for (AgentDay day : solution.getAgentDays()) {
            if (!day.isPinned()) {
                day.setShift(start.get(day.getId()));
            }
        }
        return new Problem(solution, idByEmployeeNo, options);
    }

    /** The agent's weekly windows and preferences; a preferred template the roster does not offer is left out. */
    private static void withAvailabilityAndPreferences(com.timebank.wfm.roster.solver.Agent.Builder b,
            AvailabilityService.ForRoster own, Set<String> templateCodes) {
        Map<DayOfWeek, List<int[]>> windows = new EnumMap<>(DayOfWeek.class);
        for (AvailabilityService.Window w : own.windows()) {
            windows.computeIfAbsent(w.day(), k -> new ArrayList<>()).add(new int[] {w.startMinute(), w.endMinute()});
        }
        b.availability(WeeklyAvailability.of(windows));
        AvailabilityService.Preferences p = own.preferences();
        b.preferredDaysOff(p.daysOff());
        b.shiftTimePreference(ShiftTimePreference.valueOf(p.shiftTime().name()));
        if (p.shiftTemplate() != null && templateCodes.contains(p.shiftTemplate())) {
            b.preferredTemplate(p.shiftTemplate());
        }
    }

    /** Whether a published shift lies inside the agent's weekly windows and clear of the day's blocked hours. */
    private static boolean fits(com.timebank.wfm.roster.solver.Agent agent, LocalDate date, ShiftOption option,
            List<int[]> blocked) {
        if (agent.minutesOutsideAvailability(date.getDayOfWeek(), option) > 0) {
            return false;
        }
        return blocked == null || blocked.stream().noneMatch(b -> b[0] < option.getEndMinuteOfDay()
                && option.getStartMinuteOfDay() < b[1]);
    }

    /** A part of one day, [startMinute, endMinute) of the center's local day (1440 = midnight after it). */
    private static Unavailability partOfDay(String id, com.timebank.wfm.roster.solver.Agent agent,
            UnavailabilityType type, LocalDate date, int startMinute, int endMinute, int creditedMinutes) {
        return new Unavailability(id, agent, type, date.atStartOfDay().plusMinutes(startMinute),
                date.atStartOfDay().plusMinutes(endMinute), creditedMinutes);
    }

    /**
     * The day contract weeks start on: a roster that starts inside the period of a published roster's last week
     * (the day before {@code from} is published and that roster started earlier) continues that roster's 7-day weeks,
     * so the week it shares is one contract week; otherwise its weeks are the 7-day blocks from {@code from}.
     */
    private java.time.DayOfWeek contractWeekStart(RosterRun run) {
        LocalDate before = run.from().minusDays(1);
        return repository.published(run.centerId(), before, before).stream()
                .filter(p -> p.id() != run.id() && p.from().isBefore(run.from()))
                .map(p -> p.from().getDayOfWeek()).findFirst().orElse(run.from().getDayOfWeek());
    }

    /**
     * The days of the contract weeks the period shares with the days just before {@code from} or after {@code to}:
     * where the agent's part of such a week is planned (a published shift in it, or a published roster of the agent
     * covering it), each of its days counts towards that week's contract with its published paid minutes and credited
     * leave or time off (0 for a day off).
     */
    private void plannedDaysOfEdgeWeeks(RosterRun run, java.time.DayOfWeek contractWeekStart,
            Map<Long, com.timebank.wfm.roster.solver.Agent> solverAgents, RosterProblemBuilder builder) {
        LocalDate weekStart = run.from().with(java.time.temporal.TemporalAdjusters.previousOrSame(contractWeekStart));
        LocalDate weekEnd = run.to().with(java.time.temporal.TemporalAdjusters.nextOrSame(contractWeekStart.minus(1)));
        java.time.ZoneId zone = organisation.centerById(run.centerId()).timeZone();
        List<LocalDate[]> parts = new ArrayList<>(2);
        if (weekStart.isBefore(run.from())) {
            parts.add(new LocalDate[] {weekStart, run.from().minusDays(1)});
        }
        if (weekEnd.isAfter(run.to())) {
            parts.add(new LocalDate[] {run.to().plusDays(1), weekEnd});
        }
        for (LocalDate[] part : parts) {
            Map<String, Long> minutes = new HashMap<>();
            Set<Long> planned = new HashSet<>();
            for (PublishedShift s : shifts.ofCenter(run.centerId(), part[0], part[1])) {
                if (solverAgents.containsKey(s.agentId())) {
                    minutes.merge(key(s.agentId(), s.date()), s.workSeconds(zone) / 60, Long::sum);
                    planned.add(s.agentId());
                }
            }
            for (RosterRun p : repository.published(run.centerId(), part[0], part[1])) {
                if (!p.from().isAfter(part[0]) && !p.to().isBefore(part[1])) {
                    planned.addAll(repository.agentIds(p.id()));
                }
            }
            for (Long id : solverAgents.keySet()) {
                if (!planned.contains(id)) {
                    continue;
                }
                for (LeaveRecord r : leave.leave(id, part[0], part[1])) {
                    minutes.merge(key(id, r.date()), r.seconds() / 60, Long::sum);
                }
            }
            for (TimeOffRequest r : timeOff.approved(run.centerId(), part[0], part[1])) {
                if (planned.contains(r.agentId())) {
                    minutes.merge(key(r.agentId(), r.date()), r.seconds() / 60, Long::sum);
                }
            }
            for (Long id : planned) {
                if (!solverAgents.containsKey(id)) {
                    continue;
                }
                for (LocalDate d = part[0]; !d.isAfter(part[1]); d = d.plusDays(1)) {
                    builder.plannedDayOutsideHorizon(solverAgents.get(id), d,
                            (int) (long) minutes.getOrDefault(key(id, d), 0L));
                }
            }
        }
    }

    /** The working days of a solution as assignments (with their breaks, when placed). */
    static List<RosterAssignment> assignments(RosterSolution solution, Map<String, Long> agentIds) {
        List<RosterAssignment> out = new ArrayList<>();
        for (AgentDay day : solution.getAgentDays()) {
            ShiftOption shift = day.getShift();
            if (shift == null) {
                continue;
            }
            LocalDateTime start = day.getDate().atTime(shift.getStart());
            out.add(new RosterAssignment(agentIds.get(day.getAgent().getEmployeeNo()), day.getDate(), shift.getId(),
                    start, start.plusMinutes(shift.getLengthMinutes()), shift.getBreakRule().mealBreakMinutes(),
                    day.getBreaks(), day.isPinned()));
        }
        return out;
    }

    /** The template a published shift matches, or a one-off option for a shift made elsewhere (an import). */
    static ShiftOption optionOf(PublishedShift s, String skill, Map<String, ShiftOption> options) {
        int length = (int) java.time.Duration.between(s.start(), s.end()).toMinutes();
        for (ShiftOption o : options.values()) {
            if (o.getStart().equals(s.start().toLocalTime()) && o.getLengthMinutes() == length
                    && o.getBreakRule().mealBreakMinutes() == s.breakMinutes()) {
                return o;
            }
        }
        String id = PUBLISHED_OPTION_PREFIX + s.start().toLocalTime() + "+" + length + "/" + s.breakMinutes();
        return options.computeIfAbsent(id, k -> new ShiftOption(k, skill, s.start().toLocalTime(), length,
                BreakRule.standard(length, s.breakMinutes()), s.start().toLocalTime().isBefore(ShiftOption.DEFAULT_EARLY_BEFORE),
                s.start().toLocalTime().getHour() * 60 + s.start().toLocalTime().getMinute() + length > 20 * 60));
    }

    /**
     * The roster's shifts that fall on its agents' leave or approved time off as they are now: a whole day off, or
     * hours of a part-day absence the shift overlaps. A solve keeps every absence it read, so these are absences
     * given since (publishing them would schedule an agent on a day off).
     */
    List<RosterAssignment> shiftsOnAbsence(long centerId, LocalDate from, LocalDate to, Collection<Long> agentIds,
            List<RosterAssignment> assignments) {
        List<Absence> absences = new ArrayList<>();
        for (Long id : agentIds) {
            for (LeaveRecord r : leave.leave(id, from, to)) {
                absences.add(new Absence(id, r.date(), r.startMinute(), r.endMinute()));
            }
        }
        for (TimeOffRequest r : timeOff.approved(centerId, from, to)) {
            absences.add(new Absence(r.agentId(), r.date(), r.startMinute(), r.endMinute()));
        }
        return onAbsence(assignments, absences);
    }

    /** An agent's absence on a date: the whole day, or minutes {@code start..end} of it. */
    record Absence(long agentId, LocalDate date, Integer startMinute, Integer endMinute) {
    }

    /** The shifts on a whole day off of their agent, or overlapping the hours of a part-day absence. */
    static List<RosterAssignment> onAbsence(List<RosterAssignment> assignments, List<Absence> absences) {
        Map<String, List<Absence>> byDay = new HashMap<>();
        for (Absence a : absences) {
            byDay.computeIfAbsent(key(a.agentId(), a.date()), k -> new ArrayList<>()).add(a);
        }
        List<RosterAssignment> out = new ArrayList<>();
        for (RosterAssignment s : assignments) {
            for (Absence a : byDay.getOrDefault(key(s.agentId(), s.date()), List.of())) {
                if (a.startMinute() == null || (s.start().isBefore(a.date().atStartOfDay().plusMinutes(a.endMinute()))
                        && s.end().isAfter(a.date().atStartOfDay().plusMinutes(a.startMinute())))) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    private static String key(long agentId, LocalDate date) {
        return agentId + "/" + date;
    }
}
