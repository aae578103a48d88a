package com.timebank.wfm.roster;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Re-checks a roster solved through the API with plain code that shares nothing with the constraint provider: the
 * hard rules (rest and consecutive days also against the published shifts around the period, weekly contract
 * minutes per contract week, with the published shifts of the same week outside the period and absences credited
 * up to the maximum, no shift on leave, the queue's skill, no shift in part-day absences, dated unavailability or
 * outside weekly availability windows) and the coverage per
 * interval recomputed from the shifts: scheduled (the span) and on the phone, net of the breaks the API lists, minute
 * by minute. Returns one line per violation.
 */
final class IndependentRosterCheck {

    static final int MIN_REST_MINUTES = 11 * 60;
    static final int MAX_CONSECUTIVE_DAYS = 6;

    /** A break as the API lists it: {@code MEAL} or {@code SHORT}, from {@code start} to {@code end}. */
    record Break(String kind, LocalDateTime start, LocalDateTime end) {
    }

    record Shift(String employeeNo, LocalDateTime start, LocalDateTime end, int mealBreakMinutes, List<Break> breaks) {

        /** A shift whose breaks are not known (published shifts around the period: only rest and days count). */
        Shift(String employeeNo, LocalDateTime start, LocalDateTime end, int mealBreakMinutes) {
            this(employeeNo, start, end, mealBreakMinutes, List.of());
        }

        boolean onThePhoneAt(LocalDateTime minute) {
            if (minute.isBefore(start) || !minute.isBefore(end)) {
                return false;
            }
            for (Break b : breaks) {
                if (!minute.isBefore(b.start()) && minute.isBefore(b.end())) {
                    return false;
                }
            }
            return true;
        }

        LocalDate date() {
            return start.toLocalDate();
        }

        long paidMinutes() {
            return Duration.between(start, end).toMinutes() - mealBreakMinutes;
        }
    }

    record Contract(int minWeeklyMinutes, int maxWeeklyMinutes, Set<String> skills) {
    }

    /** Weeks (employee number + week start) the API reported as impossible for the agent's inputs alone. */
    record Reported(String employeeNo, LocalDate weekStart) {
    }

    private IndependentRosterCheck() {
    }

    /**
     * @param shifts    the roster's shifts (inside [from, to])
     * @param around    published shifts of the same agents outside the period (before {@code from}, after {@code to})
     * @param absences  credited minutes of approved leave / time off per employee number and date
     * @param queue     the roster's queue, or null for every queue
     */
    static List<String> violations(LocalDate from, LocalDate to, List<Shift> shifts, List<Shift> around,
            Map<String, Contract> contracts, Map<String, Map<LocalDate, Integer>> absences, String queue,
            Set<Reported> reported) {
        return violations(from, to, from.getDayOfWeek(), shifts, around, contracts, absences, queue, reported);
    }

    /**
     * As above with contract weeks starting on {@code weekStart} (a roster continuing the weeks of a published roster
     * before it): the part of a week outside the period counts, with all its days, where the agent has a published
     * shift in it.
     */
    static List<String> violations(LocalDate from, LocalDate to, DayOfWeek weekStartDay, List<Shift> shifts,
            List<Shift> around, Map<String, Contract> contracts, Map<String, Map<LocalDate, Integer>> absences,
            String queue, Set<Reported> reported) {
        return violations(from, to, weekStartDay, shifts, around, contracts, absences, Map.of(), queue, reported);
    }

    /**
     * As above, with part-day absences: their credited minutes count towards the week like whole-day ones, but a
     * shift on their day is allowed (see {@link #availabilityViolations} for their hours).
     */
    static List<String> violations(LocalDate from, LocalDate to, List<Shift> shifts, List<Shift> around,
            Map<String, Contract> contracts, Map<String, Map<LocalDate, Integer>> absences,
            Map<String, Map<LocalDate, Integer>> partDayAbsences, String queue, Set<Reported> reported) {
        return violations(from, to, from.getDayOfWeek(), shifts, around, contracts, absences, partDayAbsences, queue,
                reported);
    }

