package com.timebank.wfm.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShrinkageTest {

    @Test
    void roundsUpWithoutFloatingPointNoise() {
        assertThat(Math.ceil(21 / (1 - 0.3))).isEqualTo(31); // the trap: 30.000000000000004 in doubles
        assertThat(Shrinkage.scheduledAgents(21, 0.30)).isEqualTo(30);
        assertThat(Shrinkage.scheduledAgents(14, 0.30)).isEqualTo(20);
        assertThat(Shrinkage.scheduledAgents(13, 0.30)).isEqualTo(19);
        assertThat(Shrinkage.scheduledAgents(15, 0.30)).isEqualTo(22);
        assertThat(Shrinkage.scheduledAgents(13, 0.35)).isEqualTo(20);
        assertThat(Shrinkage.scheduledAgents(0, 0.30)).isZero();
        assertThat(Shrinkage.scheduledAgents(17, 0)).isEqualTo(17);
    }

    @Test
    void matchesExactIntegerArithmeticForEveryWholePercent() {
        for (int percent = 0; percent < 100; percent++) {
            Shrinkage shrinkage = new Shrinkage(percent / 100.0);
            for (int agents = 0; agents <= 600; agents++) {
                int exact = (agents * 100 + (100 - percent) - 1) / (100 - percent);
                assertThat(shrinkage.scheduledAgents(agents)).as("%d agents, %d%%", agents, percent)
                        .isEqualTo(exact);
            }
        }
    }

    @Test
    void longDecimalsTakeTheBigDecimalPath() {
        // 1 − 1e-10 = 0.9999999999 has 10 decimals, beyond the long fast path: 9 / 0.9999999999 = 9.0000000009.
        assertThat(Shrinkage.scheduledAgents(9, 1e-10)).isEqualTo(10);
        assertThat(Shrinkage.scheduledAgents(1_000_000_000, 0.3)).isEqualTo(1_428_571_429);
    }

    @Test
    void rejectsShrinkageOutsideZeroToOne() {
        for (double bad : new double[] {-0.01, 1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new Shrinkage(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shrinkage");
        }
        assertThatThrownBy(() -> Shrinkage.scheduledAgents(-1, 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agents");
    }
}
