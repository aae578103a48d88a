package com.timebank.wfm.staffing;

/**
 * Erlang A: the M/M/N+M queue (Palm; Garnett, Mandelbaum and Reiman 2002) in which waiting callers hang up
 * after an exponentially distributed patience. Erlang C assumes nobody hangs up and so overstaffs.
 *
 * <p>Notation: {@code λ = A/AHT} arrivals per second, {@code μ = 1/AHT}, {@code θ = 1/patience},
 * {@code ν = Nμ/θ}, {@code y = λ/θ}. Everything rests on
 * {@code Φ(a, z) = Σ_{j≥0} z^j / ((a+1)(a+2)…(a+j))}; {@code S = Φ(ν, y)} is the queue-length sum
 * {@code Σ_j Π_{k≤j} λ/(Nμ + kθ)} (GMR's {@code A(ν, y)}, a scaled incomplete gamma function). Then
 * <ul>
 * <li>{@code P(wait) = S·B / (1 + (S − 1)·B)} with {@code B} = Erlang B(N, A);</li>
 * <li>{@code P(answered | wait) = (N/A)·(1 − 1/S)}, {@code P(abandon) = P(wait)·(1 − P(answered | wait))};</li>
 * <li>the offered wait {@code V} (time until an agent would take the call) has density proportional to
 * {@code exp(y(1 − e^{−θx}) − Nμx)} given {@code V > 0}; integrating {@code e^{−θx}} (the chance of still
 * holding) over {@code x > T} gives
 * {@code P(answered after T | wait) = e^{y(1−e^{−θT}) − (ν+1)θT} · ν·Φ(ν+1, y·e^{−θT}) / ((ν+1)·S)};</li>
 * <li>service level = share of offered contacts answered within T
 * {@code = 1 − P(wait) + P(wait)·(P(answered | wait) − P(answered after T | wait))} (abandoned contacts
 * count as not answered);</li>
 * <li>ASA over answered contacts: a caller who finds {@code j} waiting passes stages with rates
 * {@code Nμ + kθ}, {@code k = j…0}, while his own patience runs at θ, so
 * {@code E[V; answered | j] = Π_k (Nμ+kθ)/(Nμ+(k+1)θ) · Σ_k 1/(Nμ+(k+1)θ)}, summed over the queue
 * distribution.</li>
 * </ul>
 * The sums have positive terms only and are rescaled as they go, so they neither cancel nor overflow.
 * As patience grows every measure tends to Erlang C's.
 */
public final class ErlangA {

    /** Guard on the length of the series (≈ queue length when heavily overloaded with long patience). */
    private static final double MAX_TERMS = 50_000_000;
    private static final double RESCALE = 1e200;
    private static final double LOG_RESCALE = Math.log(RESCALE);
    /** Relative size of the dropped tail of a series. */
    private static final double SERIES_EPSILON = 1e-17;

    private ErlangA() {
    }

    /**
     * Callers so patient against so much traffic that the queue's series grows too long to sum: Erlang C (nobody hangs
     * up) describes them.
     */
    public static final class TooPatientException extends IllegalArgumentException {
        TooPatientException(String message) {
            super(message);
        }
    }

    /** All measures for a given number of agents on the phones. */
    public static QueuePerformance evaluate(int agents, double trafficErlangs, double ahtSeconds,
            double patienceSeconds, double serviceLevelSeconds) {
        Require.nonNegative("agents", agents);
        Require.traffic(trafficErlangs);
        Require.ahtForTraffic(trafficErlangs, ahtSeconds);
        Require.positive("patienceSeconds", patienceSeconds);
        Require.nonNegative("serviceLevelSeconds", serviceLevelSeconds);
        return performance(agents, trafficErlangs, ahtSeconds, patienceSeconds, serviceLevelSeconds);
    }

    /** Smallest N with service level ≥ target and occupancy ≤ maxOccupancy; 0 without traffic. */
    public static int requiredAgents(double trafficErlangs, double ahtSeconds, double patienceSeconds,
            double serviceLevelTarget, double serviceLevelSeconds, double maxOccupancy) {
        return staffFor(trafficErlangs, ahtSeconds, patienceSeconds, serviceLevelTarget, serviceLevelSeconds,
                maxOccupancy).agents();
    }

    /** The performance at {@link #requiredAgents required agents}. */
    public static QueuePerformance staffFor(double trafficErlangs, double ahtSeconds, double patienceSeconds,
            double serviceLevelTarget, double serviceLevelSeconds, double maxOccupancy) {
        Require.traffic(trafficErlangs);
        Require.ahtForTraffic(trafficErlangs, ahtSeconds);
        Require.positive("patienceSeconds", patienceSeconds);
        Require.openFraction("serviceLevelTarget", serviceLevelTarget);
        Require.nonNegative("serviceLevelSeconds", serviceLevelSeconds);
        Require.fractionUpToOne("maxOccupancy", maxOccupancy);
        if (trafficErlangs == 0) {
            return QueuePerformance.idle(0);
        }
        // Unlike Erlang C, N ≤ A is allowed (callers leave, the queue stays finite), so search from 1.
        // Service level rises and occupancy falls with N: double until acceptable, then bisect.
        int rejected = 0;
        int candidate = Math.max(1, (int) Math.ceil(trafficErlangs / 2));
        QueuePerformance accepted;
        while (true) {
            QueuePerformance p = performance(candidate, trafficErlangs, ahtSeconds, patienceSeconds,
                    serviceLevelSeconds);
            if (meets(p, serviceLevelTarget, maxOccupancy)) {
                accepted = p;
                break;
            }
            if (candidate > ErlangC.MAX_AGENTS) {
                throw new IllegalArgumentException("no staffing up to " + ErlangC.MAX_AGENTS
                        + " agents meets the target for " + trafficErlangs + " Erlangs");
            }
            rejected = candidate;
            candidate *= 2;
        }
        while (accepted.agents() - rejected > 1) {
            int middle = (rejected + accepted.agents()) >>> 1;
            QueuePerformance p = performance(middle, trafficErlangs, ahtSeconds, patienceSeconds,
                    serviceLevelSeconds);
            if (meets(p, serviceLevelTarget, maxOccupancy)) {
                accepted = p;
            } else {
                rejected = middle;
            }
        }
        return accepted;
    }

