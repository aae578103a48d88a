package com.timebank.wfm.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErlangATest {

    @Test
    void approachesErlangCAsPatienceGrows() {
        QueuePerformance c = ErlangC.evaluate(14, 10, 180, 20);
        QueuePerformance a = ErlangA.evaluate(14, 10, 180, 1e6, 20);
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-4));
        assertThat(a.probabilityOfWaiting()).isCloseTo(c.probabilityOfWaiting(), within(1e-4));
        assertThat(a.asaSeconds()).isCloseTo(c.asaSeconds(), withinPercentage(0.1));
        assertThat(a.occupancy()).isCloseTo(c.occupancy(), within(1e-4));
        assertThat(a.probabilityOfAbandoning()).isBetween(0.0, 1e-4);

        // The gap closes steadily as patience grows.
        double previousGap = Double.MAX_VALUE;
        for (double patience : new double[] {30, 120, 600, 3600, 36_000, 360_000}) {
            double gap = Math.abs(ErlangA.evaluate(14, 10, 180, patience, 20).probabilityOfWaiting()
                    - c.probabilityOfWaiting());
            assertThat(gap).isLessThan(previousGap);
            previousGap = gap;
        }

        for (double traffic : new double[] {0.5, 10, 55, 300}) {
            for (double target : new double[] {0.8, 0.9}) {
                assertThat(ErlangA.requiredAgents(traffic, 240, 1e6, target, 20, 0.85))
                        .isEqualTo(ErlangC.requiredAgents(traffic, 240, target, 20, 0.85));
            }
        }
    }

    @Test
    void finitePatienceNeedsNoMoreAgentsThanErlangC() {
        // Holds whenever patience is not short next to the service-level time (here patience ≥ 2T);
        // see shortPatienceAgainstALongServiceLevelTimeCanNeedMoreAgents for why that condition matters.
        int fewer = 0;
        for (double traffic : new double[] {0.05, 1, 2, 10, 37.3, 100, 400}) {
            for (double aht : new double[] {120, 300, 600}) {
                for (double seconds : new double[] {10, 20, 30}) {
                    for (double target : new double[] {0.7, 0.8, 0.9, 0.95}) {
                        for (double patience : new double[] {60, 180, 600, 3600}) {
                            for (double maxOccupancy : new double[] {0.85, 1.0}) {
                                int c = ErlangC.requiredAgents(traffic, aht, target, seconds, maxOccupancy);
                                int a = ErlangA.requiredAgents(traffic, aht, patience, target, seconds,
                                        maxOccupancy);
                                assertThat(a).as("A=%s AHT=%s T=%s target=%s patience=%s", traffic, aht,
                                        seconds, target, patience).isLessThanOrEqualTo(c);
                                fewer += a < c ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        assertThat(fewer).isPositive();
    }

    @Test
    void shortPatienceAgainstALongServiceLevelTimeCanNeedMoreAgents() {
        // Service level counts contacts answered within T out of all offered; a caller who hangs up
        // after 5 s is not answered, even though Erlang C (nobody hangs up) would have answered him at 40 s.
        assertThat(ErlangC.requiredAgents(0.5, 60, 0.95, 300, 1.0)).isEqualTo(1);
        assertThat(ErlangA.requiredAgents(0.5, 60, 5, 0.95, 300, 1.0)).isGreaterThan(1);
    }

    @Test
    void requiredAgentsIsTheSmallestAcceptableTeam() {
        for (double traffic : new double[] {0.3, 10, 80, 450}) {
            for (double patience : new double[] {20, 90, 400}) {
                QueuePerformance p = ErlangA.staffFor(traffic, 200, patience, 0.85, 20, 0.85);
                assertThat(p.serviceLevel()).isGreaterThanOrEqualTo(0.85);
                assertThat(p.occupancy()).isLessThanOrEqualTo(0.85);
                QueuePerformance fewer = ErlangA.evaluate(p.agents() - 1, traffic, 200, patience, 20);
                assertThat(fewer.serviceLevel() < 0.85 || fewer.occupancy() > 0.85).isTrue();
            }
        }
    }

    @Test
    void moreImpatienceMeansLessWaitingAndMoreAbandonment() {
        double previousWait = 1;
        double previousAbandon = 0;
        for (double patience : new double[] {3600, 600, 180, 60, 10}) {
            QueuePerformance p = ErlangA.evaluate(14, 10, 180, patience, 20);
            assertThat(p.probabilityOfWaiting()).isLessThan(previousWait);
            assertThat(p.probabilityOfAbandoning()).isGreaterThan(previousAbandon);
            previousWait = p.probabilityOfWaiting();
            previousAbandon = p.probabilityOfAbandoning();
        }
    }

    @Test
    void understaffedQueueStaysFinite() {
        // Fewer agents than Erlangs: Erlang C diverges, Erlang A does not (callers leave).
        QueuePerformance p = ErlangA.evaluate(8, 10, 180, 120, 20);
        assertThat(p.probabilityOfWaiting()).isBetween(0.5, 1.0);
        assertThat(p.probabilityOfAbandoning()).isBetween(0.1, 0.5);
        assertThat(p.asaSeconds()).isFinite().isPositive();
        assertThat(p.occupancy()).isBetween(0.9, 1.0);
        // Carried load cannot exceed the agents: 10·(1 − P(abandon)) < 8.
        assertThat(10 * (1 - p.probabilityOfAbandoning())).isLessThan(8);
    }

    @Test
    void abandonmentFormulaAgreesWithTheQueueLengthSum() {
        // P(answered | wait) in closed form, (N/A)(1 − 1/S), against Σ_j of the per-position survival odds.
        double nu = 14 * 120 / 180.0;
        double y = 10 * 120 / 180.0;
        double logS = ErlangA.logPhi(nu, y);
        double closedForm = 14 / 10.0 * (1 - Math.exp(-logS));
        double bySum = nu / (nu + 1) * Math.exp(ErlangA.weightedLogPhi(nu + 1, y)[0] - logS);
        assertThat(bySum).isCloseTo(closedForm, within(1e-13));
    }

    @Test
    void agreesWithASimulatedQueue() {
        // M/M/N+M simulation, FCFS; abandonment is applied lazily when a caller reaches the head of the queue.
        double traffic = 10;
        double aht = 180;
        double patience = 120;
        double seconds = 20;
        int agents = 11;
        Simulated sim = simulate(agents, traffic / aht, aht, patience, seconds, 400_000, 7);
        QueuePerformance p = ErlangA.evaluate(agents, traffic, aht, patience, seconds);
        assertThat(p.serviceLevel()).isCloseTo(sim.serviceLevel, within(0.01));
        assertThat(p.probabilityOfWaiting()).isCloseTo(sim.probabilityOfWaiting, within(0.01));
        assertThat(p.probabilityOfAbandoning()).isCloseTo(sim.probabilityOfAbandoning, within(0.005));
        assertThat(p.asaSeconds()).isCloseTo(sim.asaSeconds, withinPercentage(5));
    }

    @Test
    void thousandsOfAgentsStayFinite() {
        QueuePerformance p = assertTimeout(Duration.ofSeconds(5),
                () -> ErlangA.staffFor(5000, 180, 180, 0.9, 30, 1.0));
        // Overloaded and large, the queue behaves like a fluid: ~10% hang up, the rest wait a near-constant
        // ~19 s, which is inside 30 s, so about N/A of the traffic is enough.
        assertThat(p.agents()).isBetween(4400, ErlangC.requiredAgents(5000, 180, 0.9, 30, 1.0));
        assertThat(p.serviceLevel()).isBetween(0.9, 1.0);
        assertThat(p.probabilityOfAbandoning()).isBetween(0.0, 0.1 + 1e-9);
        assertThat(p.asaSeconds()).isFinite().isLessThan(30);
    }

    @Test
    void zeroTrafficAndBadInput() {
        assertThat(ErlangA.staffFor(0, 0, 60, 0.8, 20, 0.85)).isEqualTo(new QueuePerformance(0, 1, 0, 0, 0, 0));
        assertThat(ErlangA.evaluate(0, 3, 180, 60, 20).serviceLevel()).isZero();
        for (double patience : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ErlangA.evaluate(5, 3, 180, patience, 20))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patienceSeconds");
        }
        assertThatThrownBy(() -> ErlangA.requiredAgents(3, 180, 60, 1, 20, 0.85))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serviceLevelTarget");
        assertThatThrownBy(() -> ErlangA.evaluate(1, 500_000, 10, 1e9, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use Erlang C");
    }

    private record Simulated(double serviceLevel, double probabilityOfWaiting, double probabilityOfAbandoning,
            double asaSeconds) {
    }

    private static Simulated simulate(int agents, double arrivalRate, double aht, double patience,
            double seconds, int callers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Double> busyUntil = new PriorityQueue<>();
        ArrayDeque<double[]> queue = new ArrayDeque<>(); // {arrival, hang-up time}
        double now = 0;
        int waited = 0;
        int abandoned = 0;
        int answered = 0;
        int answeredInTime = 0;
        double totalWaitAnswered = 0;
        int warmUp = callers / 20;
        for (int i = 0; i < callers + warmUp; i++) {
            double arrival = now + exponential(random, 1 / arrivalRate);
            // Serve queued callers as agents free up before this arrival.
            while (!busyUntil.isEmpty() && busyUntil.peek() <= arrival) {
                double free = busyUntil.poll();
                double[] next;
                while ((next = queue.pollFirst()) != null && next[1] < free) {
                    if (next[2] > 0) {
                        abandoned++;
                    }
                }
                if (next != null) {
                    double wait = free - next[0];
                    if (next[2] > 0) {
                        answered++;
                        totalWaitAnswered += wait;
                        answeredInTime += wait <= seconds ? 1 : 0;
                    }
                    busyUntil.add(free + exponential(random, aht));
                }
            }
            now = arrival;
            double counted = i >= warmUp ? 1 : 0;
            if (busyUntil.size() < agents) {
                busyUntil.add(now + exponential(random, aht));
                if (counted > 0) {
                    answered++;
                    answeredInTime++;
                }
            } else {
                waited += (int) counted;
                queue.addLast(new double[] {now, now + exponential(random, patience), counted});
            }
        }
        return new Simulated((double) answeredInTime / callers, (double) waited / callers,
                (double) abandoned / callers, totalWaitAnswered / answered);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
