package com.timebank.wfm.staffing.bench;

import com.timebank.wfm.staffing.StaffingCalculator;
import com.timebank.wfm.staffing.StaffingPolicy;
import com.timebank.wfm.staffing.StaffingRequirement;
import java.util.SplittableRandom;

/**
 * Throughput of interval requirement computations (Erlang C search + measures + shrinkage) on one thread.
 * Not a unit test (no "Test" suffix, so surefire skips it). Run:
 * {@code scripts/bench-forecast} (with the forecast benchmark; {@code ERLANG_SECONDS} sets the duration).
 *
 * <p>Mix per 30-minute interval: contacts uniform 0–2,000, AHT uniform 120–600 s, target 80–90% within
 * 20–30 s, max occupancy 85%, shrinkage 30%.
 */
public final class ErlangBenchmark {

    private static final int MIX_SIZE = 1 << 14;
    private static final double INTERVAL_SECONDS = 1800;

    private ErlangBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        SplittableRandom random = new SplittableRandom(42);

        // A handful of center policies: 80, 85, 90% × 20, 25, 30 s.
        StaffingCalculator[] calculators = new StaffingCalculator[9];
        for (int i = 0; i < calculators.length; i++) {
            double target = 0.80 + 0.05 * (i / 3);
            double slSeconds = 20 + 5 * (i % 3);
            calculators[i] = new StaffingCalculator(StaffingPolicy.erlangC(target, slSeconds, 0.85, 0.30));
        }
        double[] contacts = new double[MIX_SIZE];
        double[] aht = new double[MIX_SIZE];
        StaffingCalculator[] policyOf = new StaffingCalculator[MIX_SIZE];
        for (int i = 0; i < MIX_SIZE; i++) {
            contacts[i] = random.nextInt(2_001);
            aht[i] = 120 + random.nextDouble() * 480;
            policyOf[i] = calculators[random.nextInt(calculators.length)];
        }

        // Warm-up so the JIT has compiled the hot path before timing.
        long sink = run(contacts, aht, policyOf, 2_000_000);

        long computations = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long now;
        do {
            sink += run(contacts, aht, policyOf, MIX_SIZE * 16);
            computations += MIX_SIZE * 16;
            now = System.nanoTime();
        } while (now < deadline);
        double elapsed = (now - start) / 1e9;
        System.out.printf("%,d interval requirements in %.2f s: %,.0f per second on one thread (checksum %d)%n",
                computations, elapsed, computations / elapsed, sink);
    }

    private static long run(double[] contacts, double[] aht, StaffingCalculator[] policyOf, int count) {
        long sink = 0;
        for (int i = 0; i < count; i++) {
            int k = i & (MIX_SIZE - 1);
            StaffingRequirement r = policyOf[k].requirement(contacts[k], aht[k], INTERVAL_SECONDS);
            sink += r.scheduledAgents() + (long) (r.asaSeconds() * 1000);
        }
        return sink;
    }
}
