package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assembles a consistent {@link RosterSolution} from plain inputs:
 * <pre>{@code
 * RosterSolution problem = RosterProblemBuilder.forHorizon(LocalDate.of(2026, 3, 16), 28)
 *         .slotMinutes(30)
 *         .shiftOptions(options)                       // templates: start × length × skill
 *         .agents(agents)
 *         .requirement("general", requiredPerSlot)     // days × 48 values, scheduled agents per interval
 *         .unavailabilities(absences)                  // leave, time off, declared unavailability
 *         .idleDays(idle).busyDays(busy)
 *         .pin(agent, date, publishedShiftOrNullForOff)
 *         .constraintConfiguration(centerWeights)
 *         .build();
 * }</pre>
 * Derived on build: each agent's eligible shift options (skills, allowed lengths), one {@link AgentDay} per
 * agent and day, full-day approved absences pinned as days off, credited absence minutes, coverage seeds.
 */
public final class RosterProblemBuilder {

    private final LocalDate start;
    private final int days;
    private int slotMinutes = 30;
    private final List<Agent> agents = new ArrayList<>();
    private final List<ShiftOption> shiftOptions = new ArrayList<>();
    private final Map<String, int[]> requiredBySkill = new LinkedHashMap<>();
    private final List<Unavailability> unavailabilities = new ArrayList<>();
    private final Set<LocalDate> idleDays = new HashSet<>();
    private final Set<LocalDate> busyDays = new HashSet<>();
    private final Set<DayOfWeek> weekendDays = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private final Map<String, ShiftOption> pinnedShifts = new HashMap<>();
    private final Map<String, List<LocalDateTime[]>> shiftsOutside = new HashMap<>();
    private RosterConstraintConfiguration constraintConfiguration = new RosterConstraintConfiguration();

    private RosterProblemBuilder(LocalDate start, int days) {
        if (days < 1 || days > 63) {
            throw new IllegalArgumentException("The horizon must have 1 to 63 days (1–9 weeks): " + days);
        }
        this.start = Objects.requireNonNull(start, "start");
        this.days = days;
    }

    /** A horizon of {@code days} days from {@code start}; contract weeks are the 7-day blocks from {@code start}. */
    public static RosterProblemBuilder forHorizon(LocalDate start, int days) {
        return new RosterProblemBuilder(start, days);
    }

    public RosterProblemBuilder slotMinutes(int slotMinutes) {
        this.slotMinutes = slotMinutes;
        return this;
    }

    public RosterProblemBuilder shiftOptions(Collection<ShiftOption> options) {
        this.shiftOptions.addAll(options);
        return this;
    }

    public RosterProblemBuilder agent(Agent agent) {
        this.agents.add(agent);
        return this;
    }

    public RosterProblemBuilder agents(Collection<Agent> agents) {
        this.agents.addAll(agents);
        return this;
    }

    /** Required scheduled agents for {@code skill}, one value per slot of the whole horizon. */
    public RosterProblemBuilder requirement(String skill, int[] requiredPerSlot) {
        requiredBySkill.put(skill, requiredPerSlot.clone());
        return this;
    }

    /** Required scheduled agents for {@code skill} on one date, one value per slot of that day. */
    public RosterProblemBuilder requirement(String skill, LocalDate date, int[] requiredPerSlotOfDay) {
        int slotsPerDay = 1440 / slotMinutes;
        if (requiredPerSlotOfDay.length != slotsPerDay) {
            throw new IllegalArgumentException("Expected " + slotsPerDay + " slots for " + date + ", got "
                    + requiredPerSlotOfDay.length + ".");
        }
        int dayIndex = dayIndexOf(date);
        int[] all = requiredBySkill.computeIfAbsent(skill, k -> new int[days * slotsPerDay]);
        System.arraycopy(requiredPerSlotOfDay, 0, all, dayIndex * slotsPerDay, slotsPerDay);
        return this;
    }

    public RosterProblemBuilder unavailability(Unavailability unavailability) {
        this.unavailabilities.add(unavailability);
        return this;
    }

    public RosterProblemBuilder unavailabilities(Collection<Unavailability> unavailabilities) {
        this.unavailabilities.addAll(unavailabilities);
        return this;
    }

    public RosterProblemBuilder idleDays(Collection<LocalDate> dates) {
        this.idleDays.addAll(dates);
        return this;
    }

    public RosterProblemBuilder busyDays(Collection<LocalDate> dates) {
        this.busyDays.addAll(dates);
        return this;
    }

    public RosterProblemBuilder weekendDays(Set<DayOfWeek> weekendDays) {
        this.weekendDays.clear();
        this.weekendDays.addAll(weekendDays);
        return this;
    }

    /** Pins an agent-day (published or edited by hand) to a shift, or to a day off when {@code shift} is null. */
    public RosterProblemBuilder pin(Agent agent, LocalDate date, ShiftOption shift) {
        dayIndexOf(date);
        pinnedShifts.put(agentDayKey(agent, date), shift);
        return this;
    }

