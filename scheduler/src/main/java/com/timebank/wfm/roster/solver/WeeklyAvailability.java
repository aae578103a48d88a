package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * When an agent can work in a week: windows of minutes of the day per day of the week, e.g. Monday to Friday
 * 08:00–18:00. A day without a window is not available at all (e.g. "not Sundays"); an agent with no windows at all
 * is available at any time ({@link #ALWAYS}). Precomputed per day of the week so that the constraint and the greedy
 * construction check a shift with a few integer comparisons.
 */
public final class WeeklyAvailability {

    public static final WeeklyAvailability ALWAYS = new WeeklyAvailability(null);

    /** Per day of the week (Monday = 0): [from, to) minute pairs, sorted and disjoint; null for {@link #ALWAYS}. */
    private final int[][] windows;

    private WeeklyAvailability(int[][] windows) {
        this.windows = windows;
    }

    /**
     * Windows per day of the week as [from, to) minutes of the day (0 ≤ from < to ≤ 1440); days left out are not
     * available. An empty map means always available.
     */
    public static WeeklyAvailability of(Map<DayOfWeek, List<int[]>> windowsByDay) {
        if (windowsByDay.isEmpty()) {
            return ALWAYS;
        }
        int[][] windows = new int[7][];
        for (DayOfWeek day : DayOfWeek.values()) {
            List<int[]> own = windowsByDay.getOrDefault(day, List.of());
            int[] flat = new int[own.size() * 2];
            List<int[]> sorted = own.stream().sorted((a, b) -> Integer.compare(a[0], b[0])).toList();
            for (int i = 0; i < sorted.size(); i++) {
                int[] w = sorted.get(i);
                if (w[0] < 0 || w[1] > 1440 || w[0] >= w[1] || (i > 0 && w[0] < flat[2 * i - 1])) {
                    throw new IllegalArgumentException("Availability windows on " + day
                            + " must be ordered, disjoint and within the day: " + Arrays.toString(w));
                }
                flat[2 * i] = w[0];
                flat[2 * i + 1] = w[1];
            }
            windows[day.getValue() - 1] = flat;
        }
        return new WeeklyAvailability(windows);
    }

    public boolean isAlways() {
        return windows == null;
    }

    /**
     * Minutes of [{@code fromMinute}, {@code toMinute}) (minutes after the start of a {@code day}; past 1440 for a
     * shift that ends after midnight, checked against the next day's windows) outside the windows.
     */
    public int minutesOutside(DayOfWeek day, int fromMinute, int toMinute) {
        if (windows == null) {
            return 0;
        }
        int inside = overlap(windows[day.getValue() - 1], 0, fromMinute, toMinute);
        if (toMinute > 1440) {
            inside += overlap(windows[day.getValue() % 7], 1440, fromMinute, toMinute);
        }
        return toMinute - fromMinute - inside;
    }

    /** Whether the agent can be available on {@code day} at all. */
    public boolean hasWindowOn(DayOfWeek day) {
        return windows == null || windows[day.getValue() - 1].length > 0;
    }

    private static int overlap(int[] flat, int offset, int from, int to) {
        int inside = 0;
        for (int i = 0; i < flat.length; i += 2) {
            inside += Math.max(0, Math.min(flat[i + 1] + offset, to) - Math.max(flat[i] + offset, from));
        }
        return inside;
    }
}
