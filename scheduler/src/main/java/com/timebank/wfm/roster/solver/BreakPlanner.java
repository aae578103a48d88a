package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places each shift's breaks after solving, staggered against the requirement.
 * <p>
 * <b>Why a post-pass and not a planning variable.</b> The requirement the solver covers is already in
 * <em>scheduled</em> agents, grossed up for shrinkage that includes breaks, so while solving a shift simply
 * covers its whole span and where exactly its breaks fall barely changes which shifts are good. Making breaks
 * planning variables would triple the entities (a meal and two short breaks per shift), multiply the value
 * ranges, make every coverage tuple fractional and slow every move — for a decision that is local to one
 * shift and hardly interacts with the hard rules. A greedy post-pass is exact enough, runs in milliseconds at
 * 2,000 agents, is deterministic, and can be re-run alone after a manual edit of a published roster.
 * <p>
 * <b>How.</b> Keep, per queue and interval, the agents on the phone (scheduled minus breaks placed so far).
 * Shifts with the tightest meal window go first. Each meal break goes to the position in its window where
 * on-phone minus required is largest (max-min over the slots it touches, then the largest total, then the
 * middle of the window), and the coverage is updated before the next shift, so breaks spread over the
 * surplus rather than piling up at the same time. Short breaks follow, one in each half of the shift (or one
 * in the middle part of a short shift), at least 45 minutes from the shift edges and from the meal break.
 * Pinned days that already carry breaks keep them.
 */
public final class BreakPlanner {

    private static final int SHORT_BREAK_STEP_MINUTES = 15;
    private static final int MIN_GAP_MINUTES = 45;

    /** Places breaks on every working agent-day of the solution ({@link AgentDay#getBreaks()}). */
    public void planBreaks(RosterSolution solution) {
        CoverageGrid grid = solution.getCoverageGrid();
        OnPhone onPhone = new OnPhone(grid);
        List<AgentDay> toPlan = new ArrayList<>();
        for (AgentDay agentDay : solution.getAgentDays()) {
            if (agentDay.getShift() == null) {
                agentDay.setBreaks(List.of());
                continue;
            }
            onPhone.addShift(agentDay);
            if (agentDay.isPinned() && !agentDay.getBreaks().isEmpty()) {
                agentDay.getBreaks().forEach(b -> onPhone.subtractBreak(agentDay, b));
            } else {
                toPlan.add(agentDay);
            }
        }
        toPlan.sort(Comparator
                .comparingInt((AgentDay day) -> mealPositions(day.getShift(), grid.getSlotMinutes()))
                .thenComparingInt(AgentDay::getDayIndex)
                .thenComparingInt(day -> day.getShift().getStartMinuteOfDay())
                .thenComparing(AgentDay::getId));
        for (AgentDay agentDay : toPlan) {
            agentDay.setBreaks(planShift(agentDay, onPhone, grid.getSlotMinutes()));
        }
    }

    private static int mealPositions(ShiftOption shift, int slotMinutes) {
        BreakRule rule = shift.getBreakRule();
        return rule.hasMealBreak()
                ? (rule.mealWindowEndOffset() - rule.mealWindowStartOffset()) / slotMinutes + 1
                : Integer.MAX_VALUE;
    }

    private List<PlannedBreak> planShift(AgentDay agentDay, OnPhone onPhone, int slotMinutes) {
        ShiftOption shift = agentDay.getShift();
        BreakRule rule = shift.getBreakRule();
        int length = shift.getLengthMinutes();
        List<PlannedBreak> breaks = new ArrayList<>(3);
        int mealStart = -1;
        int mealEnd = -1;
        if (rule.hasMealBreak()) {
            mealStart = bestOffset(agentDay, onPhone, rule.mealWindowStartOffset(), rule.mealWindowEndOffset(),
                    slotMinutes, rule.mealBreakMinutes());
            mealEnd = mealStart + rule.mealBreakMinutes();
            breaks.add(place(agentDay, onPhone, PlannedBreak.Kind.MEAL, mealStart, rule.mealBreakMinutes()));
        }
        int shortMinutes = rule.shortBreakMinutes();
        if (rule.shortBreakCount() >= 1 && shortMinutes > 0) {
            List<int[]> windows = new ArrayList<>();
            if (rule.shortBreakCount() >= 2 && mealStart >= 0) {
                windows.add(new int[] {MIN_GAP_MINUTES, mealStart - MIN_GAP_MINUTES - shortMinutes});
                windows.add(new int[] {mealEnd + MIN_GAP_MINUTES, length - MIN_GAP_MINUTES - shortMinutes});
            } else if (rule.shortBreakCount() >= 2) {
                int half = length / 2;
                windows.add(new int[] {MIN_GAP_MINUTES, half - shortMinutes});
                windows.add(new int[] {half, length - MIN_GAP_MINUTES - shortMinutes});
            } else {
                windows.add(new int[] {MIN_GAP_MINUTES, length - MIN_GAP_MINUTES - shortMinutes});
            }
            for (int[] window : windows) {
                int from = Math.max(0, window[0]);
                int to = Math.min(length - shortMinutes, window[1]);
                if (to < from) { // window too small for the gaps: take its middle, on the 15-minute step
                    int middle = (window[0] + window[1]) / 2;
                    from = to = Math.max(0, Math.min(length - shortMinutes,
                            middle - Math.floorMod(middle, SHORT_BREAK_STEP_MINUTES)));
                }
                int offset = bestOffset(agentDay, onPhone, from, to, SHORT_BREAK_STEP_MINUTES, shortMinutes);
                breaks.add(place(agentDay, onPhone, PlannedBreak.Kind.SHORT, offset, shortMinutes));
            }
        }
        breaks.sort(Comparator.comparing(PlannedBreak::start));
        return breaks;
    }

