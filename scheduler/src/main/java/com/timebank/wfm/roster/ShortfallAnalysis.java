package com.timebank.wfm.roster;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.timebank.wfm.roster.solver.Agent;
import com.timebank.wfm.roster.solver.AgentDay;
import com.timebank.wfm.roster.solver.CoverageGrid;
import com.timebank.wfm.roster.solver.CoverageReport;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.roster.solver.ShiftOption;
import com.timebank.wfm.roster.solver.SlotCoverage;
import com.timebank.wfm.roster.solver.Unavailability;

/**
 * Why an interval is short. For every interval with fewer scheduled agents than required, the agents who do not
 * work that day are sorted into: on leave; kept off by a published (pinned) day; unable to take a shift covering the
 * interval without breaking their contract (weekly maximum, consecutive days, rest); and available. The reason is
 * the first that applies of:
 * <ol>
 * <li>{@code AGENTS_NOT_USED}: some agent could have worked it (a trade-off against other goals, or the solve
 * stopped early);</li>
 * <li>{@code LEAVE}: agents who could have covered it are on leave;</li>
 * <li>{@code CONTRACTS_EXHAUSTED}: the agents who are free have no contract time left that week (or would break
 * rest or consecutive-day rules);</li>
 * <li>{@code PINNED}: the free agents' days are fixed by the published roster;</li>
 * <li>{@code NO_AGENT_AVAILABLE}: nobody else has a shift template covering this interval.</li>
 * </ol>
 */
public final class ShortfallAnalysis {

    public enum Reason {
        AGENTS_NOT_USED, LEAVE, CONTRACTS_EXHAUSTED, PINNED, NO_AGENT_AVAILABLE
    }

    /**
     * @param onLeave           agents on leave who have a shift covering the interval
     * @param contractExhausted free agents whose contract does not allow one more shift covering it
     * @param pinnedOff         free agents kept off by the published roster
     * @param available         agents who could still take a shift covering it
     */
    public record ShortInterval(String queue, LocalDateTime start, int required, int scheduled, int shortfall,
            Reason reason, int onLeave, int contractExhausted, int pinnedOff, int available) {
    }

    private ShortfallAnalysis() {
    }

    public static List<ShortInterval> of(RosterSolution solution) {
        CoverageGrid grid = solution.getCoverageGrid();
        Map<String, AgentDay[]> daysOf = new HashMap<>();
        Map<String, int[]> weekMinutes = new HashMap<>();
        int weeks = (solution.getHorizonDays() + 6) / 7;
        for (AgentDay d : solution.getAgentDays()) {
            String no = d.getAgent().getEmployeeNo();
            daysOf.computeIfAbsent(no, k -> new AgentDay[solution.getHorizonDays()])[d.getDayIndex()] = d;
            weekMinutes.computeIfAbsent(no, k -> new int[weeks])[d.getWeekIndex()] += d.getCountedMinutes();
        }
        Map<String, boolean[]> leaveDays = new HashMap<>();
        for (Unavailability u : solution.getUnavailabilities()) {
            if (u.getType().isApprovedAbsence()) {
                for (AgentDay d : daysOf.get(u.getAgent().getEmployeeNo())) {
                    if (u.coversWholeDay(d.getDate()) || u.getStart().toLocalDate().equals(d.getDate())) {
                        leaveDays.computeIfAbsent(u.getAgent().getEmployeeNo(),
                                k -> new boolean[solution.getHorizonDays()])[d.getDayIndex()] = true;
                    }
                }
            }
        }
        List<ShortInterval> out = new ArrayList<>();
        CoverageReport report = CoverageReport.of(solution);
        int slotsPerDay = grid.getSlotsPerDay();
        for (CoverageReport.Interval i : report.intervals()) {
            if (i.shortfall() == 0) {
                continue;
            }
            int slotIndex = (int) (i.start().toLocalDate().toEpochDay() - grid.getStart().toEpochDay()) * slotsPerDay
                    + (i.start().getHour() * 60 + i.start().getMinute()) / grid.getSlotMinutes();
            int dayIndex = slotIndex / slotsPerDay;
            int onLeave = 0;
            int exhausted = 0;
            int pinned = 0;
            int available = 0;
            for (Agent agent : solution.getAgents()) {
                AgentDay day = daysOf.get(agent.getEmployeeNo())[dayIndex];
                if (day.isWorking()) {
                    continue;
                }
                List<ShiftOption> covering = agent.getEligibleShiftOptions().stream()
                        .filter(o -> o.getSkill().equals(i.skill()) && covers(grid, dayIndex, o, slotIndex)).toList();
                if (covering.isEmpty()) {
                    continue;
                }
                boolean[] leave = leaveDays.get(agent.getEmployeeNo());
                if (leave != null && leave[dayIndex]) {
                    onLeave++;
                } else if (day.isPinned()) {
                    pinned++;
                } else if (covering.stream().anyMatch(o -> allowed(agent, daysOf.get(agent.getEmployeeNo()), dayIndex,
                        o, weekMinutes.get(agent.getEmployeeNo()), solution.getHorizonDays()))) {
                    available++;
                } else {
                    exhausted++;
                }
            }
            Reason reason = available > 0 ? Reason.AGENTS_NOT_USED : onLeave > 0 ? Reason.LEAVE
                    : exhausted > 0 ? Reason.CONTRACTS_EXHAUSTED : pinned > 0 ? Reason.PINNED : Reason.NO_AGENT_AVAILABLE;
            out.add(new ShortInterval(i.skill(), i.start(), i.required(), i.scheduled(), i.shortfall(), reason, onLeave,
                    exhausted, pinned, available));
        }
        return out;
    }

    private static boolean covers(CoverageGrid grid, int dayIndex, ShiftOption option, int slotIndex) {
        int first = grid.firstSlotOf(dayIndex, option);
        return slotIndex >= first && slotIndex < first + grid.lengthInSlots(option);
    }

    /** Whether the agent could work {@code option} on the day without breaking a hard rule. */
    private static boolean allowed(Agent agent, AgentDay[] days, int dayIndex, ShiftOption option, int[] weekMinutes,
            int horizonDays) {
        int week = dayIndex / 7;
        int daysInWeek = Math.min(7, horizonDays - week * 7);
        if (weekMinutes[week] + option.getPaidMinutes() > agent.maxWeeklyMinutesIn(week, daysInWeek)) {
            return false;
        }
        int run = 1;
        for (int d = dayIndex - 1; d >= 0 && days[d].isWorking(); d--) {
            run++;
        }
        for (int d = dayIndex + 1; d < horizonDays && days[d].isWorking(); d++) {
            run++;
        }
        if (run > agent.getMaxConsecutiveWorkingDays()) {
            return false;
        }
        long start = dayIndex * 1440L + option.getStartMinuteOfDay();
        long end = dayIndex * 1440L + option.getEndMinuteOfDay();
        if (dayIndex > 0 && days[dayIndex - 1].isWorking()
                && start - ((dayIndex - 1) * 1440L + days[dayIndex - 1].getShift().getEndMinuteOfDay()) < agent.getMinRestMinutes()) {
            return false;
        }
        return dayIndex + 1 >= horizonDays || !days[dayIndex + 1].isWorking()
                || (dayIndex + 1) * 1440L + days[dayIndex + 1].getShift().getStartMinuteOfDay() - end >= agent.getMinRestMinutes();
    }
}
