package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The coverage bound raised by pricing whole agent plans: a Lagrangian relaxation of the per-agent model, started
 * at the aggregated LP's coverage duals and improved by subgradient steps; every value it reports is a valid lower
 * bound on the solver's coverage objective of any roster that keeps the hard rules it uses.
 * <p>
 * Why: the aggregated LP ({@link CoverageBound.Lp}) sums each rule over a group of agents, so a group may work a
 * fraction of an agent on every day and still keep "at most six days in a row" and the weekly limits on average.
 * Whole agents cannot: measured on the 20-agent standard instance, SCIP's bound on the per-agent model after 240 s was
 * 11% above the aggregated LP. Here each agent's plan is whole: for multipliers π (the value of an agent-minute on
 * the phone in each interval),
 * <pre>
 *   L(π) = Σ_intervals min_c [f(c) + π·c] − Σ_agents max_plan π·coverage(plan) + constant
 * </pre>
 * where f is an interval's coverage cost as the solver counts it (the squared shortfall exactly, overstaffing per
 * minute), minimised over the coverages a roster can give the interval (multiples of the LP's lattice,
 * {@link #bestCoverage}), and the plans keep the agent's own weekly paid-minute limits, most days in a row (also
 * across the horizon's edges), leave and availability, each day one shift or off. For any roster keeping those rules
 * L(π) ≤ its coverage objective (weak duality), whatever π is; at the LP's duals L is at least the LP bound (f is at
 * least the LP's piecewise-linear cost at every lattice point, and each agent's plans lie inside its group's share
 * of the aggregated model). The best plan of an agent is a dynamic program over (day, days in a row, the week's paid
 * minutes) choosing per day off or the best shift per paid length: minimum rest is relaxed (it only lowers L), so no
 * shift choice within a length matters to the rules. The multipliers move by deflected subgradient steps
 * ({@link #DEFLECTION}) of Polyak's length towards a target just above the best bound so far.
 * <p>
 * With f the minutes short alone (overstaffing free), the same relaxation bounds the short agent-minutes of any such
 * roster ({@link #raiseShortfall}): it raises the shortfall floor the planner sees, as it raises the bound.
 * <p>
 * At the best multipliers the interval side can be priced once more with a day's coverage made of whole shifts
 * ({@link #raiseByWholeShifts}, {@link WholeShiftDay}): still L's agent side, but each day's intervals minimised
 * together over the coverages whole shifts can give them, not each on its own.
 */
final class LagrangianBound {

    /**
     * Outcome: the best bound found (never below the LP bound it started from), the steps taken and their time, and
     * how many distinct plan searches a step ran for how many agents; for a raise with the shortfall floor waiting
     * after it, what its last quarter gained when its share of the time was up (NaN: it ended or settled before) and
     * whether it then gave way.
     */
    record Result(double bound, int steps, long millis, int searches, int agents, double lateGain, boolean gaveWay,
            double[] multipliers) {
    }

    private final CoverageBound.Lp lp;
    private boolean shareSearches = true;
    private final List<Group> groups = new ArrayList<>();
    private final List<AgentPlans> agents = new ArrayList<>();
    /** Per coverage row: rhs and overstaffing cost per minute (NaN: excess is free). */
    private final double[] rhs;
    private final double[] overstaffingCost;
    /**
     * Every coverage is a multiple of this many agent-minutes; a shortfall of m costs {@code shortfallCost}·m² +
     * {@code shortfallPerMinute}·m.
     */
    private final int lattice;
    private final double shortfallCost;
    private final double shortfallPerMinute;
    /** The cost of the intervals no shift reaches. */
    private final double constant;

    /** Agents with the same eligible shift options: the coverage rows and minutes of each (day, option). */
    private static final class Group {
        final List<ShiftOption> options;
        final int[][][] rows;
        final int[][][] minutes;
        final int[] paidLengths;
        final int[] lengthOf;
        /** Per iteration: the value of each (day, option) at the current multipliers. */
        double[][] value;

        Group(List<ShiftOption> options, int days) {
            this.options = options;
            this.rows = new int[days][options.size()][];
            this.minutes = new int[days][options.size()][];
            this.paidLengths = options.stream().mapToInt(ShiftOption::getPaidMinutes).distinct().sorted().toArray();
            this.lengthOf = options.stream().mapToInt(o -> Arrays.binarySearch(paidLengths, o.getPaidMinutes()))
                    .toArray();
            this.value = new double[days][options.size()];
        }
    }

    /**
     * The rules of one or more agents as the plan search needs them: agents whose searches would be the same (same
     * options, days, limits and edges, as most agents of a contract without leave are) share one, counted by
     * {@code agents}.
     */
    private static final class AgentPlans {
        final List<Agent> agents = new ArrayList<>();
        Group group;
        /** Per day: 0 open, 1 pinned working ({@code pinnedMinutes}), 2 off (pinned off or no day). */
        int[] kind;
        int[] pinnedMinutes;
        /** Per day: the options allowed (null: all of the group's). */
        int[][] allowed;
        int[] weekOf;
        /** Per day: the most minutes indexes the week's days after it can add (for the week's minimum). */
        int[] later;
        int[] floor;
        int[] cap;
        int maxRun;
        int runBefore;
        int runAfter;
        int step;
        /** The plan last chosen: option index per day, -1 off or pinned. */
        int[] plan;

        /**
         * What makes two agents' plan searches the same (the group compares by identity: one per option list). The
         * contract weeks are the problem's, the same for every agent, so they are not part of it.
         */
        List<Object> searchKey() {
            return List.of(group, Arrays.toString(kind), Arrays.toString(pinnedMinutes), Arrays.deepToString(allowed),
                    Arrays.toString(floor), Arrays.toString(cap), List.of(maxRun, runBefore, runAfter, step));
        }
    }

    private LagrangianBound(CoverageBound.Lp lp) {
        this(lp, false);
    }

    /**
     * With {@code shortfallAlone}, L bounds the short agent-minutes instead of the coverage objective: each minute
     * short costs 1, overstaffing nothing ({@link CoverageBound.Result#shortfallFloor}).
     */
    private LagrangianBound(CoverageBound.Lp lp, boolean shortfallAlone) {
        this.lp = lp;
        int n = lp.coverageRows.size();
        rhs = new double[n];
        overstaffingCost = new double[n];
        lattice = lp.lattice;
        shortfallCost = shortfallAlone ? 0 : lp.shortfallPerSquareMinute;
        shortfallPerMinute = shortfallAlone ? 1 : 0;
        constant = shortfallAlone ? lp.uncoveredShortfallMinutes : lp.constant;
        for (int k = 0; k < n; k++) {
            CoverageBound.Lp.CoverageRow row = lp.coverageRows.get(k);
            rhs[k] = lp.rows.get(row.row()).lower;
            overstaffingCost[k] = row.overstaffing() < 0 || shortfallAlone ? Double.NaN
                    : lp.columns.get(row.overstaffing()).cost();
        }
    }

    /**
     * Raises {@code lpBound} (the LP's value, its coverage duals {@code duals} per {@code lp.coverageRows}) until
     * {@code end}; returns the best bound found, at least {@code lpBound}.
     */
    static Result raise(RosterSolution problem, CoverageBound.Lp lp, double[] duals, double lpBound,
            SolveDeadline end, SolveDeadline solveEnd) {
        return raise(new LagrangianBound(lp), problem, duals, lpBound, end, solveEnd, Double.NaN);
    }

    /**
     * As {@link #raise(RosterSolution, CoverageBound.Lp, double[], double, SolveDeadline, SolveDeadline)}; once
     * {@link #BOUND_SHARE} of the time from now to the earlier of {@code end} and {@code solveEnd} has passed, the
     * steps give way (end) if the last quarter of their time raised the bound by less than {@code giveWayGain} of it
     * ({@link #GIVE_WAY_GAIN} when the shortfall floor is to be raised in the rest; NaN: never; for tests, infinity:
     * always); otherwise they go on.
     */
    static Result raise(RosterSolution problem, CoverageBound.Lp lp, double[] duals, double lpBound,
            SolveDeadline end, SolveDeadline solveEnd, double giveWayGain) {
        return raise(new LagrangianBound(lp), problem, duals, lpBound, end, solveEnd, giveWayGain);
    }

    /**
     * The share of the raise's time after which the bound's steps may give way to the shortfall floor's (which has the
     * rest, and any time the bound's steps leave when they settle sooner: within ~15 s at 100 agents).
     */
    static final double BOUND_SHARE = 0.75;
    /**
     * The bound's steps give way when the last quarter of their time raised it by less than this share of it. At
     * 2,000 agents, 45 s into a 60-s raise, they had gained 0.20% (standard) and 0.34% (weekend-peak) in that quarter,
     * and standard's went on to gain 0.07% more by 60 s, while the floor raised in those 15 s instead rose by 8.7%; at
     * 10,000 agents weekend-peak's had gained 2.1% and keep the whole time ({@code scripts/bench-roster}).
     */
    static final double GIVE_WAY_GAIN = 0.005;

    /**
     * As {@link #raise(RosterSolution, CoverageBound.Lp, double[], double, SolveDeadline, SolveDeadline)} for the short
     * agent-minutes alone, from the duals and optimum of the LP minimising them: the fewest any roster keeping the
     * plans' rules can leave.
     */
    static Result raiseShortfall(RosterSolution problem, CoverageBound.Lp lp, double[] duals, double lpMinutes,
            SolveDeadline end, SolveDeadline solveEnd) {
        return raise(new LagrangianBound(lp, true), problem, duals, lpMinutes, end, solveEnd, Double.NaN);
    }

    private static Result raise(LagrangianBound bound, RosterSolution problem, double[] duals, double lpBound,
            SolveDeadline end, SolveDeadline solveEnd, double giveWayGain) {
        long t0 = System.nanoTime();
        bound.build(problem);
        Climb climb = new Climb(lpBound);
        boolean undecided = !Double.isNaN(giveWayGain);
        double lateGain = Double.NaN;
        boolean gaveWay = false;
        double[] pi = duals.clone();
        bound.project(pi);
        double best = lpBound;
        double[] bestPi = pi.clone();
        double lambda = 1.0;
        int sinceBest = 0;
        int steps = 0;
        double[] subgradient = new double[pi.length];
        double[] direction = new double[pi.length];
        while (solveEnd.allows(end.nanos())) {
            double value = bound.evaluate(pi, subgradient);
            steps++;
            long now = System.nanoTime();
            boolean better = value > best;
            if (better) {
                best = value;
                bestPi = pi.clone();
            }
            climb.add(now - t0, best);
            if (undecided && now >= shareEnd(t0, Math.min(end.nanos(), solveEnd.nanos()), BOUND_SHARE)) {
                undecided = false;
                lateGain = climb.gainInLastQuarter();
                if (lateGain < giveWayGain) {
                    gaveWay = true;
                    break;
                }
            }
            if (better) {
                sinceBest = 0;
            } else if (++sinceBest >= patience(steps, now - t0, end.nanos() - t0)) {
                lambda /= 2;
                sinceBest = 0;
                if (lambda < MIN_LAMBDA) {
                    break;
                }
            }
            double norm = 0;
            for (int k = 0; k < pi.length; k++) {
                direction[k] = subgradient[k] + DEFLECTION * direction[k];
                norm += direction[k] * direction[k];
            }
            if (norm == 0) {
                break; // the multipliers are optimal
            }
            // Polyak's step towards a target a little above the best bound so far, along the deflected direction
            double target = best + TARGET_MARGIN * Math.abs(best) + 1;
            double t = lambda * (target - value) / norm;
            for (int k = 0; k < pi.length; k++) {
                pi[k] += t * direction[k];
            }
            bound.project(pi);
        }
        return new Result(best, steps, (System.nanoTime() - t0) / 1_000_000, bound.agents.size(),
                bound.agents.stream().mapToInt(a -> a.agents.size()).sum(), lateGain, gaveWay, bestPi);
    }

    /** The best bound after each step of a raise and when, so that it can tell what its last part still gained. */
    static final class Climb {
        private final double start;
        private long[] elapsed = new long[256];
        private double[] best = new double[256];
        private int size;

        /** A climb from {@code start} (the LP's bound) at time 0. */
        Climb(double start) {
            this.start = start;
        }

        /** The best bound so far, {@code elapsedNanos} after the raise began. */
        void add(long elapsedNanos, double bestSoFar) {
            if (size == elapsed.length) {
                elapsed = Arrays.copyOf(elapsed, 2 * size);
                best = Arrays.copyOf(best, 2 * size);
            }
            elapsed[size] = elapsedNanos;
            best[size++] = bestSoFar;
        }

        /** What the last quarter of the time so far raised the best bound by, as a share of it now (0 before any). */
        double gainInLastQuarter() {
            if (size == 0) {
                return 0;
            }
            double now = best[size - 1];
            long from = elapsed[size - 1] - elapsed[size - 1] / 4;
            // the best bound at the quarter's start: that of the last step before it, or the LP's
            int i = Arrays.binarySearch(elapsed, 0, size, from);
            int before = i >= 0 ? i : -i - 2;
            double then = before < 0 ? start : best[before];
            return now == 0 ? 0 : (now - then) / Math.abs(now);
        }
    }

    /** The end of {@code share} of the time from {@code start} to {@code end} ({@link Long#MAX_VALUE}: none). */
    static long shareEnd(long start, long end, double share) {
        if (end == Long.MAX_VALUE || share >= 1) {
            return end;
        }
        return start + (long) (Math.max(0, end - start) * share);
    }

    /** L(π) at {@code pi} as given (projected onto where L is finite). */
    static double at(RosterSolution problem, CoverageBound.Lp lp, double[] pi) {
        return at(problem, lp, pi, true);
    }

    /** L(π) of the short agent-minutes at {@code pi} (projected onto where L is finite). */
    static double shortfallAt(RosterSolution problem, CoverageBound.Lp lp, double[] pi) {
        return new LagrangianBound(lp, true).valueAt(problem, pi);
    }

    /** As {@link #at(RosterSolution, CoverageBound.Lp, double[])}; {@code false}: one plan search per agent. */
    static double at(RosterSolution problem, CoverageBound.Lp lp, double[] pi, boolean shareSearches) {
        LagrangianBound bound = new LagrangianBound(lp);
        bound.shareSearches = shareSearches;
        return bound.valueAt(problem, pi);
    }

    private double valueAt(RosterSolution problem, double[] pi) {
        build(problem);
        double[] projected = pi.clone();
        project(projected);
        return evaluate(projected, new double[pi.length]);
    }

    /**
     * L(π) raised by whole shifts: where the time until {@code end} (and the solve's end) allows, each block of days'
     * rows' separate minima are replaced by the least cost whole shifts can give them ({@link WholeShiftDay}), the
     * time left shared by the blocks left, at most {@link #BLOCK_MILLIS} each; a block not reached or without an
     * answer keeps its minima. {@code before}: L(π) itself; {@code blocks}: how many; {@code solved}: with a bound;
     * {@code exact}: proven optimal.
     */
    record WholeShifts(double bound, double before, int blocks, int solved, int exact, long millis) {
    }

    /**
     * The most time one block of days gets: a stop or another roster's bound waits at most this long. At 100 agents
     * (weekend-peak, at the steps' best multipliers, {@code WholeShiftDayProbe}, a day's queues solved apart) SCIP's
     * bounds raised the bound by +0.49% with 1 s a day and +0.52% with 3 s: a longer solve's bound still gains a
     * little from more time a day.
     */
    static final long BLOCK_MILLIS = 10_000;

    /**
     * L at the multipliers {@code pi} (the raise's best), each block of days then raised by whole shifts until
     * {@code end} or the solve's end ({@link WholeShifts}); a valid lower bound of the coverage objective whatever
     * {@code pi} is.
     */
    static WholeShifts raiseByWholeShifts(RosterSolution problem, CoverageBound.Lp lp, double[] pi, SolveDeadline end,
            SolveDeadline solveEnd) {
        return raiseByWholeShifts(problem, lp, pi, end, solveEnd, 0);
    }

    /** As above, each block's SCIP search also ended after {@code nodes} nodes (0: no limit; for checks). */
    static WholeShifts raiseByWholeShifts(RosterSolution problem, CoverageBound.Lp lp, double[] pi, SolveDeadline end,
            SolveDeadline solveEnd, int nodes) {
        long t0 = System.nanoTime();
        LagrangianBound bound = new LagrangianBound(lp);
        bound.build(problem);
        double[] projected = pi.clone();
        bound.project(projected);
        double value = bound.evaluate(projected, new double[pi.length]);
        List<List<Integer>> blocks = bound.dayBlocks(problem.getHorizonDays());
        double gain = 0;
        int solved = 0;
        int exact = 0;
        for (int b = 0; b < blocks.size(); b++) {
            long left = Math.min(end.nanos(), solveEnd.nanos()) - System.nanoTime();
            if (!solveEnd.allows(end.nanos()) || left <= 0) {
                break;
            }
            long millis = Math.min(BLOCK_MILLIS, left / 1_000_000 / (blocks.size() - b));
            if (millis < 1) {
                break;
            }
            BlockGain outcome = bound.blockGain(blocks.get(b), projected, millis, nodes);
            gain += outcome.gain();
            solved += outcome.answer() != BlockGain.Answer.NONE ? 1 : 0;
            exact += outcome.answer() == BlockGain.Answer.OPTIMAL ? 1 : 0;
        }
        return new WholeShifts(value + gain, value, blocks.size(), solved, exact,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Per coverage row, the day its shifts start on (-1: none); days whose shifts share a row share a block. */
    private int[] dayOfRow;
    private int[] blockOfDay;

    /** The horizon's days in blocks that no shift links (each day its own block unless shifts cross midnight). */
    private List<List<Integer>> dayBlocks(int days) {
        dayOfRow = new int[rhs.length];
        Arrays.fill(dayOfRow, -1);
        blockOfDay = new int[days];
        for (int d = 0; d < days; d++) {
            blockOfDay[d] = d;
        }
        for (Group g : groups) {
            for (int d = 0; d < days; d++) {
                for (int[] rows : g.rows[d]) {
                    for (int k : rows) {
                        if (dayOfRow[k] < 0) {
                            dayOfRow[k] = d;
                        } else {
                            blockOfDay[root(dayOfRow[k])] = root(d);
                        }
                    }
                }
            }
        }
        Map<Integer, List<Integer>> blocks = new LinkedHashMap<>();
        for (int d = 0; d < days; d++) {
            blocks.computeIfAbsent(root(d), k -> new ArrayList<>()).add(d);
        }
        return new ArrayList<>(blocks.values());
    }

    private int root(int d) {
        while (blockOfDay[d] != d) {
            d = blockOfDay[d] = blockOfDay[blockOfDay[d]];
        }
        return d;
    }

    /** What whole shifts add to a block's rows over their separate minima at π (≥ 0), and how it was found. */
    private record BlockGain(double gain, Answer answer) {
        enum Answer { NONE, BOUND, OPTIMAL }
    }

    /** The coverage rows whose shifts start on a day of {@code block}. */
    private int[] rowsOf(List<Integer> block) {
        int root = root(block.get(0));
        return IntStream.range(0, rhs.length)
                .filter(k -> dayOfRow[k] >= 0 && root(dayOfRow[k]) == root).toArray();
    }

    /** Row k's best coverage at π ({@link #bestCoverage} with this bound's costs). */
    private double bestCoverageOf(int k, double pi) {
        return bestCoverage(rhs[k], pi, lattice, shortfallCost, shortfallPerMinute, overstaffingCost[k]);
    }

    /** Row k's f(c) + π·c ({@link #intervalCost} with this bound's costs). */
    private double rowCost(int k, double c, double pi) {
        return intervalCost(rhs[k], c, pi, shortfallCost, shortfallPerMinute, overstaffingCost[k]);
    }

    /** What whole shifts add to the block's rows over their separate minima at π, SCIP given {@code millis}. */
    private BlockGain blockGain(List<Integer> block, double[] pi, long millis, int nodes) {
        double minima = 0;
        for (int k : rowsOf(block)) {
            minima += rowCost(k, bestCoverageOf(k, pi[k]), pi[k]);
        }
        WholeShiftDay.Outcome least = WholeShiftDay.least(wholeShiftBlock(block, pi), millis, nodes);
        if (Double.isNaN(least.value())) {
            return new BlockGain(0, BlockGain.Answer.NONE);
        }
        return new BlockGain(Math.max(0, least.value() - minima),
                least.exact() ? BlockGain.Answer.OPTIMAL : BlockGain.Answer.BOUND);
    }

    /** The block's whole-shift problem at π: per day, the shapes its open agents may work, each with their count. */
    private WholeShiftDay.Block wholeShiftBlock(List<Integer> block, double[] pi) {
        // per day, the open agents of every shape that some of them may work (a shape counted once per agent), and
        // the open agents by the set of shapes they may work
        List<WholeShiftDay.Shape> shapes = new ArrayList<>();
        List<WholeShiftDay.Kind> kinds = new ArrayList<>();
        Map<Integer, Integer> open = new HashMap<>();
        for (int d : block) {
            Map<String, Integer> indexOf = new HashMap<>();
            Map<Integer, Integer> cap = new HashMap<>();
            Map<List<Integer>, int[]> kindOf = new LinkedHashMap<>();
            int agentsOpen = 0;
            for (AgentPlans a : agents) {
                if (a.kind[d] != 0) {
                    continue;
                }
                int count = a.agents.size();
                agentsOpen += count;
                Group g = a.group;
                int options = a.allowed[d] == null ? g.options.size() : a.allowed[d].length;
                Set<Integer> own = new TreeSet<>();
                for (int i = 0; i < options; i++) {
                    int o = a.allowed[d] == null ? i : a.allowed[d][i];
                    String key = Arrays.toString(g.rows[d][o]) + Arrays.toString(g.minutes[d][o]);
                    Integer index = indexOf.get(key);
                    if (index == null) {
                        index = shapes.size();
                        indexOf.put(key, index);
                        shapes.add(new WholeShiftDay.Shape(d, g.rows[d][o], g.minutes[d][o], 0));
                    }
                    if (own.add(index)) {
                        cap.merge(index, count, Integer::sum);
                    }
                }
                kindOf.computeIfAbsent(List.copyOf(own), x -> new int[1])[0] += count;
            }
            open.put(d, agentsOpen);
            cap.forEach((index, agentsWhoMay) -> {
                WholeShiftDay.Shape shape = shapes.get(index);
                shapes.set(index, new WholeShiftDay.Shape(d, shape.rows(), shape.minutes(), agentsWhoMay));
            });
            kindOf.forEach((own, count) -> kinds.add(new WholeShiftDay.Kind(d, count[0],
                    own.stream().mapToInt(Integer::intValue).toArray())));
        }
        return new WholeShiftDay.Block(rowsOf(block), rhs, overstaffingCost, pi, lattice, shortfallCost, shapes, open,
                kinds);
    }

    /** How many plan searches a step runs for the problem's agents (agents with the same search share one). */
    static int searches(RosterSolution problem, CoverageBound.Lp lp) {
        LagrangianBound bound = new LagrangianBound(lp);
        bound.build(problem);
        return bound.agents.size();
    }

    /**
     * For tests: per block of days, the least cost whole shifts can give it at {@code pi} (NaN: no answer) and the
     * same cost of {@code roster}'s own coverage (its shifts that are not pinned), which may never be below it; each
     * block's SCIP search ends after {@code nodes} nodes (0: none) or {@code millis}, whichever comes first.
     */
    static List<double[]> blocksAgainst(RosterSolution roster, CoverageBound.Lp lp, double[] pi, long millis,
            int nodes) {
        LagrangianBound bound = new LagrangianBound(lp);
        bound.build(roster);
        double[] projected = pi.clone();
        bound.project(projected);
        double[] covered = new double[pi.length];
        CoverageGrid grid = roster.getCoverageGrid();
        for (AgentDay day : roster.getAgentDays()) {
            if (day.getShift() != null && !day.isPinned()) {
                for (SlotCoverage c : grid.coverageOf(day.getDayIndex(), day.getShift())) {
                    covered[lp.coverageRowOf(c.slot())] += c.onPhoneMinutes();
                }
            }
        }
        List<double[]> blocks = new ArrayList<>();
        for (List<Integer> block : bound.dayBlocks(roster.getHorizonDays())) {
            BlockGain gain = bound.blockGain(block, projected, millis, nodes);
            double minima = 0;
            double own = 0;
            for (int k : bound.rowsOf(block)) {
                minima += bound.rowCost(k, bound.bestCoverageOf(k, projected[k]), projected[k]);
                own += bound.rowCost(k, covered[k], projected[k]);
            }
            blocks.add(new double[] {gain.answer() == BlockGain.Answer.NONE ? Double.NaN : minima + gain.gain(), own,
                    minima});
        }
        return blocks;
    }

    /** Each agent's best plan value at {@code pi} (for tests: no plan that keeps the rules may be worth more). */
    static Map<Agent, Double> bestPlanValues(RosterSolution problem, CoverageBound.Lp lp, double[] pi) {
        LagrangianBound bound = new LagrangianBound(lp);
        bound.build(problem);
        bound.evaluate(pi, new double[pi.length]);
        Map<Agent, Double> values = new HashMap<>();
        for (AgentPlans a : bound.agents) {
            double value = bound.bestPlan(a);
            a.agents.forEach(agent -> values.put(agent, value));
        }
        return values;
    }

    /**
     * Each step's direction is the new subgradient plus this share of the last direction, which damps the zigzag of
     * plain subgradient steps (100 agents, 30 s: weekend-peak +15.0% over the LP with none, +16.3% with 0.7, +17.9%
     * with 0.95; long-hours +6.6% / +8.1% / +8.2%; standard +3.8% / +4.3% / +4.4%, in fewer steps).
     */
    static final double DEFLECTION = 0.95;
    /**
     * The step length halves after this many steps without a better bound, and the steps end below
     * {@link #MIN_LAMBDA}. Halving late matters: with 20 and 1e-3 the steps ended after 4–7 s at 100 agents while the
     * bound still rose (30 s, {@code LagrangianBoundProbe}: standard +4.4% → +6.1% over the LP, long-hours +8.2% → +10.0%,
     * weekend-peak +17.9% → +23.1%, leave-heavy +7.5% → +9.2%; 500 agents standard +4.3% → +5.5%, weekend-peak
     * +20.7% → +23.4%; at 2,000 and 10,000 agents, where 30 s is 300–1,500 steps, within about ±1 point). Fewer for
     * a raise with time for few steps: {@link #patience}.
     */
    static final int PATIENCE = 200;
    static final double MIN_LAMBDA = 1e-6;
    /**
     * Where the raise has time for fewer than {@link #PATIENCE_SHARE} × {@link #PATIENCE} steps, its patience is that
     * share of the steps it has time for, at least {@link #MIN_PATIENCE}: at 10,000 agents a step takes ~60 ms and a
     * 60-s raise makes ~950, so 200 steps without a better bound before each halving left most of its time on long
     * steps that overshoot ({@code LagrangianBoundProbe standard,weekend-peak 10000 60}: patience 200 +3.85% and
     * +17.8% over the LP; 100: +4.74% and +19.2%; 50: +5.13% and +19.7%; 25: +4.92% and +18.5%). 2,000 agents'
     * 60-s raise makes ~3,200 steps (patience 156–168); at 100 and 500 agents it stays 200.
     */
    static final int PATIENCE_SHARE = 20;
    static final int MIN_PATIENCE = 50;

    /**
     * Steps without a better bound before the step length halves, for a raise that has made {@code steps} in
     * {@code elapsedNanos} (its set-up included) of its {@code budgetNanos}: the steps it has time for at its pace so
     * far, a {@link #PATIENCE_SHARE}th of them, within {@link #MIN_PATIENCE} and {@link #PATIENCE}.
     */
    static int patience(int steps, long elapsedNanos, long budgetNanos) {
        if (elapsedNanos <= 0 || budgetNanos <= 0) {
            return PATIENCE;
        }
        double stepsInBudget = (double) budgetNanos / elapsedNanos * steps;
        return (int) Math.max(MIN_PATIENCE, Math.min(PATIENCE, stepsInBudget / PATIENCE_SHARE));
    }

    /**
     * Polyak's target lies this share above the best bound so far. 10%, not 1%: the longer steps climb faster and
     * settle higher ({@code LagrangianBoundProbe}, 60 s: 2,000 agents weekend-peak +18.4% over the LP with 1%, +19.9%
     * with 3%, +20.6% with 5%, +20.9% with 10% — more than 1% reached in 300 s; standard +4.5% → +5.1%, tight +7.3% →
     * +7.4%; 100 agents higher too and settled in about half the time: standard 974,059 → 975,367 in 14 s,
     * weekend-peak 497,841 → 499,236, long-hours 881,967 → 883,298, leave-heavy 757,352 → 758,204).
     */
    static final double TARGET_MARGIN = 0.1;

    /** Multipliers where L is finite: an interval's extra coverage must not pay more than overstaffing costs. */
    private void project(double[] pi) {
        for (int k = 0; k < pi.length; k++) {
            double lowest = Double.isNaN(overstaffingCost[k]) ? 0 : -overstaffingCost[k];
            if (pi[k] < lowest) {
                pi[k] = lowest;
            }
        }
    }

    /** L(π), and its supergradient (best coverage of each row less the agents' coverage) into {@code subgradient}. */
    double evaluate(double[] pi, double[] subgradient) {
        double value = constant;
        for (int k = 0; k < pi.length; k++) {
            double bestCover = bestCoverageOf(k, pi[k]);
            value += rowCost(k, bestCover, pi[k]);
            subgradient[k] = bestCover;
        }
        for (Group group : groups) {
            for (int d = 0; d < group.rows.length; d++) {
                for (int o = 0; o < group.options.size(); o++) {
                    int[] rows = group.rows[d][o];
                    int[] minutes = group.minutes[d][o];
                    double v = 0;
                    for (int i = 0; i < rows.length; i++) {
                        v += pi[rows[i]] * minutes[i];
                    }
                    group.value[d][o] = v;
                }
            }
        }
        for (AgentPlans agent : agents) {
            int count = agent.agents.size();
            value -= count * bestPlan(agent);
            Group group = agent.group;
            for (int d = 0; d < agent.plan.length; d++) {
                int o = agent.plan[d];
                if (o >= 0) {
                    int[] rows = group.rows[d][o];
                    int[] minutes = group.minutes[d][o];
                    for (int i = 0; i < rows.length; i++) {
                        subgradient[rows[i]] -= count * minutes[i];
                    }
                }
            }
        }
        return value;
    }

    /**
     * The coverage c ≥ 0 of an interval short of {@code rhs} agent-minutes at c = 0 that minimises
     * {@link #intervalCost}, among the coverages a roster can give it: multiples of {@code lattice}. The cost is
     * convex in c, so the lattice points around the unconstrained minimum rhs − (π − b) / 2a and the first one above
     * rhs are all it takes; where rhs ≤ 0 (pinned shifts cover the interval) it is 0, as π is never below minus the
     * overstaffing cost.
     */
    static double bestCoverage(double rhs, double pi, int lattice, double shortfallCost, double shortfallPerMinute,
            double overstaffingCost) {
        if (rhs <= 0) {
            return 0;
        }
        // where the cost's slope in the coverage, π − shortfallPerMinute − 2·shortfallCost·(rhs − c), is 0
        double free = shortfallCost > 0 ? rhs - (pi - shortfallPerMinute) / (2 * shortfallCost)
                : pi > shortfallPerMinute ? 0 : rhs;
        double top = Math.floor(rhs / lattice) * lattice;
        double below = Math.min(top, Math.max(0, Math.floor(free / lattice) * lattice));
        double best = 0;
        double bestCost = intervalCost(rhs, 0, pi, shortfallCost, shortfallPerMinute, overstaffingCost);
        for (double c : new double[] {below, Math.min(top, below + lattice), top, top + lattice}) {
            double cost = intervalCost(rhs, c, pi, shortfallCost, shortfallPerMinute, overstaffingCost);
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /**
     * An interval's coverage cost at {@code c} agent-minutes plus π·c: a shortfall m = rhs − c at its exact
     * {@code shortfallCost}·m² (the solver's own penalty before rounding, which the LP's constant allows for) plus
     * {@code shortfallPerMinute}·m (b; 1 for the shortfall floor, else 0), an excess at {@code overstaffingCost} a
     * minute (NaN: free). Exact, not the LP's piecewise-linear under-estimate, whose breakpoints thin out beyond
     * {@link CoverageBound#EXACT_SEGMENTS} agents short and between which it lies below the square: per interval the
     * minimum over whole lattice points is all a Lagrangian bound needs.
     */
    static double intervalCost(double rhs, double c, double pi, double shortfallCost, double shortfallPerMinute,
            double overstaffingCost) {
        double missing = rhs - c;
        double cost = missing > 0 ? shortfallCost * missing * missing + shortfallPerMinute * missing
                : Double.isNaN(overstaffingCost) ? 0 : -missing * overstaffingCost;
        return cost + pi * c;
    }

    /** Work arrays of the plan search, grown to the largest agent and reused (a step prices every agent). */
    private double[] cur = new double[0];
    private double[] next = new double[0];
    private int[][] fromState = new int[0][];
    private int[][] choice = new int[0][];

    /** The agent's best plan at the group's current values (into {@code agent.plan}); returns its value. */
    private double bestPlan(AgentPlans a) {
        Group group = a.group;
        int days = a.kind.length;
        int runs = a.maxRun + 1;
        int width = 1;
        for (int c : a.cap) {
            width = Math.max(width, c / a.step + 1);
        }
        double neg = Double.NEGATIVE_INFINITY;
        int states = runs * width;
        if (cur.length < states || fromState.length < days) {
            cur = new double[Math.max(states, cur.length)];
            next = new double[cur.length];
            // back pointers per day and state: the previous state and the option (-1 off, -2 pinned)
            fromState = new int[Math.max(days, fromState.length)][cur.length];
            choice = new int[fromState.length][cur.length];
        }
        double[] cur = this.cur;
        double[] next = this.next;
        int[][] fromState = this.fromState;
        int[][] choice = this.choice;
        Arrays.fill(cur, 0, states, neg);
        cur[Math.min(a.runBefore, a.maxRun) * width] = 0;
        int lengths = group.paidLengths.length;
        int[] bestOption = new int[lengths];
        double[] bestValue = new double[lengths];
        // the range of minutes indexes the current day's states span, so that a day visits only those
        int lo = 0;
        int hi = 0;
        for (int d = 0; d < days; d++) {
            Arrays.fill(next, 0, states, neg);
            int week = a.weekOf[d];
            int capIndex = a.cap[week] / a.step;
            // a state that the week's later days cannot bring up to its minimum is never kept
            int least = (a.floor[week] + a.step - 1) / a.step - a.later[d];
            int nextLo = Integer.MAX_VALUE;
            int nextHi = -1;
            if (a.kind[d] == 0) {
                Arrays.fill(bestOption, -1);
                Arrays.fill(bestValue, neg);
                int[] allowed = a.allowed[d];
                int count = allowed == null ? group.options.size() : allowed.length;
                for (int i = 0; i < count; i++) {
                    int o = allowed == null ? i : allowed[i];
                    int l = group.lengthOf[o];
                    if (group.value[d][o] > bestValue[l]) {
                        bestValue[l] = group.value[d][o];
                        bestOption[l] = o;
                    }
                }
            }
            int top = Math.min(Math.min(capIndex, width - 1), hi);
            for (int r = 0; r < runs; r++) {
                for (int m = lo; m <= top; m++) {
                    double v = cur[r * width + m];
                    if (v == neg) {
                        continue;
                    }
                    int from = r * width + m;
                    if (a.kind[d] == 1) {
                        int nm = m + a.pinnedMinutes[d] / a.step;
                        if (r + 1 <= a.maxRun && nm <= capIndex && nm >= least) {
                            relax(next, fromState[d], choice[d], (r + 1) * width + nm, v, from, -2);
                            nextLo = Math.min(nextLo, nm);
                            nextHi = Math.max(nextHi, nm);
                        }
                        continue;
                    }
                    if (m >= least) {
                        relax(next, fromState[d], choice[d], m, v, from, -1);
                        nextLo = Math.min(nextLo, m);
                        nextHi = Math.max(nextHi, m);
                    }
                    if (a.kind[d] == 2 || r + 1 > a.maxRun) {
                        continue;
                    }
                    for (int l = 0; l < lengths; l++) {
                        if (bestOption[l] < 0) {
                            continue;
                        }
                        int nm = m + group.paidLengths[l] / a.step;
                        if (nm <= capIndex && nm >= least) {
                            relax(next, fromState[d], choice[d], (r + 1) * width + nm, v + bestValue[l], from,
                                    bestOption[l]);
                            nextLo = Math.min(nextLo, nm);
                            nextHi = Math.max(nextHi, nm);
                        }
                    }
                }
            }
            lo = nextHi < 0 ? 0 : nextLo;
            hi = nextHi;
            boolean weekEnds = d + 1 == days || a.weekOf[d + 1] != week;
            if (weekEnds) {
                // the week's floor, then a new week starts at its own base (the minutes index back to 0)
                int floorIndex = (a.floor[week] + a.step - 1) / a.step;
                for (int r = 0; r < runs; r++) {
                    int bestM = -1;
                    for (int m = 0; m < width; m++) {
                        if (m < floorIndex || next[r * width + m] == neg) {
                            continue;
                        }
                        if (bestM < 0 || next[r * width + m] > next[r * width + bestM]) {
                            bestM = m;
                        }
                    }
                    double keep = bestM < 0 ? neg : next[r * width + bestM];
                    int keepFrom = bestM < 0 ? 0 : fromState[d][r * width + bestM];
                    int keepChoice = bestM < 0 ? 0 : choice[d][r * width + bestM];
                    for (int m = 0; m < width; m++) {
                        next[r * width + m] = neg;
                    }
                    next[r * width] = keep;
                    fromState[d][r * width] = keepFrom;
                    choice[d][r * width] = keepChoice;
                }
                lo = 0;
                hi = 0;
            }
            double[] swap = cur;
            cur = next;
            next = swap;
        }
        this.cur = cur;
        this.next = next;
        int bestState = -1;
        for (int r = 0; r < runs; r++) {
            if (r + a.runAfter > a.maxRun && r > 0) {
                continue;
            }
            int s = r * width;
            if (cur[s] != neg && (bestState < 0 || cur[s] > cur[bestState])) {
                bestState = s;
            }
        }
        if (bestState < 0) {
            Arrays.fill(a.plan, -1);
            return Double.NaN;
        }
        double value = cur[bestState];
        int state = bestState;
        for (int d = days - 1; d >= 0; d--) {
            int c = choice[d][state];
            a.plan[d] = c >= 0 ? c : -1;
            state = fromState[d][state];
        }
        return value;
    }

    private static void relax(double[] next, int[] fromState, int[] choice, int to, double value, int from, int c) {
        if (value > next[to]) {
            next[to] = value;
            fromState[to] = from;
            choice[to] = c;
        }
    }

    /** Groups with each (day, option)'s rows, and every agent's rules, as the plan search needs them. */
    private void build(RosterSolution problem) {
        CoverageGrid grid = problem.getCoverageGrid();
        int days = problem.getHorizonDays();
        ContractWeeks contractWeeks = problem.getContractWeeks();
        RosterConstraintConfiguration rules = problem.getConstraintConfiguration() == null
                ? new RosterConstraintConfiguration() : problem.getConstraintConfiguration();
        boolean weeklyMinimum = rules.getWeeklyMinutesBelowContract().hardScore() > 0;
        boolean weeklyMaximum = rules.getWeeklyMinutesAboveContract().hardScore() > 0;
        boolean runs = rules.getMaximumConsecutiveWorkingDays().hardScore() > 0;
        boolean runsAcrossEdges = runs && rules.getConsecutiveDaysNextToPublished().hardScore() > 0;
        boolean leave = rules.getLeaveAndUnavailability().hardScore() > 0;
        boolean availability = rules.getOutsideAvailability().hardScore() > 0;
        boolean restAtEdges = rules.getMinimumRestNextToPublished().hardScore() > 0;
        Map<List<ShiftOption>, Group> groupByOptions = new HashMap<>();
        Map<List<Object>, AgentPlans> searches = new LinkedHashMap<>();
        Map<Agent, AgentDay[]> daysOf = new HashMap<>();
        for (AgentDay agentDay : problem.getAgentDays()) {
            daysOf.computeIfAbsent(agentDay.getAgent(), k -> new AgentDay[days])[agentDay.getDayIndex()] = agentDay;
        }
        Map<Agent, List<Unavailability>> unavailable = new HashMap<>();
        problem.getUnavailabilities().forEach(u -> unavailable.computeIfAbsent(u.getAgent(), k -> new ArrayList<>())
                .add(u));
        for (Agent agent : problem.getAgents()) {
            List<ShiftOption> options = agent.getEligibleShiftOptions();
            AgentDay[] agentDays = daysOf.get(agent);
            if (options.isEmpty() || agentDays == null) {
                continue;
            }
            Group group = groupByOptions.computeIfAbsent(options, o -> newGroup(o, grid, days));
            AgentPlans a = new AgentPlans();
            a.group = group;
            a.kind = new int[days];
            a.pinnedMinutes = new int[days];
            a.allowed = new int[days][];
            a.weekOf = new int[days];
            a.plan = new int[days];
            int weeks = contractWeeks.count();
            int[] base = new int[weeks];
            int[] daysInWeek = new int[weeks];
            int step = 0;
            for (int length : group.paidLengths) {
                step = CoverageBound.gcd(step, length);
            }
            List<Unavailability> own = unavailable.getOrDefault(agent, List.of());
            for (int d = 0; d < days; d++) {
                a.weekOf[d] = contractWeeks.weekOf(d);
                AgentDay agentDay = agentDays[d];
                if (agentDay == null) {
                    a.kind[d] = 2;
                    continue;
                }
                daysInWeek[a.weekOf[d]]++;
                base[a.weekOf[d]] += agentDay.getCreditedMinutes();
                if (agentDay.isPinned()) {
                    ShiftOption shift = agentDay.getShift();
                    a.kind[d] = shift == null ? 2 : 1;
                    a.pinnedMinutes[d] = shift == null ? 0 : shift.getPaidMinutes();
                    step = shift == null ? step : CoverageBound.gcd(step, shift.getPaidMinutes());
                    continue;
                }
                a.allowed[d] = allowed(agent, agentDay.getDay(), options, leave ? own : List.of(), availability,
                        restAtEdges);
            }
            a.step = Math.max(1, step);
            a.later = new int[days];
            for (int d = days - 2; d >= 0; d--) {
                a.later[d] = a.weekOf[d + 1] != a.weekOf[d] ? 0 : a.later[d + 1] + mostMinutes(a, d + 1) / a.step;
            }
            a.floor = new int[weeks];
            a.cap = new int[weeks];
            int longest = group.paidLengths[group.paidLengths.length - 1];
            for (int w = 0; w < weeks; w++) {
                a.floor[w] = weeklyMinimum && !agent.isMinimumWaived(w)
                        ? Math.max(0, agent.minWeeklyMinutesIn(w, daysInWeek[w]) - base[w]) : 0;
                int unlimited = daysInWeek[w] * Math.max(longest, 1440);
                a.cap[w] = weeklyMaximum && !agent.isMaximumWaived(w)
                        ? Math.max(0, Math.min(unlimited, agent.maxWeeklyMinutesIn(w, daysInWeek[w]) - base[w]))
                        : unlimited;
            }
            a.maxRun = runs ? agent.getMaxConsecutiveWorkingDays() : days + 1;
            a.runBefore = runsAcrossEdges ? agent.getEdges().workedDaysBefore() : 0;
            a.runAfter = runsAcrossEdges ? agent.getEdges().workedDaysAfter() : 0;
            // an agent no plan of whom keeps every rule (e.g. a minimum its availability cannot reach) keeps the rest
            if (Double.isNaN(bestPlan(a))) {
                Arrays.fill(a.floor, 0);
                if (Double.isNaN(bestPlan(a))) {
                    a.maxRun = days + 1;
                    a.runBefore = 0;
                    a.runAfter = 0;
                }
            }
            AgentPlans same = shareSearches ? searches.putIfAbsent(a.searchKey(), a) : searches.put(List.of(a), a);
            (same == null ? a : same).agents.add(agent);
        }
        agents.addAll(searches.values());
        groups.addAll(groupByOptions.values());
    }

    /** The most paid minutes the agent can work on day {@code d}: its pinned shift's, or its longest allowed. */
    private static int mostMinutes(AgentPlans a, int d) {
        if (a.kind[d] != 0) {
            return a.kind[d] == 1 ? a.pinnedMinutes[d] : 0;
        }
        int most = 0;
        List<ShiftOption> options = a.group.options;
        int count = a.allowed[d] == null ? options.size() : a.allowed[d].length;
        for (int i = 0; i < count; i++) {
            most = Math.max(most, options.get(a.allowed[d] == null ? i : a.allowed[d][i]).getPaidMinutes());
        }
        return most;
    }

    private Group newGroup(List<ShiftOption> options, CoverageGrid grid, int days) {
        Group group = new Group(options, days);
        for (int d = 0; d < days; d++) {
            for (int o = 0; o < options.size(); o++) {
                List<SlotCoverage> coverage = grid.coverageOf(d, options.get(o));
                int[] rows = new int[coverage.size()];
                int[] minutes = new int[coverage.size()];
                for (int i = 0; i < rows.length; i++) {
                    SlotCoverage c = coverage.get(i);
                    rows[i] = lp.coverageRowOf(c.slot());
                    minutes[i] = c.onPhoneMinutes();
                }
                group.rows[d][o] = rows;
                group.minutes[d][o] = minutes;
            }
        }
        return group;
    }

    /** The options the agent may work on the day by the rules used here; null when all of them. */
    private static int[] allowed(Agent agent, RosterDay day, List<ShiftOption> options, List<Unavailability> own,
            boolean availability, boolean restAtEdges) {
        int[] allowed = new int[options.size()];
        int count = 0;
        for (int o = 0; o < options.size(); o++) {
            ShiftOption shift = options.get(o);
            long start = day.getStartMinute() + shift.getStartMinuteOfDay();
            long end = day.getStartMinute() + shift.getEndMinuteOfDay();
            boolean ok = !availability || agent.minutesOutsideAvailability(day.getDayOfWeek(), shift) == 0;
            ok &= !restAtEdges || agent.getEdges().restShortfall(day, shift, agent.getMinRestMinutes()) == 0;
            for (int u = 0; ok && u < own.size(); u++) {
                ok = own.get(u).overlapMinutes(start, end) == 0;
            }
            if (ok) {
                allowed[count++] = o;
            }
        }
        return count == options.size() ? null : Arrays.copyOf(allowed, count);
    }
}