    private static boolean meets(QueuePerformance p, double target, double maxOccupancy) {
        return p.serviceLevel() >= target - ErlangC.TOLERANCE && p.occupancy() <= maxOccupancy + ErlangC.TOLERANCE;
    }

    private static QueuePerformance performance(int n, double a, double aht, double patience, double seconds) {
        if (a == 0) {
            return QueuePerformance.idle(n);
        }
        if (n == 0) {
            // Nobody answers: everyone waits and eventually hangs up.
            return new QueuePerformance(0, 0, 1, 1, Double.POSITIVE_INFINITY, 0);
        }
        double nu = n * patience / aht;
        double y = a * patience / aht;
        double logS = logPhi(nu, y);
        double inverseB = ErlangC.inverseErlangB(n, a);
        // P(wait) = S·B / (1 + (S − 1)·B) = 1 / (1 + (1/B − 1)/S), in a form that survives huge S or 1/B.
        double pWait = Double.isInfinite(inverseB) ? 0 : 1 / (1 + (inverseB - 1) * Math.exp(-logS));

        double answeredGivenWait = Math.min(1, (double) n / a * -Math.expm1(-logS));
        double thetaT = seconds / patience;
        double logLate = y * -Math.expm1(-thetaT) - (nu + 1) * thetaT
                + logPhi(nu + 1, y * Math.exp(-thetaT)) - logS;
        double answeredLateGivenWait = Math.exp(logLate) * nu / (nu + 1);
        double withinGivenWait = Math.max(0, answeredGivenWait - answeredLateGivenWait);

        double serviceLevel = 1 - pWait + pWait * withinGivenWait;
        double pAbandon = pWait * (1 - answeredGivenWait);
        double pAnswered = 1 - pAbandon;

        // E[V; answered | wait] = ν/(ν+1) · Σ_j t_j·h_j / S · patience, t_j the terms of Φ(ν+1, y).
        double[] weighted = weightedLogPhi(nu + 1, y);
        double waitOfAnsweredGivenWait = nu / (nu + 1) * Math.exp(weighted[1] - logS) * patience;
        double asa = pAnswered > 0 ? pWait * waitOfAnsweredGivenWait / pAnswered : Double.POSITIVE_INFINITY;
        double occupancy = Math.min(1, a * pAnswered / n);
        return new QueuePerformance(n, serviceLevel, pWait, pAbandon, asa, occupancy);
    }

    /** {@code log Φ(a, z) = log Σ_{j≥0} z^j / ((a+1)…(a+j))}, for {@code a > 0, z ≥ 0}. */
    static double logPhi(double a, double z) {
        checkSeriesLength(a, z);
        double term = 1;
        double sum = 1;
        double logScale = 0;
        for (int k = 1; ; k++) {
            double ratio = z / (a + k);
            term *= ratio;
            sum += term;
            if (term > RESCALE) {
                term /= RESCALE;
                sum /= RESCALE;
                logScale += LOG_RESCALE;
            }
            // Ratios only decrease from here, so the tail is below term·ratio/(1 − ratio).
            if (ratio < 1 && term * ratio < SERIES_EPSILON * sum * (1 - ratio)) {
                return logScale + Math.log(sum);
            }
        }
    }

    /**
     * {@code [log Σ t_j, log Σ t_j·h_j]} with {@code t_j} the terms of {@code Φ(a, z)} and
     * {@code h_j = Σ_{k=0..j} 1/(a+k)}.
     */
    static double[] weightedLogPhi(double a, double z) {
        checkSeriesLength(a, z);
        double term = 1;
        double h = 1 / a;
        double sum = 1;
        double weightedSum = h;
        double logScale = 0;
        for (int k = 1; ; k++) {
            double ratio = z / (a + k);
            term *= ratio;
            h += 1 / (a + k);
            sum += term;
            weightedSum += term * h;
            if (term > RESCALE) {
                term /= RESCALE;
                sum /= RESCALE;
                weightedSum /= RESCALE;
                logScale += LOG_RESCALE;
            }
            if (ratio < 1) {
                // Tail bounds: terms fall at least geometrically by ratio; h grows by < 1/(a+k) per step.
                double geometric = term / (1 - ratio);
                double weightedTail = geometric * (h + 1 / ((1 - ratio) * (a + k)));
                if (geometric < SERIES_EPSILON * sum && weightedTail < SERIES_EPSILON * weightedSum) {
                    return new double[] {logScale + Math.log(sum), logScale + Math.log(weightedSum)};
                }
            }
        }
    }

    private static void checkSeriesLength(double a, double z) {
        // Terms grow until j ≈ z − a, then need ~ a few √z more to fade.
        double terms = Math.max(0, z - a) + 50 * Math.sqrt(z) + 1000;
        if (terms > MAX_TERMS) {
            throw new TooPatientException("traffic × patience / AHT is too large for Erlang A (series of ~"
                    + (long) terms + " terms); the callers are effectively infinitely patient: use Erlang C");
        }
    }
}
