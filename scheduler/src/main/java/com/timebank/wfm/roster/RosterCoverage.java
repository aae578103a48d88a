package com.timebank.wfm.roster;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.roster.solver.BreakRule;
import com.timebank.wfm.roster.solver.NetCoverage;
import com.timebank.wfm.roster.solver.PlannedBreak;
import com.timebank.wfm.roster.solver.ShiftBreaks;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.staffing.ErlangC;

/**
 * Coverage of a roster per interval with the service level Erlang C predicts for it, and the derived time-off
 * quota. Plain domain code. Agents count net of their breaks ({@link NetCoverage}, the same count the solver
 * optimises): an agent on a break is not on the phone. The agents on the phones are then those less the
 * <em>unplanned</em> shrinkage (absence, sickness), {@code floor(onPhone × (1 − shrinkage))}: the inverse of the
 * requirement's {@code ceil(agents / (1 − shrinkage))}, so a requirement that is met predicts at least the target.
 * Planned breaks are not part of that shrinkage: they are placed in the roster and counted here.
 */
public final class RosterCoverage {

    /** The service-level policy of a roster's requirement; {@code shrinkage} is the unplanned shrinkage. */
    public record Policy(double serviceLevelTarget, int serviceLevelSeconds, double shrinkage, int intervalMinutes) {
    }

    /** A shift's span and its breaks (the agent is on the phone over the span less the breaks). */
    public record Span(LocalDateTime start, LocalDateTime end, List<PlannedBreak> breaks) {

        public Span {
            breaks = List.copyOf(breaks);
        }

        /** A shift without breaks. */
        public Span(LocalDateTime start, LocalDateTime end) {
            this(start, end, List.of());
        }

        boolean covers(LocalDateTime intervalStart, int intervalMinutes) {
            return start.isBefore(intervalStart.plusMinutes(intervalMinutes)) && end.isAfter(intervalStart);
        }

        /** Minutes of the interval this agent is on the phone ({@link NetCoverage#onPhoneMinutes}). */
        int onPhoneMinutes(LocalDateTime intervalStart, int intervalMinutes) {
            return NetCoverage.onPhoneMinutes(intervalStart, intervalMinutes, start, end, breaks);
        }
    }

    /**
     * One interval: required agents, scheduled agents (whose shift spans it), agents on the phone (net of breaks,
     * fractions where a break takes part of the interval) and the predicted service level (1 without contacts).
     */
    public record Interval(LocalDateTime start, int required, int scheduled, double onPhone, double serviceLevel) {

        /** An interval whose scheduled agents take no break in it. */
        public Interval(LocalDateTime start, int required, int scheduled, double serviceLevel) {
            this(start, required, scheduled, scheduled, serviceLevel);
        }

        /** Agents on the phone missing against the requirement. */
        public double shortfall() {
            return Math.max(0, required - onPhone);
        }

        /** Agents on the phone above the requirement. */
        public double overstaffing() {
            return Math.max(0, onPhone - required);
        }
    }

    private RosterCoverage() {
    }

    /**
     * A published shift with its breaks: published shifts keep only their meal minutes, so the breaks come from the
     * same rule the solver placed them by ({@link ShiftBreaks}), under the rule of the center's first template of
     * that length and meal break (the template the shift was made from), else the standard rule.
     */
    static Span span(PublishedShift s, List<ShiftTemplate> templates) {
        int length = (int) java.time.Duration.between(s.start(), s.end()).toMinutes();
        BreakRule rule = templates.stream()
                .filter(t -> t.lengthMinutes() == length && t.mealBreakMinutes() == s.breakMinutes())
                .map(ShiftTemplate::breakRule).findFirst()
                .orElseGet(() -> BreakRule.standard(length, s.breakMinutes()));
        return new Span(s.start(), s.end(), ShiftBreaks.at(s.start(), ShiftBreaks.of(length, rule)));
    }

    public static List<Interval> of(List<RosterInterval> intervals, List<Span> shifts, Policy policy) {
        int[] scheduled = scheduled(intervals, shifts, policy.intervalMinutes());
        int[] onPhoneMinutes = onPhoneMinutes(intervals, shifts, policy.intervalMinutes());
        List<Interval> out = new ArrayList<>(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            RosterInterval v = intervals.get(i);
            double onPhone = (double) onPhoneMinutes[i] / policy.intervalMinutes();
            out.add(new Interval(v.start(), v.required(), scheduled[i], onPhone,
                    Math.round(serviceLevel(v, onPhone, policy) * 1e4) / 1e4));
        }
        return out;
    }

    static int[] scheduled(List<RosterInterval> intervals, List<Span> shifts, int intervalMinutes) {
        int[] scheduled = new int[intervals.size()];
        forEachCovered(intervals, shifts, intervalMinutes, (i, s) -> scheduled[i]++);
        return scheduled;
    }

