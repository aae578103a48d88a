package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Coverage quality of a roster, per queue and interval: required, scheduled (whole shift spans, what the
 * solver optimises) and on the phone (scheduled minus the breaks {@link BreakPlanner} placed).
 *
 * @param shortfallAgentIntervals   sum over intervals of max(0, required − scheduled)
 * @param overstaffedAgentIntervals sum over intervals of max(0, scheduled − required)
 * @param shortIntervals            intervals with scheduled < required
 * @param intervalsWithRequirement  intervals with required > 0
 */
public record CoverageReport(List<Interval> intervals, long shortfallAgentIntervals, long overstaffedAgentIntervals,
        int shortIntervals, int intervalsWithRequirement) {

    public record Interval(String skill, LocalDateTime start, int required, int scheduled, double onPhone) {
        public int shortfall() {
            return Math.max(0, required - scheduled);
        }
    }

    public static CoverageReport of(RosterSolution solution) {
        CoverageGrid grid = solution.getCoverageGrid();
        BreakPlanner.OnPhone onPhone = new BreakPlanner.OnPhone(grid);
        java.util.Map<String, int[]> scheduled = new java.util.HashMap<>();
        for (String skill : grid.getSkills()) {
            scheduled.put(skill, new int[grid.slotsOf(skill).length]);
        }
        for (AgentDay agentDay : solution.getAgentDays()) {
            ShiftOption shift = agentDay.getShift();
            if (shift == null) {
                continue;
            }
            for (SlotCoverage coverage : grid.coverageOf(agentDay.getDayIndex(), shift)) {
                scheduled.get(shift.getSkill())[coverage.slot().getIndex()]++;
            }
            onPhone.addShift(agentDay);
            agentDay.getBreaks().forEach(b -> onPhone.subtractBreak(agentDay, b));
        }
        List<Interval> intervals = new ArrayList<>();
        long shortfall = 0;
        long overstaffed = 0;
        int shortCount = 0;
        int withRequirement = 0;
        for (String skill : grid.getSkills()) {
            for (RequirementSlot slot : grid.slotsOf(skill)) {
                int n = scheduled.get(skill)[slot.getIndex()];
                intervals.add(new Interval(skill, slot.getStart(), slot.getRequired(), n,
                        onPhone.agentsAt(skill, slot.getIndex())));
                shortfall += slot.shortfall(n);
                overstaffed += slot.overstaffing(n);
                if (slot.getRequired() > 0) {
                    withRequirement++;
                    if (n < slot.getRequired()) {
                        shortCount++;
                    }
                }
            }
        }
        return new CoverageReport(List.copyOf(intervals), shortfall, overstaffed, shortCount, withRequirement);
    }

    /** Share of intervals with a requirement whose scheduled agents meet it. */
    public double coveredIntervalShare() {
        return intervalsWithRequirement == 0 ? 1.0 : 1.0 - (double) shortIntervals / intervalsWithRequirement;
    }

    /** The {@code n} intervals with the largest shortfall. */
    public List<Interval> worstIntervals(int n) {
        return intervals.stream().filter(i -> i.shortfall() > 0)
                .sorted(Comparator.comparingInt(Interval::shortfall).reversed().thenComparing(Interval::start))
                .limit(n).toList();
    }

    @Override
    public String toString() {
        return "shortfall " + shortfallAgentIntervals + " agent-intervals in " + shortIntervals + "/"
                + intervalsWithRequirement + " intervals, overstaffing " + overstaffedAgentIntervals + " agent-intervals";
    }
}
