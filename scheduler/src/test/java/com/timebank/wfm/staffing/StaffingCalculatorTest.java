package com.timebank.wfm.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StaffingCalculatorTest {

    private final StaffingCalculator reference =
            new StaffingCalculator(StaffingPolicy.erlangC(0.80, 20, 1.0, 0.30));

    @Test
    void referenceIntervalFromTheDesign() {
        StaffingRequirement r = reference.requirement(100, 180, 1800);
        assertThat(r.trafficErlangs()).isEqualTo(10.0);
        assertThat(r.agents()).isEqualTo(14);
        assertThat(r.scheduledAgents()).isEqualTo(20);
        assertThat(r.serviceLevel()).isCloseTo(0.8884, within(0.00005));
        assertThat(r.probabilityOfWaiting()).isCloseTo(0.1741, within(0.00005));
        assertThat(r.asaSeconds()).isCloseTo(7.836, within(0.001));
        assertThat(r.occupancy()).isCloseTo(10.0 / 14, within(1e-12));
        assertThat(r.probabilityOfAbandoning()).isZero();
    }

    @Test
    void defaultsAreTheSeedCenters() {
        assertThat(StaffingPolicy.DEFAULT).isEqualTo(new StaffingPolicy(0.90, 30, 0.85, 0.30, OptionalDouble.empty()));
        StaffingRequirement r = new StaffingCalculator(StaffingPolicy.DEFAULT).requirement(100, 180, 1800);
        // 14 agents: SL(30 s) = 1 − 0.1741·e^{−4·30/180} = 91.06%, occupancy 71%; 13 give 82.7% only.
        assertThat(r.agents()).isEqualTo(14);
        assertThat(r.serviceLevel()).isCloseTo(0.9106, within(0.0001));
        assertThat(r.scheduledAgents()).isEqualTo(20);
        // 1,000 contacts: the 85% occupancy cap, not the service level, decides.
        assertThat(new StaffingCalculator(StaffingPolicy.DEFAULT).requirement(1000, 180, 1800).agents())
                .isEqualTo(118);
    }

    @Test
    void zeroContactsNeedNobody() {
        StaffingRequirement r = reference.requirement(0, 0, 1800);
        assertThat(r).isEqualTo(new StaffingRequirement(0, 0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void seriesIsIndexAlignedWithTheIntervals() {
        List<IntervalDemand> day = List.of(new IntervalDemand(0, 0), new IntervalDemand(100, 180),
                new IntervalDemand(1000, 180), new IntervalDemand(12.5, 240));
        List<StaffingRequirement> series = reference.series(day, 1800);
        assertThat(series).hasSize(4);
        assertThat(series.get(0).agents()).isZero();
        assertThat(series.get(1).agents()).isEqualTo(14);
        assertThat(series.get(2)).isEqualTo(reference.requirement(1000, 180, 1800));
        assertThat(series.get(3).trafficErlangs()).isCloseTo(12.5 * 240 / 1800, within(1e-15));
        assertThat(series).isUnmodifiable();
    }

    @Test
    void patienceSwitchesToErlangA() {
        StaffingPolicy withPatience = StaffingPolicy.DEFAULT.withPatience(120);
        assertThat(withPatience.modelsAbandonment()).isTrue();
        StaffingRequirement a = new StaffingCalculator(withPatience).requirement(1000, 180, 1800);
        StaffingRequirement c = new StaffingCalculator(StaffingPolicy.DEFAULT).requirement(1000, 180, 1800);
        assertThat(a.agents()).isLessThanOrEqualTo(c.agents());
        assertThat(a.probabilityOfAbandoning()).isPositive();
        assertThat(a.serviceLevel()).isGreaterThanOrEqualTo(0.90);
        assertThat(a.scheduledAgents()).isEqualTo(Shrinkage.scheduledAgents(a.agents(), 0.30));
    }

    @Test
    void rejectsBadPoliciesAndIntervals() {
        assertThatThrownBy(() -> StaffingPolicy.erlangC(0.9, 30, 0.85, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shrinkage");
        assertThatThrownBy(() -> StaffingPolicy.erlangC(1.0, 30, 0.85, 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serviceLevelTarget");
        assertThatThrownBy(() -> StaffingPolicy.DEFAULT.withPatience(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patienceSeconds");
        assertThatThrownBy(() -> new StaffingPolicy(0.9, 30, 0.85, 0.3, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> reference.requirement(100, 180, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intervalSeconds");
        assertThatThrownBy(() -> reference.requirement(-3, 180, 1800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contacts");
        assertThatThrownBy(() -> new IntervalDemand(10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ahtSeconds");
        assertThatThrownBy(() -> reference.series(List.of(new IntervalDemand(1, 60)), -1800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intervalSeconds");
    }
}
