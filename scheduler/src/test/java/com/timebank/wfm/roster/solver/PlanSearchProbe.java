package com.timebank.wfm.roster.solver;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Probe: the speed of the plan search on a fixed workload, to compare two builds of it (the counts of tries in a
 * solve's rounds are no measure: a round's count moves by up to a fifth between runs of the same code, with how many
 * tries are kept, and a kept try costs more). Usage: {@code PlanSearchProbe tries [instance] [agents]} — the group
 * replanning's pair tries, drawn as it draws them ({@link GroupReplanning#drawGroup}), on a generated instance
 * (default weekend-peak, 100 agents): the plain greedy roster, 32,000 tries to warm up, then eight rounds of 8,000,
 * the same tries on every build; prints the fastest round's time a try and the gain of all tries (equal gains: both
 * builds did the same work). {@code PlanSearchProbe plans}: {@link BestWeek#plan} alone on 200 random one- and
 * two-week plans of 55 shifts a day, fifteen rounds of twenty each; the fastest round's time a plan. Run with
 * {@code scripts/bench-roster --probe PlanSearchProbe tries}.
 */
public final class PlanSearchProbe {

    private PlanSearchProbe() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "tries";
        if (mode.equals("plans")) {
            plans();
        } else if (mode.equals("tries")) {
            tries(args.length > 1 ? args[1] : "weekend-peak", args.length > 2 ? Integer.parseInt(args[2]) : 100);
        } else {
            throw new IllegalArgumentException("Unknown mode: " + mode + " (tries or plans)");
        }
    }

    private static void tries(String name, int agentCount) {
        RosterSolution problem = RosterBenchmark.instance(name, agentCount, 28)
                .generate(new RosterConstraintConfiguration());
        new GreedyRoster(problem, new Random(0), 0).plan(0, 0).forEach(AgentDay::setShift);
        // a round valuing everything, as the group replanning's later rounds do
        GreedyRoster greedy = GroupReplanning.greedyFor(problem, 3, GroupReplanning.ROUNDS);
        List<AgentState> agents = greedy.agentStates();
        Random random = new Random(17);
        int days = problem.getHorizonDays();
        ContractWeeks weeks = problem.getContractWeeks();
        double fastest = Double.MAX_VALUE;
        long gain = 0;
        int perRound = 8_000;
        List<AgentState> group = new ArrayList<>(GroupReplanning.GROUP_SIZE);
        for (int round = 0; round < 12; round++) {
            long started = System.nanoTime();
            for (int t = 0; t < perRound; t++) {
                int date = random.nextInt(days);
                int[] window = GroupReplanning.window(weeks.weekOf(date), weeks.count(), random);
                if (GroupReplanning.drawGroup(agents, date, random, group)) {
                    gain += Math.max(0, greedy.replanGroup(group, window[0], window[1]));
                }
            }
            if (round >= 4) {
                fastest = Math.min(fastest, (System.nanoTime() - started) / 1000.0 / perRound);
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d agents: %.1f µs a pair try (fastest of eight rounds of %,d after "
                + "%,d), gain of all tries %,d%n", name, agentCount, fastest, perRound, 4 * perRound, gain);
    }

    private static void plans() {
        Random random = new Random(1);
        List<ShiftOption> all = new ArrayList<>();
        for (int hour = 6; hour <= 16; hour++) {
            for (int paid : new int[] {240, 360, 480, 540, 600}) {
                all.add(ShiftOption.of(RosterInstanceGenerator.GENERAL, LocalTime.of(hour, 0), paid + 30, 30));
            }
        }
        ShiftOption[] shifts = all.toArray(new ShiftOption[0]);
        List<List<BestWeek.Week>> cases = new ArrayList<>();
        List<BestWeek.Edges> edges = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            List<BestWeek.Week> weeks = new ArrayList<>();
            int weekCount = 1 + random.nextInt(2);
            for (int w = 0; w < weekCount; w++) {
                List<BestWeek.Day> days = new ArrayList<>();
                for (int d = 0; d < 7; d++) {
                    long[] values = new long[shifts.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = random.nextInt(4000) - 500;
                    }
                    days.add(BestWeek.Day.open(shifts, values));
                }
                weeks.add(new BestWeek.Week(days, 0, 2100, 2400));
            }
            cases.add(weeks);
            edges.add(new BestWeek.Edges(null, null, random.nextInt(4), 0, 6, 660, 5));
        }
        double fastest = Double.MAX_VALUE;
        long workedDays = 0;
        for (int round = 0; round < 15; round++) {
            long started = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                for (int c = 0; c < cases.size(); c++) {
                    ShiftOption[] plan = BestWeek.plan(cases.get(c), edges.get(c));
                    for (int d = 0; plan != null && d < plan.length; d++) {
                        workedDays += plan[d] != null ? 1 : 0;
                    }
                }
            }
            fastest = Math.min(fastest, (System.nanoTime() - started) / 1000.0 / (20 * cases.size()));
        }
        System.out.printf(Locale.ROOT, "%.1f µs a plan (fastest of fifteen rounds of %,d plans), days worked in all "
                + "plans %,d%n", fastest, 20 * cases.size(), workedDays);
    }
}
