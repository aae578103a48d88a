package com.timebank.wfm.roster.solver;

import java.time.Duration;
import java.util.Locale;

/**
 * Probe: the coverage bound's LP on generated instances, timing the LP up to the hand-over of its mix and the second
 * LP for the shortfall floor after it, with both values; then both raised by whole agent plans for up to {@code
 * raiseSeconds} ({@link CoverageBound#raise}: the bound until its steps settle, the floor in the time left). Usage:
 * {@code ShortfallFloorProbe raiseSeconds instance:agents ...}, e.g. {@code 60 standard:100 weekend-peak:2000}.
 */
public final class ShortfallFloorProbe {

    public static void main(String[] args) {
        CoverageBound.solverLoaded();
        int raiseSeconds = Integer.parseInt(args[0]);
        for (String spec : java.util.Arrays.copyOfRange(args, 1, args.length)) {
            String[] parts = spec.split(":");
            RosterSolution problem = RosterBenchmark.instance(parts[0], Integer.parseInt(parts[1]), 28)
                    .generate(new RosterConstraintConfiguration());
            long[] mixAt = new long[1];
            long t0 = System.nanoTime();
            CoverageBound.Result result = CoverageBound.of(problem, Duration.ofSeconds(120),
                    mix -> mixAt[0] = System.nanoTime());
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s, %s agents: LP and mix %d ms, then the floor %d ms; bound %,.1f, "
                    + "no roster leaves fewer than %,.2f short agent-intervals%n", parts[0], parts[1],
                    (mixAt[0] - t0) / 1_000_000, (t1 - mixAt[0]) / 1_000_000, result.bound(), result.shortfallFloor());
            if (raiseSeconds > 0) {
                SolveDeadline end = new SolveDeadline();
                end.endIn(Duration.ofSeconds(raiseSeconds));
                CoverageBound.Result raised = CoverageBound.raise(problem, result, end);
                System.out.printf(Locale.ROOT, "  raised in %d ms: bound %,.1f, floor %,.2f (%s)%n",
                        raised.millis() - result.millis(), raised.bound(), raised.shortfallFloor(), raised.state());
            }
        }
    }

    private ShortfallFloorProbe() {
    }
}
