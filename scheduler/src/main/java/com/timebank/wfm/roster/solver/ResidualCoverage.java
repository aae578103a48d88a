package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requirement still open while a {@link GreedyRoster} plans (agent-minutes per slot and queue, net of breaks) and
 * the coverage value of one more agent on a (day, shift option), cached.
 * <p>
 * Why the cache: the construction, hill climbing and ruin and recreate ask for the value of every eligible shift on
 * every free day of a week, for every agent, again after each single assignment; the value does not depend on the
 * agent, and one assignment changes it only for the options of the same queue that overlap the assigned shift's
 * slots (that day and the days next to it). Measured at 2,000 agents: most of the construction's time was this sum.
 */
final class ResidualCoverage {

    /** The most residuals above 0 the penalty table holds (a larger requirement is computed above it). */
    private static final int PENALTY_TABLE_MOST = 1 << 16;

    private final CoverageGrid grid;
    private final int days;
    private final int slotsPerDay;
    private final long wShort;
    private final long wOver;
    private final Map<String, int[]> residualBySkill = new HashMap<>();
    private final Map<ShiftOption, Option> options = new IdentityHashMap<>();
    /** The options by number ({@link #idOf}). */
    private final List<Option> byId = new ArrayList<>();
    private final Map<String, List<Option>> optionsBySkill = new HashMap<>();
    /**
     * {@link #penalty} by residual, from {@code -penaltyOffset} up: looked up rather than computed (two long
     * divisions), because the plan search values every shift of every freed day on every try, and computing it was
     * an eighth of group replanning's time. Residuals outside the table are computed.
     */
    private final long[] penaltyByResidual;
    private final int penaltyOffset;

    /** One shift option on this grid: its coverage vector and its value per day while known. */
    private static final class Option {
        final int id;
        final int[] residual;
        final int[] onPhone;
        final int firstSlotOfDay;
        final long[] valueByDay;
        final boolean[] known;
        /**
         * The options of the same queue whose span on the day before, the same day and the day after
         * ({@code overlapping[δ + 1]}) overlaps this one's: which values a change of this option forgets.
         */
        @SuppressWarnings("unchecked")
        final List<Option>[] overlapping = new List[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()};

        Option(int id, int[] residual, int[] onPhone, int firstSlotOfDay, int days) {
            this.id = id;
            this.residual = residual;
            this.onPhone = onPhone;
            this.firstSlotOfDay = firstSlotOfDay;
            this.valueByDay = new long[days];
            this.known = new boolean[days];
        }

        /**
         * Whether {@code other}'s span on the day {@code offset} days after this one's day overlaps this one's span.
         * Spans are not cut at the horizon's end here: a span cut there overlaps less, so at worst a value is forgotten
         * that had not changed, and computed again.
         */
        boolean overlaps(Option other, int offset, int slotsPerDay) {
            int otherFrom = offset * slotsPerDay + other.firstSlotOfDay;
            return otherFrom < firstSlotOfDay + onPhone.length && firstSlotOfDay < otherFrom + other.onPhone.length;
        }
    }

    /** The whole requirement open, weighted as the constraints weigh shortfall and overstaffing. */
    ResidualCoverage(CoverageGrid grid, long wShort, long wOver) {
        this.grid = grid;
        this.days = grid.getDays();
        this.slotsPerDay = grid.getSlotsPerDay();
        this.wShort = wShort;
        this.wOver = wOver;
        for (String skill : grid.getSkills()) {
            RequirementSlot[] slots = grid.slotsOf(skill);
            int[] residual = new int[slots.length];
            for (int i = 0; i < slots.length; i++) {
                residual[i] = slots[i].getRequiredMinutes();
            }
            residualBySkill.put(skill, residual);
        }
        // a residual never exceeds its slot's requirement; overstaffing is looked up up to 64 agents on a slot
        int required = 0;
        for (int[] residual : residualBySkill.values()) {
            for (int minutes : residual) {
                required = Math.max(required, minutes);
            }
        }
        penaltyOffset = 64 * grid.getSlotMinutes();
        penaltyByResidual = new long[Math.min(required, PENALTY_TABLE_MOST) + penaltyOffset + 1];
        for (int i = 0; i < penaltyByResidual.length; i++) {
            penaltyByResidual[i] = computePenalty(i - penaltyOffset);
        }
    }

    /**
     * Marginal decrease of the weighted shortfall + overstaffing if one more agent works the shift on day
     * {@code dayIndex}: its coverage vector taken off the residual agent-minutes, with the penalties of
     * {@link NetCoverage}, exactly as the constraints count them.
     */
    long value(int dayIndex, ShiftOption shift) {
        return value(dayIndex, option(shift));
    }

