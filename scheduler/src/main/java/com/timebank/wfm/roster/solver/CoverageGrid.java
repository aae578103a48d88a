package com.timebank.wfm.roster.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requirement series of a horizon: per skill, one {@link RequirementSlot} per interval
 * (days × slots per day), plus the lookups the coverage stream needs.
 * <p>
 * A shift's coverage is a contiguous range of the slot array (shifts may run past midnight into the next
 * day's slots; anything past the horizon end is clipped) with the minutes it is on the phone in each slot, net of
 * its breaks ({@link NetCoverage#onPhoneMinutesPerSlot}). {@link #coverageOf} builds that list once per shift option
 * and day and then hands out the same list: no per-slot work and no allocation per move.
 */
public final class CoverageGrid {

    private final LocalDate start;
    private final int days;
    private final int slotMinutes;
    private final int slotsPerDay;
    private final Map<String, RequirementSlot[]> slotsBySkill;
    private final List<List<SlotCoverage>> seedsByDay;
    /** Per shift option, its coverage per day of the horizon (filled on first use; options are shared facts). */
    private final Map<ShiftOption, List<SlotCoverage>[]> coverageByShift = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per shift option, its coverage vector ({@link NetCoverage#onPhoneMinutesPerSlot}). */
    private final Map<ShiftOption, int[]> onPhoneByShift = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param requiredBySkill per skill, required agents for every slot of the horizon
     *                        ({@code days * 1440 / slotMinutes} values)
     */
    public CoverageGrid(LocalDate start, int days, int slotMinutes, Map<String, int[]> requiredBySkill) {
        if (slotMinutes <= 0 || 1440 % slotMinutes != 0) {
            throw new IllegalArgumentException("Slot minutes (" + slotMinutes + ") must divide a day.");
        }
        this.start = start;
        this.days = days;
        this.slotMinutes = slotMinutes;
        this.slotsPerDay = 1440 / slotMinutes;
        this.slotsBySkill = new LinkedHashMap<>();
        List<List<SlotCoverage>> seeds = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            seeds.add(new ArrayList<>());
        }
        int horizonSlots = days * slotsPerDay;
        requiredBySkill.forEach((skill, required) -> {
            if (required.length != horizonSlots) {
                throw new IllegalArgumentException("Requirement for skill " + skill + " has " + required.length
                        + " slots, expected " + horizonSlots + " (" + days + " days × " + slotsPerDay + ").");
            }
            RequirementSlot[] slots = new RequirementSlot[horizonSlots];
            for (int i = 0; i < horizonSlots; i++) {
                int dayIndex = i / slotsPerDay;
                int slotOfDay = i % slotsPerDay;
                slots[i] = new RequirementSlot(skill, i, dayIndex, slotOfDay,
                        start.plusDays(dayIndex).atStartOfDay().plusMinutes((long) slotOfDay * slotMinutes), required[i],
                        slotMinutes);
                seeds.get(dayIndex).add(slots[i].seed());
            }
            slotsBySkill.put(skill, slots);
        });
        this.seedsByDay = seeds.stream().map(List::copyOf).toList();
    }

    /**
     * The slots a shift on day {@code dayIndex} covers, each with the minutes the agent is on the phone in it (net of
     * the shift's breaks); clipped at the horizon end.
     */
    @SuppressWarnings("unchecked")
    public List<SlotCoverage> coverageOf(int dayIndex, ShiftOption shift) {
        RequirementSlot[] slots = slotsBySkill.get(shift.getSkill());
        if (slots == null) {
            return Collections.emptyList();
        }
        List<SlotCoverage>[] byDay = coverageByShift.computeIfAbsent(shift, s -> new List[days]);
        List<SlotCoverage> coverage = byDay[dayIndex];
        if (coverage == null) {
            int[] minutes = onPhoneMinutesPerSlot(shift);
            int from = firstSlotOf(dayIndex, shift);
            int to = Math.min(slots.length, from + minutes.length);
            List<SlotCoverage> built = new ArrayList<>(Math.max(0, to - from));
            for (int i = from; i < to; i++) {
                built.add(new SlotCoverage(slots[i], minutes[i - from]));
            }
            coverage = List.copyOf(built);
            byDay[dayIndex] = coverage;
        }
        return coverage;
    }

    /** The shift's coverage vector on this grid ({@link NetCoverage#onPhoneMinutesPerSlot}), from its first slot. */
    public int[] onPhoneMinutesPerSlot(ShiftOption shift) {
        return onPhoneByShift.computeIfAbsent(shift, s -> NetCoverage.onPhoneMinutesPerSlot(s, slotMinutes));
    }

    /** Index (in the skill's grid) of the first slot a shift on {@code dayIndex} covers. */
    public int firstSlotOf(int dayIndex, ShiftOption shift) {
        return dayIndex * slotsPerDay + shift.getStartMinuteOfDay() / slotMinutes;
    }

    /** Number of slots the shift's span touches (a partial last slot counts). */
    public int lengthInSlots(ShiftOption shift) {
        int startOffset = shift.getStartMinuteOfDay() % slotMinutes;
        return (startOffset + shift.getLengthMinutes() + slotMinutes - 1) / slotMinutes;
    }

    /** One zero-agent seed per slot of the day, for all skills. */
    public List<SlotCoverage> seedsOfDay(int dayIndex) {
        return seedsByDay.get(dayIndex);
    }

    public RequirementSlot[] slotsOf(String skill) {
        return slotsBySkill.get(skill);
    }

    public Set<String> getSkills() {
        return slotsBySkill.keySet();
    }

    public List<RequirementSlot> allSlots() {
        List<RequirementSlot> all = new ArrayList<>(slotsBySkill.size() * days * slotsPerDay);
        slotsBySkill.values().forEach(slots -> all.addAll(Arrays.asList(slots)));
        return all;
    }

    public LocalDate getStart() {
        return start;
    }

    public int getDays() {
        return days;
    }

    public int getSlotMinutes() {
        return slotMinutes;
    }

    public int getSlotsPerDay() {
        return slotsPerDay;
    }
}