    /** The offset in [from, to] (step {@code step}) where a break of {@code minutes} hurts coverage least. */
    private int bestOffset(AgentDay agentDay, OnPhone onPhone, int from, int to, int step, int minutes) {
        double middle = (from + to) / 2.0;
        int best = from;
        double bestMin = Double.NEGATIVE_INFINITY;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int offset = from; offset <= to; offset += step) {
            double[] minAndSum = onPhone.surplusDuring(agentDay, offset, minutes);
            boolean better = minAndSum[0] > bestMin + 1e-9
                    || (Math.abs(minAndSum[0] - bestMin) <= 1e-9 && (minAndSum[1] > bestSum + 1e-9
                    || (Math.abs(minAndSum[1] - bestSum) <= 1e-9 && Math.abs(offset - middle) < Math.abs(best - middle))));
            if (better) {
                best = offset;
                bestMin = minAndSum[0];
                bestSum = minAndSum[1];
            }
        }
        return best;
    }

    private PlannedBreak place(AgentDay agentDay, OnPhone onPhone, PlannedBreak.Kind kind, int offset, int minutes) {
        LocalDateTime start = agentDay.getDate().atStartOfDay()
                .plusMinutes(agentDay.getShift().getStartMinuteOfDay() + (long) offset);
        PlannedBreak plannedBreak = new PlannedBreak(kind, start, minutes);
        onPhone.subtractBreak(agentDay, plannedBreak);
        return plannedBreak;
    }

    /** Agents on the phone per queue and slot, as fractions of a slot. */
    static final class OnPhone {
        private final CoverageGrid grid;
        private final Map<String, double[]> agentsBySkill = new HashMap<>();

        OnPhone(CoverageGrid grid) {
            this.grid = grid;
            for (String skill : grid.getSkills()) {
                agentsBySkill.put(skill, new double[grid.slotsOf(skill).length]);
            }
        }

        void addShift(AgentDay agentDay) {
            ShiftOption shift = agentDay.getShift();
            add(shift.getSkill(), agentDay.getDayIndex() * 1440 + shift.getStartMinuteOfDay(), shift.getLengthMinutes(), 1.0);
        }

        void subtractBreak(AgentDay agentDay, PlannedBreak plannedBreak) {
            long minuteInHorizon = (plannedBreak.start().toLocalDate().toEpochDay() - grid.getStart().toEpochDay()) * 1440L
                    + plannedBreak.start().getHour() * 60L + plannedBreak.start().getMinute();
            add(agentDay.getShift().getSkill(), (int) minuteInHorizon, plannedBreak.minutes(), -1.0);
        }

        /** {min, sum} over the touched slots of (on phone − required − this break's share). */
        double[] surplusDuring(AgentDay agentDay, int offset, int minutes) {
            ShiftOption shift = agentDay.getShift();
            double[] agents = agentsBySkill.get(shift.getSkill());
            RequirementSlot[] slots = grid.slotsOf(shift.getSkill());
            int start = agentDay.getDayIndex() * 1440 + shift.getStartMinuteOfDay() + offset;
            int slotMinutes = grid.getSlotMinutes();
            double min = Double.POSITIVE_INFINITY;
            double sum = 0;
            for (int minute = start; minute < start + minutes; ) {
                int slot = minute / slotMinutes;
                int slotEnd = (slot + 1) * slotMinutes;
                int overlap = Math.min(slotEnd, start + minutes) - minute;
                if (slot < agents.length) {
                    double surplus = agents[slot] - slots[slot].getRequired() - (double) overlap / slotMinutes;
                    min = Math.min(min, surplus);
                    sum += surplus;
                }
                minute += overlap;
            }
            return new double[] {min == Double.POSITIVE_INFINITY ? 0 : min, sum};
        }

        private void add(String skill, int startMinute, int minutes, double sign) {
            double[] agents = agentsBySkill.get(skill);
            if (agents == null) {
                return;
            }
            int slotMinutes = grid.getSlotMinutes();
            for (int minute = startMinute; minute < startMinute + minutes; ) {
                int slot = minute / slotMinutes;
                int overlap = Math.min((slot + 1) * slotMinutes, startMinute + minutes) - minute;
                if (slot >= 0 && slot < agents.length) {
                    agents[slot] += sign * overlap / slotMinutes;
                }
                minute += overlap;
            }
        }

        double agentsAt(String skill, int slot) {
            return agentsBySkill.get(skill)[slot];
        }
    }
}
