package com.timebank.wfm.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErlangCTest {

    // Reference case of workforce.md §2: 100 contacts, AHT 180 s, 30-minute interval, 80% within 20 s.
    private static final double A = ErlangC.trafficErlangs(100, 180, 1800);

    @Test
    void referenceCaseFromTheDesign() {
        assertThat(A).isEqualTo(10.0);
        assertThat(ErlangC.serviceLevel(13, A, 180, 20)).isCloseTo(0.7956, within(0.00005));
        assertThat(ErlangC.serviceLevel(14, A, 180, 20)).isCloseTo(0.8884, within(0.00005));
        assertThat(ErlangC.probabilityOfWaiting(14, A)).isCloseTo(0.1741, within(0.00005));
        assertThat(ErlangC.requiredAgents(A, 180, 0.80, 20, 1.0)).isEqualTo(14);
    }

    @Test
    void asaAndOccupancyAtTheReferenceStaffing() {
        QueuePerformance p = ErlangC.staffFor(A, 180, 0.80, 20, 1.0);
        assertThat(p.asaSeconds()).isCloseTo(0.1741319 * 180 / 4, within(1e-4));
        assertThat(p.occupancy()).isCloseTo(10.0 / 14, within(1e-15));
        assertThat(p.probabilityOfAbandoning()).isZero();
        assertThat(p).isEqualTo(ErlangC.evaluate(14, A, 180, 20));
    }

    @Test
    void erlangBMatchesTheTextbookFormulaForSmallTeams() {
        double a = 7.3;
        double sum = 0;
        double term = 1; // A^k / k!
        for (int n = 0; n <= 25; n++) {
            if (n > 0) {
                term *= a / n;
            }
            sum += term;
            assertThat(ErlangC.erlangB(n, a)).isCloseTo(term / sum, within(1e-14));
        }
        assertThat(ErlangC.erlangB(2, 1)).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void singleAgentWaitsWithProbabilityOfTheLoad() {
        // M/M/1: P(wait) = ρ.
        assertThat(ErlangC.probabilityOfWaiting(1, 0.3)).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void requiredAgentsIsTheSmallestAcceptableTeamOverAGrid() {
        for (double a : new double[] {0.01, 0.4, 1, 3.7, 10, 42.5, 180, 666}) {
            for (double target : new double[] {0.5, 0.8, 0.9, 0.99}) {
                for (double seconds : new double[] {0, 20, 30, 120}) {
                    for (double maxOccupancy : new double[] {0.85, 1.0}) {
                        QueuePerformance p = ErlangC.staffFor(a, 240, target, seconds, maxOccupancy);
                        int n = p.agents();
                        assertThat((double) n).isGreaterThan(a);
                        assertThat(p.serviceLevel()).isGreaterThanOrEqualTo(target);
                        assertThat(p.occupancy()).isLessThanOrEqualTo(maxOccupancy);
                        QueuePerformance fewer = ErlangC.evaluate(n - 1, a, 240, seconds);
                        boolean fewerFails = n - 1 <= a || fewer.serviceLevel() < target
                                || fewer.occupancy() > maxOccupancy;
                        assertThat(fewerFails).as("A=%s target=%s T=%s occ=%s N=%d", a, target, seconds,
                                maxOccupancy, n).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void occupancyCapCanBindBeforeTheServiceLevel() {
        double a = ErlangC.trafficErlangs(1000, 180, 1800); // 100 Erlangs
        int bySla = ErlangC.requiredAgents(a, 180, 0.80, 20, 1.0);
        int capped = ErlangC.requiredAgents(a, 180, 0.80, 20, 0.85);
        assertThat(bySla).isLessThan(118);
        assertThat(capped).isEqualTo(118); // ⌈100 / 0.85⌉
        assertThat(a / 117).isGreaterThan(0.85);
        // Exactly on the cap is allowed, floating-point noise in A / maxOccupancy notwithstanding.
        double onCap = ErlangC.trafficErlangs(85, 180, 1800); // 8.5 Erlangs, 8.5 / 0.85 = 10
        assertThat(ErlangC.requiredAgents(onCap, 180, 0.05, 0, 0.85)).isEqualTo(10);
        assertThat(ErlangC.requiredAgents(1.7, 180, 0.05, 0, 0.85)).isEqualTo(2);
    }

    @Test
    void thousandsOfAgentsAreFiniteSensibleAndFast() {
        QueuePerformance p = assertTimeout(Duration.ofSeconds(2),
                () -> ErlangC.staffFor(5000, 180, 0.90, 30, 1.0));
        assertThat(p.agents()).isBetween(5001, 5200);
        assertThat(p.serviceLevel()).isBetween(0.90, 1.0);
        assertThat(p.probabilityOfWaiting()).isBetween(0.0, 1.0);
        assertThat(p.asaSeconds()).isFinite().isPositive();
        assertThat(ErlangC.serviceLevel(p.agents() - 1, 5000, 180, 30)).isLessThan(0.90);
        // Far more agents than traffic: B underflows gracefully instead of turning into NaN.
        assertThat(ErlangC.erlangB(100_000, 5)).isZero();
        assertThat(ErlangC.probabilityOfWaiting(100_000, 5)).isZero();
        assertThat(ErlangC.serviceLevel(100_000, 5, 180, 20)).isEqualTo(1.0);
    }

    @Test
    void zeroAndTinyTraffic() {
        assertThat(ErlangC.trafficErlangs(0, 0, 1800)).isZero();
        QueuePerformance none = ErlangC.staffFor(0, 0, 0.9, 30, 0.85);
        assertThat(none).isEqualTo(new QueuePerformance(0, 1, 0, 0, 0, 0));

        QueuePerformance tiny = ErlangC.staffFor(1e-6, 180, 0.9, 30, 0.85);
        assertThat(tiny.agents()).isEqualTo(1);
        assertThat(tiny.serviceLevel()).isGreaterThan(0.999_99);
        assertThat(tiny.probabilityOfWaiting()).isCloseTo(1e-6, within(1e-12));
    }

    @Test
    void tooFewAgentsMeansAnUnstableQueue() {
        QueuePerformance p = ErlangC.evaluate(10, 10, 180, 20);
        assertThat(p.serviceLevel()).isZero();
        assertThat(p.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(p.asaSeconds()).isInfinite();
        assertThat(p.occupancy()).isEqualTo(1.0);
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        assertThatThrownBy(() -> ErlangC.trafficErlangs(-1, 180, 1800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contacts");
        assertThatThrownBy(() -> ErlangC.trafficErlangs(Double.NaN, 180, 1800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contacts");
        assertThatThrownBy(() -> ErlangC.trafficErlangs(100, 180, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intervalSeconds");
        assertThatThrownBy(() -> ErlangC.trafficErlangs(100, -5, 1800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ahtSeconds");
        assertThatThrownBy(() -> ErlangC.trafficErlangs(100, 0, 1800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ahtSeconds");
        for (double target : new double[] {0, 1, -0.2, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> ErlangC.requiredAgents(10, 180, target, 20, 0.85))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("serviceLevelTarget must be strictly between 0 and 1");
        }
        assertThatThrownBy(() -> ErlangC.requiredAgents(10, 180, 0.8, -1, 0.85))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serviceLevelSeconds");
        assertThatThrownBy(() -> ErlangC.requiredAgents(10, 180, 0.8, 20, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOccupancy");
        assertThatThrownBy(() -> ErlangC.requiredAgents(10, 180, 0.8, 20, 1.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOccupancy");
        assertThatThrownBy(() -> ErlangC.evaluate(-1, 10, 180, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agents");
        assertThatThrownBy(() -> ErlangC.erlangB(5, 2e6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trafficErlangs");
        assertThatThrownBy(() -> ErlangC.requiredAgents(1000, 180, 0.8, 20, 1e-6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOccupancy");
    }
}
