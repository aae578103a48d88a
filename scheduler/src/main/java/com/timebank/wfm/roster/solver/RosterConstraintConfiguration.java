package com.timebank.wfm.roster.solver;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * Constraint weights, configurable per center. Every constraint of {@link RosterConstraintProvider} has one
 * weight here; a weight of zero switches the constraint off. Match weights (what a weight multiplies) are
 * documented per constraint; the defaults below are a sane starting point for a 30-minute grid.
 * <p>
 * Score type: {@link HardSoftLongScore}. Hard = labour rules (a roster breaking them is not publishable).
 * All planning goals are soft because planners need them to be <em>weighted</em> against each other per
 * center: a medium level for coverage would make coverage lexicographically dominant, so no weight could ever
 * trade a single agent-interval of shortfall against, say, an agent's preferred day off. Long because the
 * squared shortfall summed over 2,000 agents × 28 days × 48 slots times a weight overflows an int.
 */
@ConstraintConfiguration(constraintPackage = RosterConstraintConfiguration.CONSTRAINT_PACKAGE)
public class RosterConstraintConfiguration {

    public static final String CONSTRAINT_PACKAGE = "com.timebank.wfm.roster.solver";

    // Hard
    public static final String WEEKLY_MINUTES_BELOW_CONTRACT = "Weekly minutes below contract";
    public static final String WEEKLY_MINUTES_ABOVE_CONTRACT = "Weekly minutes above contract";
    public static final String MINIMUM_REST = "Minimum rest between shifts";
    public static final String MAXIMUM_CONSECUTIVE_WORKING_DAYS = "Maximum consecutive working days";
    public static final String LEAVE_AND_UNAVAILABILITY = "Leave, time off and unavailability";
    public static final String REQUIRED_SKILL = "Required skill";
    public static final String MINIMUM_REST_NEXT_TO_PUBLISHED = "Minimum rest next to published shifts";
    public static final String CONSECUTIVE_DAYS_NEXT_TO_PUBLISHED = "Consecutive working days next to published shifts";
    public static final String OUTSIDE_AVAILABILITY = "Outside availability";
    // Soft
    public static final String COVERAGE_SHORTFALL = "Coverage shortfall";
    public static final String OVERSTAFFING = "Overstaffing";
    public static final String PREFERRED_DAY_OFF = "Preferred day off";
    public static final String SHIFT_TIME_PREFERENCE = "Early/late shift preference";
    public static final String FAIR_WEEKEND_WORK = "Fair weekend work";
    public static final String FAIR_LATE_SHIFTS = "Fair late shifts";
    public static final String STABLE_START_TIMES = "Stable start times";
    public static final String TIME_BANK_IDLE_DAY_OFF = "Time-bank days off on idle days";
    public static final String PREFERRED_SHIFT = "Preferred shift";

    /** Per minute below the (pro-rated) weekly contract minimum. */
    @ConstraintWeight(WEEKLY_MINUTES_BELOW_CONTRACT)
    private HardSoftLongScore weeklyMinutesBelowContract = HardSoftLongScore.ofHard(1);
    /** Per minute above the (pro-rated) weekly contract maximum. */
    @ConstraintWeight(WEEKLY_MINUTES_ABOVE_CONTRACT)
    private HardSoftLongScore weeklyMinutesAboveContract = HardSoftLongScore.ofHard(1);
    /** Per minute of rest missing between two consecutive shifts. */
    @ConstraintWeight(MINIMUM_REST)
    private HardSoftLongScore minimumRest = HardSoftLongScore.ofHard(1);
    /** Per window of (max + 1) days that is fully worked (a run of max + k days gives k windows). */
    @ConstraintWeight(MAXIMUM_CONSECUTIVE_WORKING_DAYS)
    private HardSoftLongScore maximumConsecutiveWorkingDays = HardSoftLongScore.ofHard(480);
    /** Per minute a shift overlaps leave, time off or declared unavailability. */
    @ConstraintWeight(LEAVE_AND_UNAVAILABILITY)
    private HardSoftLongScore leaveAndUnavailability = HardSoftLongScore.ofHard(1);
    /** Per shift minute on a queue the agent has no skill for. */
    @ConstraintWeight(REQUIRED_SKILL)
    private HardSoftLongScore requiredSkill = HardSoftLongScore.ofHard(1);

    /** Per minute of rest missing between a shift and a published shift just before or after the horizon. */
    @ConstraintWeight(MINIMUM_REST_NEXT_TO_PUBLISHED)
    private HardSoftLongScore minimumRestNextToPublished = HardSoftLongScore.ofHard(1);
    /** Per fully worked window of (max + 1) days that reaches into published days before or after the horizon. */
    @ConstraintWeight(CONSECUTIVE_DAYS_NEXT_TO_PUBLISHED)
    private HardSoftLongScore consecutiveDaysNextToPublished = HardSoftLongScore.ofHard(480);

