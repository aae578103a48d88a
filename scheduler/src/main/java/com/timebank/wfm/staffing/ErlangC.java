package com.timebank.wfm.staffing;

/**
 * Erlang C (M/M/N queue, callers never hang up) for one interval.
 *
 * <p>Traffic {@code A = contacts × AHT / intervalSeconds} Erlangs. Erlang B comes from the recursion
 * {@code B_0 = 1, B_k = A·B_{k−1} / (k + A·B_{k−1})}, Erlang C from {@code C = N·B / (N − A(1 − B))}:
 * no factorials or powers, so it stays exact for thousands of agents. The code runs the same recursion on
 * the reciprocal {@code I_k = 1/B_k = 1 + (k/A)·I_{k−1}}, which needs no division per step and gives
 * {@code C = N / ((N − A)·I_N + A)}.
 *
 * <p>With {@code N ≤ A} the queue grows without bound: every contact waits, service level is 0 and the
 * ASA is infinite.
 */
public final class ErlangC {

    /** Upper bound on traffic: keeps agent counts far from int overflow and a search in milliseconds. */
    public static final double MAX_TRAFFIC_ERLANGS = 1_000_000;

    /** Upper bound on a computed requirement (a tiny occupancy cap could otherwise ask for billions). */
    public static final int MAX_AGENTS = 10_000_000;

    /**
     * Slack for comparing computed service levels and occupancies with their targets, so that a value
     * that is mathematically on the target is not rejected for a last-bit rounding difference.
     */
    static final double TOLERANCE = 1e-12;

    private ErlangC() {
    }

    /** Offered traffic in Erlangs: {@code contacts × AHT / intervalSeconds}. */
    public static double trafficErlangs(double contacts, double ahtSeconds, double intervalSeconds) {
        Require.nonNegative("contacts", contacts);
        Require.nonNegative("ahtSeconds", ahtSeconds);
        Require.positive("intervalSeconds", intervalSeconds);
        if (contacts > 0 && ahtSeconds == 0) {
            throw new IllegalArgumentException("ahtSeconds must be > 0 when there are contacts, was 0.0");
        }
        return Require.traffic(contacts * ahtSeconds / intervalSeconds);
    }

    /** Erlang B: probability that a contact finds all {@code agents} busy in a loss system. */
    public static double erlangB(int agents, double trafficErlangs) {
        Require.nonNegative("agents", agents);
        Require.traffic(trafficErlangs);
        return 1 / inverseErlangB(agents, trafficErlangs);
    }

    /** Erlang C: probability that a contact has to wait for an agent. */
    public static double probabilityOfWaiting(int agents, double trafficErlangs) {
        Require.nonNegative("agents", agents);
        Require.traffic(trafficErlangs);
        if (trafficErlangs == 0) {
            return 0;
        }
        if (agents <= trafficErlangs) {
            return 1;
        }
        return erlangC(agents, trafficErlangs, inverseErlangB(agents, trafficErlangs));
    }

    /** Share of contacts answered within {@code serviceLevelSeconds}: {@code 1 − C·e^{−(N−A)·T/AHT}}. */
    public static double serviceLevel(int agents, double trafficErlangs, double ahtSeconds,
            double serviceLevelSeconds) {
        return evaluate(agents, trafficErlangs, ahtSeconds, serviceLevelSeconds).serviceLevel();
    }

    /** Average speed of answer {@code C·AHT/(N − A)} in seconds. */
    public static double averageSpeedOfAnswer(int agents, double trafficErlangs, double ahtSeconds) {
        return evaluate(agents, trafficErlangs, ahtSeconds, 0).asaSeconds();
    }

    /** Occupancy {@code A/N}, capped at 1 (an overloaded team is busy all the time, not more). */
    public static double occupancy(int agents, double trafficErlangs) {
        Require.nonNegative("agents", agents);
        Require.traffic(trafficErlangs);
        return occupancyOf(agents, trafficErlangs);
    }

    /** All measures for a given number of agents. */
    public static QueuePerformance evaluate(int agents, double trafficErlangs, double ahtSeconds,
            double serviceLevelSeconds) {
        Require.nonNegative("agents", agents);
        Require.traffic(trafficErlangs);
        Require.ahtForTraffic(trafficErlangs, ahtSeconds);
        Require.nonNegative("serviceLevelSeconds", serviceLevelSeconds);
        if (trafficErlangs == 0) {
            return QueuePerformance.idle(agents);
        }
        if (agents <= trafficErlangs) {
            return new QueuePerformance(agents, 0, 1, 0, Double.POSITIVE_INFINITY, 1);
        }
        return performance(agents, trafficErlangs, ahtSeconds, serviceLevelSeconds,
                inverseErlangB(agents, trafficErlangs));
    }

