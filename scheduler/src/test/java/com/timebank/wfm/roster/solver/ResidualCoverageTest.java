package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResidualCoverageTest {

    /** Looked up by the shift or by its number, as the plan search does. */
    @Test
    void cachedValuesEqualValuesComputedAfreshAfterEveryChange() {
        RosterSolution problem = new RosterInstanceGenerator().generate(
                RosterInstanceGenerator.Spec.of(20, 7).withSeed(3),
                RosterInstanceGenerator.Shape.STANDARD.withLongHours(), new RosterConstraintConfiguration());
        CoverageGrid grid = problem.getCoverageGrid();
        List<ShiftOption> options = new ArrayList<>(problem.getShiftOptions());
        // a shift into the next day: its coverage changes the values of the next day's options too
        options.add(ShiftOption.of(RosterInstanceGenerator.GENERAL, java.time.LocalTime.of(20, 0), 8 * 60, 30));
        options.add(ShiftOption.of(RosterInstanceGenerator.GENERAL, java.time.LocalTime.of(2, 0), 4 * 60, 0));
        ResidualCoverage cached = new ResidualCoverage(grid, 7, 3);
        List<int[]> changes = new ArrayList<>();
        Random random = new Random(5);
        for (int step = 0; step < 300; step++) {
            int day = random.nextInt(grid.getDays());
            int option = random.nextInt(options.size());
            int delta = random.nextInt(3) == 0 ? 1 : -1;
            // read first, so that the cache holds values the change must make stale
            cached.value(day, options.get(option));
            cached.value(Math.min(grid.getDays() - 1, day + 1), options.get(random.nextInt(options.size())));
            cached.add(day, options.get(option), delta);
            changes.add(new int[] {day, option, delta});
            if (step % 50 == 49) {
                ResidualCoverage fresh = new ResidualCoverage(grid, 7, 3);
                changes.forEach(c -> fresh.add(c[0], options.get(c[1]), c[2]));
                for (int d = 0; d < grid.getDays(); d++) {
                    for (ShiftOption shift : options) {
                        assertThat(cached.value(d, shift)).as("%s on day %d after %d changes", shift, d, step + 1)
                                .isEqualTo(fresh.value(d, shift));
                        assertThat(cached.value(d, cached.idOf(shift))).as("%s by its number", shift)
                                .isEqualTo(fresh.value(d, shift));
                    }
                }
            }
        }
    }

    /**
     * A shift into the next day and one early on that next day cover the same slots: a change of either forgets the
     * other's value on its own day (the day before or after the change), whatever else has changed.
     */
    @Test
    void aChangeForgetsTheValuesOfShiftsFromTheDayBeforeAndOfTheDayAfter() {
        // requirement from 06:00 to 24:00: the night shift's last hours and the early shift's first meet the morning's
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(20, 7),
                RosterInstanceGenerator.Shape.STANDARD.withLongHours(), new RosterConstraintConfiguration());
        CoverageGrid grid = problem.getCoverageGrid();
        ShiftOption overnight = ShiftOption.of(RosterInstanceGenerator.GENERAL, java.time.LocalTime.of(22, 0), 10 * 60,
                30);
        ShiftOption early = ShiftOption.of(RosterInstanceGenerator.GENERAL, java.time.LocalTime.of(6, 0), 4 * 60, 0);
        ResidualCoverage coverage = new ResidualCoverage(grid, 7, 3);
        long overnightBefore = coverage.value(2, overnight);
        long earlyBefore = coverage.value(3, early);

        coverage.add(3, early, -1);
        coverage.add(3, early, -1);
        ResidualCoverage fresh = new ResidualCoverage(grid, 7, 3);
        fresh.add(3, early, -1);
        fresh.add(3, early, -1);
        assertThat(coverage.value(2, overnight)).as("the shift from the day before, after a change of the day after")
                .isEqualTo(fresh.value(2, overnight)).isLessThan(overnightBefore);

        coverage.add(2, overnight, -1);
        fresh.add(2, overnight, -1);
        assertThat(coverage.value(3, early)).as("the day after's shift, after a change of the one from the day before")
                .isEqualTo(fresh.value(3, early)).isLessThan(earlyBefore);
    }

    /**
     * A value is the change of the slots' penalties as {@link NetCoverage} counts them, also where the overstaffing
     * or the requirement is beyond what the penalty table holds.
     */
    @Test
    void valuesArePenaltyChangesAsNetCoverageCountsThemFarIntoOverstaffing() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(20, 7));
        CoverageGrid grid = problem.getCoverageGrid();
        ShiftOption shift = problem.getShiftOptions().get(0);
        ResidualCoverage coverage = new ResidualCoverage(grid, 7, 3);
        RequirementSlot[] slots = grid.slotsOf(shift.getSkill());
        int[] residual = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            residual[i] = slots[i].getRequiredMinutes();
        }
        int[] onPhone = grid.onPhoneMinutesPerSlot(shift);
        int from = grid.firstSlotOf(2, shift);
        int slotMinutes = grid.getSlotMinutes();
        for (int agents = 0; agents < 150; agents++) {
            long expected = 0;
            for (int i = 0; i < onPhone.length; i++) {
                int r = residual[from + i];
                expected += penalty(r, slotMinutes) - penalty(r - onPhone[i], slotMinutes);
            }
            assertThat(coverage.value(2, shift)).as("with %d agents on the shift", agents).isEqualTo(expected);
            coverage.add(2, shift, -1);
            for (int i = 0; i < onPhone.length; i++) {
                residual[from + i] -= onPhone[i];
            }
        }
        assertThat(residual[from]).as("well past 64 agents overstaffed").isLessThan(-100 * slotMinutes);
    }

    private static long penalty(int residual, int slotMinutes) {
        return residual > 0 ? 7 * NetCoverage.shortfallPenalty(residual, slotMinutes)
                : 3 * NetCoverage.overstaffingPenalty(-(long) residual, slotMinutes);
    }
}
