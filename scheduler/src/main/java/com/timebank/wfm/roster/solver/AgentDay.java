package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: one agent on one day of the horizon. The planning variable is the shift worked that
 * day; {@code null} is a day off.
 * <p>
 * Why {@code null} (a nullable variable) rather than an explicit OFF value: {@code forEach(AgentDay.class)}
 * then only sees working days, so every "working day" constraint is a plain stream with no OFF filter, and
 * the few constraints that must also see days off (weekly contract minutes, the coverage seed) say so with
 * {@code forEachIncludingNullVars}. The value range is per agent (skills and allowed lengths), so search never
 * proposes a shift the contract does not allow.
 */
@PlanningEntity
public class AgentDay {

    public static final String SHIFT_VARIABLE = "shift";

    @PlanningId
    private String id;
    private Agent agent;
    private RosterDay day;

    @PlanningVariable(valueRangeProviderRefs = "shiftOptionRange", nullable = true)
    private ShiftOption shift;

    /** Published days, manual edits and approved full-day absences are pinned: the solver keeps them. */
    @PlanningPin
    private boolean pinned;

    /** Contract minutes credited by approved absences on this day (paid leave, time off). */
    private int creditedMinutes;

    /** Exactly one agent-day per date carries the coverage seeds of that date; see {@link SlotCoverage}. */
    private boolean coverageSeed;

    /** For the solution cloner. */
    public AgentDay() {
    }

    public AgentDay(Agent agent, RosterDay day) {
        this(agent, day, null, false);
    }

    public AgentDay(Agent agent, RosterDay day, ShiftOption shift, boolean pinned) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.day = Objects.requireNonNull(day, "day");
        this.id = agent.getEmployeeNo() + "/" + day.getDate();
        this.shift = shift;
        this.pinned = pinned;
    }

    /** A planning clone: same facts, same values. */
    AgentDay copy() {
        AgentDay copy = new AgentDay();
        copy.id = id;
        copy.agent = agent;
        copy.day = day;
        copy.shift = shift;
        copy.pinned = pinned;
        copy.creditedMinutes = creditedMinutes;
        copy.coverageSeed = coverageSeed;
        return copy;
    }

    @ValueRangeProvider(id = "shiftOptionRange")
    public List<ShiftOption> getShiftOptionRange() {
        return agent.getEligibleShiftOptions();
    }

    // ************************************************************************
    // Derived values used by the constraints (no allocation, no date-time math)
    // ************************************************************************

    public boolean isWorking() {
        return shift != null;
    }

    public LocalDate getDate() {
        return day.getDate();
    }

    public DayOfWeek getDayOfWeek() {
        return day.getDayOfWeek();
    }

    public int getDayIndex() {
        return day.getDayIndex();
    }

    public int getWeekIndex() {
        return day.getWeekIndex();
    }

    public int getPaidMinutes() {
        return shift == null ? 0 : shift.getPaidMinutes();
    }

    /** Paid shift minutes plus minutes credited by approved absences: what the weekly contract counts. */
    public int getCountedMinutes() {
        return getPaidMinutes() + creditedMinutes;
    }

    /** Shift start in {@link Unavailability#localMinute} units; only for working days. */
    public long getStartMinute() {
        return day.getStartMinute() + shift.getStartMinuteOfDay();
    }

    /** Shift end in {@link Unavailability#localMinute} units; only for working days. */
    public long getEndMinute() {
        return day.getStartMinute() + shift.getEndMinuteOfDay();
    }

    /** Minutes of this working day's shift outside the agent's weekly availability. */
    public int getMinutesOutsideAvailability() {
        return agent.minutesOutsideAvailability(day.getDayOfWeek(), shift);
    }

    /** Rest in minutes between this working day's shift end and {@code next}'s shift start. */
    public long restMinutesUntil(AgentDay next) {
        return next.getStartMinute() - getEndMinute();
    }

    /**
     * Minutes of rest missing between this working day's shift and the agent's fixed shifts just outside the
     * horizon (the last one before it, for the first day; the first one after it, for the last day).
     */
    public long getEdgeRestShortfallMinutes() {
        return agent.getEdges().restShortfall(day, shift, agent.getMinRestMinutes());
    }

    /** Difference in start time of day (minutes, absolute) with another working day. */
    public int startDifferenceMinutes(AgentDay other) {
        return Math.abs(shift.getStartMinuteOfDay() - other.shift.getStartMinuteOfDay());
    }

    /** The requirement slots this agent-day contributes to (its shift's span, net of breaks), plus the seeds if it is the seed. */
    public List<SlotCoverage> getCoverage() {
        CoverageGrid grid = day.getCoverageGrid();
        List<SlotCoverage> shiftCoverage = shift == null ? List.of() : grid.coverageOf(day.getDayIndex(), shift);
        if (!coverageSeed) {
            return shiftCoverage;
        }
        List<SlotCoverage> seeds = grid.seedsOfDay(day.getDayIndex());
        if (shiftCoverage.isEmpty()) {
            return seeds;
        }
        List<SlotCoverage> both = new ArrayList<>(seeds.size() + shiftCoverage.size());
        both.addAll(seeds);
        both.addAll(shiftCoverage);
        return both;
    }

    /** This day as a bit of a working-days mask: bit {@code dayIndex} (horizons are at most 63 days). */
    public long getDayBit() {
        return 1L << day.getDayIndex();
    }

    /** Marks the first agent-day of every date as that date's coverage seed (and clears the others). */
    public static void markCoverageSeeds(List<AgentDay> agentDays) {
        java.util.Set<LocalDate> seeded = new java.util.HashSet<>();
        for (AgentDay agentDay : agentDays) {
            agentDay.coverageSeed = seeded.add(agentDay.getDate());
        }
    }

    // ************************************************************************
    // Getters and setters
    // ************************************************************************

    public String getId() {
        return id;
    }

    public Agent getAgent() {
        return agent;
    }

    public RosterDay getDay() {
        return day;
    }

    public ShiftOption getShift() {
        return shift;
    }

    public void setShift(ShiftOption shift) {
        this.shift = shift;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public int getCreditedMinutes() {
        return creditedMinutes;
    }

    public void setCreditedMinutes(int creditedMinutes) {
        this.creditedMinutes = creditedMinutes;
    }

    public boolean isCoverageSeed() {
        return coverageSeed;
    }

    /** The shift's breaks ({@link ShiftBreaks}): the same the score counts coverage net of; empty on a day off. */
    public List<PlannedBreak> getBreaks() {
        return shift == null ? List.of() : shift.breaksOn(day.getDate());
    }

    @Override
    public String toString() {
        return id + "=" + (shift == null ? "OFF" : shift.getId()) + (pinned ? " (pinned)" : "");
    }
}
