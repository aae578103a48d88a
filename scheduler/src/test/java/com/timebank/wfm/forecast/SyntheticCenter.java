package com.timebank.wfm.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic contact center with known structure, for tests and the benchmark: weekday volumes, opening
 * hours and intraday shapes per weekday, month-start/month-end multipliers (on the first/last open day of a
 * month), holidays (closed, or open with a multiplier), a linear trend, optional day-level noise, and
 * Poisson arrivals per interval.
 */
public final class SyntheticCenter {

    private final int intervalMinutes;
    private final int slots;
    private final LocalDate start;
    private final int days;
    private final Map<DayOfWeek, Double> dailyVolume;
    private final Map<DayOfWeek, double[]> profile;
    private final double monthStart;
    private final double monthEnd;
    private final Map<LocalDate, Double> holidays;
    private final double afterHoliday;
    private final double trendPerDay;
    private final double dayNoise;
    private final long seed;

    private SyntheticCenter(Builder b) {
        intervalMinutes = b.intervalMinutes;
        slots = 1440 / intervalMinutes;
        start = b.start;
        days = b.days;
        dailyVolume = new EnumMap<>(b.dailyVolume);
        monthStart = b.monthStart;
        monthEnd = b.monthEnd;
        holidays = new HashMap<>(b.holidays);
        afterHoliday = b.afterHoliday;
        trendPerDay = b.trendPerDay;
        dayNoise = b.dayNoise;
        seed = b.seed;
        profile = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek w : DayOfWeek.values()) {
            double[] p = new double[slots];
            LocalTime[] h = b.hours.get(w);
            if (h != null && dailyVolume.getOrDefault(w, 0.0) > 0) {
                double sum = 0;
                for (int s = 0; s < slots; s++) {
                    LocalTime t = LocalTime.MIN.plusMinutes((long) s * intervalMinutes);
                    if (!t.isBefore(h[0]) && t.isBefore(h[1])) {
                        double hour = (s + 0.5) * intervalMinutes / 60.0;
                        p[s] = shape(w, hour);
                        sum += p[s];
                    }
                }
                for (int s = 0; s < slots; s++) {
                    p[s] /= sum;
                }
            }
            profile.put(w, p);
        }
    }

    /** Two peaks on weekdays (late morning, early afternoon), one on Saturday, flat-ish Sunday. */
    private static double shape(DayOfWeek w, double hour) {
        return switch (w) {
            case SATURDAY -> 0.2 + Math.exp(-sq(hour - 11.5) / (2 * sq(1.5)));
            case SUNDAY -> 0.6 + 0.4 * Math.exp(-sq(hour - 13) / (2 * sq(2.5)));
            default -> 0.25 + Math.exp(-sq(hour - 10.5) / (2 * sq(1.2))) + 0.75 * Math.exp(-sq(hour - 14.5) / (2 * sq(1.5)));
        };
    }

    private static double sq(double x) {
        return x * x;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Weekday-only center 08:00-18:00 with a typical weekday pattern. */
    public static Builder weekdayCenter() {
        Builder b = builder();
        double[] v = {1.25, 1.05, 1.0, 0.95, 0.9};
        for (int i = 0; i < 5; i++) {
            b.day(DayOfWeek.of(i + 1), 1000 * v[i], LocalTime.of(8, 0), LocalTime.of(18, 0));
        }
        return b;
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return start.plusDays(days - 1);
    }

    public boolean isOpen(LocalDate d) {
        if (dailyVolume.getOrDefault(d.getDayOfWeek(), 0.0) <= 0) {
            return false;
        }
        Double h = holidays.get(d);
        return h == null || h > 0;
    }

    /** True share of the day's volume per slot. */
    public double[] trueProfile(DayOfWeek w) {
        return profile.get(w).clone();
    }

    public boolean isOpenSlot(DayOfWeek w, int slot) {
        return profile.get(w)[slot] > 0;
    }

    /** Expected contacts of a day without day-level noise. */
    public double expectedDayTotal(LocalDate d) {
        if (!isOpen(d)) {
            return 0;
        }
        double v = dailyVolume.get(d.getDayOfWeek()) * (1 + trendPerDay * (d.toEpochDay() - start.toEpochDay()));
        v *= holidays.getOrDefault(d, 1.0);
        if (isFirstOpenDayAfterHoliday(d)) {
            v *= afterHoliday;
        }
        if (isFirstOpenDayOfMonth(d)) {
            v *= monthStart;
        }
        if (isLastOpenDayOfMonth(d)) {
            v *= monthEnd;
        }
        return v;
    }

    public double expected(LocalDate d, int slot) {
        return expectedDayTotal(d) * profile.get(d.getDayOfWeek())[slot];
    }

    /** The first open day after a holiday (within four days), not itself a holiday. */
    public boolean isFirstOpenDayAfterHoliday(LocalDate d) {
        if (!isOpen(d) || holidays.containsKey(d)) {
            return false;
        }
        for (int k = 1; k <= 4; k++) {
            LocalDate x = d.minusDays(k);
            if (holidays.containsKey(x)) {
                return true;
            }
            if (isOpen(x)) {
                return false;
            }
        }
        return false;
    }

    public boolean isLastOpenDayOfMonth(LocalDate d) {
        if (!isOpen(d)) {
            return false;
        }
        for (LocalDate x = d.plusDays(1); x.getMonth() == d.getMonth(); x = x.plusDays(1)) {
            if (isOpen(x)) {
                return false;
            }
        }
        return true;
    }

    public boolean isFirstOpenDayOfMonth(LocalDate d) {
        if (!isOpen(d)) {
            return false;
        }
        for (LocalDate x = d.minusDays(1); x.getMonth() == d.getMonth(); x = x.minusDays(1)) {
            if (isOpen(x)) {
                return false;
            }
        }
        return true;
    }

    /** Poisson arrivals for every open slot of every open day in from..to (rows with 0 included). */
    public List<IntervalHistory.Row> rows(LocalDate from, LocalDate to, long drawSeed) {
        Random rnd = new Random(drawSeed);
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!isOpen(d)) {
                continue;
            }
            double noise = dayNoise > 0 ? Math.exp(dayNoise * rnd.nextGaussian() - dayNoise * dayNoise / 2) : 1;
            double[] p = profile.get(d.getDayOfWeek());
            for (int s = 0; s < slots; s++) {
                if (p[s] > 0) {
                    double lambda = expected(d, s) * noise;
                    double aht = 240 + 60 * Math.sin(s * 2 * Math.PI / slots) + 20 * rnd.nextGaussian();
                    rows.add(new IntervalHistory.Row(d.atStartOfDay().plusMinutes((long) s * intervalMinutes),
                            poisson(rnd, lambda), Math.max(30, aht)));
                }
            }
        }
        return rows;
    }

    /** The whole synthetic history. */
    public IntervalHistory history() {
        return IntervalHistory.of(intervalMinutes, rows(start, end(), seed));
    }

    /** A calendar with the synthetic holidays and the given busy-day windows. */
    public ForecastCalendar calendar(int busyFirst, int busyLast) {
        ForecastCalendar.Builder b = ForecastCalendar.builder().busyFirstDays(busyFirst).busyLastDays(busyLast);
        holidays.keySet().forEach(d -> b.holiday(d, "synthetic holiday"));
        return b.build();
    }

    public static int poisson(Random rnd, double lambda) {
        int n = 0;
        // Knuth's method in chunks so exp(-lambda) never underflows.
        while (lambda > 0) {
            double l = Math.min(lambda, 30);
            lambda -= l;
            double limit = Math.exp(-l);
            double p = rnd.nextDouble();
            while (p > limit) {
                n++;
                p *= rnd.nextDouble();
            }
        }
        return n;
    }

    public static final class Builder {
        private int intervalMinutes = 30;
        private LocalDate start = LocalDate.of(2024, 1, 1);
        private int days = 182;
        private final Map<DayOfWeek, Double> dailyVolume = new EnumMap<>(DayOfWeek.class);
        private final Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);
        private double monthStart = 1;
        private double monthEnd = 1;
        private final Map<LocalDate, Double> holidays = new HashMap<>();
        private double afterHoliday = 1;
        private double trendPerDay;
        private double dayNoise;
        private long seed = 42;

        public Builder intervalMinutes(int m) {
            intervalMinutes = m;
            return this;
        }

        public Builder start(LocalDate d) {
            start = d;
            return this;
        }

        public Builder days(int n) {
            days = n;
            return this;
        }

        /** Expected contacts of an ordinary such day, open from {@code open} until {@code close}. */
        public Builder day(DayOfWeek w, double volume, LocalTime open, LocalTime close) {
            dailyVolume.put(w, volume);
            hours.put(w, new LocalTime[] {open, close});
            return this;
        }

        public Builder monthStart(double m) {
            monthStart = m;
            return this;
        }

        public Builder monthEnd(double m) {
            monthEnd = m;
            return this;
        }

        /** A holiday: 0 = closed, otherwise open with this multiplier. */
        public Builder holiday(LocalDate d, double multiplier) {
            holidays.put(d, multiplier);
            return this;
        }

        /** Multiplier of the first open day after a holiday (the catch-up). */
        public Builder afterHoliday(double m) {
            afterHoliday = m;
            return this;
        }

        /** Relative growth per day (0.0005 = +18% a year). */
        public Builder trendPerDay(double t) {
            trendPerDay = t;
            return this;
        }

        /** Log-normal day-level noise (sd of log), the overdispersion of real centers. */
        public Builder dayNoise(double sd) {
            dayNoise = sd;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public SyntheticCenter build() {
            return new SyntheticCenter(this);
        }
    }
}
