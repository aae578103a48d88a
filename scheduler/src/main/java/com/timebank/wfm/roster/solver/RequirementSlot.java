package com.timebank.wfm.roster.solver;

import java.time.LocalDateTime;
import java.util.Objects;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * Required scheduled agents for one queue (skill) in one interval of the horizon: a problem fact.
 * The requirement is agents on the phone, grossed up only for unplanned shrinkage (absence): the planned breaks
 * are explicit in the roster, so a slot is covered by agents net of their breaks ({@link NetCoverage}).
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
    private final int slotMinutes;
    private final SlotCoverage seed;

    public RequirementSlot(String skill, int index, int dayIndex, int slotOfDay, LocalDateTime start, int required,
            int slotMinutes) {
        this.skill = Objects.requireNonNull(skill);
        this.index = index;
        this.dayIndex = dayIndex;
        this.slotOfDay = slotOfDay;
        this.start = start;
        if (required < 0) {
            throw new IllegalArgumentException("Required agents must not be negative: " + required + " at " + start);
        }
        this.required = required;
        this.slotMinutes = slotMinutes;
        this.id = skill + "#" + index;
        this.seed = new SlotCoverage(this, 0);
    }

    /** Agent-minutes on the phone the requirement asks for: required agents for the whole slot. */
    public int getRequiredMinutes() {
        return required * slotMinutes;
    }

    /** Shortfall penalty ({@link NetCoverage#shortfallPenalty}) with {@code onPhoneMinutes} agent-minutes covered. */
    public long shortfallPenalty(int onPhoneMinutes) {
        return NetCoverage.shortfallPenalty(getRequiredMinutes() - (long) onPhoneMinutes, slotMinutes);
    }

    /** Overstaffing penalty ({@link NetCoverage#overstaffingPenalty}) with {@code onPhoneMinutes} covered. */
    public long overstaffingPenalty(int onPhoneMinutes) {
        return NetCoverage.overstaffingPenalty(onPhoneMinutes - (long) getRequiredMinutes(), slotMinutes);
    }

    public int getSlotMinutes() {
        return slotMinutes;
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

    public SlotCoverage seed() {
        return seed;
    }

    @Override
    public String toString() {
        return skill + "@" + start + "(req " + required + ")";
    }
}