    static List<String> violations(LocalDate from, LocalDate to, DayOfWeek weekStartDay, List<Shift> shifts,
            List<Shift> around, Map<String, Contract> contracts, Map<String, Map<LocalDate, Integer>> absences,
            Map<String, Map<LocalDate, Integer>> partDayAbsences, String queue, Set<Reported> reported) {
        Map<String, Map<LocalDate, Integer>> credits = new HashMap<>();
        for (Map<String, Map<LocalDate, Integer>> m : List.of(absences, partDayAbsences)) {
            m.forEach((no, byDate) -> byDate.forEach((d, minutes) -> credits.computeIfAbsent(no, k -> new HashMap<>())
                    .merge(d, minutes, Integer::sum)));
        }
        List<String> out = new ArrayList<>();
        Map<String, List<Shift>> byAgent = new HashMap<>();
        for (Shift s : shifts) {
            byAgent.computeIfAbsent(s.employeeNo(), k -> new ArrayList<>()).add(s);
            if (s.date().isBefore(from) || s.date().isAfter(to)) {
                out.add(s + ": outside the roster period");
            }
            Contract c = contracts.get(s.employeeNo());
            if (c == null) {
                out.add(s + ": agent not in the roster");
            } else if (queue != null && !c.skills().contains(queue)) {
                out.add(s + ": agent lacks skill " + queue);
            }
            if (absences.getOrDefault(s.employeeNo(), Map.of()).containsKey(s.date())) {
                out.add(s + ": on a day of leave or time off");
            }
        }
        for (Shift s : around) {
            byAgent.computeIfAbsent(s.employeeNo(), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Shift>> e : byAgent.entrySet()) {
            List<Shift> all = new ArrayList<>(e.getValue());
            all.sort(Comparator.comparing(Shift::start));
            for (int i = 1; i < all.size(); i++) {
                Shift a = all.get(i - 1);
                Shift b = all.get(i);
                boolean inside = !b.date().isBefore(from) && !a.date().isAfter(to);
                long rest = Duration.between(a.end(), b.start()).toMinutes();
                if (inside && rest < MIN_REST_MINUTES) {
                    out.add(e.getKey() + ": only " + rest + " min of rest between " + a.end() + " and " + b.start());
                }
            }
            TreeSet<LocalDate> worked = new TreeSet<>();
            all.forEach(s -> worked.add(s.date()));
            int run = 0;
            LocalDate previous = null;
            for (LocalDate d : worked) {
                run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
                previous = d;
                if (run > MAX_CONSECUTIVE_DAYS && !d.isBefore(from) && !d.minusDays(MAX_CONSECUTIVE_DAYS).isAfter(to)) {
                    out.add(e.getKey() + ": " + run + " consecutive working days up to " + d);
                }
            }
        }
        for (Map.Entry<String, Contract> e : contracts.entrySet()) {
            String no = e.getKey();
            Contract c = e.getValue();
            if (queue != null && !c.skills().contains(queue)) {
                continue;
            }
            List<Shift> own = byAgent.getOrDefault(no, List.of());
            // the part of a contract week outside the period counts when it is planned (the agent has a published
            // shift there): all its days and their minutes
            for (LocalDate weekStart = from.with(TemporalAdjusters.previousOrSame(weekStartDay));
                    !weekStart.isAfter(to); weekStart = weekStart.plusDays(7)) {
                LocalDate weekEnd = weekStart.plusDays(6);
                LocalDate first = weekStart.isBefore(from) ? from : weekStart;
                LocalDate last = weekEnd.isAfter(to) ? to : weekEnd;
                LocalDate start = weekStart;
                if (own.stream().anyMatch(s -> s.date().isBefore(from) && !s.date().isBefore(start))) {
                    first = weekStart;
                }
                LocalDate end = weekEnd;
                if (own.stream().anyMatch(s -> s.date().isAfter(to) && !s.date().isAfter(end))) {
                    last = weekEnd;
                }
                int daysInWeek = (int) ChronoUnit.DAYS.between(first, last) + 1;
                long max = daysInWeek == 7 ? c.maxWeeklyMinutes() : (c.maxWeeklyMinutes() * daysInWeek + 6) / 7;
                long min = daysInWeek == 7 ? c.minWeeklyMinutes() : (long) c.minWeeklyMinutes() * daysInWeek / 7;
                long paid = 0;
                long paidInPeriod = 0;
                for (Shift s : own) {
                    if (!s.date().isBefore(first) && !s.date().isAfter(last)) {
                        paid += s.paidMinutes();
                        if (!s.date().isBefore(from) && !s.date().isAfter(to)) {
                            paidInPeriod += s.paidMinutes();
                        }
                    }
                }
                long credited = 0;
                for (Map.Entry<LocalDate, Integer> a : credits.getOrDefault(no, Map.of()).entrySet()) {
                    if (!a.getKey().isBefore(first) && !a.getKey().isAfter(last)) {
                        credited += a.getValue();
                    }
                }
                credited = Math.min(credited, max);
                LocalDate firstInPeriod = weekStart.isBefore(from) ? from : weekStart;
                if (reported.contains(new Reported(no, firstInPeriod))) {
                    if (paidInPeriod > 0) {
                        out.add(no + ": reported for the week of " + firstInPeriod + " but given " + paidInPeriod
                                + " min of shifts");
                    }
                    continue;
                }
                if (paid + credited < min) {
                    out.add(no + ": " + (paid + credited) + " min in the week of " + weekStart + ", below " + min);
                }
                if (paid + credited > max) {
                    out.add(no + ": " + (paid + credited) + " min in the week of " + weekStart + ", above " + max);
                }
            }
        }
        return out;
    }

    /** Hours the agent must not work: part-day leave or time off, dated unavailability (training, a doctor). */
    record Blocked(String employeeNo, LocalDateTime start, LocalDateTime end) {
    }

    /** A weekly availability window: the day of the week, from, to ({@code null} to = midnight at the end). */
    record Window(DayOfWeek day, LocalTime from, LocalTime to) {
        boolean contains(LocalDateTime minute) {
            LocalTime t = minute.toLocalTime();
            return minute.getDayOfWeek() == day && !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    /**
     * Every shift minute that falls in blocked hours or, for an agent with weekly windows, outside all of them (a
     * shift past midnight is checked against the next day's windows), one line per shift and rule.
     */
    static List<String> availabilityViolations(List<Shift> shifts, List<Blocked> blocked,
            Map<String, List<Window>> windows) {
        List<String> out = new ArrayList<>();
        for (Shift s : shifts) {
            for (Blocked b : blocked) {
                if (b.employeeNo().equals(s.employeeNo()) && s.start().isBefore(b.end()) && b.start().isBefore(s.end())) {
                    out.add(s + ": overlaps blocked hours " + b.start() + "–" + b.end());
                }
            }
            List<Window> own = windows.getOrDefault(s.employeeNo(), List.of());
            if (own.isEmpty()) {
                continue;
            }
            int outside = 0;
            for (LocalDateTime t = s.start(); t.isBefore(s.end()); t = t.plusMinutes(1)) {
                LocalDateTime minute = t;
                if (own.stream().noneMatch(w -> w.contains(minute))) {
                    outside++;
                }
            }
            if (outside > 0) {
                out.add(s + ": " + outside + " min outside the agent's availability");
            }
        }
        return out;
    }

    /**
     * The breaks of each shift: inside the shift, apart from each other, the meal breaks as long as the unpaid break
     * the shift carries. One line per problem.
     */
    static List<String> breakViolations(List<Shift> shifts) {
        List<String> out = new ArrayList<>();
        for (Shift s : shifts) {
            long meal = 0;
            List<Break> sorted = new ArrayList<>(s.breaks());
            sorted.sort(Comparator.comparing(Break::start));
            for (int i = 0; i < sorted.size(); i++) {
                Break b = sorted.get(i);
                if (b.start().isBefore(s.start()) || b.end().isAfter(s.end()) || !b.end().isAfter(b.start())) {
                    out.add(s + ": break " + b + " not inside the shift");
                }
                if (i > 0 && b.start().isBefore(sorted.get(i - 1).end())) {
                    out.add(s + ": breaks " + sorted.get(i - 1) + " and " + b + " overlap");
                }
                if (b.kind().equals("MEAL")) {
                    meal += Duration.between(b.start(), b.end()).toMinutes();
                }
            }
            if (meal != s.mealBreakMinutes()) {
                out.add(s + ": " + meal + " min of meal breaks listed for a " + s.mealBreakMinutes() + " min meal");
            }
        }
        return out;
    }

    /**
     * Agents on the phone per interval start: minute by minute, the shifts on duty and not on one of their breaks,
     * averaged over the interval (an agent on a 15-minute break counts half in a 30-minute interval).
     */
    static Map<LocalDateTime, Double> onThePhone(List<Shift> shifts, List<LocalDateTime> intervalStarts,
            int intervalMinutes) {
        Map<LocalDateTime, Double> out = new HashMap<>();
        for (LocalDateTime t : intervalStarts) {
            long agentMinutes = 0;
            for (int m = 0; m < intervalMinutes; m++) {
                LocalDateTime minute = t.plusMinutes(m);
                for (Shift s : shifts) {
                    if (s.onThePhoneAt(minute)) {
                        agentMinutes++;
                    }
                }
            }
            out.put(t, (double) agentMinutes / intervalMinutes);
        }
        return out;
    }

    /** Scheduled agents per interval start: the shifts whose span contains the start. */
    static Map<LocalDateTime, Integer> coverage(List<Shift> shifts, List<LocalDateTime> intervalStarts) {
        Map<LocalDateTime, Integer> out = new HashMap<>();
        for (LocalDateTime t : intervalStarts) {
            int n = 0;
            for (Shift s : shifts) {
                if (!t.isBefore(s.start()) && t.isBefore(s.end())) {
                    n++;
                }
            }
            out.put(t, n);
        }
        return out;
    }
}
