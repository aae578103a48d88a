package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResidualCoverageTest {

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
                    }
                }
            }
        }
    }
}