    /**
     * A fixed (published) shift of the agent just outside the horizon: the rules that look across the period edge
     * (rest, consecutive working days) take it into account. Shifts further away than a week do not matter.
     */
    public RosterProblemBuilder shiftOutsideHorizon(Agent agent, LocalDateTime shiftStart, LocalDateTime shiftEnd) {
        long index = shiftStart.toLocalDate().toEpochDay() - start.toEpochDay();
        if (index >= 0 && index < days) {
            throw new IllegalArgumentException(shiftStart + " is inside the horizon; pin the agent-day instead.");
        }
        shiftsOutside.computeIfAbsent(agent.getEmployeeNo(), k -> new ArrayList<>())
                .add(new LocalDateTime[] {shiftStart, shiftEnd});
        return this;
    }

    public RosterProblemBuilder constraintConfiguration(RosterConstraintConfiguration configuration) {
        this.constraintConfiguration = Objects.requireNonNull(configuration);
        return this;
    }

    public RosterSolution build() {
        if (1440 % slotMinutes != 0) {
            throw new IllegalArgumentException("Slot minutes (" + slotMinutes + ") must divide a day.");
        }
        Set<String> ids = new HashSet<>();
        for (ShiftOption option : shiftOptions) {
            if (!ids.add(option.getId())) {
                throw new IllegalArgumentException("Duplicate shift option id: " + option.getId());
            }
        }
        Set<String> employeeNos = new HashSet<>();
        for (Agent agent : agents) {
            if (!employeeNos.add(agent.getEmployeeNo())) {
                throw new IllegalArgumentException("Duplicate agent: " + agent.getEmployeeNo());
            }
        }
        int slotsPerDay = 1440 / slotMinutes;
        Map<String, int[]> required = new LinkedHashMap<>(requiredBySkill);
        for (ShiftOption option : shiftOptions) {
            required.computeIfAbsent(option.getSkill(), k -> new int[days * slotsPerDay]);
        }
        CoverageGrid grid = new CoverageGrid(start, days, slotMinutes, required);

        List<RosterDay> rosterDays = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            rosterDays.add(new RosterDay(date, d, days, weekendDays.contains(date.getDayOfWeek()),
                    idleDays.contains(date), busyDays.contains(date), grid));
        }

        // Agents with the same skills and lengths share one eligible list (memory at 2,000 agents).
        Map<String, List<ShiftOption>> eligibleBySignature = new HashMap<>();
        for (Agent agent : agents) {
            String signature = agent.getSkills().stream().sorted().toList() + "|"
                    + agent.getAllowedShiftLengths().stream().sorted().toList();
            agent.setEligibleShiftOptions(eligibleBySignature.computeIfAbsent(signature,
                    k -> shiftOptions.stream().filter(agent::isEligibleFor).toList()));
        }

