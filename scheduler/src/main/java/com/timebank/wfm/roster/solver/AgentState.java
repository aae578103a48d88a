package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One agent's days in the {@link GreedyRoster}'s arrays: the shift per day, paid minutes per contract week and the
 * counts the fairness values need, with the hard rules checked on them.
 */
final class AgentState {
    final Agent agent;
    final int horizonDays;
    final ContractWeeks contractWeeks;
    final AgentDay[] days;
    final ShiftOption[] shifts;
    final int[] weekMinutes;
    final List<Unavailability> unavailabilities = new ArrayList<>(2);
    int weekendDays;
    int lateShifts;
    /** The totals the agent's shift lengths can make in a week (shared by agents with the same options). */
    WeeklyTotals weeklyTotals;
    /** Per day, once asked for: the shifts that day alone allows, with their preference values. */
    GreedyRoster.AllowedShifts[] allowedShifts;

    /**
     * Per contract week, once asked for: the most and the least paid minutes its days in the horizon may hold
     * ({@link Agent#maxWeeklyMinutesIn}, {@link Agent#requiredWeeklyMinutesIn}; MIN_VALUE until then: either may be
     * negative where published days outside the horizon count). The search for a day's best shift asks on every
     * try, and the contract's lookups were a thirtieth of group replanning's time.
     */
    private final int[] maxWeeklyMinutes;
    private final int[] requiredWeeklyMinutes;

    AgentState(Agent agent, ContractWeeks contractWeeks) {
        this.agent = agent;
        this.horizonDays = contractWeeks.horizonDays();
        this.contractWeeks = contractWeeks;
        this.days = new AgentDay[horizonDays];
        this.shifts = new ShiftOption[horizonDays];
        this.weekMinutes = new int[contractWeeks.count()];
        this.maxWeeklyMinutes = new int[contractWeeks.count()];
        this.requiredWeeklyMinutes = new int[contractWeeks.count()];
        Arrays.fill(maxWeeklyMinutes, Integer.MIN_VALUE);
        Arrays.fill(requiredWeeklyMinutes, Integer.MIN_VALUE);
    }

    /** The most paid minutes contract week {@code week}'s days in the horizon may hold. */
    int maxWeeklyMinutes(int week) {
        if (maxWeeklyMinutes[week] == Integer.MIN_VALUE) {
            maxWeeklyMinutes[week] = agent.maxWeeklyMinutesIn(week, contractWeeks.daysIn(week));
        }
        return maxWeeklyMinutes[week];
    }

    /** The least paid minutes contract week {@code week}'s days in the horizon must hold. */
    int requiredWeeklyMinutes(int week) {
        if (requiredWeeklyMinutes[week] == Integer.MIN_VALUE) {
            requiredWeeklyMinutes[week] = agent.requiredWeeklyMinutesIn(week, contractWeeks.daysIn(week));
        }
        return requiredWeeklyMinutes[week];
    }

    void assign(int dayIndex, ShiftOption shift) {
        shifts[dayIndex] = shift;
        weekMinutes[contractWeeks.weekOf(dayIndex)] += shift.getPaidMinutes();
        if (days[dayIndex] != null && days[dayIndex].getDay().isWeekend()) {
            weekendDays++;
        }
        if (shift.isLate()) {
            lateShifts++;
        }
    }

    void unassign(int dayIndex) {
        ShiftOption shift = shifts[dayIndex];
        shifts[dayIndex] = null;
        weekMinutes[contractWeeks.weekOf(dayIndex)] -= shift.getPaidMinutes();
        if (days[dayIndex] != null && days[dayIndex].getDay().isWeekend()) {
            weekendDays--;
        }
        if (shift.isLate()) {
            lateShifts--;
        }
    }

    /** An unpinned day without a shift yet. */
    boolean isFree(int dayIndex) {
        return days[dayIndex] != null && !days[dayIndex].isPinned() && shifts[dayIndex] == null;
    }

    /** Hard rules for working {@code shift} on a free day (the weekly maximum aside). */
    boolean allows(int dayIndex, ShiftOption shift) {
        return runLengthIfWorking(dayIndex) <= agent.getMaxConsecutiveWorkingDays()
                && restAllows(dayIndex, shift)
                && !overlapsUnavailability(days[dayIndex].getDay(), shift);
    }

    /**
     * Whether the agent may work {@code shift} on day {@code dayIndex} as far as that day alone goes: its availability
     * and the rest against the shifts published around the horizon (not the neighbouring days in it).
     */
    boolean dayAllows(int dayIndex, ShiftOption shift) {
        RosterDay day = days[dayIndex].getDay();
        return agent.getEdges().restShortfall(day, shift, agent.getMinRestMinutes()) == 0
                && !overlapsUnavailability(day, shift);
    }

    /** Declared unavailability (dated) and the weekly availability windows. */
    boolean overlapsUnavailability(RosterDay day, ShiftOption shift) {
        return overlapsDatedUnavailability(day, shift)
                || agent.minutesOutsideAvailability(day.getDayOfWeek(), shift) > 0;
    }

    int runLengthIfWorking(int dayIndex) {
        int run = 1;
        int d = dayIndex - 1;
        for (; d >= 0 && shifts[d] != null; d--) {
            run++;
        }
        run += d < 0 ? agent.getEdges().workedDaysBefore() : 0;
        for (d = dayIndex + 1; d < horizonDays && shifts[d] != null; d++) {
            run++;
        }
        return run + (d >= horizonDays ? agent.getEdges().workedDaysAfter() : 0);
    }

    boolean restAllows(int dayIndex, ShiftOption shift) {
        int minRest = agent.getMinRestMinutes();
        if (agent.getEdges().restShortfall(days[dayIndex].getDay(), shift, minRest) > 0) {
            return false;
        }
        if (dayIndex > 0 && shifts[dayIndex - 1] != null
                && 1440 + shift.getStartMinuteOfDay() - shifts[dayIndex - 1].getEndMinuteOfDay() < minRest) {
            return false;
        }
        return dayIndex + 1 >= horizonDays || shifts[dayIndex + 1] == null
                || 1440 + shifts[dayIndex + 1].getStartMinuteOfDay() - shift.getEndMinuteOfDay() >= minRest;
    }

    private boolean overlapsDatedUnavailability(RosterDay day, ShiftOption shift) {
        if (unavailabilities.isEmpty()) {
            return false;
        }
        long start = day.getStartMinute() + shift.getStartMinuteOfDay();
        long end = day.getStartMinute() + shift.getEndMinuteOfDay();
        for (Unavailability unavailability : unavailabilities) {
            if (unavailability.overlapMinutes(start, end) > 0) {
                return true;
            }
        }
        return false;
    }

    long startDifferenceHalfHours(int dayIndex, ShiftOption shift) {
        long halfHours = 0;
        if (dayIndex > 0 && shifts[dayIndex - 1] != null) {
            halfHours += (Math.abs(shifts[dayIndex - 1].getStartMinuteOfDay() - shift.getStartMinuteOfDay()) + 29) / 30;
        }
        if (dayIndex + 1 < horizonDays && shifts[dayIndex + 1] != null) {
            halfHours += (Math.abs(shifts[dayIndex + 1].getStartMinuteOfDay() - shift.getStartMinuteOfDay()) + 29) / 30;
        }
        return halfHours;
    }
}
