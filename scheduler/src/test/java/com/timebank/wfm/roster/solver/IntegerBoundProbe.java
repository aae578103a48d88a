package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Diagnosis of a roster's gap to the coverage bound: the aggregated model solved as an LP (GLOP) and with whole agents
 * (SCIP or CP-SAT through MPSolver: best bound and incumbent), next to a solved roster, with per-day shortfall and
 * overstaffing of each. Usage: {@code IntegerBoundProbe instance[,instance] mipSeconds solveSeconds [SCIP|CP_SAT]}.
 */
public final class IntegerBoundProbe {

    public static void main(String[] args) {
        List<String> instances = List.of(args[0].split(","));
        int mipSeconds = Integer.parseInt(args[1]);
        int solveSeconds = Integer.parseInt(args[2]);
        String backend = args.length > 3 ? args[3] : "SCIP";
        CoverageBound.solverLoaded();
        for (String name : instances) {
            probe(name, mipSeconds, solveSeconds, backend);
        }
    }

    private static void probe(String name, int mipSeconds, int solveSeconds, String backend) {
        RosterBenchmark.Instance instance = RosterBenchmark.instance(name, 100, 28);
        RosterSolution problem = instance.generate(new RosterConstraintConfiguration());
        CoverageBound.Lp lp = CoverageBound.Lp.of(problem);
        System.out.printf("%n== %s: %d columns, %d rows, load %s%n", name, lp.columnCount(), lp.rowCount(), load());

        long t0 = System.nanoTime();
        MPSolver glop = MPSolver.createSolver("GLOP");
        MPVariable[] lv = lp.transcribe(glop);
        glop.setSolverSpecificParametersAsString("use_dual_simplex: true");
        MPSolver.ResultStatus ls = glop.solve();
        double lpBound = glop.objective().value() + lp.constant;
        double[] lpPoint = values(lv);
        System.out.printf(Locale.ROOT, "LP (GLOP): %s, bound %,.1f in %d ms%n", ls, lpBound, ms(t0));

        t0 = System.nanoTime();
        MPSolver mip = MPSolver.createSolver(backend);
        MPVariable[] mv = lp.transcribe(mip, true);
        mip.setTimeLimit(mipSeconds * 1000L);
        if (Boolean.getBoolean("probe.log")) {
            mip.enableOutput();
        }
        MPSolver.ResultStatus ms = mip.solve();
        double best = mip.objective().bestBound() + lp.constant;
        boolean hasIncumbent = ms == MPSolver.ResultStatus.OPTIMAL || ms == MPSolver.ResultStatus.FEASIBLE;
        double incumbent = hasIncumbent ? mip.objective().value() + lp.constant : Double.NaN;
        double[] mipPoint = hasIncumbent ? values(mv) : null;
        System.out.printf(Locale.ROOT, "integer (%s, %d s): %s in %d ms, best bound %,.1f (%+.2f%% over LP), "
                        + "incumbent %,.1f (%+.2f%% over LP), nodes %d; load %s%n", backend, mipSeconds, ms, ms(t0),
                best, 100 * (best - lpBound) / lpBound, incumbent, 100 * (incumbent - lpBound) / lpBound,
                mip.nodes(), load());

        t0 = System.nanoTime();
        RosterSolution roster = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(solveSeconds)))
                .solve(instance.generate(new RosterConstraintConfiguration()));
        long objective = CoverageBound.objectiveOf(roster);
        System.out.printf(Locale.ROOT, "roster (%d s): %s, coverage objective %,d (%+.2f%% over LP)%s; load %s%n",
                solveSeconds, roster.getScore(), objective, 100 * (objective - lpBound) / lpBound,
                hasIncumbent ? String.format(Locale.ROOT, ", %+.2f%% over the integer incumbent",
                        100 * (objective - incumbent) / incumbent) : "", load());

        CoverageGrid grid = problem.getCoverageGrid();
        double[][] rosterDays = perDay(grid, rosterOnPhone(roster), rosterAgents(roster, grid.getDays()));
        double[][] lpDays = perDay(grid, modelOnPhone(lp, grid, lpPoint), modelAgents(lp, lpPoint, grid.getDays()));
        double[][] mipDays = mipPoint == null ? null
                : perDay(grid, modelOnPhone(lp, grid, mipPoint), modelAgents(lp, mipPoint, grid.getDays()));
        System.out.println("day | agents roster/LP/int | short agent-intervals roster/LP/int "
                + "| over roster/LP/int | penalty (short+over) roster/LP/int");
        double[][] totals = new double[3][5];
        for (int d = 0; d < grid.getDays(); d++) {
            DayOfWeek dow = grid.getStart().plusDays(d).getDayOfWeek();
            System.out.printf(Locale.ROOT, "%2d %s | %5.1f %5.1f %5s | %6.1f %6.1f %6s | %6.1f %6.1f %6s | %,9.0f %,9.0f %9s%n",
                    d, dow.toString().substring(0, 3), rosterDays[d][0], lpDays[d][0], cell(mipDays, d, 0, "%5.1f"),
                    rosterDays[d][1], lpDays[d][1], cell(mipDays, d, 1, "%6.1f"), rosterDays[d][2], lpDays[d][2],
                    cell(mipDays, d, 2, "%6.1f"), rosterDays[d][3] + rosterDays[d][4], lpDays[d][3] + lpDays[d][4],
                    mipDays == null ? "" : String.format(Locale.ROOT, "%,9.0f", mipDays[d][3] + mipDays[d][4]));
        }
        for (boolean weekend : new boolean[] {false, true}) {
            double[][] sum = new double[3][5];
            for (int d = 0; d < grid.getDays(); d++) {
                boolean we = grid.getStart().plusDays(d).getDayOfWeek().getValue() >= 6;
                if (we == weekend) {
                    for (int k = 0; k < 5; k++) {
                        sum[0][k] += rosterDays[d][k];
                        sum[1][k] += lpDays[d][k];
                        sum[2][k] += mipDays == null ? Double.NaN : mipDays[d][k];
                    }
                }
            }
            String[] who = {"roster", "LP", "integer"};
            for (int r = 0; r < 3; r++) {
                System.out.printf(Locale.ROOT, "%s %-7s: agent-days %,.1f, short %,.1f, over %,.1f agent-intervals; "
                                + "short penalty %,.0f, over penalty %,.0f%n", weekend ? "weekend" : "weekday", who[r],
                        sum[r][0], sum[r][1], sum[r][2], sum[r][3], sum[r][4]);
            }
        }
        weeks(problem, lp, lpPoint, mipPoint, roster);
        new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1))).explain(roster)
                .getConstraintMatchTotalMap().values().forEach(t -> System.out.printf("  roster term %s: %s%n",
                        t.getConstraintName(), t.getScore()));
        glop.delete();
        mip.delete();
    }

    /** Per contract week: paid hours the contracts allow (group rows) against those the LP, integer model and roster use. */
    private static void weeks(RosterSolution problem, CoverageBound.Lp lp, double[] lpPoint, double[] mipPoint,
            RosterSolution roster) {
        // the roster was solved on its own copy of the problem: its shift options are other objects, same order
        CoverageBound.Lp rosterLp = CoverageBound.Lp.of(roster);
        double[] rosterPoint = new double[lp.columnCount()];
        for (AgentDay day : roster.getAgentDays()) {
            if (day.getShift() != null && !day.isPinned()) {
                List<ShiftOption> options = day.getAgent().getEligibleShiftOptions();
                rosterPoint[rosterLp.shiftColumns.get(options)[day.getDayIndex()][options.indexOf(day.getShift())]]++;
            }
        }
        lengths("LP", lp, lpPoint);
        lengths("roster", rosterLp, rosterPoint);
        int weeks = problem.getContractWeeks().count();
        double[][] w = new double[weeks][5];
        double[] run = new double[4];
        for (int r = 0; r < lp.rows.size(); r++) {
            CoverageBound.Lp.Row row = lp.rows.get(r);
            CoverageBound.Lp.Row rosterRow = rosterLp.rows.get(r);
            if (row.name.startsWith("week_")) {
                int week = Integer.parseInt(row.name.substring(row.name.lastIndexOf('_') + 1));
                w[week][0] += row.upper / 60;
                w[week][1] += row.activity(lpPoint) / 60;
                w[week][2] += mipPoint == null ? Double.NaN : row.activity(mipPoint) / 60;
                w[week][3] += rosterRow.activity(rosterPoint) / 60;
                w[week][4] += row.lower / 60;
            } else if (row.name.startsWith("run_")) {
                run[0] += row.upper;
                run[1] += row.activity(lpPoint);
                run[3] += rosterRow.activity(rosterPoint);
            }
        }
        for (int k = 0; k < weeks; k++) {
            System.out.printf(Locale.ROOT, "week %d: paid hours min %,.0f max %,.0f; LP %,.1f, integer %,.1f, roster %,.1f%n",
                    k, w[k][4], w[k][0], w[k][1], w[k][2], w[k][3]);
        }
        System.out.printf(Locale.ROOT, "consecutive-day windows: capacity %,.0f, LP %,.1f, roster %,.0f%n", run[0],
                run[1], run[3]);
        // agents of the roster who could take one more shortest shift in a week by hours and have a free day in it
        ContractWeeks cw = problem.getContractWeeks();
        for (int k = 0; k < weeks; k++) {
            int week = k;
            int room = 0;
            long slackHours = 0;
            Map<Agent, List<AgentDay>> byAgent = new java.util.HashMap<>();
            roster.getAgentDays().stream().filter(d -> cw.weekOf(d.getDayIndex()) == week)
                    .forEach(d -> byAgent.computeIfAbsent(d.getAgent(), a -> new java.util.ArrayList<>()).add(d));
            for (Map.Entry<Agent, List<AgentDay>> e : byAgent.entrySet()) {
                Agent a = e.getKey();
                if (a.getEligibleShiftOptions().isEmpty()) {
                    continue;
                }
                int paid = e.getValue().stream().mapToInt(d -> d.getShift() == null ? 0 : d.getShift().getPaidMinutes()
                        ).sum() + e.getValue().stream().mapToInt(AgentDay::getCreditedMinutes).sum();
                int max = a.isMaximumWaived(week) ? Integer.MAX_VALUE : a.maxWeeklyMinutesIn(week, cw.daysIn(week));
                int shortest = a.getEligibleShiftOptions().stream().mapToInt(ShiftOption::getPaidMinutes).min()
                        .orElse(0);
                boolean freeDay = e.getValue().stream().anyMatch(d -> d.getShift() == null && !d.isPinned());
                slackHours += Math.max(0, Math.min(max, 10_000) - paid) / 60;
                if (freeDay && paid + shortest <= max) {
                    room++;
                }
            }
            Map<String, Integer> patterns = new java.util.TreeMap<>();
            byAgent.forEach((a, agentDays) -> {
                String lengths = agentDays.stream().filter(d -> d.getShift() != null)
                        .map(d -> String.valueOf(d.getShift().getLengthMinutes() / 60)).sorted()
                        .reduce((x, y) -> x + "+" + y).orElse("-");
                int paid = agentDays.stream().mapToInt(d -> d.getShift() == null ? 0 : d.getShift().getPaidMinutes())
                        .sum();
                patterns.merge(String.format(Locale.ROOT, "%d-%d h: %s = %.1f h", a.getMinWeeklyMinutes() / 60,
                        a.getMaxWeeklyMinutes() / 60, lengths, paid / 60.0), 1, Integer::sum);
            });
            if (week == 1) {
                patterns.forEach((p, n) -> System.out.printf("  week 1 agent-weeks %s: %d%n", p, n));
            }
            System.out.printf(Locale.ROOT, "week %d: %d agents could take one more shortest shift by hours, with a free "
                    + "day; weekly slack %,d h%n", k, room, slackHours);
        }
    }

    /** Shifts by length (hours) and by the group's shortest option, i.e. its contract: how the hours are cut. */
    private static void lengths(String who, CoverageBound.Lp lp, double[] point) {
        Map<String, java.util.TreeMap<Integer, Double>> byContract = new java.util.TreeMap<>();
        lp.shiftColumns.forEach((options, x) -> {
            String contract = options.stream().map(ShiftOption::getLengthMinutes).distinct().sorted()
                    .map(m -> String.valueOf(m / 60.0)).reduce((a, b) -> a + "/" + b).orElse("");
            for (int[] day : x) {
                for (int o = 0; o < options.size(); o++) {
                    byContract.computeIfAbsent(contract, k -> new java.util.TreeMap<>())
                            .merge(options.get(o).getLengthMinutes(), point[day[o]], Double::sum);
                }
            }
        });
        byContract.forEach((contract, counts) -> {
            StringBuilder line = new StringBuilder();
            counts.forEach((m, n) -> line.append(String.format(Locale.ROOT, " %.1fh: %.1f", m / 60.0, n)));
            System.out.printf("shift lengths %s, options %s h:%s%n", who, contract, line);
        });
    }

    private static String cell(double[][] days, int d, int k, String format) {
        return days == null ? "" : String.format(Locale.ROOT, format, days[d][k]);
    }

    /** Per day: agents working, short and over agent-intervals, shortfall and overstaffing penalty (weighted). */
    private static double[][] perDay(CoverageGrid grid, Map<String, double[]> onPhone, double[] agents) {
        RosterConstraintConfiguration weights = new RosterConstraintConfiguration();
        double sw = weights.getCoverageShortfall().softScore();
        double ow = weights.getOverstaffing().softScore();
        int slot = grid.getSlotMinutes();
        double[][] days = new double[grid.getDays()][5];
        for (int d = 0; d < grid.getDays(); d++) {
            days[d][0] = agents[d];
        }
        for (String skill : grid.getSkills()) {
            for (RequirementSlot s : grid.slotsOf(skill)) {
                double diff = (s.getRequiredMinutes() - onPhone.get(skill)[s.getIndex()]) / slot;
                double[] day = days[s.getDayIndex()];
                if (diff > 0) {
                    day[1] += diff;
                    day[3] += sw * 100 * diff * diff;
                } else {
                    day[2] -= diff;
                    day[4] -= ow * 10 * diff;
                }
            }
        }
        return days;
    }

    private static Map<String, double[]> rosterOnPhone(RosterSolution roster) {
        CoverageGrid grid = roster.getCoverageGrid();
        Map<String, double[]> onPhone = new java.util.HashMap<>();
        grid.getSkills().forEach(s -> onPhone.put(s, new double[grid.slotsOf(s).length]));
        for (AgentDay day : roster.getAgentDays()) {
            if (day.getShift() != null) {
                for (SlotCoverage c : grid.coverageOf(day.getDayIndex(), day.getShift())) {
                    onPhone.get(c.slot().getSkill())[c.slot().getIndex()] += c.onPhoneMinutes();
                }
            }
        }
        return onPhone;
    }

    private static double[] rosterAgents(RosterSolution roster, int days) {
        double[] agents = new double[days];
        roster.getAgentDays().stream().filter(d -> d.getShift() != null).forEach(d -> agents[d.getDayIndex()]++);
        return agents;
    }

    private static Map<String, double[]> modelOnPhone(CoverageBound.Lp lp, CoverageGrid grid, double[] point) {
        Map<String, double[]> onPhone = new java.util.HashMap<>();
        grid.getSkills().forEach(s -> onPhone.put(s, new double[grid.slotsOf(s).length]));
        lp.shiftColumns.forEach((options, x) -> {
            for (int d = 0; d < x.length; d++) {
                for (int o = 0; o < options.size(); o++) {
                    double n = point[x[d][o]];
                    if (n > 1e-9) {
                        for (SlotCoverage c : grid.coverageOf(d, options.get(o))) {
                            onPhone.get(c.slot().getSkill())[c.slot().getIndex()] += n * c.onPhoneMinutes();
                        }
                    }
                }
            }
        });
        return onPhone;
    }

    private static double[] modelAgents(CoverageBound.Lp lp, double[] point, int days) {
        double[] agents = new double[days];
        lp.shiftColumns.values().forEach(x -> {
            for (int d = 0; d < x.length; d++) {
                for (int column : x[d]) {
                    agents[d] += point[column];
                }
            }
        });
        return agents;
    }

    private static double[] values(MPVariable[] variables) {
        double[] point = new double[variables.length];
        for (int j = 0; j < variables.length; j++) {
            point[j] = variables[j].solutionValue();
        }
        return point;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
