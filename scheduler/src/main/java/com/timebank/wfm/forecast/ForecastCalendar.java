package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the forecast knows about a center's calendar.
 * <ul>
 *   <li><b>Busy days of the month</b>: the first {@code busyFirstDays} and last {@code busyLastDays} open days
 *       of each month. Counted in open days, not calendar days, because a month-end peak of a weekday
 *       center lands on the last working day. Each position gets its own multiplier learned from history
 *       (it comes out near 1 when there is no effect).</li>
 *   <li><b>Public holidays</b> from the center's calendar. Whether the center closes on holidays is learned
 *       from history; the eve (last open day before) and the day after (first open day after) get their
 *       own learned multipliers.</li>
 *   <li><b>Closed dates</b> the planner knows in advance (forecast nothing).</li>
 *   <li><b>Special days</b> entered by the planner: a multiplier ("campaign, 1.4x") or "like date X".
 *       They apply to every method and are left out when learning from history.</li>
 *   <li><b>The center's time zone</b>: intervals are center local time, and an interval the clocks skip when
 *       daylight saving time starts does not exist that day.</li>
 * </ul>
 */
public final class ForecastCalendar {

    /** A planner-entered one-off day. */
    public sealed interface SpecialDay permits Multiplier, LikeDate {
        LocalDate date();

        String reason();
    }

    /** Expected contacts on {@code date} are {@code factor} times a normal forecast. */
    public record Multiplier(LocalDate date, double factor, String reason) implements SpecialDay {
        public Multiplier {
            Objects.requireNonNull(date, "date");
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("special-day multiplier must be > 0: " + factor);
            }
        }
    }

    /** {@code date} will behave like the past day {@code like} (its volume relative to normal, and its shape). */
    public record LikeDate(LocalDate date, LocalDate like, String reason) implements SpecialDay {
        public LikeDate {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(like, "like");
            if (!like.isBefore(date)) {
                throw new IllegalArgumentException("'like' date must be before the special day: " + like + " / " + date);
            }
        }
    }

    public static final int DEFAULT_BUSY_FIRST_DAYS = 3;
    public static final int DEFAULT_BUSY_LAST_DAYS = 3;

    private final int busyFirstDays;
    private final int busyLastDays;
    private final Map<LocalDate, String> holidays;
    private final Set<LocalDate> closedDates;
    private final Map<LocalDate, SpecialDay> specialDays;
    private final ZoneId zone;

    private ForecastCalendar(Builder b) {
        this.busyFirstDays = b.busyFirstDays;
        this.busyLastDays = b.busyLastDays;
        this.holidays = Collections.unmodifiableMap(new TreeMap<>(b.holidays));
        this.closedDates = Set.copyOf(b.closedDates);
        this.specialDays = Collections.unmodifiableMap(new TreeMap<>(b.specialDays));
        this.zone = b.zone;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Default busy-day windows, no holidays or special days. */
    public static ForecastCalendar defaults() {
        return builder().build();
    }

    /** No calendar effects at all (no busy days either). */
    public static ForecastCalendar none() {
        return builder().busyFirstDays(0).busyLastDays(0).build();
    }

    public int busyFirstDays() {
        return busyFirstDays;
    }

    public int busyLastDays() {
        return busyLastDays;
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.containsKey(date);
    }

    /** Holidays by date with their names. */
    public Map<LocalDate, String> holidays() {
        return holidays;
    }

    public boolean isClosed(LocalDate date) {
        return closedDates.contains(date);
    }

    public Set<LocalDate> closedDates() {
        return closedDates;
    }

    public Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(specialDays.get(date));
    }

    public boolean isSpecial(LocalDate date) {
        return specialDays.containsKey(date);
    }

    public Map<LocalDate, SpecialDay> specialDays() {
        return specialDays;
    }

    /** The center's time zone (UTC, without clock changes, unless given). */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Whether the clocks change on the date in the center's zone: a day of 23 or 25 hours, whose local intervals miss
     * an hour or hold two, so no model of ordinary days learns from it.
     */
    public boolean clocksChange(LocalDate date) {
        ZoneRules rules = zone.getRules();
        return !rules.isFixedOffset() && !rules.getOffset(date.atStartOfDay(zone).toInstant())
                .equals(rules.getOffset(date.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    public static final class Builder {
        private int busyFirstDays = DEFAULT_BUSY_FIRST_DAYS;
        private int busyLastDays = DEFAULT_BUSY_LAST_DAYS;
        private final Map<LocalDate, String> holidays = new HashMap<>();
        private final Set<LocalDate> closedDates = new HashSet<>();
        private final Map<LocalDate, SpecialDay> specialDays = new HashMap<>();
        private ZoneId zone = ZoneOffset.UTC;

        private Builder() {
        }

        /** The center's time zone, whose clock changes decide which local intervals exist. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** How many first open days of a month get their own learned multiplier (0-10). */
        public Builder busyFirstDays(int n) {
            this.busyFirstDays = checkBusy(n);
            return this;
        }

        /** How many last open days of a month get their own learned multiplier (0-10). */
        public Builder busyLastDays(int n) {
            this.busyLastDays = checkBusy(n);
            return this;
        }

        public Builder holiday(LocalDate date, String name) {
            holidays.put(Objects.requireNonNull(date), name == null ? "holiday" : name);
            return this;
        }

        public Builder holidays(Iterable<LocalDate> dates) {
            for (LocalDate d : dates) {
                holiday(d, "holiday");
            }
            return this;
        }

        public Builder closed(LocalDate date) {
            closedDates.add(Objects.requireNonNull(date));
            return this;
        }

        public Builder specialDay(LocalDate date, double multiplier, String reason) {
            specialDays.put(date, new Multiplier(date, multiplier, reason));
            return this;
        }

        public Builder specialDayLike(LocalDate date, LocalDate like, String reason) {
            specialDays.put(date, new LikeDate(date, like, reason));
            return this;
        }

        public ForecastCalendar build() {
            return new ForecastCalendar(this);
        }

        private static int checkBusy(int n) {
            if (n < 0 || n > 10) {
                throw new IllegalArgumentException("busy days must be 0..10: " + n);
            }
            return n;
        }
    }
}
