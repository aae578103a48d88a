package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage quality of a roster, per queue and interval: required, scheduled (agents whose shift spans the interval)
 * and on the phone (net of their breaks, {@link NetCoverage}: what the solver optimises and the requirement asks
 * for). Shortfall and overstaffing are counted on the phone, in agents (fractions where a break takes part of an
 * interval).
 *
 * @param shortfallAgentIntervals   sum over intervals of max(0, required − on the phone)
 * @param overstaffedAgentIntervals sum over intervals of max(0, on the phone − required)
 * @param shortIntervals            intervals with on the phone < required
 * @param intervalsWithRequirement  intervals with required > 0
 */
public record CoverageReport(List<Interval> intervals, double shortfallAgentIntervals, double overstaffedAgentIntervals,
        int shortIntervals, int intervalsWithRequirement) {

    public record Interval(String skill, LocalDateTime start, int required, int scheduled, double onPhone) {
        public double shortfall() {
            return Math.max(0, required - onPhone);
        }
    }

    public static CoverageReport of(RosterSolution solution) {
        CoverageGrid grid = solution.getCoverageGrid();
        Map<String, int[]> scheduled = new HashMap<>();
        Map<String, int[]> onPhoneMinutes = new HashMap<>();
        for (String skill : grid.getSkills()) {
            scheduled.put(skill, new int[grid.slotsOf(skill).length]);
            onPhoneMinutes.put(skill, new int[grid.slotsOf(skill).length]);
        }
        for (AgentDay agentDay : solution.getAgentDays()) {
            ShiftOption shift = agentDay.getShift();
            if (shift == null) {
                continue;
            }
            for (SlotCoverage coverage : grid.coverageOf(agentDay.getDayIndex(), shift)) {
                scheduled.get(shift.getSkill())[coverage.slot().getIndex()]++;
                onPhoneMinutes.get(shift.getSkill())[coverage.slot().getIndex()] += coverage.onPhoneMinutes();
            }
        }
        List<Interval> intervals = new ArrayList<>();
        long shortMinutes = 0;
        long overMinutes = 0;
        int shortCount = 0;
        int withRequirement = 0;
        for (String skill : grid.getSkills()) {
            for (RequirementSlot slot : grid.slotsOf(skill)) {
                int minutes = onPhoneMinutes.get(skill)[slot.getIndex()];
                intervals.add(new Interval(skill, slot.getStart(), slot.getRequired(), scheduled.get(skill)[slot.getIndex()],
                        (double) minutes / grid.getSlotMinutes()));
                shortMinutes += Math.max(0, slot.getRequiredMinutes() - minutes);
                overMinutes += Math.max(0, minutes - slot.getRequiredMinutes());
                if (slot.getRequired() > 0) {
                    withRequirement++;
                    if (minutes < slot.getRequiredMinutes()) {
                        shortCount++;
                    }
                }
            }
        }
        return new CoverageReport(List.copyOf(intervals), (double) shortMinutes / grid.getSlotMinutes(),
                (double) overMinutes / grid.getSlotMinutes(), shortCount, withRequirement);
    }

    /** Share of intervals with a requirement whose agents on the phone meet it. */
    public double coveredIntervalShare() {
        return intervalsWithRequirement == 0 ? 1.0 : 1.0 - (double) shortIntervals / intervalsWithRequirement;
    }

    /** The {@code n} intervals with the largest shortfall. */
    public List<Interval> worstIntervals(int n) {
        return intervals.stream().filter(i -> i.shortfall() > 0)
                .sorted(Comparator.comparingDouble(Interval::shortfall).reversed().thenComparing(Interval::start))
                .limit(n).toList();
    }

    @Override
    public String toString() {
        return "shortfall %.2f agent-intervals in %d/%d intervals, overstaffing %.2f agent-intervals (on the phone)"
                .formatted(shortfallAgentIntervals, shortIntervals, intervalsWithRequirement, overstaffedAgentIntervals);
    }
}