    /** {@link #value(int, ShiftOption)} of the shift numbered {@code shiftId} ({@link #idOf}). */
    long value(int dayIndex, int shiftId) {
        return value(dayIndex, byId.get(shiftId));
    }

    /**
     * The shift's number on this grid, for {@link #value(int, int)}: the plan search values every allowed shift of
     * every freed day on every try, and looking each one up by identity was a twentieth of its time (JFR profile).
     */
    int idOf(ShiftOption shift) {
        return option(shift).id;
    }

    private long value(int dayIndex, Option option) {
        if (option.residual == null) {
            return 0;
        }
        if (!option.known[dayIndex]) {
            option.valueByDay[dayIndex] = computeValue(option, dayIndex);
            option.known[dayIndex] = true;
        }
        return option.valueByDay[dayIndex];
    }

    /**
     * Adds {@code residualDelta} times the shift's coverage vector (-1: one more agent on the shift) to the residual
     * agent-minutes of its slots, and forgets the values that change with them.
     */
    void add(int dayIndex, ShiftOption shift, int residualDelta) {
        Option option = option(shift);
        int[] residual = option.residual;
        if (residual == null) {
            return;
        }
        int from = dayIndex * slotsPerDay + option.firstSlotOfDay;
        int to = Math.min(residual.length, from + option.onPhone.length);
        for (int i = from; i < to; i++) {
            residual[i] += residualDelta * option.onPhone[i - from];
        }
        forgetOverlapping(option, dayIndex);
    }

    /**
     * Forgets the values that a change of {@code option} on day {@code dayIndex} changes: options of its queue whose
     * span on that day or a day next to it overlaps its own. The overlaps are worked out once per pair of options
     * ({@link #option}): going through every option of the queue on every change was a tenth of group replanning's
     * time.
     */
    private void forgetOverlapping(Option option, int dayIndex) {
        for (int offset = -1; offset <= 1; offset++) {
            int d = dayIndex + offset;
            if (d < 0 || d >= days) {
                continue;
            }
            for (Option other : option.overlapping[offset + 1]) {
                other.known[d] = false;
            }
        }
    }

    private long computeValue(Option option, int dayIndex) {
        int[] residual = option.residual;
        int[] onPhone = option.onPhone;
        int from = dayIndex * slotsPerDay + option.firstSlotOfDay;
        int to = Math.min(residual.length, from + onPhone.length);
        long value = 0;
        for (int i = from; i < to; i++) {
            int minutes = onPhone[i - from];
            if (minutes != 0) {
                value += penalty(residual[i]) - penalty(residual[i] - minutes);
            }
        }
        return value;
    }

    /** The weighted shortfall and overstaffing penalty of day {@code dayIndex}, all queues, as the plan stands. */
    long dayPenalty(int dayIndex) {
        long total = 0;
        for (int[] residual : residualBySkill.values()) {
            for (int i = dayIndex * slotsPerDay; i < (dayIndex + 1) * slotsPerDay && i < residual.length; i++) {
                total += penalty(residual[i]);
            }
        }
        return total;
    }

    /** Weighted shortfall or overstaffing penalty of a slot with {@code residual} agent-minutes still required. */
    private long penalty(int residual) {
        int at = residual + penaltyOffset;
        return at >= 0 && at < penaltyByResidual.length ? penaltyByResidual[at] : computePenalty(residual);
    }

    private long computePenalty(int residual) {
        int slotMinutes = grid.getSlotMinutes();
        return residual > 0 ? wShort * NetCoverage.shortfallPenalty(residual, slotMinutes)
                : wOver * NetCoverage.overstaffingPenalty(-(long) residual, slotMinutes);
    }

    private Option option(ShiftOption shift) {
        Option option = options.get(shift);
        if (option == null) {
            int[] residual = residualBySkill.get(shift.getSkill());
            option = new Option(byId.size(), residual, grid.onPhoneMinutesPerSlot(shift),
                    grid.firstSlotOf(0, shift), days);
            options.put(shift, option);
            byId.add(option);
            if (residual != null) {
                List<Option> ofSkill = optionsBySkill.computeIfAbsent(shift.getSkill(), s -> new ArrayList<>());
                ofSkill.add(option);
                for (Option other : ofSkill) {
                    for (int offset = -1; offset <= 1; offset++) {
                        if (option.overlaps(other, offset, slotsPerDay)) {
                            option.overlapping[offset + 1].add(other);
                            if (other != option) {
                                other.overlapping[1 - offset].add(option);
                            }
                        }
                    }
                }
            }
        }
        return option;
    }
}
