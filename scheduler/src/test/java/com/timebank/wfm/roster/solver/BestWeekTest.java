package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BestWeekTest {

    private static final ShiftOption EARLY_4 = ShiftOption.of("general", LocalTime.of(8, 0), 240, 0);
    private static final ShiftOption LATE_4 = ShiftOption.of("general", LocalTime.of(17, 0), 240, 0);
    private static final ShiftOption DAY_9 = ShiftOption.of("general", LocalTime.of(9, 0), 540, 60);
    private static final ShiftOption LATE_9 = ShiftOption.of("general", LocalTime.of(14, 0), 540, 60);

    /**
     * A 28 h agent worth more on seven short shifts than on four long ones (the move hill climbing cannot make one
     * shift at a time), but at most six days in a row: six short days and one long one.
     */
    @Test
    void aWeekOfFewLongShiftsBecomesManyShortOnesWithinTheDaysInARow() {
        List<BestWeek.Day> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(BestWeek.Day.open(List.of(new BestWeek.Option(EARLY_4, 100), new BestWeek.Option(DAY_9, 150))));
        }
        assertThat(BestWeek.plan(List.of(new BestWeek.Week(days, 0, 1_680, 1_680)), edges(7)))
                .containsOnly(EARLY_4);

        ShiftOption[] sixInARow = BestWeek.plan(List.of(new BestWeek.Week(days, 0, 1_440, 1_680)), edges(6));
        assertThat(sixInARow).containsOnlyOnce((ShiftOption) null);
        assertThat(total(sixInARow)).isBetween(1_440, 1_680);
    }

    @Test
    void noWeekWithinTheLimitsIsNull() {
        List<BestWeek.Day> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(BestWeek.Day.open(List.of(new BestWeek.Option(DAY_9, 150))));
        }
        assertThat(BestWeek.plan(List.of(new BestWeek.Week(days, 0, 2_450, 2_470)), edges(5))).isNull();
    }

    /**
     * At most five days in a row: after a quiet week ending in five working days the busy week's Monday cannot be
     * worked, whatever that week alone does; planned together, the quiet week takes its day off at the end and the
     * busy Monday is worked.
     */
    @Test
    void aDayOffMovesOutOfTheBusyWeekWhenBothWeeksArePlannedTogether() {
        List<BestWeek.Day> quiet = new ArrayList<>();
        List<BestWeek.Day> busy = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            quiet.add(BestWeek.Day.open(List.of(new BestWeek.Option(DAY_9, 10))));
            busy.add(BestWeek.Day.open(List.of(new BestWeek.Option(DAY_9, d == 0 ? 500 : 100))));
        }
        ShiftOption[] both = BestWeek.plan(List.of(new BestWeek.Week(quiet, 0, 2_400, 2_400),
                new BestWeek.Week(busy, 0, 2_400, 2_400)), edges(6));
        assertThat(both).isNotNull();
        assertThat(both[7]).as("the busy Monday").isEqualTo(DAY_9);
        int run = 0;
        for (ShiftOption shift : both) {
            run = shift == null ? 0 : run + 1;
            assertThat(run).isLessThanOrEqualTo(6);
        }
        assertThat(total(Arrays.copyOfRange(both, 0, 7))).isEqualTo(2_400);
        assertThat(total(Arrays.copyOfRange(both, 7, 14))).isEqualTo(2_400);

        ShiftOption[] alone = BestWeek.plan(List.of(new BestWeek.Week(busy, 0, 2_400, 2_400)),
                new BestWeek.Edges(DAY_9, null, 5, 0, 5, 660, 5));
        assertThat(alone).isNotNull();
        assertThat(alone[0]).as("Monday after five days in a row").isNull();
        ShiftOption[] together = BestWeek.plan(List.of(new BestWeek.Week(quiet, 0, 2_400, 2_400),
                new BestWeek.Week(busy, 0, 2_400, 2_400)), edges(5));
        assertThat(together[7]).as("planned together, the busy Monday is worked").isEqualTo(DAY_9);
    }

    /**
     * Against every plan there is (each day off or one of up to three options), on random one- and two-week plans,
     * rules and edges.
     */
    @Test
    void theDynamicProgramFindsTheBestPlanThereIs() {
        Random random = new Random(7);
        List<ShiftOption> all = List.of(EARLY_4, LATE_4, DAY_9, LATE_9,
                ShiftOption.of("general", LocalTime.of(22, 0), 480, 30));
        for (int round = 0; round < 300; round++) {
            int weekCount = 1 + random.nextInt(2);
            int daysPerWeek = weekCount == 1 ? 7 : 4;
            List<BestWeek.Week> weeks = new ArrayList<>();
            for (int w = 0; w < weekCount; w++) {
                List<BestWeek.Day> days = new ArrayList<>();
                for (int d = 0; d < daysPerWeek; d++) {
                    int kind = random.nextInt(10);
                    if (kind == 0) {
                        days.add(BestWeek.Day.fixedOff());
                    } else if (kind == 1) {
                        days.add(BestWeek.Day.fixedShift(all.get(random.nextInt(all.size()))));
                    } else {
                        List<BestWeek.Option> options = new ArrayList<>();
                        for (ShiftOption shift : all) {
                            if (options.size() < 3 && random.nextBoolean()) {
                                options.add(new BestWeek.Option(shift, random.nextInt(400) - 100));
                            }
                        }
                        days.add(BestWeek.Day.open(options));
                    }
                }
                int min = 240 * random.nextInt(daysPerWeek + 1);
                weeks.add(new BestWeek.Week(days, random.nextInt(3) * 60, min, min + 240 * random.nextInt(5)));
            }
            ShiftOption before = random.nextBoolean() ? all.get(random.nextInt(all.size())) : null;
            ShiftOption after = random.nextBoolean() ? all.get(random.nextInt(all.size())) : null;
            BestWeek.Edges edges = new BestWeek.Edges(before, after, before == null ? 0 : 1 + random.nextInt(4),
                    after == null ? 0 : 1 + random.nextInt(3), 3 + random.nextInt(4), 600 + 60 * random.nextInt(4),
                    random.nextInt(10));

            List<BestWeek.Day> days = weeks.stream().flatMap(w -> w.days().stream()).toList();
            Long best = bruteForce(days, weeks, edges, 0, new ShiftOption[days.size()]);
            ShiftOption[] plan = BestWeek.plan(weeks, edges);
            if (best == null) {
                assertThat(plan).as("round %d: %s %s", round, weeks, edges).isNull();
            } else {
                assertThat(plan).as("round %d", round).isNotNull();
                assertThat(valueOf(days, weeks, edges, plan)).as("round %d", round).isEqualTo(best);
            }
        }
    }

    /**
     * A day keeps the best {@value BestWeek#BEST_PER_LENGTH} options of each paid length and the best others up to
     * {@value BestWeek#BEST_PER_DAY} in all, best first, equal values in the order they came.
     */
    @Test
    void aDayKeepsItsBestOptionsPerLengthAndOverallBestFirst() {
        List<BestWeek.Option> options = new ArrayList<>();
        List<BestWeek.Option> shortOnes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // twelve 9 h shifts worth 1,000 down to 450, then six 4 h shifts worth 5, 5, 0, 1, 2, 3
            options.add(new BestWeek.Option(ShiftOption.of("general", LocalTime.of(6, 0).plusMinutes(30 * i), 540, 60),
                    1_000 - 50 * i));
        }
        for (int i = 0; i < 6; i++) {
            BestWeek.Option option = new BestWeek.Option(
                    ShiftOption.of("general", LocalTime.of(6, 0).plusMinutes(30 * i), 240, 0), i < 2 ? 5 : i - 2);
            shortOnes.add(option);
            options.add(option);
        }
        java.util.Collections.shuffle(options, new Random(3));
        options.sort(java.util.Comparator.comparing(o -> o.shift().getPaidMinutes()));

        List<BestWeek.Option> kept = BestWeek.Day.open(options).options();

        int perLength = BestWeek.BEST_PER_LENGTH;
        int longOnes = BestWeek.BEST_PER_DAY - perLength;
        assertThat(perLength).as("the test's shifts").isBetween(1, 6);
        assertThat(longOnes).as("the test's shifts").isBetween(perLength, 12);
        assertThat(kept).hasSize(BestWeek.BEST_PER_DAY);
        assertThat(kept).extracting(BestWeek.Option::value).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the best 9 h shifts up to the total, then the best 4 h ones though every 9 h shift is worth more
        assertThat(kept.subList(0, longOnes)).extracting(BestWeek.Option::value)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, longOnes).map(i -> 1_000 - 50 * i)
                        .boxed().toList());
        // the two worth 5 in the order they came, then 3, 2, 1, 0
        List<BestWeek.Option> fives = options.stream().filter(o -> o.value() == 5).toList();
        List<BestWeek.Option> ranked = List.of(fives.get(0), fives.get(1), shortOnes.get(5), shortOnes.get(4),
                shortOnes.get(3), shortOnes.get(2));
        assertThat(kept.subList(longOnes, kept.size())).containsExactlyElementsOf(ranked.subList(0, perLength));
    }

    private static BestWeek.Edges edges(int maxRun) {
        return new BestWeek.Edges(null, null, 0, 0, maxRun, 660, 5);
    }

    private static int total(ShiftOption[] plan) {
        int minutes = 0;
        for (ShiftOption shift : plan) {
            minutes += shift == null ? 0 : shift.getPaidMinutes();
        }
        return minutes;
    }

    private static Long bruteForce(List<BestWeek.Day> days, List<BestWeek.Week> weeks, BestWeek.Edges edges, int i,
            ShiftOption[] plan) {
        if (i == days.size()) {
            return valueOf(days, weeks, edges, plan);
        }
        BestWeek.Day day = days.get(i);
        List<ShiftOption> choices = new ArrayList<>();
        if (day.fixed() != null) {
            choices.add(day.fixed());
        } else {
            choices.add(null);
            day.options().forEach(o -> choices.add(o.shift()));
        }
        Long best = null;
        for (ShiftOption choice : choices) {
            plan[i] = choice;
            Long value = bruteForce(days, weeks, edges, i + 1, plan);
            if (value != null && (best == null || value > best)) {
                best = value;
            }
        }
        plan[i] = null;
        return best;
    }

    /** The value of a plan under the rules, null when it breaks one; written out plainly, day by day. */
    private static Long valueOf(List<BestWeek.Day> days, List<BestWeek.Week> weeks, BestWeek.Edges frame,
            ShiftOption[] plan) {
        int first = 0;
        for (BestWeek.Week week : weeks) {
            int n = week.days().size();
            int minutes = week.baseMinutes() + total(Arrays.copyOfRange(plan, first, first + n));
            if (minutes < week.minMinutes() || minutes > week.maxMinutes()) {
                return null;
            }
            first += n;
        }
        ShiftOption[] row = new ShiftOption[plan.length + 2];
        row[0] = frame.before();
        row[row.length - 1] = frame.after();
        System.arraycopy(plan, 0, row, 1, plan.length);
        long value = 0;
        for (int i = 0; i < plan.length; i++) {
            BestWeek.Day day = days.get(i);
            if (plan[i] != null && day.fixed() == null) {
                ShiftOption chosen = plan[i];
                value += day.options().stream().filter(o -> o.shift() == chosen).findFirst().orElseThrow().value();
            }
        }
        for (int i = 0; i + 1 < row.length; i++) {
            if (row[i] != null && row[i + 1] != null) {
                if (!BestWeek.restAllows(row[i], row[i + 1], frame.minRestMinutes())) {
                    return null;
                }
                value -= frame.stableWeight() * BestWeek.halfHoursBetween(row[i], row[i + 1]);
            }
        }
        // days in a row, counting the runs reaching in from both sides of the week
        int run = frame.runBefore();
        for (ShiftOption shift : plan) {
            run = shift == null ? 0 : run + 1;
            if (run > frame.maxRun()) {
                return null;
            }
        }
        if (plan[plan.length - 1] != null && run + frame.runAfter() > frame.maxRun()) {
            return null;
        }
        return value;
    }

    /**
     * A day keeps the same options, in the same order, as a stable sort of all of them, best first, would: the best
     * {@value BestWeek#BEST_PER_LENGTH} of each paid length, then the best others up to
     * {@value BestWeek#BEST_PER_DAY}; equal values in the order the options came.
     */
    @Test
    void aDayKeepsWhatAStableSortOfAllItsOptionsWouldKeep() {
        Random random = new Random(11);
        int[] lengths = {240, 360, 480, 540};
        for (int round = 0; round < 2_000; round++) {
            int n = random.nextInt(40);
            ShiftOption[] shifts = new ShiftOption[n];
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                shifts[i] = ShiftOption.of("general", LocalTime.of(6 + random.nextInt(10), 0),
                        lengths[random.nextInt(1 + random.nextInt(lengths.length))], 0);
                values[i] = random.nextInt(round % 2 == 0 ? 5 : 1_000) - 100;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort((a, b) -> Long.compare(values[b], values[a]));
            Map<Integer, Integer> perLength = new HashMap<>();
            Set<Integer> kept = new HashSet<>();
            for (int i : order) {
                if (perLength.merge(shifts[i].getPaidMinutes(), 1, Integer::sum) <= BestWeek.BEST_PER_LENGTH) {
                    kept.add(i);
                }
            }
            for (int i : order) {
                if (kept.size() < BestWeek.BEST_PER_DAY) {
                    kept.add(i);
                }
            }
            List<BestWeek.Option> expected = order.stream().filter(kept::contains)
                    .map(i -> new BestWeek.Option(shifts[i], values[i])).toList();
            assertThat(BestWeek.best(shifts, values)).as("round %d", round).containsExactlyElementsOf(expected);
        }
    }
}
