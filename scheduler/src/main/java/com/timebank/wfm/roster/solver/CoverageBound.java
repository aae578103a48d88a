package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The best coverage any roster of a problem could reach: a lower bound on the solver's coverage objective,
 * {@code shortfallWeight × Σ shortfall² + overstaffingWeight × Σ overstaffing} over every queue and interval,
 * from the LP relaxation of an aggregated model (ojAlgo's simplex).
 * <p>
 * Agents with the same eligible shift options (same contract shape and skills) form a group; a column
 * {@code x[g][d][o] ≥ 0} counts the group's agents working shift option {@code o} (start × length × queue) on day
 * {@code d}. Rows, each the sum over the group of a per-agent rule, so that every roster is a feasible point and
 * the LP optimum is a valid lower bound:
 * <ul>
 * <li>per day: at most the group's agents not kept off that day (leave, pinned days);</li>
 * <li>per contract week: paid minutes within the group's Σ max(0, min − credited) and Σ max(0, max − credited),
 * pro-rated for a partial last week like the hard constraints;</li>
 * <li>per window of (max consecutive + 1) days: at most max consecutive shifts per agent;</li>
 * <li>per queue and interval: agent-minutes on the phone (net of breaks) + shortfall − overstaffing = required −
 * pinned coverage, all in agent-minutes.</li>
 * </ul>
 * The squared shortfall is a convex piecewise-linear function of the shortfall: every possible shortfall is a
 * multiple of a lattice step (the greatest common divisor of the interval length and every shift's on-phone
 * minutes), and the segment columns' slopes are the secants of m² between consecutive lattice points (exact at
 * every lattice point up to {@link #EXACT_SEGMENTS} agents short, then every ~1.4× further, each line still below
 * m² at every lattice point, so the bound stays valid). Where the solver's rounding of an interval's penalty to an
 * integer can take up to half a point off, the bound gives that half point away. Relaxed away: integrality,
 * minimum rest, availability windows, partial-day unavailability and every other soft constraint,
 * which only lowers the bound.
 * <p>
 * Every shift's coverage comes from {@link #shiftCoverage}, the same per-shift coverage the constraint stream sums
 * ({@link CoverageGrid#coverageOf}), so the bound and {@link #objectiveOf} follow any change of how a shift
 * covers its intervals.
 */
public final class CoverageBound {

    /** Shortfall segments of width one up to here; beyond, breakpoints grow geometrically. */
    static final int EXACT_SEGMENTS = 8;

    /**
     * Outcome of a bound computation. {@code bound} is meaningful only when {@link #available()}; {@code mix} is the
     * LP optimum's start-time mix then, null otherwise.
     */
    public record Result(double bound, boolean available, String state, int columns, int rows, long millis,
            ShiftMix mix) {

        public static Result notAvailable(String state, long millis) {
            return new Result(Double.NaN, false, state, 0, 0, millis, null);
        }
    }

    private CoverageBound() {
    }

    /** The slots one shift on one day covers and with how many agents: the one source of coverage here. */
    static List<SlotCoverage> shiftCoverage(CoverageGrid grid, int dayIndex, ShiftOption shift) {
        return grid.coverageOf(dayIndex, shift);
    }

    /**
     * The coverage objective of a roster as the solver weighs it (its coverage-shortfall and overstaffing score
     * terms, as positive numbers).
     */
    public static long objectiveOf(RosterSolution roster) {
        CoverageGrid grid = roster.getCoverageGrid();
        Map<String, int[]> scheduled = new HashMap<>();
        grid.getSkills().forEach(s -> scheduled.put(s, new int[grid.slotsOf(s).length]));
        for (AgentDay day : roster.getAgentDays()) {
            if (day.getShift() != null) {
                for (SlotCoverage c : shiftCoverage(grid, day.getDayIndex(), day.getShift())) {
                    scheduled.get(c.slot().getSkill())[c.slot().getIndex()] += c.onPhoneMinutes();
                }
            }
        }
        long shortfallWeight = shortfallWeight(roster);
        long overstaffingWeight = overstaffingWeight(roster);
        long objective = 0;
        for (String skill : grid.getSkills()) {
            for (RequirementSlot slot : grid.slotsOf(skill)) {
                int onPhone = scheduled.get(skill)[slot.getIndex()];
                objective += shortfallWeight * slot.shortfallPenalty(onPhone)
                        + overstaffingWeight * slot.overstaffingPenalty(onPhone);
            }
        }
        return objective;
    }

    /**
     * (objective − bound) / bound; 0 when both are 0; null when the bound is missing, 0 under a positive objective, or
     * above the objective (then it is not a bound of this problem).
     */
    public static Double gap(long objective, double bound) {
        if (Double.isNaN(bound)) {
            return null;
        }
        if (bound <= 0) {
            return objective <= 0 ? 0.0 : null;
        }
        if (objective < bound - 1e-6 * bound) {
            // a roster below the bound proves the bound wrong for this problem: no figure rather than a false one
            return null;
        }
        return Math.max(0, (objective - bound) / bound);
    }

    /** Computes the bound, giving up (not available) after {@code timeLimit}. */
    public static Result of(RosterSolution problem, Duration timeLimit) {
        long t0 = System.nanoTime();
        try {
            return solve(problem, timeLimit, t0);
        } catch (RuntimeException | OutOfMemoryError e) {
            return Result.notAvailable("FAILED: " + e.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static Result solve(RosterSolution problem, Duration timeLimit, long t0) {
        CoverageGrid grid = problem.getCoverageGrid();
        int days = problem.getHorizonDays();
        long shortfallWeight = shortfallWeight(problem);
        long overstaffingWeight = overstaffingWeight(problem);
        Map<List<ShiftOption>, List<Agent>> groups = new LinkedHashMap<>();
        problem.getAgents().forEach(a -> groups.computeIfAbsent(a.getEligibleShiftOptions(), k -> new ArrayList<>()).add(a));
        Map<String, AgentDay[]> daysOf = new HashMap<>();
        for (AgentDay d : problem.getAgentDays()) {
            daysOf.computeIfAbsent(d.getAgent().getEmployeeNo(), k -> new AgentDay[days])[d.getDayIndex()] = d;
        }
        Map<String, int[]> pinned = new HashMap<>();
        Map<String, Expression[]> cover = new HashMap<>();
        Map<List<ShiftOption>, Variable[][]> columnsOf = new LinkedHashMap<>();
        grid.getSkills().forEach(s -> {
            pinned.put(s, new int[grid.slotsOf(s).length]);
            cover.put(s, new Expression[grid.slotsOf(s).length]);
        });

        ExpressionsBasedModel model = new ExpressionsBasedModel();
        ContractWeeks contractWeeks = problem.getContractWeeks();
        int weeks = contractWeeks.count();
        int slotMinutes = grid.getSlotMinutes();
        // every shortfall (required minus on-phone agent-minutes) is a multiple of this lattice step
        int lattice = slotMinutes;
        int g = 0;
        for (Map.Entry<List<ShiftOption>, List<Agent>> group : groups.entrySet()) {
            List<ShiftOption> options = group.getKey();
            List<Agent> agents = group.getValue();
            int[] available = new int[days];
            long[] minPaid = new long[weeks];
            long[] maxPaid = new long[weeks];
            for (Agent a : agents) {
                AgentDay[] ad = daysOf.get(a.getEmployeeNo());
                if (ad == null) {
                    continue;
                }
                int[] credited = new int[weeks];
                for (int d = 0; d < days; d++) {
                    if (ad[d] == null) {
                        continue;
                    }
                    credited[contractWeeks.weekOf(d)] += ad[d].getCreditedMinutes();
                    if (ad[d].isPinned()) {
                        if (ad[d].getShift() != null) {
                            credited[contractWeeks.weekOf(d)] += ad[d].getShift().getPaidMinutes();
                            for (SlotCoverage c : shiftCoverage(grid, d, ad[d].getShift())) {
                                pinned.get(c.slot().getSkill())[c.slot().getIndex()] += c.onPhoneMinutes();
                                lattice = gcd(lattice, c.onPhoneMinutes());
                            }
                        }
                    } else {
                        available[d]++;
                    }
                }
                for (int w = 0; w < weeks; w++) {
                    int daysInWeek = contractWeeks.lastDay(w) - contractWeeks.firstDay(w) + 1;
                    if (!a.isMinimumWaived(w)) {
                        minPaid[w] += Math.max(0, a.minWeeklyMinutesIn(w, daysInWeek) - credited[w]);
                    }
                    maxPaid[w] += a.isMaximumWaived(w) ? (long) daysInWeek * 1440
                            : Math.max(0, a.maxWeeklyMinutesIn(w, daysInWeek) - credited[w]);
                }
            }
            if (options.isEmpty()) {
                g++;
                continue;
            }
            Variable[][] x = new Variable[days][options.size()];
            columnsOf.put(options, x);
            for (int d = 0; d < days; d++) {
                Expression perDay = model.addExpression("day" + g + "_" + d).upper(available[d]);
                for (int o = 0; o < options.size(); o++) {
                    x[d][o] = model.addVariable("x" + g + "_" + d + "_" + o).lower(0);
                    perDay.set(x[d][o], 1);
                    for (SlotCoverage c : shiftCoverage(grid, d, options.get(o))) {
                        Expression[] rows = cover.get(c.slot().getSkill());
                        int i = c.slot().getIndex();
                        if (rows[i] == null) {
                            rows[i] = model.addExpression("cover_" + c.slot().getId());
                        }
                        rows[i].set(x[d][o], c.onPhoneMinutes());
                        lattice = gcd(lattice, c.onPhoneMinutes());
                    }
                }
            }
            for (int w = 0; w < weeks; w++) {
                Expression week = model.addExpression("week" + g + "_" + w).lower(minPaid[w]).upper(maxPaid[w]);
                for (int d = contractWeeks.firstDay(w); d <= contractWeeks.lastDay(w); d++) {
                    for (int o = 0; o < options.size(); o++) {
                        week.set(x[d][o], options.get(o).getPaidMinutes());
                    }
                }
            }
            int maxRun = agents.get(0).getMaxConsecutiveWorkingDays();
            if (agents.stream().allMatch(a -> a.getMaxConsecutiveWorkingDays() == maxRun) && maxRun < days) {
                for (int start = 0; start + maxRun < days; start++) {
                    Expression window = model.addExpression("run" + g + "_" + start).upper((long) maxRun * agents.size());
                    for (int d = start; d <= start + maxRun; d++) {
                        for (int o = 0; o < options.size(); o++) {
                            window.set(x[d][o], 1);
                        }
                    }
                }
            }
            g++;
        }
        // Coverage is in agent-minutes on the phone (net of breaks). The solver's penalties, per interval of m missing
        // (or e extra) agent-minutes: 100·m²/slot² and 10·e/slot, each rounded to the nearest integer.
        double shortfallPerSquareMinute = 100.0 * shortfallWeight / ((double) slotMinutes * slotMinutes);
        double overstaffingPerMinute = 10.0 * overstaffingWeight / slotMinutes;
        double constant = 0;
        long rowSlots = 0;
        for (String skill : grid.getSkills()) {
            RequirementSlot[] slots = grid.slotsOf(skill);
            Expression[] rows = cover.get(skill);
            for (int i = 0; i < slots.length; i++) {
                long rhs = (long) slots[i].getRequiredMinutes() - pinned.get(skill)[i];
                if (rows[i] == null) {
                    constant += rhs > 0 ? (double) shortfallWeight * NetCoverage.shortfallPenalty(rhs, slotMinutes)
                            : (double) overstaffingWeight * NetCoverage.overstaffingPenalty(-rhs, slotMinutes);
                    continue;
                }
                rowSlots++;
                Expression row = rows[i];
                if (overstaffingWeight > 0 || rhs < 0) {
                    row.level(rhs);
                    row.set(model.addVariable("e_" + slots[i].getId()).lower(0).weight(overstaffingPerMinute), -1);
                } else {
                    // without an overstaffing cost, coverage above the requirement is free
                    row.lower(rhs);
                }
                // segments on the lattice of possible shortfalls (multiples of `lattice` minutes): the line through
                // lattice points k and k + 1 is below m² at every lattice point, so the bound stays valid
                long steps = Math.max(0, (rhs + lattice - 1) / lattice);
                double from = 0;
                for (int[] k : shortfallSegments((int) Math.min(Integer.MAX_VALUE, steps), slotMinutes / lattice)) {
                    double to = k[1] >= steps ? rhs : lattice * (k[0] + k[1] + 1) / 2.0;
                    double slope = shortfallPerSquareMinute * lattice * (2.0 * k[0] + 1);
                    Variable segment = model.addVariable("s_" + slots[i].getId() + "_" + k[0]).lower(0)
                            .upper(Math.max(0, to - from)).weight(slope);
                    row.set(segment, 1);
                    from = to;
                }
            }
        }
        // the solver rounds each interval's penalties to integers; where the lattice does not make them whole,
        // each may be up to half a point below the exact value
        boolean wholePenalties = (100L * lattice * lattice) % ((long) slotMinutes * slotMinutes) == 0
                && (10L * lattice) % slotMinutes == 0;
        if (!wholePenalties) {
            constant -= 0.5 * (shortfallWeight + overstaffingWeight) * rowSlots;
        }
        Optimisation.Options options = model.options;
        options.time_abort = Math.max(1, timeLimit.toMillis());
        options.time_suffice = options.time_abort;
        Optimisation.Result result = model.minimise();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        int columns = model.getVariables().size();
        int rows = model.getExpressions().size();
        if (!result.getState().isOptimal()) {
            return new Result(Double.NaN, false, result.getState().toString(), columns, rows, millis, null);
        }
        Map<List<ShiftOption>, double[][]> planned = new LinkedHashMap<>();
        columnsOf.forEach((shifts, x) -> {
            double[][] counts = new double[days][shifts.size()];
            for (int d = 0; d < days; d++) {
                for (int o = 0; o < shifts.size(); o++) {
                    counts[d][o] = Math.max(0, x[d][o].getValue().doubleValue());
                }
            }
            planned.put(shifts, counts);
        });
        return new Result(Math.max(0, result.getValue() + constant), true, result.getState().toString(), columns, rows,
                millis, new ShiftMix(planned));
    }

    /**
     * The secant lines of s² used for a shortfall of at most {@code rhs}, as pairs (k, next k): line k passes
     * through (k, k²) and (k + 1, (k + 1)²); consecutive lines cross at (k + next + 1) / 2.
     */
    static List<int[]> shortfallSegments(int rhs) {
        return shortfallSegments(rhs, 1);
    }

    /** As {@link #shortfallSegments(int)} on a lattice of {@code perAgent} points per agent. */
    static List<int[]> shortfallSegments(int rhs, int perAgent) {
        List<Integer> ks = new ArrayList<>();
        int k = 0;
        int exact = EXACT_SEGMENTS * Math.max(1, perAgent);
        while (k < rhs) {
            ks.add(k);
            k = k < exact ? k + 1 : (int) Math.ceil(k * 1.4);
        }
        List<int[]> pairs = new ArrayList<>(ks.size());
        for (int i = 0; i < ks.size(); i++) {
            pairs.add(new int[] {ks.get(i), i + 1 < ks.size() ? ks.get(i + 1) : Integer.MAX_VALUE});
        }
        return pairs;
    }

    private static long shortfallWeight(RosterSolution solution) {
        RosterConstraintConfiguration weights = solution.getConstraintConfiguration();
        return weights == null ? new RosterConstraintConfiguration().getCoverageShortfall().softScore()
                : weights.getCoverageShortfall().softScore();
    }

    private static long overstaffingWeight(RosterSolution solution) {
        RosterConstraintConfiguration weights = solution.getConstraintConfiguration();
        return weights == null ? new RosterConstraintConfiguration().getOverstaffing().softScore()
                : weights.getOverstaffing().softScore();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }
}
