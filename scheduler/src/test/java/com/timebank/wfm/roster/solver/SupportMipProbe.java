package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Probe: a solved roster, then a per-agent MIP (one binary per agent, day and shift; weekly limits, days in a row,
 * minimum rest, availability; the coverage objective as the LP's secants) over the shifts the LP uses on each day
 * (plus each agent's current ones), the roster as a hint; with a threshold of -1 over every shift, the whole problem
 * apart from the soft goals. Found (2026-12-02): at 100 agents (weekend-peak, 26,000 binaries) neither SCIP nor
 * CP-SAT improved the solver's roster in 40 s; at 20 agents over every shift SCIP's best bound after 240 s was 11%
 * above the LP bound. Usage: {@code SupportMipProbe instance agents solveSeconds mipSeconds [SCIP|CP_SAT] [threshold]}.
 */
public final class SupportMipProbe {

    public static void main(String[] args) {
        String name = args[0];
        int agents = Integer.parseInt(args[1]);
        int solveSeconds = Integer.parseInt(args[2]);
        int mipSeconds = Integer.parseInt(args[3]);
        String backend = args.length > 4 ? args[4] : "SCIP";
        double threshold = args.length > 5 ? Double.parseDouble(args[5]) : 1e-6;
        CoverageBound.solverLoaded();
        RosterBenchmark.Instance instance = RosterBenchmark.instance(name, agents, 28);
        RosterSolution problem = instance.generate(new RosterConstraintConfiguration());
        RosterSolution roster = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(solveSeconds)))
                .solve(problem);
        CoverageBound.Result bound = CoverageBound.of(roster, Duration.ofSeconds(60));
        long objective = CoverageBound.objectiveOf(roster);
        System.out.printf(Locale.ROOT, "%s %d: solved %d s %s coverage %,d gap %.2f%%%n", name, agents, solveSeconds,
                roster.getScore(), objective, 100 * CoverageBound.gap(objective, bound.bound()));
        long t0 = System.nanoTime();
        ShiftMix mix = bound.mix();
        GreedyRoster greedy = new GreedyRoster(roster, new Random(1), 0);
        greedy.adoptWorkingShifts();
        CoverageGrid grid = roster.getCoverageGrid();
        int days = roster.getHorizonDays();
        ContractWeeks cw = roster.getContractWeeks();
        RosterConstraintConfiguration weights = roster.getConstraintConfiguration() == null
                ? new RosterConstraintConfiguration() : roster.getConstraintConfiguration();
        long wShort = weights.getCoverageShortfall().softScore();
        long wOver = weights.getOverstaffing().softScore();
        MPSolver solver = MPSolver.createSolver(backend);
        Map<String, int[]> pinned = new HashMap<>();
        Map<String, List<int[]>> coverTerms = new HashMap<>(); // skill -> per slot list of (var, minutes) pairs
        List<List<MPVariable>> coverVars = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        List<List<Integer>> coverMinutes = new ArrayList<>();
        List<MPVariable> all = new ArrayList<>();
        List<Double> hint = new ArrayList<>();
        int lattice = grid.getSlotMinutes();
        int vars = 0;
        Map<AgentState, MPVariable[][]> yOf = new HashMap<>();
        Map<AgentState, ShiftOption[][]> optsOf = new HashMap<>();
        for (AgentState s : greedy.agentStates()) {
            Agent a = s.agent;
            List<ShiftOption> options = a.getEligibleShiftOptions();
            double[][] planned = mix.plannedFor(a);
            MPVariable[][] y = new MPVariable[days][];
            ShiftOption[][] opts = new ShiftOption[days][];
            for (int d = 0; d < days; d++) {
                AgentDay ad = s.days[d];
                if (ad == null || ad.isPinned()) {
                    if (ad != null && ad.getShift() != null) {
                        for (SlotCoverage c : grid.coverageOf(d, ad.getShift())) {
                            pinned.computeIfAbsent(c.slot().getSkill(), k -> new int[grid.slotsOf(k).length])[c.slot()
                                    .getIndex()] += c.onPhoneMinutes();
                        }
                    }
                    y[d] = new MPVariable[0];
                    opts[d] = new ShiftOption[0];
                    continue;
                }
                List<ShiftOption> allowed = new ArrayList<>();
                for (int o = 0; o < options.size(); o++) {
                    ShiftOption shift = options.get(o);
                    boolean inSupport = planned != null && planned[d][o] > threshold || shift == s.shifts[d];
                    if (inSupport && s.dayAllows(d, shift) && pinnedRestAllows(s, d, shift)) {
                        allowed.add(shift);
                    }
                }
                y[d] = new MPVariable[allowed.size()];
                opts[d] = allowed.toArray(new ShiftOption[0]);
                MPConstraint one = solver.makeConstraint(0, 1);
                for (int o = 0; o < allowed.size(); o++) {
                    MPVariable v = solver.makeBoolVar("y" + vars++);
                    y[d][o] = v;
                    one.setCoefficient(v, 1);
                    all.add(v);
                    hint.add(allowed.get(o) == s.shifts[d] ? 1.0 : 0.0);
                    for (SlotCoverage c : grid.coverageOf(d, allowed.get(o))) {
                        String key = c.slot().getSkill() + "#" + c.slot().getIndex();
                        Integer r = rowOf.get(key);
                        if (r == null) {
                            r = coverVars.size();
                            rowOf.put(key, r);
                            coverVars.add(new ArrayList<>());
                            coverMinutes.add(new ArrayList<>());
                        }
                        coverVars.get(r).add(v);
                        coverMinutes.get(r).add(c.onPhoneMinutes());
                        lattice = gcd(lattice, c.onPhoneMinutes());
                    }
                }
            }
            yOf.put(s, y);
            optsOf.put(s, opts);
            // weekly limits
            for (int w = 0; w < cw.count(); w++) {
                int daysInWeek = cw.daysIn(w);
                int base = 0;
                for (int d = cw.firstDay(w); d <= cw.lastDay(w); d++) {
                    if (s.days[d] != null) {
                        base += s.days[d].getCreditedMinutes();
                        if (s.days[d].isPinned() && s.shifts[d] != null) {
                            base += s.shifts[d].getPaidMinutes();
                        }
                    }
                }
                int floor = Math.min(a.requiredWeeklyMinutesIn(w, daysInWeek), s.weekMinutes[w]);
                int max = a.maxWeeklyMinutesIn(w, daysInWeek);
                MPConstraint week = solver.makeConstraint(floor - base, max - base);
                for (int d = cw.firstDay(w); d <= cw.lastDay(w); d++) {
                    for (int o = 0; o < y[d].length; o++) {
                        week.setCoefficient(y[d][o], opts[d][o].getPaidMinutes());
                    }
                }
            }
            // rest between neighbouring open days
            int minRest = a.getMinRestMinutes();
            for (int d = 0; d + 1 < days; d++) {
                for (int o = 0; o < y[d].length; o++) {
                    MPConstraint rest = null;
                    for (int p = 0; p < y[d + 1].length; p++) {
                        if (1440 + opts[d + 1][p].getStartMinuteOfDay() - opts[d][o].getEndMinuteOfDay() < minRest) {
                            if (rest == null) {
                                rest = solver.makeConstraint(0, 1);
                                rest.setCoefficient(y[d][o], 1);
                            }
                            rest.setCoefficient(y[d + 1][p], 1);
                        }
                    }
                }
            }
            // days in a row
            int maxRun = a.getMaxConsecutiveWorkingDays();
            int before = a.getEdges().workedDaysBefore();
            int after = a.getEdges().workedDaysAfter();
            for (int start = -maxRun; start < days; start++) {
                int constant = 0;
                boolean open = false;
                MPConstraint run = null;
                List<MPVariable> inWindow = new ArrayList<>();
                for (int d = start; d <= start + maxRun; d++) {
                    if (d < 0) {
                        constant += -d <= before ? 1 : 0;
                    } else if (d >= days) {
                        constant += d - days + 1 <= after ? 1 : 0;
                    } else if (s.days[d] != null && s.days[d].isPinned()) {
                        constant += s.shifts[d] != null ? 1 : 0;
                    } else {
                        for (MPVariable v : y[d]) {
                            inWindow.add(v);
                        }
                    }
                }
                if (!inWindow.isEmpty() && inWindow.size() + constant > maxRun) {
                    run = solver.makeConstraint(0, maxRun - constant);
                    for (MPVariable v : inWindow) {
                        run.setCoefficient(v, 1);
                    }
                }
            }
        }
        // coverage
        MPObjective obj = solver.objective();
        int slotMinutes = grid.getSlotMinutes();
        double perSq = 100.0 * wShort / ((double) slotMinutes * slotMinutes);
        double perMin = 10.0 * wOver / slotMinutes;
        double constant = 0;
        for (String skill : grid.getSkills()) {
            RequirementSlot[] slots = grid.slotsOf(skill);
            int[] pin = pinned.getOrDefault(skill, new int[slots.length]);
            for (int i = 0; i < slots.length; i++) {
                long rhs = (long) slots[i].getRequiredMinutes() - pin[i];
                Integer r = rowOf.get(skill + "#" + i);
                if (r == null) {
                    constant += rhs > 0 ? (double) wShort * NetCoverage.shortfallPenalty(rhs, slotMinutes)
                            : (double) wOver * NetCoverage.overstaffingPenalty(-rhs, slotMinutes);
                    continue;
                }
                MPConstraint row = solver.makeConstraint(rhs, rhs);
                List<MPVariable> vs = coverVars.get(r);
                List<Integer> ms = coverMinutes.get(r);
                for (int k = 0; k < vs.size(); k++) {
                    row.setCoefficient(vs.get(k), row.getCoefficient(vs.get(k)) + ms.get(k));
                }
                MPVariable e = solver.makeNumVar(0, MPSolver.infinity(), "e" + r);
                row.setCoefficient(e, -1);
                obj.setCoefficient(e, perMin);
                long steps = Math.max(0, (rhs + lattice - 1) / lattice);
                List<int[]> ks = CoverageBound.shortfallSegments((int) steps, slotMinutes / lattice);
                double from = 0;
                for (int[] k : ks) {
                    double to = k[1] >= steps ? rhs : lattice * (k[0] + k[1] + 1) / 2.0;
                    MPVariable seg = solver.makeNumVar(0, Math.max(0, to - from), "s" + r + "_" + k[0]);
                    row.setCoefficient(seg, 1);
                    obj.setCoefficient(seg, perSq * lattice * (2.0 * k[0] + 1));
                    from = to;
                }
            }
        }
        obj.setMinimization();
        double[] h = hint.stream().mapToDouble(Double::doubleValue).toArray();
        solver.setHint(all.toArray(new MPVariable[0]), h);
        solver.setTimeLimit(mipSeconds * 1000L);
        if (backend.equals("CP_SAT")) {
            solver.setSolverSpecificParametersAsString("num_workers:2");
        }
        System.out.printf(Locale.ROOT, "model: %d binaries, %d rows, built in %d ms (lattice %d)%n", all.size(),
                solver.numConstraints(), (System.nanoTime() - t0) / 1_000_000, lattice);
        MPSolver.ResultStatus status = solver.solve();
        System.out.printf(Locale.ROOT, "%s %s after %d ms: objective %,.0f (+constant %,.0f), best bound %,.0f%n",
                backend, status, (System.nanoTime() - t0) / 1_000_000, solver.objective().value(), constant,
                solver.objective().bestBound());
        if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
            for (AgentState s : greedy.agentStates()) {
                MPVariable[][] y = yOf.get(s);
                ShiftOption[][] opts = optsOf.get(s);
                for (int d = 0; d < days; d++) {
                    if (s.days[d] == null || s.days[d].isPinned()) {
                        continue;
                    }
                    ShiftOption chosen = null;
                    for (int o = 0; o < y[d].length; o++) {
                        if (y[d][o].solutionValue() > 0.5) {
                            chosen = opts[d][o];
                        }
                    }
                    s.days[d].setShift(chosen);
                }
            }
            long after = CoverageBound.objectiveOf(roster);
            System.out.printf(Locale.ROOT, "after MIP: coverage %,d gap %.2f%%, score %s%n", after,
                    100 * CoverageBound.gap(after, bound.bound()),
                    new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1))).explain(roster)
                            .getScore());
        }
    }

    private static boolean pinnedRestAllows(AgentState s, int d, ShiftOption shift) {
        int minRest = s.agent.getMinRestMinutes();
        if (d > 0 && s.days[d - 1] != null && s.days[d - 1].isPinned() && s.shifts[d - 1] != null
                && 1440 + shift.getStartMinuteOfDay() - s.shifts[d - 1].getEndMinuteOfDay() < minRest) {
            return false;
        }
        return !(d + 1 < s.horizonDays && s.days[d + 1] != null && s.days[d + 1].isPinned() && s.shifts[d + 1] != null
                && 1440 + s.shifts[d + 1].getStartMinuteOfDay() - shift.getEndMinuteOfDay() < minRest);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }
}