    /** Agent-minutes on the phone per interval, net of breaks. */
    static int[] onPhoneMinutes(List<RosterInterval> intervals, List<Span> shifts, int intervalMinutes) {
        int[] minutes = new int[intervals.size()];
        forEachCovered(intervals, shifts, intervalMinutes,
                (i, s) -> minutes[i] += s.onPhoneMinutes(intervals.get(i).start(), intervalMinutes));
        return minutes;
    }

    private interface CoveredInterval {
        void accept(int interval, Span shift);
    }

    private static void forEachCovered(List<RosterInterval> intervals, List<Span> shifts, int intervalMinutes,
            CoveredInterval action) {
        // intervals are sorted: find each shift's range by binary search rather than scanning every interval
        List<LocalDateTime> starts = intervals.stream().map(RosterInterval::start).toList();
        for (Span s : shifts) {
            int from = java.util.Collections.binarySearch(starts, s.start().minusMinutes(intervalMinutes - 1L));
            from = from < 0 ? -from - 1 : from;
            for (int i = from; i < intervals.size() && intervals.get(i).start().isBefore(s.end()); i++) {
                if (s.covers(intervals.get(i).start(), intervalMinutes)) {
                    action.accept(i, s);
                }
            }
        }
    }

    /** Agents on the phones after unplanned shrinkage, of {@code scheduled} agents not on a break. */
    public static int onPhone(int scheduled, double shrinkage) {
        return onPhone((double) scheduled, shrinkage);
    }

    /** Agents on the phones after unplanned shrinkage, of {@code onPhone} agents (net of breaks). */
    public static int onPhone(double onPhone, double shrinkage) {
        return (int) Math.floor(onPhone * (1 - shrinkage) + 1e-9);
    }

    /** Erlang C's service level with {@code onPhone} agents net of breaks (before unplanned shrinkage). */
    public static double serviceLevel(RosterInterval v, double onPhone, Policy policy) {
        if (v.contacts() <= 0 || v.ahtSeconds() <= 0) {
            return 1.0;
        }
        double traffic = ErlangC.trafficErlangs(v.contacts(), v.ahtSeconds(), policy.intervalMinutes() * 60.0);
        return ErlangC.serviceLevel(onPhone(onPhone, policy.shrinkage()), traffic, v.ahtSeconds(),
                policy.serviceLevelSeconds());
    }

    /** Fewest agents on the phone (net of breaks) that keep the interval at the service-level target. */
    public static int minimumScheduled(RosterInterval v, Policy policy) {
        int n = 0;
        while (serviceLevel(v, n, policy) < policy.serviceLevelTarget() - 1e-12) {
            n++;
        }
        return n;
    }

    /**
     * The derived time-off quota of a day: how many of the day's working agents ({@code removable}) could be given
     * the day off while every interval stays at the service-level target, counting agents net of their breaks; 0
     * when an interval is already below it. Greedy: repeatedly release the agent whose shift leaves the most
     * headroom (agent-minutes on the phone above the minimum), so long shifts over the tight peak go last (a lower
     * bound on the exact maximum, which is a packing problem).
     *
     * @param intervals the day's intervals
     * @param others    shifts that also cover the day but cannot be released (e.g. the previous night's)
     */
    public static int timeOffSlots(List<RosterInterval> intervals, List<Span> removable, List<Span> others,
            Policy policy) {
        int minutes = policy.intervalMinutes();
        List<Span> all = new ArrayList<>(removable);
        all.addAll(others);
        int[] onPhone = onPhoneMinutes(intervals, all, minutes);
        long[] headroom = new long[intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            headroom[i] = onPhone[i] - (long) minimumScheduled(intervals.get(i), policy) * minutes;
            if (headroom[i] < 0) {
                return 0;
            }
        }
        List<int[]> takes = new ArrayList<>();
        for (Span s : removable) {
            takes.add(onPhoneMinutes(intervals, List.of(s), minutes));
        }
        boolean[] released = new boolean[removable.size()];
        int slots = 0;
        while (true) {
            int best = -1;
            long bestTightest = -1;
            for (int k = 0; k < removable.size(); k++) {
                if (released[k]) {
                    continue;
                }
                long tightest = Long.MAX_VALUE;
                for (int i = 0; i < intervals.size(); i++) {
                    if (takes.get(k)[i] > 0) {
                        tightest = Math.min(tightest, headroom[i] - takes.get(k)[i]);
                    }
                }
                if (tightest >= 0 && tightest > bestTightest) {
                    best = k;
                    bestTightest = tightest;
                }
            }
            if (best < 0) {
                return slots;
            }
            released[best] = true;
            slots++;
            for (int i = 0; i < intervals.size(); i++) {
                headroom[i] -= takes.get(best)[i];
            }
        }
    }
}
