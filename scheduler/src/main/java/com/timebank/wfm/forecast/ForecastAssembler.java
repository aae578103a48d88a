package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a method's point forecasts into a {@link Forecast}: decides open days and slots, applies planner
 * special days, adds AHT and prediction intervals. Shared by every method so that they differ only in
 * how they predict volume.
 */
final class ForecastAssembler {

    static final int MAX_HORIZON_DAYS = 42;

    private ForecastAssembler() {
    }

    /** Point forecasts of the open days of a period, with the open-slot mask of each day. */
    record Points(List<LocalDate> days, List<boolean[]> masks, double[][] mu, List<LocalDate> closed) {
    }

    /** The product limit: forecasts of up to six weeks (backtests may reach a little further internally). */
    static void checkHorizon(LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizon longer than " + MAX_HORIZON_DAYS + " days: " + from + ".." + to);
        }
    }

    static Forecast build(ForecastMethod method, IntervalHistory history, ForecastCalendar calendar,
                          LocalDate from, LocalDate to, boolean withIntervals) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
        IntervalHistory h = history.upTo(from.minusDays(1));
        if (h.openDayCount() == 0) {
            throw NothingToLearn.noOpenDayBefore(from);
        }
        List<Note> notes = new ArrayList<>();
        Points p = points(method, h, calendar, from, to, notes);
        AhtProfile aht = AhtProfile.estimate(h, calendar);
        ErrorModel errors = withIntervals ? ErrorModel.calibrate(method, h, calendar) : null;
        if (errors != null) {
            notes.add(errors.describe());
        }
        List<IntervalForecast> out = new ArrayList<>();
        for (int i = 0; i < p.days().size(); i++) {
            LocalDate day = p.days().get(i);
            int w = IntervalHistory.weekdayIndex(day);
            boolean[] mask = p.masks().get(i);
            int skipped = 0;
            for (int s = 0; s < mask.length; s++) {
                if (!mask[s]) {
                    continue;
                }
                if (skippedByClocks(calendar.zone(), day.atTime(h.slotStart(s)), h.intervalMinutes())) {
                    skipped++;
                    continue;
                }
                double mu = p.mu()[i][s];
                double l80 = Double.NaN, u80 = Double.NaN, l95 = Double.NaN, u95 = Double.NaN;
                if (errors != null) {
                    l80 = errors.quantile(mu, -ErrorModel.Z80);
                    u80 = errors.quantile(mu, ErrorModel.Z80);
                    l95 = errors.quantile(mu, -ErrorModel.Z95);
                    u95 = errors.quantile(mu, ErrorModel.Z95);
                }
                out.add(new IntervalForecast(day.atTime(h.slotStart(s)), mu, aht.aht(w, s), l80, u80, l95, u95));
            }
            if (skipped > 0) {
                notes.add(Note.of("forecast.note.clock-change-skipped", day, skipped));
            }
        }
        return new Forecast(method.name(), from, to, h.lastDate(), h.intervalMinutes(), out, p.closed(), notes);
    }

    /**
     * Whether the local interval from {@code start} lies wholly in the hour (or half hour) the clocks skip when daylight
     * saving time starts: no contact can arrive in it. An interval only partly skipped stays.
     */
    static boolean skippedByClocks(ZoneId zone, LocalDateTime start, int minutes) {
        ZoneOffsetTransition t = zone.getRules().getTransition(start);
        return t != null && t.isGap() && !start.plusMinutes(minutes).isAfter(t.getDateTimeAfter());
    }

    /**
     * Point forecasts for {@code from..to} from all of {@code h}: the method's forecast on predicted-open days,
     * then planner special days. {@code notes} (nullable) collects what a planner should know.
     */
    static Points points(ForecastMethod method, IntervalHistory h, ForecastCalendar calendar,
                         LocalDate from, LocalDate to, List<Note> notes) {
        DayOutlook outlook = DayOutlook.of(h, calendar);
        List<LocalDate> methodDays = new ArrayList<>();
        List<LocalDate> closed = new ArrayList<>();
        List<LocalDate> likeOnly = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ForecastCalendar.SpecialDay special = calendar.specialDay(d).orElse(null);
            if (outlook.isOpen(d)) {
                methodDays.add(d);
            } else if (special instanceof ForecastCalendar.LikeDate like && h.isOpen(like.like())) {
                likeOnly.add(d); // the planner expects a normally closed day to run like a past day
            } else {
                closed.add(d);
                if (special != null && notes != null) {
                    notes.add(Note.of("forecast.note.special-day-closed", d));
                }
            }
        }
        double[][] predicted = methodDays.isEmpty() ? new double[0][]
                : method.predictContacts(h, calendar, methodDays);
        List<LocalDate> days = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        List<double[]> mu = new ArrayList<>();
        CalendarEffects effects = null;
        int mi = 0;
        int li = 0;
        // Merge the method's days and the "like"-only days back into date order.
        while (mi < methodDays.size() || li < likeOnly.size()) {
            boolean takeMethod = li >= likeOnly.size()
                    || (mi < methodDays.size() && methodDays.get(mi).isBefore(likeOnly.get(li)));
            if (takeMethod) {
                LocalDate d = methodDays.get(mi);
                boolean[] mask = h.openSlotMask(IntervalHistory.weekdayIndex(d));
                double[] row = sanitize(predicted[mi], mask);
                ForecastCalendar.SpecialDay special = calendar.specialDay(d).orElse(null);
                if (special instanceof ForecastCalendar.Multiplier m) {
                    for (int s = 0; s < row.length; s++) {
                        row[s] *= m.factor();
                    }
                } else if (special instanceof ForecastCalendar.LikeDate like) {
                    int x = h.dayIndex(like.like());
                    if (x >= 0 && h.isOpen(x)) {
                        if (effects == null) {
                            effects = CalendarEffects.estimate(h, calendar);
                        }
                        row = likeDay(h, effects, x, row, mask);
                    } else if (notes != null) {
                        notes.add(Note.of("forecast.note.special-day-like-closed", d, like.like()));
                    }
                }
                days.add(d);
                masks.add(mask);
                mu.add(row);
                mi++;
            } else {
                LocalDate d = likeOnly.get(li);
                LocalDate like = ((ForecastCalendar.LikeDate) calendar.specialDay(d).orElseThrow()).like();
                int x = h.dayIndex(like);
                boolean[] mask = h.openSlotMask(h.weekdayIndex(x));
                double[] row = new double[h.slotsPerDay()];
                for (int s = 0; s < row.length; s++) {
                    row[s] = mask[s] ? h.contacts(x, s) : 0;
                }
                days.add(d);
                masks.add(mask);
                mu.add(row);
                if (notes != null) {
                    notes.add(Note.of("forecast.note.special-day-copy", d, like));
                }
                li++;
            }
        }
        return new Points(days, masks, mu.toArray(new double[0][]), closed);
    }

    /**
     * "Like date X": X's volume relative to its own baseline scales the normal forecast, and the shape is
     * half X's and half normal (one day's shape alone is mostly Poisson noise).
     */
    private static double[] likeDay(IntervalHistory h, CalendarEffects effects, int x, double[] normal, boolean[] mask) {
        double base = effects.baseline(x);
        double ratio = base > 0 ? h.dayTotal(x) / base : 1;
        double normalTotal = 0;
        double likeTotal = 0;
        for (int s = 0; s < mask.length; s++) {
            if (mask[s]) {
                normalTotal += normal[s];
                likeTotal += h.contacts(x, s);
            }
        }
        double[] row = new double[normal.length];
        double total = normalTotal * ratio;
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s]) {
                continue;
            }
            double likeShare = likeTotal > 0 ? h.contacts(x, s) / likeTotal : 0;
            double normalShare = normalTotal > 0 ? normal[s] / normalTotal : likeShare;
            row[s] = total * (likeTotal > 0 ? 0.5 * likeShare + 0.5 * normalShare : normalShare);
        }
        return row;
    }

    private static double[] sanitize(double[] row, boolean[] mask) {
        double[] out = new double[mask.length];
        for (int s = 0; s < mask.length; s++) {
            double v = s < row.length ? row[s] : 0;
            out[s] = mask[s] && v > 0 && Double.isFinite(v) ? v : 0;
        }
        return out;
    }
}
