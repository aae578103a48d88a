package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;
import java.util.Objects;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * Required scheduled agents for one queue (skill) in one interval of the horizon: a problem fact.
 * The requirement is "scheduled agents" in the staffing sense, i.e. already grossed up for shrinkage
 * (breaks included), so shifts cover their whole span while solving and {@link BreakPlanner} staggers
 * the breaks afterwards.
 */
public final class RequirementSlot {

    @PlanningId
    private final String id;
    private final String skill;
    private final int index;
    private final int dayIndex;
    private final int slotOfDay;
    private final LocalDateTime start;
    private final int required;
    private final SlotCoverage oneAgent;
    private final SlotCoverage seed;

    public RequirementSlot(String skill, int index, int dayIndex, int slotOfDay, LocalDateTime start, int required) {
        this.skill = Objects.requireNonNull(skill);
        this.index = index;
        this.dayIndex = dayIndex;
        this.slotOfDay = slotOfDay;
        this.start = start;
        if (required < 0) {
            throw new IllegalArgumentException("Required agents must not be negative: " + required + " at " + start);
        }
        this.required = required;
        this.id = skill + "#" + index;
        this.oneAgent = new SlotCoverage(this, 1);
        this.seed = new SlotCoverage(this, 0);
    }

    /** Shortfall of {@code scheduled} agents against the requirement (0 if covered). */
    public int shortfall(int scheduled) {
        return Math.max(0, required - scheduled);
    }

    /** Agents scheduled above the requirement (0 if not overstaffed). */
    public int overstaffing(int scheduled) {
        return Math.max(0, scheduled - required);
    }

    public String getId() {
        return id;
    }

    public String getSkill() {
        return skill;
    }

    /** Index of this slot within its skill's horizon grid: {@code dayIndex * slotsPerDay + slotOfDay}. */
    public int getIndex() {
        return index;
    }

    public int getDayIndex() {
        return dayIndex;
    }

    public int getSlotOfDay() {
        return slotOfDay;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public int getRequired() {
        return required;
    }

    public SlotCoverage oneAgent() {
        return oneAgent;
    }

    public SlotCoverage seed() {
        return seed;
    }

    @Override
    public String toString() {
        return skill + "@" + start + "(req " + required + ")";
    }
}