        Map<String, AgentDay> agentDayByKey = new HashMap<>();
        List<AgentDay> agentDays = new ArrayList<>(agents.size() * days);
        for (Agent agent : agents) {
            for (RosterDay day : rosterDays) {
                AgentDay agentDay = new AgentDay(agent, day);
                agentDays.add(agentDay);
                agentDayByKey.put(agentDayKey(agent, day.getDate()), agentDay);
            }
        }
        for (Unavailability unavailability : unavailabilities) {
            if (!employeeNos.contains(unavailability.getAgent().getEmployeeNo())) {
                throw new IllegalArgumentException("Unavailability " + unavailability.getId() + " is for an unknown agent.");
            }
            for (RosterDay day : rosterDays) {
                AgentDay agentDay = agentDayByKey.get(agentDayKey(unavailability.getAgent(), day.getDate()));
                if (unavailability.getStart().toLocalDate().equals(day.getDate())) {
                    agentDay.setCreditedMinutes(agentDay.getCreditedMinutes() + unavailability.getCreditedMinutes());
                }
                if (unavailability.getType().isApprovedAbsence() && unavailability.coversWholeDay(day.getDate())) {
                    agentDay.setShift(null);
                    agentDay.setPinned(true);
                }
            }
        }
        pinnedShifts.forEach((key, shift) -> {
            AgentDay agentDay = agentDayByKey.get(key);
            if (agentDay == null) {
                throw new IllegalArgumentException("Pinned agent-day " + key + " is for an unknown agent.");
            }
            agentDay.setShift(shift);
            agentDay.setPinned(true);
        });
        List<AgentIssue> issues = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            Agent agent = agents.get(a);
            agent.setEdges(edgesOf(agent));
            issues.addAll(checkInputs(agent, agentDays.subList(a * days, (a + 1) * days), grid));
        }
        RosterSolution solution = new RosterSolution(grid, List.copyOf(agents), List.copyOf(rosterDays),
                List.copyOf(shiftOptions), List.copyOf(unavailabilities), agentDays, constraintConfiguration);
        solution.setAgentIssues(issues);
        return solution;
    }

    private PeriodEdges edgesOf(Agent agent) {
        List<LocalDateTime[]> outside = shiftsOutside.getOrDefault(agent.getEmployeeNo(), List.of());
        LocalDate end = start.plusDays(days - 1);
        long previousEnd = PeriodEdges.NO_SHIFT_BEFORE;
        long nextStart = PeriodEdges.NO_SHIFT_AFTER;
        Set<LocalDate> worked = new HashSet<>();
        for (LocalDateTime[] shift : outside) {
            LocalDate date = shift[0].toLocalDate();
            worked.add(date);
            if (date.isBefore(start)) {
                previousEnd = Math.max(previousEnd, Unavailability.localMinute(shift[1]));
            } else {
                nextStart = Math.min(nextStart, Unavailability.localMinute(shift[0]));
            }
        }
        int max = agent.getMaxConsecutiveWorkingDays();
        int before = 0;
        while (before < max && worked.contains(start.minusDays(before + 1))) {
            before++;
        }
        int after = 0;
        while (after < max && worked.contains(end.plusDays(after + 1))) {
            after++;
        }
        return new PeriodEdges(previousEnd, nextStart, before, after, days);
    }

    /**
     * Per contract week: caps the credited absence minutes at the contract maximum (leave alone never makes a week
     * "over"), and finds the weeks whose minimum or maximum the inputs alone make impossible. Those are reported,
     * not judged: the agent keeps only the fixed days that week.
     */
    private List<AgentIssue> checkInputs(Agent agent, List<AgentDay> own, CoverageGrid grid) {
        List<AgentIssue> issues = new ArrayList<>();
        Set<Integer> waivedMinimum = new HashSet<>();
        Set<Integer> waivedMaximum = new HashSet<>();
        boolean skilled = grid.getSkills().stream().anyMatch(agent::hasSkill);
        if (!skilled) {
            issues.add(new AgentIssue(agent.getEmployeeNo(), AgentIssue.Rule.SKILL, start, "roster.issue.skill",
                    List.of(String.join(", ", grid.getSkills()))));
        }
        int longestPaid = agent.getEligibleShiftOptions().stream().mapToInt(ShiftOption::getPaidMinutes).max().orElse(0);
        for (int week = 0; week * 7 < days; week++) {
            List<AgentDay> weekDays = own.subList(week * 7, Math.min(days, week * 7 + 7));
            int maxMinutes = agent.maxWeeklyMinutesIn(week, weekDays.size());
            int minMinutes = agent.minWeeklyMinutesIn(week, weekDays.size());
            int credited = 0;
            int absent = 0;
            int fixed = 0;
            List<AgentDay> free = new ArrayList<>();
            for (AgentDay agentDay : weekDays) {
                absent += agentDay.getCreditedMinutes();
                agentDay.setCreditedMinutes(Math.min(agentDay.getCreditedMinutes(), Math.max(0, maxMinutes - credited)));
                credited += agentDay.getCreditedMinutes();
                if (agentDay.isPinned()) {
                    fixed += agentDay.getPaidMinutes();
                } else {
                    free.add(agentDay);
                }
            }
            // at least one day off in every (max + 1) days
            int workable = Math.min(free.size(),
                    weekDays.size() - weekDays.size() / (agent.getMaxConsecutiveWorkingDays() + 1));
            int reachable = credited + fixed + (skilled ? workable * longestPaid : 0);
            LocalDate weekStart = start.plusDays(week * 7L);
            if (!skilled) {
                waivedMinimum.add(week);
            } else if (reachable < minMinutes) {
                waivedMinimum.add(week);
                issues.add(new AgentIssue(agent.getEmployeeNo(), AgentIssue.Rule.WEEKLY_MINIMUM, weekStart,
                        "roster.issue.weekly-minimum", List.of(minMinutes, reachable, credited)));
            } else if (fixed > 0 && fixed + credited > maxMinutes) {
                waivedMaximum.add(week);
                issues.add(new AgentIssue(agent.getEmployeeNo(), AgentIssue.Rule.WEEKLY_MAXIMUM, weekStart,
                        "roster.issue.weekly-maximum", List.of(maxMinutes, fixed + credited)));
            } else if (absent > credited) {
                // leave and time off alone fill the week beyond the contract: credited up to it, no shifts
                waivedMaximum.add(week);
                issues.add(new AgentIssue(agent.getEmployeeNo(), AgentIssue.Rule.WEEKLY_MAXIMUM, weekStart,
                        "roster.issue.absence-above-maximum", List.of(maxMinutes, absent)));
            } else {
                continue;
            }
            for (AgentDay agentDay : free) {
                agentDay.setShift(null);
                agentDay.setPinned(true);
            }
        }
        agent.waiveWeeks(waivedMinimum, waivedMaximum);
        return issues;
    }

    private int dayIndexOf(LocalDate date) {
        long index = date.toEpochDay() - start.toEpochDay();
        if (index < 0 || index >= days) {
            throw new IllegalArgumentException(date + " is outside the horizon " + start + " + " + days + " days.");
        }
        return (int) index;
    }

    private static String agentDayKey(Agent agent, LocalDate date) {
        return agent.getEmployeeNo() + "/" + date;
    }
}