    /**
     * Per hundredth of a squared missing agent on the phone in an interval (net of breaks, see {@link NetCoverage}):
     * a gap of 2 agents costs 400, two gaps of 1 cost 200, so gaps spread; half an agent (a 15-minute break in a
     * 30-minute interval) costs 25.
     */
    @ConstraintWeight(COVERAGE_SHORTFALL)
    private HardSoftLongScore coverageShortfall = HardSoftLongScore.ofSoft(1);
    /** Per tenth of an agent on the phone above the requirement in an interval (10 per whole agent). */
    @ConstraintWeight(OVERSTAFFING)
    private HardSoftLongScore overstaffing = HardSoftLongScore.ofSoft(1);
    /** Per shift worked on one of the agent's preferred days off. */
    @ConstraintWeight(PREFERRED_DAY_OFF)
    private HardSoftLongScore preferredDayOff = HardSoftLongScore.ofSoft(150);
    /** Per late shift for an early-preferring agent, or early shift for a late-preferring one. */
    @ConstraintWeight(SHIFT_TIME_PREFERENCE)
    private HardSoftLongScore shiftTimePreference = HardSoftLongScore.ofSoft(100);
    /** Per agent, the squared number of weekend days worked (minimal when spread evenly across the team). */
    @ConstraintWeight(FAIR_WEEKEND_WORK)
    private HardSoftLongScore fairWeekendWork = HardSoftLongScore.ofSoft(10);
    /** Per agent, the squared number of late shifts worked. */
    @ConstraintWeight(FAIR_LATE_SHIFTS)
    private HardSoftLongScore fairLateShifts = HardSoftLongScore.ofSoft(10);
    /** Per started half hour of difference between start times on consecutive working days. */
    @ConstraintWeight(STABLE_START_TIMES)
    private HardSoftLongScore stableStartTimes = HardSoftLongScore.ofSoft(5);
    /** Per whole hour of positive time-bank balance of an agent who works on an idle day. */
    @ConstraintWeight(TIME_BANK_IDLE_DAY_OFF)
    private HardSoftLongScore timeBankIdleDayOff = HardSoftLongScore.ofSoft(2);

    /** Per minute of a shift outside the agent's weekly availability windows. */
    @ConstraintWeight(OUTSIDE_AVAILABILITY)
    private HardSoftLongScore outsideAvailability = HardSoftLongScore.ofHard(1);
    /** Per shift of another template than the one the agent prefers. */
    @ConstraintWeight(PREFERRED_SHIFT)
    private HardSoftLongScore preferredShift = HardSoftLongScore.ofSoft(50);

    public RosterConstraintConfiguration() {
    }

    public HardSoftLongScore getWeeklyMinutesBelowContract() {
        return weeklyMinutesBelowContract;
    }

    public void setWeeklyMinutesBelowContract(HardSoftLongScore weight) {
        this.weeklyMinutesBelowContract = weight;
    }

    public HardSoftLongScore getWeeklyMinutesAboveContract() {
        return weeklyMinutesAboveContract;
    }

    public void setWeeklyMinutesAboveContract(HardSoftLongScore weight) {
        this.weeklyMinutesAboveContract = weight;
    }

    public HardSoftLongScore getMinimumRest() {
        return minimumRest;
    }

    public void setMinimumRest(HardSoftLongScore weight) {
        this.minimumRest = weight;
    }

    public HardSoftLongScore getMaximumConsecutiveWorkingDays() {
        return maximumConsecutiveWorkingDays;
    }

    public void setMaximumConsecutiveWorkingDays(HardSoftLongScore weight) {
        this.maximumConsecutiveWorkingDays = weight;
    }

    public HardSoftLongScore getLeaveAndUnavailability() {
        return leaveAndUnavailability;
    }

    public void setLeaveAndUnavailability(HardSoftLongScore weight) {
        this.leaveAndUnavailability = weight;
    }

    public HardSoftLongScore getRequiredSkill() {
        return requiredSkill;
    }

    public void setRequiredSkill(HardSoftLongScore weight) {
        this.requiredSkill = weight;
    }

    public HardSoftLongScore getMinimumRestNextToPublished() {
        return minimumRestNextToPublished;
    }

    public void setMinimumRestNextToPublished(HardSoftLongScore weight) {
        this.minimumRestNextToPublished = weight;
    }

    public HardSoftLongScore getConsecutiveDaysNextToPublished() {
        return consecutiveDaysNextToPublished;
    }

    public void setConsecutiveDaysNextToPublished(HardSoftLongScore weight) {
        this.consecutiveDaysNextToPublished = weight;
    }

    public HardSoftLongScore getCoverageShortfall() {
        return coverageShortfall;
    }

    public void setCoverageShortfall(HardSoftLongScore weight) {
        this.coverageShortfall = weight;
    }

    public HardSoftLongScore getOverstaffing() {
        return overstaffing;
    }

    public void setOverstaffing(HardSoftLongScore weight) {
        this.overstaffing = weight;
    }

    public HardSoftLongScore getPreferredDayOff() {
        return preferredDayOff;
    }

    public void setPreferredDayOff(HardSoftLongScore weight) {
        this.preferredDayOff = weight;
    }

    public HardSoftLongScore getShiftTimePreference() {
        return shiftTimePreference;
    }

    public void setShiftTimePreference(HardSoftLongScore weight) {
        this.shiftTimePreference = weight;
    }

    public HardSoftLongScore getFairWeekendWork() {
        return fairWeekendWork;
    }

    public void setFairWeekendWork(HardSoftLongScore weight) {
        this.fairWeekendWork = weight;
    }

    public HardSoftLongScore getFairLateShifts() {
        return fairLateShifts;
    }

    public void setFairLateShifts(HardSoftLongScore weight) {
        this.fairLateShifts = weight;
    }

    public HardSoftLongScore getStableStartTimes() {
        return stableStartTimes;
    }

    public void setStableStartTimes(HardSoftLongScore weight) {
        this.stableStartTimes = weight;
    }

    public HardSoftLongScore getTimeBankIdleDayOff() {
        return timeBankIdleDayOff;
    }

    public void setTimeBankIdleDayOff(HardSoftLongScore weight) {
        this.timeBankIdleDayOff = weight;
    }

    public HardSoftLongScore getOutsideAvailability() {
        return outsideAvailability;
    }

    public void setOutsideAvailability(HardSoftLongScore weight) {
        this.outsideAvailability = weight;
    }

    public HardSoftLongScore getPreferredShift() {
        return preferredShift;
    }

    public void setPreferredShift(HardSoftLongScore weight) {
        this.preferredShift = weight;
    }
}
