package com.timebank.wfm.roster;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.staffing.ErlangC;

/**
 * Coverage of a roster per interval with the service level Erlang C predicts for it, and the derived time-off
 * quota. Plain domain code: the agents on the phones in an interval are the scheduled agents less shrinkage,
 * {@code floor(scheduled × (1 − shrinkage))}: the inverse of the requirement's {@code ceil(agents / (1 − shrinkage))},
 * so a requirement that is met predicts at least the target.
 */
public final class RosterCoverage {

    /** The service-level policy of a roster's requirement. */
    public record Policy(double serviceLevelTarget, int serviceLevelSeconds, double shrinkage, int intervalMinutes) {
    }

    /** A shift's span (breaks included, as the requirement is grossed up for them). */
    public record Span(LocalDateTime start, LocalDateTime end) {
        boolean covers(LocalDateTime intervalStart, int intervalMinutes) {
            return start.isBefore(intervalStart.plusMinutes(intervalMinutes)) && end.isAfter(intervalStart);
        }
    }

    /** One interval: required and scheduled agents and the predicted service level (1 without contacts). */
    public record Interval(LocalDateTime start, int required, int scheduled, double serviceLevel) {
        public int shortfall() {
            return Math.max(0, required - scheduled);
        }
    }

    private RosterCoverage() {
    }

    public static List<Interval> of(List<RosterInterval> intervals, List<Span> shifts, Policy policy) {
        int[] scheduled = scheduled(intervals, shifts, policy.intervalMinutes());
        List<Interval> out = new ArrayList<>(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            RosterInterval v = intervals.get(i);
            out.add(new Interval(v.start(), v.required(), scheduled[i],
                    Math.round(serviceLevel(v, scheduled[i], policy) * 1e4) / 1e4));
        }
        return out;
    }

    static int[] scheduled(List<RosterInterval> intervals, List<Span> shifts, int intervalMinutes) {
        int[] scheduled = new int[intervals.size()];
        // intervals are sorted: find each shift's range by binary search rather than scanning every interval
        List<LocalDateTime> starts = intervals.stream().map(RosterInterval::start).toList();
        for (Span s : shifts) {
            int from = java.util.Collections.binarySearch(starts, s.start().minusMinutes(intervalMinutes - 1L));
            from = from < 0 ? -from - 1 : from;
            for (int i = from; i < intervals.size() && intervals.get(i).start().isBefore(s.end()); i++) {
                if (s.covers(intervals.get(i).start(), intervalMinutes)) {
                    scheduled[i]++;
                }
            }
        }
        return scheduled;
    }

    public static int onPhone(int scheduled, double shrinkage) {
        return (int) Math.floor(scheduled * (1 - shrinkage) + 1e-9);
    }

    public static double serviceLevel(RosterInterval v, int scheduled, Policy policy) {
        if (v.contacts() <= 0 || v.ahtSeconds() <= 0) {
            return 1.0;
        }
        double traffic = ErlangC.trafficErlangs(v.contacts(), v.ahtSeconds(), policy.intervalMinutes() * 60.0);
        return ErlangC.serviceLevel(onPhone(scheduled, policy.shrinkage()), traffic, v.ahtSeconds(),
                policy.serviceLevelSeconds());
    }

    /** Fewest scheduled agents that keep the interval at the service-level target. */
    public static int minimumScheduled(RosterInterval v, Policy policy) {
        int n = 0;
        while (serviceLevel(v, n, policy) < policy.serviceLevelTarget() - 1e-12) {
            n++;
        }
        return n;
    }

    /**
     * The derived time-off quota of a day: how many of the day's working agents ({@code removable}) could be given
     * the day off while every interval stays at the service-level target; 0 when an interval is already below it.
     * Greedy: repeatedly release the agent whose shift leaves the most headroom, so long shifts over the tight
     * peak go last (a lower bound on the exact maximum, which is a packing problem).
     *
     * @param intervals the day's intervals
     * @param others    shifts that also cover the day but cannot be released (e.g. the previous night's)
     */
    public static int timeOffSlots(List<RosterInterval> intervals, List<Span> removable, List<Span> others,
            Policy policy) {
        List<Span> all = new ArrayList<>(removable);
        all.addAll(others);
        int[] scheduled = scheduled(intervals, all, policy.intervalMinutes());
        int[] headroom = new int[intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            headroom[i] = scheduled[i] - minimumScheduled(intervals.get(i), policy);
            if (headroom[i] < 0) {
                return 0;
            }
        }
        List<boolean[]> covers = new ArrayList<>();
        for (Span s : removable) {
            boolean[] c = new boolean[intervals.size()];
            for (int i = 0; i < intervals.size(); i++) {
                c[i] = s.covers(intervals.get(i).start(), policy.intervalMinutes());
            }
            covers.add(c);
        }
        boolean[] released = new boolean[removable.size()];
        int slots = 0;
        while (true) {
            int best = -1;
            int bestTightest = -1;
            for (int k = 0; k < removable.size(); k++) {
                if (released[k]) {
                    continue;
                }
                int tightest = Integer.MAX_VALUE;
                for (int i = 0; i < intervals.size(); i++) {
                    if (covers.get(k)[i]) {
                        tightest = Math.min(tightest, headroom[i]);
                    }
                }
                if (tightest >= 1 && tightest > bestTightest) {
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
                if (covers.get(best)[i]) {
                    headroom[i]--;
                }
            }
        }
    }
}