    /**
     * Smallest {@code N > A} with {@code SL(N) ≥ target} and {@code A/N ≤ maxOccupancy}; 0 without traffic.
     */
    public static int requiredAgents(double trafficErlangs, double ahtSeconds, double serviceLevelTarget,
            double serviceLevelSeconds, double maxOccupancy) {
        return staffFor(trafficErlangs, ahtSeconds, serviceLevelTarget, serviceLevelSeconds, maxOccupancy)
                .agents();
    }

    /** The performance at {@link #requiredAgents required agents}, computed in the same pass. */
    public static QueuePerformance staffFor(double trafficErlangs, double ahtSeconds, double serviceLevelTarget,
            double serviceLevelSeconds, double maxOccupancy) {
        Require.traffic(trafficErlangs);
        Require.ahtForTraffic(trafficErlangs, ahtSeconds);
        Require.openFraction("serviceLevelTarget", serviceLevelTarget);
        Require.nonNegative("serviceLevelSeconds", serviceLevelSeconds);
        Require.fractionUpToOne("maxOccupancy", maxOccupancy);
        if (trafficErlangs == 0) {
            return QueuePerformance.idle(0);
        }
        double a = trafficErlangs;
        if (a / maxOccupancy > MAX_AGENTS) {
            throw new IllegalArgumentException("maxOccupancy " + maxOccupancy + " with " + a
                    + " Erlangs would need more than " + MAX_AGENTS + " agents");
        }
        // Neither condition can hold below max(⌊A⌋ + 1, ⌈A / maxOccupancy⌉): start there. The small
        // subtraction keeps e.g. 1.7 / 0.85 = 2.0000000000000004 from pushing the start to 3.
        int n = (int) Math.max(Math.floor(a) + 1, Math.ceil(a / maxOccupancy - 1e-9));
        double invA = 1 / a;
        double inverseB = inverseErlangB(n, a, invA);
        // SL(N) = 1 − C(N)·e^{−(N−A)·T/AHT}: the exponential shrinks by the same factor per extra agent,
        // so one multiplication per step instead of one exp.
        double step = Math.exp(-serviceLevelSeconds / ahtSeconds);
        double decay = Math.exp(-(n - a) * serviceLevelSeconds / ahtSeconds);
        double threshold = 1 - serviceLevelTarget + TOLERANCE;
        while (erlangC(n, a, inverseB) * decay > threshold) {
            n++;
            inverseB = 1 + n * invA * inverseB;
            decay *= step;
        }
        return performance(n, a, ahtSeconds, serviceLevelSeconds, inverseB);
    }

    /** {@code 1/B(N, A)} by the reciprocal Erlang B recursion; infinite when {@code A = 0 < N}. */
    static double inverseErlangB(int agents, double trafficErlangs) {
        if (trafficErlangs == 0) {
            return agents == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return inverseErlangB(agents, trafficErlangs, 1 / trafficErlangs);
    }

    private static double inverseErlangB(int agents, double a, double invA) {
        // I_k = 1 + (k/A)·I_{k−1}: every term is positive, so nothing cancels and the error stays at a few
        // ulps however large N gets. For N far above A, I overflows to +∞, meaning B = 0 (and C = 0).
        double inverse = 1;
        for (int k = 1; k <= agents; k++) {
            inverse = 1 + k * invA * inverse;
        }
        return inverse;
    }

    /** Erlang C from {@code I = 1/B}: {@code N·B/(N − A(1 − B)) = N / ((N − A)·I + A)}, for {@code N > A}. */
    private static double erlangC(int n, double a, double inverseB) {
        return n / ((n - a) * inverseB + a);
    }

    private static QueuePerformance performance(int n, double a, double aht, double seconds, double inverseB) {
        double c = erlangC(n, a, inverseB);
        double serviceLevel = 1 - c * Math.exp(-(n - a) * seconds / aht);
        return new QueuePerformance(n, serviceLevel, c, 0, c * aht / (n - a), occupancyOf(n, a));
    }

    private static double occupancyOf(int agents, double a) {
        if (a == 0) {
            return 0;
        }
        return agents <= a ? 1 : a / agents;
    }
}
