package com.timebank.wfm.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.timebank.wfm.roster.RosterCoverage;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.roster.ShortfallAnalysis;

/**
 * What the roster pages draw, as plain data: the coverage heatmap (days × intervals of the day) and the shift grid
 * (agents × days). No Spring, so the shading rules are unit-tested on their own.
 */
public final class RosterGrids {

    private RosterGrids() {
    }

    /** How a heatmap cell is shaded: by the share of the requirement missing, overstaffing lighter. */
    public enum Level {
        NONE, MET, SHORT_1, SHORT_2, SHORT_3, OVER_1, OVER_2;

        public String css() {
            return "cov-" + name().toLowerCase().replace('_', '-');
        }

        /** {@code onPhone}: agents on the phone, net of breaks (fractions where a break takes part of the interval). */
        static Level of(int required, double onPhone) {
            if (required == 0 && onPhone < 1e-9) {
                return NONE;
            }
            double shortfall = required - onPhone;
            if (shortfall > 1e-9) {
                // a whole agent missing where three are needed is worse than where twenty are
                double share = shortfall / required;
                return share > 0.25 ? SHORT_3 : share > 0.10 ? SHORT_2 : SHORT_1;
            }
            double over = onPhone - required;
            if (over < 1e-9) {
                return MET;
            }
            return over >= 2 && over > required * 0.25 ? OVER_2 : OVER_1;
        }
    }

    /**
     * {@code scheduled}: agents on the phone, net of breaks; {@code title} is the cell's tooltip (date, time,
     * required, on the phone, predicted service level).
     */
    public record Cell(LocalTime time, int required, double scheduled, double serviceLevel, Level level, String title) {

        public String css() {
            return level.css();
        }

        public double difference() {
            return scheduled - required;
        }
    }

    /** One day of the heatmap; a cell is null where the day has no interval at that time. */
    public record HeatRow(LocalDate date, List<Cell> cells, double shortfall) {
    }

    public record Heatmap(List<LocalTime> times, List<HeatRow> rows) {
    }

    /** Writes a cell's tooltip in the reader's language. */
    interface Tooltip {
        String of(LocalDate date, RosterCoverage.Interval interval);
    }

    static Heatmap heatmap(LocalDate from, LocalDate to, List<RosterCoverage.Interval> coverage, Tooltip tooltip) {
        TreeSet<LocalTime> times = new TreeSet<>();
        Map<LocalDate, Map<LocalTime, RosterCoverage.Interval>> byDay = new HashMap<>();
        for (RosterCoverage.Interval i : coverage) {
            LocalTime t = i.start().toLocalTime();
            times.add(t);
            byDay.computeIfAbsent(i.start().toLocalDate(), d -> new HashMap<>()).put(t, i);
        }
        List<LocalTime> columns = List.copyOf(times);
        List<HeatRow> rows = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<LocalTime, RosterCoverage.Interval> day = byDay.getOrDefault(d, Map.of());
            List<Cell> cells = new ArrayList<>(columns.size());
            double shortfall = 0;
            for (LocalTime t : columns) {
                RosterCoverage.Interval i = day.get(t);
                if (i == null) {
                    cells.add(null);
                } else {
                    cells.add(new Cell(t, i.required(), i.onPhone(), i.serviceLevel(),
                            Level.of(i.required(), i.onPhone()), tooltip.of(d, i)));
                    shortfall += i.shortfall();
                }
            }
            rows.add(new HeatRow(d, cells, Math.round(shortfall * 100) / 100.0));
        }
        return new Heatmap(columns, rows);
    }

    /** One agent's row: a shift per date of the period, null on a day off. */
    public record AgentRow(String employeeNo, String name, String teamCode, List<RosterService.Shift> days, int workingDays,
            long paidSeconds) {
    }

    public record ShiftGrid(List<LocalDate> dates, List<AgentRow> agents) {
    }

    static ShiftGrid shifts(LocalDate from, LocalDate to, List<RosterService.Shift> shifts) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dates.add(d);
        }
        Map<String, List<RosterService.Shift>> byAgent = new LinkedHashMap<>();
        shifts.stream().sorted(Comparator.comparing(RosterService.Shift::agentName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(RosterService.Shift::employeeNo))
                .forEach(s -> byAgent.computeIfAbsent(s.employeeNo(), k -> new ArrayList<>()).add(s));
        List<AgentRow> rows = new ArrayList<>();
        for (List<RosterService.Shift> own : byAgent.values()) {
            RosterService.Shift first = own.get(0);
            List<RosterService.Shift> days = new ArrayList<>(dates.size());
            long paid = 0;
            for (LocalDate d : dates) {
                RosterService.Shift s = own.stream().filter(x -> x.date().equals(d)).findFirst().orElse(null);
                days.add(s);
                if (s != null) {
                    paid += java.time.Duration.between(s.start(), s.end()).getSeconds() - s.breakMinutes() * 60L;
                }
            }
            rows.add(new AgentRow(first.employeeNo(), first.agentName(), first.teamCode(), days,
                    (int) days.stream().filter(java.util.Objects::nonNull).count(), paid));
        }
        return new ShiftGrid(dates, rows);
    }

    /**
     * Consecutive short intervals of a day that are short alike (same requirement, staffing, reason and counts),
     * as one row: a steady gap across an afternoon reads as one line, not sixteen.
     */
    public record ShortRange(LocalDate date, LocalTime from, LocalTime to, int intervals, int required, double scheduled,
            double shortfall, ShortfallAnalysis.Reason reason, int onLeave, int contractExhausted, int pinnedOff,
            int available) {

        boolean continuedBy(ShortfallAnalysis.ShortInterval i, int intervalMinutes) {
            return i.start().toLocalDate().equals(date) && i.start().toLocalTime().equals(to)
                    && !i.start().toLocalTime().plusMinutes(intervalMinutes).isBefore(to)
                    && i.required() == required && i.onPhone() == scheduled && i.reason() == reason
                    && i.onLeave() == onLeave && i.contractExhausted() == contractExhausted
                    && i.pinnedOff() == pinnedOff && i.available() == available;
        }
    }

    static List<ShortRange> shortRanges(List<ShortfallAnalysis.ShortInterval> intervals, int intervalMinutes) {
        List<ShortfallAnalysis.ShortInterval> sorted = intervals.stream()
                .sorted(Comparator.comparing(ShortfallAnalysis.ShortInterval::start)).toList();
        List<ShortRange> out = new ArrayList<>();
        for (ShortfallAnalysis.ShortInterval i : sorted) {
            ShortRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.continuedBy(i, intervalMinutes)) {
                out.set(out.size() - 1, new ShortRange(last.date(), last.from(),
                        i.start().toLocalTime().plusMinutes(intervalMinutes), last.intervals() + 1, last.required(),
                        last.scheduled(), last.shortfall(), last.reason(), last.onLeave(), last.contractExhausted(),
                        last.pinnedOff(), last.available()));
            } else {
                out.add(new ShortRange(i.start().toLocalDate(), i.start().toLocalTime(),
                        i.start().toLocalTime().plusMinutes(intervalMinutes), 1, i.required(), i.onPhone(),
                        i.shortfall(), i.reason(), i.onLeave(), i.contractExhausted(), i.pinnedOff(), i.available()));
            }
        }
        return out;
    }
}
