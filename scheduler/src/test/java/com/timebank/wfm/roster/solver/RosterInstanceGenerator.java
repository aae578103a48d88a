package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic, reproducible roster instances for the demo, tests and benchmarks: N agents × D days on a
 * 30-minute grid (configurable), two queues, varied contracts, ~5% leave.
 * <pre>{@code
 * RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(500, 28));
 * }</pre>
 * <ul>
 * <li><b>Requirement</b> (scheduled agents per interval): a daily volume by weekday (Monday peak, quiet
 * weekend), month-end/month-start peaks (busy days), an intraday double peak (late morning, early afternoon)
 * with an evening shoulder, ±5% noise; scaled so the requirement uses {@code utilisation} of the agents'
 * contracted capacity. The "billing" queue is open on weekdays only and takes ~15% of the volume.</li>
 * <li><b>Shift templates</b> ({@link #standardShiftOptions()}): general 8 h (30 min meal) and 9 h (1 h meal)
 * starting every 30 min 07:00–14:00, 4 h part-time shifts 07:00–19:00; billing 8 h / 9 h 08:00–12:00.</li>
 * <li><b>Contracts</b>: 60% full-time 37.5–40 h (8/9 h shifts), 25% 28–32 h (any length), 15% 16–20 h
 * (4 h shifts only); 25% of the 8 h+ agents also have the billing skill; teams of 15.</li>
 * <li><b>Agents' data</b>: preferred days off (30%), early (20%) / late (15%) preference, time-bank balances
 * around +2 h (σ 10 h).</li>
 * <li><b>Absences</b>: leave blocks of 1–5 days on ~{@code leaveRate} of agent-days (credited on weekdays),
 * ~1% time-off days for agents with a positive balance, 4% of agents declaring an evening unavailability
 * on one weekday.</li>
 * <li><b>Idle days</b>: days whose total requirement is below 75% of the average day; <b>busy</b>: month-end
 * peaks.</li>
 * </ul>
 */
public final class RosterInstanceGenerator {

    public static final String GENERAL = "general";
    public static final String BILLING = "billing";

    /**
     * @param agents      number of agents
     * @param days        horizon length (contract weeks are 7-day blocks from {@code start})
     * @param start       first day (a Monday in the defaults)
     * @param slotMinutes interval length
     * @param seed        random seed: same spec, same instance
     * @param leaveRate   share of agent-days on leave
     * @param utilisation requirement as a share of contracted capacity (< 1 leaves slack for the rules)
     */
    public record Spec(int agents, int days, LocalDate start, int slotMinutes, long seed, double leaveRate,
            double utilisation) {

        public static Spec of(int agents, int days) {
            return new Spec(agents, days, LocalDate.of(2026, 3, 16), 30, 1L, 0.05, 0.92);
        }

        public Spec withSeed(long newSeed) {
            return new Spec(agents, days, start, slotMinutes, newSeed, leaveRate, utilisation);
        }

        public Spec withStart(LocalDate newStart) {
            return new Spec(agents, days, newStart, slotMinutes, seed, leaveRate, utilisation);
        }

        public Spec withLeaveRate(double rate) {
            return new Spec(agents, days, start, slotMinutes, seed, rate, utilisation);
        }

        public Spec withUtilisation(double newUtilisation) {
            return new Spec(agents, days, start, slotMinutes, seed, leaveRate, newUtilisation);
        }

        public Spec withSlotMinutes(int minutes) {
            return new Spec(agents, days, start, minutes, seed, leaveRate, utilisation);
        }
    }

    /**
     * The demand and contract shape of an instance, for the benchmark family: the share of part-time (4 h)
     * contracts, long opening hours (06:00–24:00 every day, later shift starts), a weekend peak instead of a quiet
     * weekend, and the height of the first business day's peak (month start).
     */
    public record Shape(double partTimeShare, boolean longHours, boolean weekendPeak, double monthStartPeak) {

        public static final Shape STANDARD = new Shape(0.15, false, false, 1.4);

        public Shape withPartTimeShare(double share) {
            return new Shape(share, longHours, weekendPeak, monthStartPeak);
        }

        public Shape withLongHours() {
            return new Shape(partTimeShare, true, weekendPeak, monthStartPeak);
        }

        public Shape withWeekendPeak() {
            return new Shape(partTimeShare, longHours, true, monthStartPeak);
        }

        public Shape withMonthStartPeak(double factor) {
            return new Shape(partTimeShare, longHours, weekendPeak, factor);
        }
    }

    public RosterSolution generate(Spec spec) {
        return generate(spec, new RosterConstraintConfiguration());
    }

    public RosterSolution generate(Spec spec, RosterConstraintConfiguration weights) {
        return generate(spec, Shape.STANDARD, weights);
    }

    public RosterSolution generate(Spec spec, Shape shape, RosterConstraintConfiguration weights) {
        Random random = new Random(spec.seed());
        List<ShiftOption> options = shape.longHours() ? longHoursShiftOptions() : standardShiftOptions();
        List<Agent> agents = agents(spec, shape, random);
        List<Unavailability> absences = absences(spec, agents, random);

        int slotsPerDay = 1440 / spec.slotMinutes();
        double[] general = new double[spec.days() * slotsPerDay];
        double[] billing = new double[spec.days() * slotsPerDay];
        Set<LocalDate> busy = new HashSet<>();
        double[] dayTotals = new double[spec.days()];
        for (int d = 0; d < spec.days(); d++) {
            LocalDate date = spec.start().plusDays(d);
            double dayFactor = weekdayFactor(date.getDayOfWeek(), shape) * monthEndFactor(date, shape);
            if (monthEndFactor(date, shape) > 1.0) {
                busy.add(date);
            }
            for (int s = 0; s < slotsPerDay; s++) {
                double hour = (s * spec.slotMinutes() + spec.slotMinutes() / 2.0) / 60.0;
                double noise = 1.0 + 0.05 * random.nextGaussian();
                general[d * slotsPerDay + s] = Math.max(0, dayFactor * intraday(date.getDayOfWeek(), hour, shape) * noise);
                billing[d * slotsPerDay + s] = Math.max(0, dayFactor * billingIntraday(date.getDayOfWeek(), hour) * noise);
            }
        }
        // Scale to the capacity: contracted minutes (mid-band) minus leave, in slot units of shift span.
        double capacitySlots = 0;
        for (Agent agent : agents) {
            capacitySlots += (agent.getMinWeeklyMinutes() + agent.getMaxWeeklyMinutes()) / 2.0 * spec.days() / 7.0
                    * (1.0 - spec.leaveRate()) * 1.08 / spec.slotMinutes();
        }
        double generalShape = sum(general);
        double billingShape = sum(billing);
        double generalScale = generalShape == 0 ? 0 : spec.utilisation() * capacitySlots * 0.85 / generalShape;
        double billingScale = billingShape == 0 ? 0 : spec.utilisation() * capacitySlots * 0.15 / billingShape;
        int[] generalRequired = new int[general.length];
        int[] billingRequired = new int[billing.length];
        for (int i = 0; i < general.length; i++) {
            generalRequired[i] = (int) Math.round(general[i] * generalScale);
            billingRequired[i] = (int) Math.round(billing[i] * billingScale);
            dayTotals[i / slotsPerDay] += generalRequired[i] + billingRequired[i];
        }
        double averageDay = sum(dayTotals) / spec.days();
        List<LocalDate> idle = new ArrayList<>();
        for (int d = 0; d < spec.days(); d++) {
            if (dayTotals[d] < 0.75 * averageDay) {
                idle.add(spec.start().plusDays(d));
            }
        }
        return RosterProblemBuilder.forHorizon(spec.start(), spec.days())
                .slotMinutes(spec.slotMinutes())
                .shiftOptions(options)
                .agents(agents)
                .requirement(GENERAL, generalRequired)
                .requirement(BILLING, billingRequired)
                .unavailabilities(absences)
                .idleDays(idle)
                .busyDays(busy)
                .constraintConfiguration(weights)
                .build();
    }

    /** The generator's shift templates (also a sensible default for a center). */
    public static List<ShiftOption> standardShiftOptions() {
        List<ShiftOption> options = new ArrayList<>();
        for (LocalTime start = LocalTime.of(7, 0); !start.isAfter(LocalTime.of(14, 0)); start = start.plusMinutes(30)) {
            options.add(ShiftOption.of(GENERAL, start, 8 * 60, 30));
            options.add(ShiftOption.of(GENERAL, start, 9 * 60, 60));
        }
        for (LocalTime start = LocalTime.of(7, 0); !start.isAfter(LocalTime.of(19, 0)); start = start.plusMinutes(30)) {
            options.add(ShiftOption.of(GENERAL, start, 4 * 60, 0));
        }
        for (LocalTime start = LocalTime.of(8, 0); !start.isAfter(LocalTime.of(12, 0)); start = start.plusMinutes(30)) {
            options.add(ShiftOption.of(BILLING, start, 8 * 60, 30));
            options.add(ShiftOption.of(BILLING, start, 9 * 60, 60));
        }
        return List.copyOf(options);
    }

    /** Long opening hours: 8 h / 9 h starts 06:00–16:00, 4 h starts 06:00–20:00, billing as standard. */
    public static List<ShiftOption> longHoursShiftOptions() {
        List<ShiftOption> options = new ArrayList<>();
        for (LocalTime start = LocalTime.of(6, 0); !start.isAfter(LocalTime.of(16, 0)); start = start.plusMinutes(30)) {
            options.add(ShiftOption.of(GENERAL, start, 8 * 60, 30));
            options.add(ShiftOption.of(GENERAL, start, 9 * 60, 60));
        }
        for (LocalTime start = LocalTime.of(6, 0); !start.isAfter(LocalTime.of(20, 0)); start = start.plusMinutes(30)) {
            options.add(ShiftOption.of(GENERAL, start, 4 * 60, 0));
        }
        for (LocalTime start = LocalTime.of(8, 0); !start.isAfter(LocalTime.of(12, 0)); start = start.plusMinutes(30)) {
            options.add(ShiftOption.of(BILLING, start, 8 * 60, 30));
            options.add(ShiftOption.of(BILLING, start, 9 * 60, 60));
        }
        return List.copyOf(options);
    }

    private static List<Agent> agents(Spec spec, Shape shape, Random random) {
        double fullTime = 0.60 * (1 - shape.partTimeShare()) / 0.85;
        List<Agent> agents = new ArrayList<>(spec.agents());
        DayOfWeek[] days = DayOfWeek.values();
        for (int i = 0; i < spec.agents(); i++) {
            Agent.Builder builder = Agent.builder(String.format("E%05d", i + 1))
                    .team(String.format("T%02d", i / 15 + 1))
                    .skills(GENERAL);
            double contract = random.nextDouble();
            boolean eightHoursPlus;
            if (contract < fullTime) {
                builder.weeklyMinutes(2250, 2400).allowedShiftLengths(480, 540);
                eightHoursPlus = true;
            } else if (contract < 1 - shape.partTimeShare()) {
                builder.weeklyMinutes(1680, 1920);
                eightHoursPlus = true;
            } else {
                builder.weeklyMinutes(960, 1200).allowedShiftLengths(240);
                eightHoursPlus = false;
            }
            if (eightHoursPlus && random.nextDouble() < 0.25) {
                builder.skills(BILLING);
            }
            if (random.nextDouble() < 0.30) {
                builder.preferredDaysOff(random.nextDouble() < 0.5
                        ? days[5 + random.nextInt(2)] : days[random.nextInt(5)]);
            }
            double preference = random.nextDouble();
            builder.shiftTimePreference(preference < 0.20 ? ShiftTimePreference.EARLY
                    : preference < 0.35 ? ShiftTimePreference.LATE : ShiftTimePreference.NONE);
            double balanceHours = Math.max(-30, Math.min(60, 2 + 10 * random.nextGaussian()));
            builder.timeBankBalanceSeconds(Math.round(balanceHours * 3600));
            agents.add(builder.build());
        }
        return agents;
    }

    private static List<Unavailability> absences(Spec spec, List<Agent> agents, Random random) {
        List<Unavailability> absences = new ArrayList<>();
        if (agents.isEmpty()) {
            return absences;
        }
        int days = spec.days();
        boolean[][] absent = new boolean[agents.size()][days];
        long targetLeaveDays = Math.round(spec.leaveRate() * agents.size() * days);
        long leaveDays = 0;
        int attempts = 0;
        while (leaveDays < targetLeaveDays && attempts++ < 100 * (targetLeaveDays + 1)) {
            int a = random.nextInt(agents.size());
            double r = random.nextDouble();
            int length = r < 0.45 ? 1 : r < 0.70 ? 2 : r < 0.85 ? 3 : 5;
            int first = random.nextInt(days);
            int last = Math.min(days - 1, first + length - 1);
            boolean free = true;
            for (int d = first; d <= last; d++) {
                free &= !absent[a][d];
            }
            if (!free) {
                continue;
            }
            Agent agent = agents.get(a);
            for (int d = first; d <= last; d++) {
                absent[a][d] = true;
                leaveDays++;
                LocalDate date = spec.start().plusDays(d);
                absences.add(Unavailability.fullDay(agent, date, UnavailabilityType.LEAVE, creditedPerDay(agent, date)));
            }
        }
        for (int a = 0; a < agents.size(); a++) {
            Agent agent = agents.get(a);
            if (agent.getTimeBankBalanceSeconds() > 8 * 3600) {
                for (int d = 0; d < days; d++) {
                    if (!absent[a][d] && random.nextDouble() < 0.02) {
                        absent[a][d] = true;
                        LocalDate date = spec.start().plusDays(d);
                        absences.add(Unavailability.fullDay(agent, date, UnavailabilityType.TIME_OFF,
                                creditedPerDay(agent, date)));
                    }
                }
            }
            if (random.nextDouble() < 0.04) {
                DayOfWeek weekday = DayOfWeek.of(1 + random.nextInt(5));
                for (int d = 0; d < days; d++) {
                    LocalDate date = spec.start().plusDays(d);
                    if (date.getDayOfWeek() == weekday && !absent[a][d]) {
                        absences.add(Unavailability.window(agent, date, LocalTime.of(18, 0), LocalTime.MIDNIGHT));
                    }
                }
            }
        }
        return absences;
    }

    /** A paid absence credits a contractual day (mid-band weekly minutes / 5) on weekdays. */
    private static int creditedPerDay(Agent agent, LocalDate date) {
        if (EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(date.getDayOfWeek())) {
            return 0;
        }
        return (agent.getMinWeeklyMinutes() + agent.getMaxWeeklyMinutes()) / 2 / 5;
    }

    private static double weekdayFactor(DayOfWeek day, Shape shape) {
        if (shape.weekendPeak() && day.getValue() >= 6) {
            return day == DayOfWeek.SATURDAY ? 1.30 : 1.10;
        }
        return switch (day) {
            case MONDAY -> 1.20;
            case TUESDAY -> 1.08;
            case WEDNESDAY -> 1.00;
            case THURSDAY -> 0.98;
            case FRIDAY -> 0.95;
            case SATURDAY -> 0.50;
            case SUNDAY -> 0.35;
        };
    }

    /** Month-end and month-start peaks on business days. */
    private static double monthEndFactor(LocalDate date, Shape shape) {
        if (date.getDayOfWeek().getValue() >= 6) {
            return 1.0;
        }
        LocalDate lastBusinessDay = YearMonth.from(date).atEndOfMonth();
        while (lastBusinessDay.getDayOfWeek().getValue() >= 6) {
            lastBusinessDay = lastBusinessDay.minusDays(1);
        }
        LocalDate firstBusinessDay = YearMonth.from(date).atDay(1);
        while (firstBusinessDay.getDayOfWeek().getValue() >= 6) {
            firstBusinessDay = firstBusinessDay.plusDays(1);
        }
        if (date.equals(lastBusinessDay)) {
            return 1.6;
        }
        if (date.equals(lastBusinessDay.minusDays(1))) {
            return 1.25;
        }
        if (date.equals(firstBusinessDay)) {
            return shape.monthStartPeak();
        }
        if (shape.monthStartPeak() > 1.4 && date.equals(firstBusinessDay.plusDays(1))) {
            return 1.0 + (shape.monthStartPeak() - 1.0) / 2;
        }
        return 1.0;
    }

    /** General queue: open 07:00–23:00 on weekdays, 08:00–21:00 at weekends (06:00–24:00 with long hours). */
    private static double intraday(DayOfWeek day, double hour, Shape shape) {
        boolean weekend = day.getValue() >= 6 && !shape.weekendPeak();
        double open = shape.longHours() ? 6 : weekend ? 8 : 7;
        double close = shape.longHours() ? 24 : weekend ? 21 : 23;
        if (hour < open || hour > close) {
            return 0;
        }
        double ramp = Math.min(1.0, Math.min(hour - open, close - hour) / 1.0 + 0.3);
        double curve = weekend
                ? 0.45 + 0.6 * gauss(hour, 12.5, 3.0)
                : 0.30 + 0.95 * gauss(hour, 10.75, 1.6) + 0.75 * gauss(hour, 14.5, 1.8) + 0.25 * gauss(hour, 19.0, 1.5);
        return ramp * curve;
    }

    /** Billing queue: weekdays 08:00–20:00, a single late-morning peak. */
    private static double billingIntraday(DayOfWeek day, double hour) {
        if (day.getValue() >= 6 || hour < 8 || hour > 20) {
            return 0;
        }
        return 0.4 + 0.8 * gauss(hour, 11.5, 2.2);
    }

    private static double gauss(double x, double mean, double sd) {
        double z = (x - mean) / sd;
        return Math.exp(-0.5 * z * z);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
