package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterConstraintConfiguration.*;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import java.util.List;
import java.util.function.Function;

import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.quad.QuadConstraintStream;

/**
 * The roster constraints: one method per constraint, weights in {@link RosterConstraintConfiguration}.
 * <p>
 * Performance notes (2,000 agents × 28 days × 48 slots):
 * <ul>
 * <li>Coverage: every agent-day flattens to the requirement slots its shift spans (a sub-list view of a
 * precomputed array, see {@link CoverageGrid}), grouped by slot with a sum. A change move touches only the
 * ~18 slots of the old and new shift. Shortfall and overstaffing read the same group node: Bavet does not
 * share flattenLast/groupBy nodes by itself, so {@link #defineConstraints} builds the grouping once.</li>
 * <li>Weekly contract: one group per agent × week, also shared by the minimum and maximum constraints.</li>
 * <li>Day-to-day rules (rest, stable starts) are indexed equal-joins on (agent, day index + 1).</li>
 * <li>Consecutive days: one working-days bitmask per agent; runs are counted with shifts and ANDs.</li>
 * </ul>
 */
public class RosterConstraintProvider implements ConstraintProvider {

    // Constant joiner functions: Bavet shares equal join nodes, so rest and stable starts share one join.
    private static final Function<AgentDay, Agent> AGENT = AgentDay::getAgent;
    private static final Function<AgentDay, Integer> DAY_INDEX = AgentDay::getDayIndex;
    private static final Function<AgentDay, Integer> NEXT_DAY_INDEX = day -> day.getDayIndex() + 1;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        // Bavet shares forEach/filter/join nodes between constraints, but not flattenLast/groupBy nodes:
        // build each grouping once and hand it to both constraints that read it.
        QuadConstraintStream<Agent, Integer, Integer, Integer> weeklyMinutes = weeklyMinutes(factory);
        BiConstraintStream<RequirementSlot, Integer> scheduledAgents = scheduledAgentsPerSlot(factory);
        BiConstraintStream<Agent, Long> workingDays = workingDaysPerAgent(factory);
        return new Constraint[] {
                // Hard
                weeklyMinutesBelowContract(weeklyMinutes),
                weeklyMinutesAboveContract(weeklyMinutes),
                minimumRestBetweenShifts(factory),
                maximumConsecutiveWorkingDays(workingDays),
                leaveTimeOffAndUnavailability(factory),
                requiredSkill(factory),
                minimumRestNextToPublishedShifts(factory),
                consecutiveDaysNextToPublishedShifts(workingDays),
                // Soft
                coverageShortfall(scheduledAgents),
                overstaffing(scheduledAgents),
                preferredDayOff(factory),
                earlyLateShiftPreference(factory),
                fairWeekendWork(factory),
                fairLateShifts(factory),
                stableStartTimes(factory),
                timeBankDaysOffOnIdleDays(factory)
        };
    }

    // ************************************************************************
    // Hard constraints
    // ************************************************************************

    /** Paid minutes (plus credited absence minutes) per agent and week must reach the contract minimum. */
    Constraint weeklyMinutesBelowContract(ConstraintFactory factory) {
        return weeklyMinutesBelowContract(weeklyMinutes(factory));
    }

    private static Constraint weeklyMinutesBelowContract(QuadConstraintStream<Agent, Integer, Integer, Integer> weeklyMinutes) {
        return weeklyMinutes
                .filter((agent, week, minutes, days) -> minutes < agent.minWeeklyMinutesIn(week, days)
                        && !agent.isMinimumWaived(week))
                .penalizeConfigurableLong((agent, week, minutes, days) -> agent.minWeeklyMinutesIn(week, days) - minutes)
                .indictWith((agent, week, minutes, days) -> List.of(agent))
                .asConstraint(WEEKLY_MINUTES_BELOW_CONTRACT);
    }

    /** Paid minutes (plus credited absence minutes) per agent and week must not exceed the contract maximum. */
    Constraint weeklyMinutesAboveContract(ConstraintFactory factory) {
        return weeklyMinutesAboveContract(weeklyMinutes(factory));
    }

    private static Constraint weeklyMinutesAboveContract(QuadConstraintStream<Agent, Integer, Integer, Integer> weeklyMinutes) {
        return weeklyMinutes
                .filter((agent, week, minutes, days) -> minutes > agent.maxWeeklyMinutesIn(week, days)
                        && !agent.isMaximumWaived(week))
                .penalizeConfigurableLong((agent, week, minutes, days) -> minutes - agent.maxWeeklyMinutesIn(week, days))
                .indictWith((agent, week, minutes, days) -> List.of(agent))
                .asConstraint(WEEKLY_MINUTES_ABOVE_CONTRACT);
    }

    /**
     * (agent, week index, counted minutes, days of that week in the horizon), days off included. Credited absence
     * minutes are capped per week at the contract maximum by the problem builder, so leave alone never makes a
     * week "over": only the shifts the solver adds can.
     */
    private static QuadConstraintStream<Agent, Integer, Integer, Integer> weeklyMinutes(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(AgentDay.class)
                .groupBy(AgentDay::getAgent, AgentDay::getWeekIndex, sum(AgentDay::getCountedMinutes), count());
    }

    /** Between the end of one shift and the start of the next day's shift: at least the agent's minimum rest. */
    Constraint minimumRestBetweenShifts(ConstraintFactory factory) {
        return consecutiveWorkingDays(factory)
                .filter((today, tomorrow) -> today.restMinutesUntil(tomorrow) < today.getAgent().getMinRestMinutes())
                .penalizeConfigurableLong((today, tomorrow) ->
                        today.getAgent().getMinRestMinutes() - today.restMinutesUntil(tomorrow))
                .asConstraint(MINIMUM_REST);
    }

    /** (today, tomorrow): pairs of working days of the same agent on consecutive dates. */
    private static BiConstraintStream<AgentDay, AgentDay> consecutiveWorkingDays(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .join(AgentDay.class, Joiners.equal(AGENT), Joiners.equal(NEXT_DAY_INDEX, DAY_INDEX));
    }

    /**
     * No more than the agent's maximum consecutive working days. Per agent, the working days are summed into a
     * bitmask (bit i = day i; distinct bits, so the sum is an OR); every fully worked window of max + 1 days
     * counts once, so a run of max + k days costs k.
     */
    Constraint maximumConsecutiveWorkingDays(ConstraintFactory factory) {
        return maximumConsecutiveWorkingDays(workingDaysPerAgent(factory));
    }

    private static Constraint maximumConsecutiveWorkingDays(BiConstraintStream<Agent, Long> workingDays) {
        return workingDays
                .filter((agent, days) -> excessConsecutiveDays(agent, days) > 0)
                .penalizeConfigurableLong(RosterConstraintProvider::excessConsecutiveDays)
                .indictWith((agent, days) -> List.of(agent))
                .asConstraint(MAXIMUM_CONSECUTIVE_WORKING_DAYS);
    }

    /** (agent, working-days bitmask) for every agent with at least one working day. */
    private static BiConstraintStream<Agent, Long> workingDaysPerAgent(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .groupBy(AgentDay::getAgent, sumLong(AgentDay::getDayBit));
    }

    /**
     * The windows of (max + 1) fully worked days that reach into the published days just before or after the
     * horizon (see {@link PeriodEdges}): a week-2 roster must not make a run that started in week 1 too long.
     */
    Constraint consecutiveDaysNextToPublishedShifts(ConstraintFactory factory) {
        return consecutiveDaysNextToPublishedShifts(workingDaysPerAgent(factory));
    }

    private static Constraint consecutiveDaysNextToPublishedShifts(BiConstraintStream<Agent, Long> workingDays) {
        return workingDays
                .filter((agent, days) -> excessConsecutiveDaysAcrossEdges(agent, days) > 0)
                .penalizeConfigurableLong(RosterConstraintProvider::excessConsecutiveDaysAcrossEdges)
                .indictWith((agent, days) -> List.of(agent))
                .asConstraint(CONSECUTIVE_DAYS_NEXT_TO_PUBLISHED);
    }

    /** Windows of (max + 1) worked days that include a worked day just outside the horizon. */
    static long excessConsecutiveDaysAcrossEdges(Agent agent, long workingDays) {
        PeriodEdges edges = agent.getEdges();
        if (edges.workedDaysBefore() == 0 && edges.workedDaysAfter() == 0) {
            return 0;
        }
        int max = agent.getMaxConsecutiveWorkingDays();
        long windows = 0;
        int run = Math.min(edges.workedDaysBefore(), max);
        for (int d = 0; d < edges.horizonDays(); d++) {
            run = (workingDays >>> d & 1L) == 0 ? 0 : run + 1;
            if (run > max) {
                windows++;
            }
        }
        for (int d = 0; d < Math.min(edges.workedDaysAfter(), max) && run > 0; d++) {
            if (++run > max) {
                windows++;
            }
        }
        return windows - excessConsecutiveDays(agent, workingDays);
    }

    /** A shift on the first (last) day of the horizon needs the minimum rest after (before) the published one. */
    Constraint minimumRestNextToPublishedShifts(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .filter(day -> day.getEdgeRestShortfallMinutes() > 0)
                .penalizeConfigurableLong(AgentDay::getEdgeRestShortfallMinutes)
                .asConstraint(MINIMUM_REST_NEXT_TO_PUBLISHED);
    }

    /** Number of windows of (max + 1) consecutive days in which every day is a working day. */
    static long excessConsecutiveDays(Agent agent, long workingDays) {
        long fullWindows = workingDays;
        for (int i = 1; i <= agent.getMaxConsecutiveWorkingDays() && fullWindows != 0; i++) {
            fullWindows &= workingDays >>> i;
        }
        return Long.bitCount(fullWindows);
    }

    /** No shift may overlap approved leave, approved time off or declared unavailability (per overlapping minute). */
    Constraint leaveTimeOffAndUnavailability(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .join(Unavailability.class, Joiners.equal(AgentDay::getAgent, Unavailability::getAgent))
                .filter((day, unavailability) ->
                        unavailability.overlapMinutes(day.getStartMinute(), day.getEndMinute()) > 0)
                .penalizeConfigurableLong((day, unavailability) ->
                        unavailability.overlapMinutes(day.getStartMinute(), day.getEndMinute()))
                .asConstraint(LEAVE_AND_UNAVAILABILITY);
    }

    /**
     * The agent must have the skill of the queue the shift works (per shift minute). The value range already
     * excludes such shifts, so this only fires for pinned days and manual edits.
     */
    Constraint requiredSkill(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .filter(day -> !day.getAgent().hasSkill(day.getShift().getSkill()))
                .penalizeConfigurable(day -> day.getShift().getLengthMinutes())
                .asConstraint(REQUIRED_SKILL);
    }

    // ************************************************************************
    // Soft constraints
    // ************************************************************************

    /**
     * Per interval and queue, the shortfall of scheduled agents against the requirement, squared: one gap of two
     * agents costs more than two gaps of one, so the solver spreads unavoidable gaps.
     */
    Constraint coverageShortfall(ConstraintFactory factory) {
        return coverageShortfall(scheduledAgentsPerSlot(factory));
    }

    private static Constraint coverageShortfall(BiConstraintStream<RequirementSlot, Integer> scheduledAgents) {
        return scheduledAgents
                .filter((slot, scheduled) -> scheduled < slot.getRequired())
                .penalizeConfigurableLong((slot, scheduled) -> {
                    long shortfall = slot.shortfall(scheduled);
                    return shortfall * shortfall;
                })
                .indictWith((slot, scheduled) -> List.of(slot))
                .asConstraint(COVERAGE_SHORTFALL);
    }

    /** Per interval and queue, each scheduled agent above the requirement. */
    Constraint overstaffing(ConstraintFactory factory) {
        return overstaffing(scheduledAgentsPerSlot(factory));
    }

    private static Constraint overstaffing(BiConstraintStream<RequirementSlot, Integer> scheduledAgents) {
        return scheduledAgents
                .filter((slot, scheduled) -> scheduled > slot.getRequired())
                .penalizeConfigurableLong(RequirementSlot::overstaffing)
                .indictWith((slot, scheduled) -> List.of(slot))
                .asConstraint(OVERSTAFFING);
    }

    /** (requirement slot, scheduled agents) for every slot of the horizon, uncovered slots included. */
    private static BiConstraintStream<RequirementSlot, Integer> scheduledAgentsPerSlot(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(AgentDay.class) // the per-date seed may be a day off
                .flattenLast(AgentDay::getCoverage)
                .groupBy(SlotCoverage::slot, sum(SlotCoverage::agents));
    }

    /** Agents would rather not work on their preferred days off. */
    Constraint preferredDayOff(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .filter(day -> day.getAgent().prefersDayOff(day.getDayOfWeek()))
                .penalizeConfigurable()
                .asConstraint(PREFERRED_DAY_OFF);
    }

    /** Early-preferring agents would rather not work late shifts, and vice versa. */
    Constraint earlyLateShiftPreference(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .filter(day -> day.getAgent().getShiftTimePreference().isViolatedBy(day.getShift()))
                .penalizeConfigurable()
                .asConstraint(SHIFT_TIME_PREFERENCE);
    }

    /**
     * Weekend work spread fairly across the team: the squared number of weekend days each agent works. For a
     * fixed amount of weekend work, the sum of squares is smallest when everybody works about the same.
     */
    Constraint fairWeekendWork(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .filter(day -> day.getDay().isWeekend())
                .groupBy(AgentDay::getAgent, count())
                .penalizeConfigurableLong((agent, weekendDays) -> (long) weekendDays * weekendDays)
                .indictWith((agent, weekendDays) -> List.of(agent))
                .asConstraint(FAIR_WEEKEND_WORK);
    }

    /** Late shifts spread fairly across the team: the squared number of late shifts each agent works. */
    Constraint fairLateShifts(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .filter(day -> day.getShift().isLate())
                .groupBy(AgentDay::getAgent, count())
                .penalizeConfigurableLong((agent, lateShifts) -> (long) lateShifts * lateShifts)
                .indictWith((agent, lateShifts) -> List.of(agent))
                .asConstraint(FAIR_LATE_SHIFTS);
    }

    /** Similar start times on consecutive working days: per started half hour of difference. */
    Constraint stableStartTimes(ConstraintFactory factory) {
        return consecutiveWorkingDays(factory)
                .filter((today, tomorrow) -> today.startDifferenceMinutes(tomorrow) > 0)
                .penalizeConfigurableLong((today, tomorrow) -> (today.startDifferenceMinutes(tomorrow) + 29) / 30)
                .asConstraint(STABLE_START_TIMES);
    }

    /**
     * Time-bank aware days off: on idle days, working costs in proportion to the agent's positive time-bank
     * balance (whole hours), so the agents with the largest balances are the ones given the day off.
     */
    Constraint timeBankDaysOffOnIdleDays(ConstraintFactory factory) {
        return factory.forEach(AgentDay.class)
                .filter(day -> day.getDay().isIdle() && day.getAgent().getPositiveTimeBankHours() > 0)
                .penalizeConfigurableLong(day -> day.getAgent().getPositiveTimeBankHours())
                .asConstraint(TIME_BANK_IDLE_DAY_OFF);
    }
}
