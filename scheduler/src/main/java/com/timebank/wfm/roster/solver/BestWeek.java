package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static final int BEST_PER_LENGTH = 3;
    static final int BEST_PER_DAY = 10;

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
            return new Day(best(options), null);
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
        States states = new States(weeks, edges);
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(-1, edges.before(), states.id(edges.before()), edges.runBefore(),
                weeks.get(0).baseMinutes(), 0));
        List<Integer> current = List.of(0);
        int length = 0;
        for (int w = 0; w < weeks.size(); w++) {
            Week week = weeks.get(w);
            states.base = week.baseMinutes();
            if (w > 0) {
                current = startWeek(nodes, current, states, weeks.get(w - 1));
            }
            for (Day day : week.days()) {
                List<Integer> next = new ArrayList<>(current.size() * 2);
                List<Option> options = day.options();
                int[] ids = new int[options.size()];
                for (int o = 0; o < ids.length; o++) {
                    ids[o] = states.id(options.get(o).shift());
                }
                for (int index : current) {
                    Node from = nodes.get(index);
                    if (day.fixed() != null) {
                        step(nodes, next, states, index, from, day.fixed(), states.id(day.fixed()), 0,
                                week.maxMinutes(), edges);
                        continue;
                    }
                    relax(nodes, next, states, new Node(index, null, 0, 0, from.minutes(), from.value()));
                    for (int o = 0; o < ids.length; o++) {
                        Option option = options.get(o);
                        step(nodes, next, states, index, from, option.shift(), ids[o], option.value(),
                                week.maxMinutes(), edges);
                    }
                }
                states.clear(next, nodes);
                if (next.isEmpty()) {
                    return null;
                }
                current = next;
                length++;
            }
        }
        Week last = weeks.get(weeks.size() - 1);
        Node best = null;
        long bestValue = Long.MIN_VALUE;
        for (int index : current) {
            Node end = nodes.get(index);
            if (end.minutes() < last.minMinutes() || end.minutes() > last.maxMinutes()
                    || end.shift() != null && end.run() + edges.runAfter() > edges.maxRun()) {
                continue;
            }
            long value = end.value();
            if (end.shift() != null && edges.after() != null) {
                if (!restAllows(end.shift(), edges.after(), edges.minRestMinutes())) {
                    continue;
                }
                value -= edges.stableWeight() * halfHoursBetween(end.shift(), edges.after());
            }
            if (best == null || value > bestValue) {
                best = end;
                bestValue = value;
            }
        }
        if (best == null) {
            return null;
        }
        ShiftOption[] plan = new ShiftOption[length];
        Node node = best;
        for (int i = length - 1; i >= 0; i--) {
            plan[i] = node.shift();
            node = nodes.get(node.parent());
        }
        return plan;
    }

    /**
     * The states of one day, (last shift, days in a row, the week's paid minutes), as a dense table of node indexes:
     * shifts numbered once per plan (0: off), minutes counted from the week's base in steps of the paid lengths'
     * common divisor. A table, not a hash map: the lookups were most of the search's time.
     */
    private static final class States {
        final Map<ShiftOption, Integer> ids = new IdentityHashMap<>();
        final int runs;
        final int step;
        final int minuteSlots;
        final int[] table;
        /** The current week's paid minutes apart from its planned days. */
        int base;

        States(List<Week> weeks, Edges edges) {
            ids.put(null, 0);
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
            table = new int[ids.size() * runs * minuteSlots];
            Arrays.fill(table, -1);
        }

        /** Numbers the shift if new; returns its paid minutes (for the common divisor). */
        private int number(ShiftOption shift) {
            if (shift != null) {
                ids.putIfAbsent(shift, ids.size());
                return shift.getPaidMinutes();
            }
            return 0;
        }

        int id(ShiftOption shift) {
            return ids.get(shift);
        }

        /** The table index of a state, or -1 when its minutes are outside the week's range (never kept). */
        int index(int shiftId, int run, int minutes) {
            int m = minutes - base;
            if (m < 0 || m % step != 0 || m / step >= minuteSlots || run >= runs) {
                return -1;
            }
            return (shiftId * runs + run) * minuteSlots + m / step;
        }

        /** Empties the table again (only the entries the day used). */
        void clear(List<Integer> used, List<Node> nodes) {
            for (int i : used) {
                Node node = nodes.get(i);
                int at = index(node.shiftId(), node.run(), node.minutes());
                if (at >= 0) {
                    table[at] = -1;
                }
            }
        }
    }

    /**
     * The states a week starts from: the previous week's states within its limits, their minutes replaced by the new
     * week's base ({@code states.base}; the best one per last shift and days in a row), each carried over by a node of
     * its own, so that the path back still has one node per day.
     */
    private static List<Integer> startWeek(List<Node> nodes, List<Integer> current, States states, Week previous) {
        int baseMinutes = states.base;
        List<Integer> started = new ArrayList<>();
        for (int index : current) {
            Node end = nodes.get(index);
            if (end.minutes() < previous.minMinutes() || end.minutes() > previous.maxMinutes()) {
                continue;
            }
            int at = states.index(end.shiftId(), end.run(), baseMinutes);
            if (states.table[at] < 0) {
                states.table[at] = index;
                started.add(index);
            } else if (nodes.get(states.table[at]).value() < end.value()) {
                started.set(started.indexOf(states.table[at]), index);
                states.table[at] = index;
            }
        }
        for (int i = 0; i < started.size(); i++) {
            int index = started.get(i);
            Node end = nodes.get(index);
            states.table[states.index(end.shiftId(), end.run(), baseMinutes)] = -1;
            nodes.set(index, new Node(end.parent(), end.shift(), end.shiftId(), end.run(), baseMinutes, end.value()));
        }
        return started;
    }

    private static void step(List<Node> nodes, List<Integer> next, States states, int parentIndex, Node from,
            ShiftOption shift, int shiftId, long value, int maxMinutes, Edges edges) {
        int run = from.run() + 1;
        int minutes = from.minutes() + shift.getPaidMinutes();
        if (run > edges.maxRun() || minutes > maxMinutes) {
            return;
        }
        long total = from.value() + value;
        if (from.shift() != null) {
            if (!restAllows(from.shift(), shift, edges.minRestMinutes())) {
                return;
            }
            total -= edges.stableWeight() * halfHoursBetween(from.shift(), shift);
        }
        relax(nodes, next, states, new Node(parentIndex, shift, shiftId, run, minutes, total));
    }

    /** Keeps {@code candidate} if it is the best way to its state (shift, days in a row, minutes) so far. */
    private static void relax(List<Node> nodes, List<Integer> next, States states, Node candidate) {
        int at = states.index(candidate.shiftId(), candidate.run(), candidate.minutes());
        int existing = states.table[at];
        if (existing < 0) {
            nodes.add(candidate);
            next.add(nodes.size() - 1);
            states.table[at] = nodes.size() - 1;
        } else if (nodes.get(existing).value() < candidate.value()) {
            nodes.set(existing, candidate);
        }
    }

    static boolean restAllows(ShiftOption earlier, ShiftOption later, int minRestMinutes) {
        return 1440 + later.getStartMinuteOfDay() - earlier.getEndMinuteOfDay() >= minRestMinutes;
    }

    /** Half hours (rounded up) between two days' start times, as the stable-start-times constraint counts them. */
    static long halfHoursBetween(ShiftOption a, ShiftOption b) {
        return (Math.abs(a.getStartMinuteOfDay() - b.getStartMinuteOfDay()) + 29) / 30;
    }

    /** The best options of a day: {@value #BEST_PER_LENGTH} per paid length, and the best overall up to a total. */
    private static List<Option> best(List<Option> options) {
        List<Option> sorted = new ArrayList<>(options);
        sorted.sort(Comparator.comparingLong(Option::value).reversed());
        Set<Option> kept = new HashSet<>();
        Map<Integer, Integer> perLength = new HashMap<>();
        for (Option option : sorted) {
            int length = option.shift().getPaidMinutes();
            if (perLength.merge(length, 1, Integer::sum) <= BEST_PER_LENGTH) {
                kept.add(option);
            }
        }
        for (Option option : sorted) {
            if (kept.size() >= BEST_PER_DAY) {
                break;
            }
            kept.add(option);
        }
        // in the sorted order (ties as the options came), so that equal plans are chosen the same way on every run
        return sorted.stream().filter(kept::contains).toList();
    }

    /**
     * A state of the longest path: where it came from, last shift (null: off) and its number in the plan's
     * {@link States}, days in a row, minutes, value.
     */
    private record Node(int parent, ShiftOption shift, int shiftId, int run, int minutes, long value) {
    }
}
