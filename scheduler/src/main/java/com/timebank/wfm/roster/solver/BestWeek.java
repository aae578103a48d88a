package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best shifts for one agent over one or more consecutive contract weeks with everyone else's shifts held fixed:
 * dynamic programming over the days, each day off or one of its best shift options, every week within its paid-minute
 * limits, the minimum rest and the most working days in a row counted across the edges, and the start-time changes
 * between neighbouring days priced exactly.
 * <p>
 * Why: local search and hill climbing move one or two shifts at a time, and every step has to pay off on its own. A
 * day off moved out of a peak week into the quiet one before it, a run of starts moved later together to keep the
 * rest, a 28 h week of four 7 h days made six 4 h days and a long one: each single step of those is worse. The
 * coverage values of one agent's days add up exactly (the rest rule keeps its shifts from sharing a slot), so the best
 * plan given the others is a longest path over (day, shift, days in a row, the week's paid minutes).
 * <p>
 * Each day keeps only its best options ({@value #BEST_PER_LENGTH} per paid length, at least {@value #BEST_PER_DAY} in
 * all), and the counts behind the fairness values are taken as they were before the days were emptied; the caller
 * values the result exactly and keeps it only when it is better.
 */
final class BestWeek {

    /**
     * Options a day keeps per paid length, and in all. Fewer make each plan search cheaper, so group replanning makes
     * more tries; measured with scripts/bench-roster (100 agents, all eight instances, 60 s, center weights, weighted
     * objectives): 2 and 6 ended lower than 3 and 10 on seven of eight instances (0.1–0.3%), mean gap 2.39% → 2.35%;
     * 5 and 15 was worse (slower tries).
     */
    static final int BEST_PER_LENGTH = 2;
    static final int BEST_PER_DAY = 6;

    /** A shift an agent may work on a day, with its value apart from start-time changes. */
    record Option(ShiftOption shift, long value) {
    }

    /** One day: its options (none: off), or the shift it keeps ({@code fixed}, e.g. a pinned day). */
    record Day(List<Option> options, ShiftOption fixed) {

        static Day fixedShift(ShiftOption shift) {
            return new Day(List.of(), shift);
        }

        static Day fixedOff() {
            return new Day(List.of(), null);
        }

        static Day open(List<Option> options) {
            ShiftOption[] shifts = new ShiftOption[options.size()];
            long[] values = new long[options.size()];
            for (int i = 0; i < shifts.length; i++) {
                shifts[i] = options.get(i).shift();
                values[i] = options.get(i).value();
            }
            return open(shifts, values);
        }

        /** A day open to {@code shifts}, valued {@code values} (same index), of which it keeps the best. */
        static Day open(ShiftOption[] shifts, long[] values) {
            return new Day(best(shifts, values), null);
        }
    }

    /** One contract week: its days, the paid minutes it has apart from them (credited absence) and its limits. */
    record Week(List<Day> days, int baseMinutes, int minMinutes, int maxMinutes) {
    }

    /**
     * The rules at and around the planned days.
     *
     * @param before         the shift on the day before them (null: off or outside the horizon)
     * @param after          the shift on the day after them (null: off or outside the horizon)
     * @param runBefore      working days in a row up to the day before them
     * @param runAfter       working days in a row from the day after them
     * @param maxRun         most working days in a row
     * @param minRestMinutes least minutes between the end of a shift and the start of the next day's
     * @param stableWeight   the price of each half hour between neighbouring days' start times
     */
    record Edges(ShiftOption before, ShiftOption after, int runBefore, int runAfter, int maxRun, int minRestMinutes,
            long stableWeight) {
    }

    private BestWeek() {
    }

    /** The best shift per day of the weeks in order (null: off), or null when none keeps every rule. */
    static ShiftOption[] plan(List<Week> weeks, Edges edges) {
        Nodes nodes = NODES.get();
        States states = new States(weeks, edges, nodes);
        nodes.clear();
        int[] current = nodes.current;
        int currentSize = 1;
        current[0] = nodes.add(-1, states.id(edges.before()), edges.runBefore(), 0, 0);
        int length = 0;
        int daysLeft = 0;
        for (Week week : weeks) {
            daysLeft += week.days().size();
        }
        // the last shifts the day's states can have: the day before's choices (and off)
        int[] previous = {states.id(edges.before())};
        // the current week's limits in units above its base (the previous week's while a new week starts)
        int floorUnits = 0;
        int capUnits = 0;
        for (int w = 0; w < weeks.size(); w++) {
            Week week = weeks.get(w);
            if (w > 0) {
                currentSize = startWeek(nodes, current, currentSize, states, floorUnits, capUnits);
            }
            capUnits = states.unitsAtMost(week.maxMinutes() - week.baseMinutes());
            floorUnits = states.unitsAtLeast(week.minMinutes() - week.baseMinutes());
            List<Day> days = week.days();
            // the most paid minutes the days after each day of the week can add: a state that cannot reach the
            // week's minimum with them is dropped at once rather than at the week's end
            int[] laterUnits = new int[days.size() + 1];
            for (int i = days.size() - 1; i >= 0; i--) {
                laterUnits[i] = laterUnits[i + 1] + states.mostUnits(days.get(i));
            }
            for (int i = 0; i < days.size(); i++) {
                Day day = days.get(i);
                int leastUnits = floorUnits - laterUnits[i + 1];
                nodes.nextSize = 0;
                List<Option> options = day.options();
                int count = day.fixed() != null ? 1 : options.size();
                int[] ids = new int[count];
                int[] units = new int[count];
                long[] values = new long[count];
                for (int o = 0; o < count; o++) {
                    ShiftOption shift = day.fixed() != null ? day.fixed() : options.get(o).shift();
                    ids[o] = states.id(shift);
                    units[o] = shift.getPaidMinutes() / states.step;
                    values[o] = day.fixed() != null ? 0 : options.get(o).value();
                }
                long[] change = states.changes(ids, previous, edges, nodes);
                previous = ids;
                int maxRun = edges.maxRun();
                daysLeft--;
                // a run this short cannot reach the most days in a row whatever the days after it hold: it is
                // stored as a run of one day, so that such states differing only in their runs become one
                int freeRun = maxRun - daysLeft - edges.runAfter();
                // nor can minutes at least the week's minimum reach its maximum with the week's later days (up to
                // freeTo): stored as the minimum (storedUnits)
                int freeTo = capUnits - laterUnits[i + 1];
                for (int c = 0; c < currentSize; c++) {
                    int from = current[c];
                    int fromUnits = nodes.units[from];
                    long fromValue = nodes.value[from];
                    if (day.fixed() == null && fromUnits >= leastUnits) {
                        relax(nodes, states, from, 0, 0, storedUnits(fromUnits, floorUnits, freeTo), fromValue);
                    }
                    int run = nodes.run[from] + 1;
                    if (run > maxRun) {
                        continue;
                    }
                    int runKey = run <= freeRun ? 1 : run;
                    int row = nodes.shiftId[from] * count;
                    for (int o = 0; o < count; o++) {
                        int u = fromUnits + units[o];
                        long price = change[row + o];
                        if (u > capUnits || u < leastUnits || price < 0) {
                            continue;
                        }
                        relax(nodes, states, from, ids[o], runKey, storedUnits(u, floorUnits, freeTo),
                                fromValue + values[o] - price);
                    }
                }
                int[] next = nodes.next;
                int nextSize = dropLongerRuns(nodes, states);
                if (nextSize == 0) {
                    return null;
                }
                // the day's states become the current ones; the old array takes the next day's
                nodes.next = current;
                nodes.current = next;
                current = next;
                currentSize = nextSize;
                length++;
            }
        }
        int best = -1;
        long bestValue = Long.MIN_VALUE;
        for (int c = 0; c < currentSize; c++) {
            int end = current[c];
            ShiftOption shift = states.shifts.get(nodes.shiftId[end]);
            if (nodes.units[end] < floorUnits || nodes.units[end] > capUnits
                    || shift != null && nodes.run[end] + edges.runAfter() > edges.maxRun()) {
                continue;
            }
            long value = nodes.value[end];
            if (shift != null && edges.after() != null) {
                if (!restAllows(shift, edges.after(), edges.minRestMinutes())) {
                    continue;
                }
                value -= edges.stableWeight() * halfHoursBetween(shift, edges.after());
            }
            if (best < 0 || value > bestValue) {
                best = end;
                bestValue = value;
            }
        }
        if (best < 0) {
            return null;
        }
        ShiftOption[] plan = new ShiftOption[length];
        int node = best;
        for (int i = length - 1; i >= 0; i--) {
            plan[i] = states.shifts.get(nodes.shiftId[node]);
            node = nodes.parent[node];
        }
        return plan;
    }

    /**
     * The states of one day, (last shift, days in a row, the week's paid minutes), as a dense table of node indexes:
     * shifts numbered once per plan (0: off), minutes counted from the week's base in units of the paid lengths'
     * common divisor. A table, not a hash map: the lookups were most of the search's time.
     */
    private static final class States {
        final Map<ShiftOption, Integer> ids = new IdentityHashMap<>();
        /** The shifts by number (0: off). */
        final List<ShiftOption> shifts = new ArrayList<>();
        final int runs;
        final int step;
        final int minuteSlots;
        /** Every entry -1 between days: a day empties the entries it used (the table is the thread's, reused). */
        final int[] table;

        States(List<Week> weeks, Edges edges, Nodes nodes) {
            ids.put(null, 0);
            shifts.add(null);
            int divisor = 0;
            int widest = 0;
            int maxRun = edges.runBefore();
            for (Week week : weeks) {
                for (Day day : week.days()) {
                    if (day.fixed() != null) {
                        divisor = CoverageBound.gcd(divisor, number(day.fixed()));
                    }
                    for (Option option : day.options()) {
                        divisor = CoverageBound.gcd(divisor, number(option.shift()));
                    }
                }
                widest = Math.max(widest, week.maxMinutes() - week.baseMinutes());
                maxRun += week.days().size();
            }
            number(edges.before());
            step = Math.max(1, divisor);
            runs = Math.min(maxRun, Math.max(edges.maxRun(), edges.runBefore())) + 1;
            minuteSlots = Math.max(0, widest) / step + 1;
            table = nodes.table(ids.size() * runs * minuteSlots);
        }

        /** Numbers the shift if new; returns its paid minutes (for the common divisor). */
        private int number(ShiftOption shift) {
            if (shift != null) {
                if (ids.putIfAbsent(shift, ids.size()) == null) {
                    shifts.add(shift);
                }
                return shift.getPaidMinutes();
            }
            return 0;
        }

        int id(ShiftOption shift) {
            return ids.get(shift);
        }

        /** The most units within {@code minutes} (negative when none are). */
        int unitsAtMost(int minutes) {
            return Math.floorDiv(minutes, step);
        }

        /** The fewest units that make at least {@code minutes} (0 when none are needed). */
        int unitsAtLeast(int minutes) {
            return Math.max(0, -Math.floorDiv(-minutes, step));
        }

        /** The most units the day can add: its fixed shift's or its longest option's. */
        int mostUnits(Day day) {
            int most = day.fixed() == null ? 0 : day.fixed().getPaidMinutes();
            for (Option option : day.options()) {
                most = Math.max(most, option.shift().getPaidMinutes());
            }
            return most / step;
        }

        /**
         * Per last shift (by number) and the day's choice {@code ids}: the price of the start-time change between them,
         * or -1 when the rest between them is too short; 0 after a day off. Only the rows of the last shifts the day's
         * states can have ({@code previous}, and off) are filled; the others hold what an earlier day left.
         */
        long[] changes(int[] ids, int[] previous, Edges edges, Nodes nodes) {
            long[] change = nodes.changes(shifts.size() * ids.length);
            Arrays.fill(change, 0, ids.length, 0);
            for (int p : previous) {
                if (p == 0) {
                    continue;
                }
                ShiftOption from = shifts.get(p);
                for (int o = 0; o < ids.length; o++) {
                    ShiftOption to = shifts.get(ids[o]);
                    change[p * ids.length + o] = restAllows(from, to, edges.minRestMinutes())
                            ? edges.stableWeight() * halfHoursBetween(from, to) : -1;
                }
            }
            return change;
        }

        /** The table index of a state. */
        int index(int shiftId, int run, int units) {
            return (shiftId * runs + run) * minuteSlots + units;
        }

        /** Empties the table again (only the entries the day used). */
        void clear(int[] used, int size, Nodes nodes) {
            for (int i = 0; i < size; i++) {
                int node = used[i];
                table[index(nodes.shiftId[node], nodes.run[node], nodes.units[node])] = -1;
            }
        }
    }

    /**
     * The nodes of the longest path in parallel arrays, with the day lists and the state table, kept per thread and
     * reused: a plan makes tens of thousands of nodes, and growing a list of node objects for every plan was most of
     * group replanning's time (profile of the 100-agent solve: 44% of the solver thread in copying that list).
     * A node: where it came from, last shift's number in the plan's {@link States} (0: off), days in a row, the
     * week's paid minutes above its base in units of {@link States#step}, value.
     */
    private static final class Nodes {
        int[] parent = new int[1 << 12];
        int[] shiftId = new int[parent.length];
        int[] run = new int[parent.length];
        int[] units = new int[parent.length];
        long[] value = new long[parent.length];
        int size;
        int[] current = new int[1 << 10];
        int[] next = new int[current.length];
        int nextSize;
        private int[] table = new int[0];
        private long[] changes = new long[0];

        void clear() {
            size = 0;
        }

        /** The state table with at least {@code size} entries, all -1. */
        int[] table(int size) {
            if (table.length < size) {
                table = new int[Math.max(size, 2 * table.length)];
                Arrays.fill(table, -1);
            }
            // a day never has more states than the table has entries
            if (current.length < size) {
                current = new int[table.length];
                next = new int[table.length];
            }
            return table;
        }

        private boolean[] dominated = new boolean[0];

        /** The thread's flags for a day's states, at least {@code size} long. */
        boolean[] dominated(int size) {
            if (dominated.length < size) {
                dominated = new boolean[Math.max(size, 2 * dominated.length)];
            }
            return dominated;
        }

        /** The thread's array for a day's start-time change prices, at least {@code size} long. */
        long[] changes(int size) {
            if (changes.length < size) {
                changes = new long[Math.max(size, 2 * changes.length)];
            }
            return changes;
        }

        int add(int parentIndex, int shift, int days, int weekUnits, long total) {
            if (size == parent.length) {
                int grown = 2 * size;
                parent = Arrays.copyOf(parent, grown);
                shiftId = Arrays.copyOf(shiftId, grown);
                run = Arrays.copyOf(run, grown);
                units = Arrays.copyOf(units, grown);
                value = Arrays.copyOf(value, grown);
            }
            parent[size] = parentIndex;
            shiftId[size] = shift;
            run[size] = days;
            units[size] = weekUnits;
            value[size] = total;
            return size++;
        }
    }

    private static final ThreadLocal<Nodes> NODES = ThreadLocal.withInitial(Nodes::new);

    /**
     * The states a week starts from: the previous week's states within its limits ({@code floorUnits} to
     * {@code capUnits}), their minutes replaced by the new week's base (0 units; the best one per last shift and days
     * in a row), each carried over by a node of its own, so that the path back still has one node per day. Returns how
     * many there are (in {@code current}).
     */
    private static int startWeek(Nodes nodes, int[] current, int currentSize, States states, int floorUnits,
            int capUnits) {
        int started = 0;
        for (int c = 0; c < currentSize; c++) {
            int index = current[c];
            if (nodes.units[index] < floorUnits || nodes.units[index] > capUnits) {
                continue;
            }
            int at = states.index(nodes.shiftId[index], nodes.run[index], 0);
            int existing = states.table[at];
            if (existing < 0) {
                states.table[at] = index;
                current[started++] = index;
            } else if (nodes.value[existing] < nodes.value[index]) {
                for (int i = 0; i < started; i++) {
                    if (current[i] == existing) {
                        current[i] = index;
                    }
                }
                states.table[at] = index;
            }
        }
        for (int i = 0; i < started; i++) {
            int index = current[i];
            states.table[states.index(nodes.shiftId[index], nodes.run[index], 0)] = -1;
            nodes.units[index] = 0;
        }
        return started;
    }

    /**
     * The week's units a state is stored under: {@code floorUnits} for any from the week's minimum up to
     * {@code freeTo} (the most from which the week's later days cannot pass its maximum), since no later choice
     * can tell them apart; else the units themselves.
     */
    private static int storedUnits(int units, int floorUnits, int freeTo) {
        return units >= floorUnits && units <= freeTo ? floorUnits : units;
    }

    /**
     * Drops each of the day's states that a state with the same last shift and week's minutes but fewer days in a row
     * matches or beats in value (every plan on from it is open to the other as well), and empties the table; returns
     * how many states are left (first in {@code nodes.next}). Why: in the 100-agent group replanning (weekend-peak,
     * long-hours and part-time, 10-s solves) 28% of a day's states are such, and a plan search over one or two weeks
     * of 55 shifts a day took ~18% less time without them ({@code PlanSearchProbe plans}: 268–286 µs against
     * 328–346 µs).
     */
    private static int dropLongerRuns(Nodes nodes, States states) {
        int[] next = nodes.next;
        int size = nodes.nextSize;
        int[] table = states.table;
        boolean[] dominated = nodes.dominated(size);
        for (int i = 0; i < size; i++) {
            int node = next[i];
            int shift = nodes.shiftId[node];
            int units = nodes.units[node];
            long value = nodes.value[node];
            boolean matched = false;
            for (int r = nodes.run[node] - 1; r >= 1 && !matched; r--) {
                int other = table[states.index(shift, r, units)];
                matched = other >= 0 && nodes.value[other] >= value;
            }
            dominated[i] = matched;
        }
        states.clear(next, size, nodes);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!dominated[i]) {
                next[kept++] = next[i];
            }
        }
        return kept;
    }

    /** Keeps the candidate if it is the best way to its state (shift, days in a row, units) so far. */
    private static void relax(Nodes nodes, States states, int parentIndex, int shiftId, int run, int units,
            long total) {
        int at = states.index(shiftId, run, units);
        int existing = states.table[at];
        if (existing < 0) {
            int added = nodes.add(parentIndex, shiftId, run, units, total);
            nodes.next[nodes.nextSize++] = added;
            states.table[at] = added;
        } else if (nodes.value[existing] < total) {
            nodes.parent[existing] = parentIndex;
            nodes.value[existing] = total;
        }
    }

    static boolean restAllows(ShiftOption earlier, ShiftOption later, int minRestMinutes) {
        return 1440 + later.getStartMinuteOfDay() - earlier.getEndMinuteOfDay() >= minRestMinutes;
    }

    /** Half hours (rounded up) between two days' start times, as the stable-start-times constraint counts them. */
    static long halfHoursBetween(ShiftOption a, ShiftOption b) {
        return (Math.abs(a.getStartMinuteOfDay() - b.getStartMinuteOfDay()) + 29) / 30;
    }

    /**
     * The best options of a day: {@value #BEST_PER_LENGTH} per paid length, and the best overall up to a total, best
     * first (ties as the options came, so that equal plans are chosen the same way on every run). One pass over plain
     * arrays, keeping each length's best and the best {@value #BEST_PER_DAY} overall: the plan search asks for
     * every freed day of every try, and a sort by comparator with sets and maps, then an insertion sort of every
     * option, were a tenth of group replanning's time.
     */
    static List<Option> best(ShiftOption[] shifts, long[] values) {
        int n = shifts.length;
        int[] lengths = new int[n];
        // per distinct length its best options, best first, and how many
        int[] ofLength = new int[n * BEST_PER_LENGTH];
        int[] ofLengthCount = new int[n];
        int distinct = 0;
        int[] top = new int[BEST_PER_DAY];
        int topCount = 0;
        for (int i = 0; i < n; i++) {
            int length = shifts[i].getPaidMinutes();
            int l = 0;
            while (l < distinct && lengths[l] != length) {
                l++;
            }
            if (l == distinct) {
                lengths[distinct++] = length;
            }
            ofLengthCount[l] = insert(ofLength, l * BEST_PER_LENGTH, ofLengthCount[l], BEST_PER_LENGTH, i, values);
            topCount = insert(top, 0, topCount, BEST_PER_DAY, i, values);
        }
        boolean[] kept = new boolean[n];
        int keptCount = 0;
        for (int l = 0; l < distinct; l++) {
            for (int k = 0; k < ofLengthCount[l]; k++) {
                kept[ofLength[l * BEST_PER_LENGTH + k]] = true;
                keptCount++;
            }
        }
        // the best overall that no length kept, until the day has its total
        for (int t = 0; t < topCount && keptCount < BEST_PER_DAY; t++) {
            if (!kept[top[t]]) {
                kept[top[t]] = true;
                keptCount++;
            }
        }
        int[] sorted = new int[keptCount];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                count = insert(sorted, 0, count, keptCount, i, values);
            }
        }
        List<Option> best = new ArrayList<>(keptCount);
        for (int i : sorted) {
            best.add(new Option(shifts[i], values[i]));
        }
        return best;
    }

    /**
     * Option {@code i} into the best-first list {@code list[from .. from + count)} of at most {@code most}, after every
     * option of the same value already there (options come in order); returns the new count.
     */
    private static int insert(int[] list, int from, int count, int most, int i, long[] values) {
        if (count == most && values[list[from + most - 1]] >= values[i]) {
            return count;
        }
        int at = count < most ? count++ : most - 1;
        for (; at > 0 && values[list[from + at - 1]] < values[i]; at--) {
            list[from + at] = list[from + at - 1];
        }
        list[from + at] = i;
        return count;
    }
}
