package com.timebank.wfm.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Immutable contact history of one center (one queue) on the center's interval grid, in center local time.
 *
 * <p>Array-backed: one row of {@code slotsPerDay} values per calendar day from the first to the last day
 * with data. What is open is derived from the data, never assumed:
 * <ul>
 *   <li>a day with no rows is <em>closed</em> (holiday, weekend of a weekday-only center) - not a zero day;</li>
 *   <li>a slot is open on a weekday if the center has ever had contacts in it on that weekday; on an open day
 *       an open slot without a row counts as zero contacts (exports often omit empty intervals).</li>
 * </ul>
 * {@link #upTo(LocalDate)} gives the history as known at a date (sharing the arrays), with the open hours
 * re-derived from that part only, so nothing after an "as of" date leaks into learning.
 */
public final class IntervalHistory {

    /** One imported interval: start on the center's grid, offered contacts, AHT in seconds (NaN if unknown). */
    public record Row(LocalDateTime intervalStart, double contacts, double ahtSeconds) {
        public Row {
            Objects.requireNonNull(intervalStart, "intervalStart");
            if (!(contacts >= 0) || Double.isInfinite(contacts)) {
                throw new IllegalArgumentException("contacts must be finite and >= 0 at " + intervalStart + ": " + contacts);
            }
            if (ahtSeconds < 0 || Double.isInfinite(ahtSeconds)) {
                throw new IllegalArgumentException("ahtSeconds must be finite and >= 0 at " + intervalStart + ": " + ahtSeconds);
            }
        }
    }

    private final int intervalMinutes;
    private final int slotsPerDay;
    private final long firstEpochDay;
    private final int dayCount;
    // Shared between a history and its upTo() views; never written after construction.
    private final double[] contacts;
    private final double[] aht;
    private final boolean[] open;
    private final double[] dayTotals;
    // Derived per view: [weekday 0=Monday][slot].
    private final boolean[][] openSlots;
    private final int[] openSlotCount;
    private final int openDayCount;

    /**
     * Builds a history from rows; a repeated interval keeps the last row (last write wins).
     *
     * @throws IllegalArgumentException if the interval length does not divide a day, there are no rows, or a
     *                                  row is off the grid
     */
    public static IntervalHistory of(int intervalMinutes, Collection<Row> rows) {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("interval minutes must divide a day: " + intervalMinutes);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no history rows");
        }
        int slots = 1440 / intervalMinutes;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Row r : rows) {
            long day = r.intervalStart().toLocalDate().toEpochDay();
            min = Math.min(min, day);
            max = Math.max(max, day);
        }
        long span = max - min + 1;
        if (span * slots > 50_000_000L) {
            throw new IllegalArgumentException("history too long: " + span + " days");
        }
        int days = (int) span;
        double[] contacts = new double[days * slots];
        double[] aht = new double[days * slots];
        Arrays.fill(aht, Double.NaN);
        boolean[] open = new boolean[days];
        for (Row r : rows) {
            LocalDateTime t = r.intervalStart();
            int minuteOfDay = t.getHour() * 60 + t.getMinute();
            if (t.getSecond() != 0 || t.getNano() != 0 || minuteOfDay % intervalMinutes != 0) {
                throw new IllegalArgumentException("interval start " + t + " is not on the " + intervalMinutes + "-minute grid");
            }
            int day = (int) (t.toLocalDate().toEpochDay() - min);
            int idx = day * slots + minuteOfDay / intervalMinutes;
            contacts[idx] = r.contacts();
            aht[idx] = r.ahtSeconds();
            open[day] = true;
        }
        double[] totals = new double[days];
        for (int d = 0; d < days; d++) {
            double sum = 0;
            for (int s = 0, i = d * slots; s < slots; s++, i++) {
                sum += contacts[i];
            }
            totals[d] = sum;
        }
        return new IntervalHistory(intervalMinutes, min, days, contacts, aht, open, totals);
    }

    private IntervalHistory(int intervalMinutes, long firstEpochDay, int dayCount, double[] contacts, double[] aht,
                            boolean[] open, double[] dayTotals) {
        this.intervalMinutes = intervalMinutes;
        this.slotsPerDay = 1440 / intervalMinutes;
        this.firstEpochDay = firstEpochDay;
        this.dayCount = dayCount;
        this.contacts = contacts;
        this.aht = aht;
        this.open = open;
        this.dayTotals = dayTotals;
        this.openSlots = new boolean[7][slotsPerDay];
        this.openSlotCount = new int[7];
        int openDays = 0;
        for (int d = 0; d < dayCount; d++) {
            if (!open[d]) {
                continue;
            }
            openDays++;
            boolean[] mask = openSlots[weekdayIndex(d)];
            for (int s = 0, i = d * slotsPerDay; s < slotsPerDay; s++, i++) {
                if (contacts[i] > 0) {
                    mask[s] = true;
                }
            }
        }
        for (int w = 0; w < 7; w++) {
            int c = 0;
            for (boolean b : openSlots[w]) {
                if (b) {
                    c++;
                }
            }
            openSlotCount[w] = c;
        }
        this.openDayCount = openDays;
    }

    /**
     * The history as known at the end of {@code asOf} (inclusive): days after it are dropped, and so are
     * trailing closed days, so {@link #lastDate()} is the last open day not after {@code asOf}.
     */
    public IntervalHistory upTo(LocalDate asOf) {
        long last = asOf.toEpochDay() - firstEpochDay;
        if (last >= dayCount - 1) {
            return this;
        }
        int l = (int) Math.max(-1, last);
        while (l >= 0 && !open[l]) {
            l--;
        }
        if (l < 0) {
            // Empty: a zero-length range that ends at asOf.
            return new IntervalHistory(intervalMinutes, asOf.toEpochDay() + 1, 0, contacts, aht, open, dayTotals);
        }
        return new IntervalHistory(intervalMinutes, firstEpochDay, l + 1, contacts, aht, open, dayTotals);
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    public int slotsPerDay() {
        return slotsPerDay;
    }

    /** Number of calendar days covered, open or closed. */
    public int dayCount() {
        return dayCount;
    }

    public int openDayCount() {
        return openDayCount;
    }

    public boolean isEmpty() {
        return dayCount == 0;
    }

    public LocalDate firstDate() {
        return LocalDate.ofEpochDay(firstEpochDay);
    }

    public LocalDate lastDate() {
        return LocalDate.ofEpochDay(firstEpochDay + dayCount - 1);
    }

    public LocalDate date(int day) {
        return LocalDate.ofEpochDay(firstEpochDay + day);
    }

    /** Index of a date in this history, or -1 when outside it. */
    public int dayIndex(LocalDate date) {
        long i = date.toEpochDay() - firstEpochDay;
        return i >= 0 && i < dayCount ? (int) i : -1;
    }

    public boolean isOpen(int day) {
        return open[day];
    }

    public boolean isOpen(LocalDate date) {
        int i = dayIndex(date);
        return i >= 0 && open[i];
    }

    public DayOfWeek dayOfWeek(int day) {
        return DayOfWeek.of(weekdayIndex(day) + 1);
    }

    public double contacts(int day, int slot) {
        return contacts[day * slotsPerDay + slot];
    }

    /** AHT of the interval, NaN if unknown (no row or no AHT given). */
    public double ahtSeconds(int day, int slot) {
        return aht[day * slotsPerDay + slot];
    }

    public double dayTotal(int day) {
        return dayTotals[day];
    }

    /** Whether the center has ever had contacts in this slot on this weekday (up to the last date). */
    public boolean isOpenSlot(DayOfWeek dayOfWeek, int slot) {
        return openSlots[dayOfWeek.getValue() - 1][slot];
    }

    public int openSlotCount(DayOfWeek dayOfWeek) {
        return openSlotCount[dayOfWeek.getValue() - 1];
    }

    public LocalTime slotStart(int slot) {
        return LocalTime.MIN.plusMinutes((long) slot * intervalMinutes);
    }

    public int slotOf(LocalTime time) {
        return (time.getHour() * 60 + time.getMinute()) / intervalMinutes;
    }

    // ---- package-private fast access for the methods ----

    /** Weekday of a day index, 0 = Monday. */
    int weekdayIndex(int day) {
        return (int) Math.floorMod(firstEpochDay + day + 3, 7L);
    }

    static int weekdayIndex(LocalDate date) {
        return date.getDayOfWeek().getValue() - 1;
    }

    /** The internal open-slot mask of a weekday (0 = Monday); callers must not modify it. */
    boolean[] openSlotMask(int weekday) {
        return openSlots[weekday];
    }

    long firstEpochDay() {
        return firstEpochDay;
    }
}
