package com.timebank.wfm.staffing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Applies a {@link StaffingPolicy} to interval workloads. Immutable and thread-safe. */
public final class StaffingCalculator {

    private final StaffingPolicy policy;
    private final Shrinkage shrinkage;

    public StaffingCalculator(StaffingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.shrinkage = new Shrinkage(policy.shrinkage());
    }

    public StaffingPolicy policy() {
        return policy;
    }

    /** Requirement for one interval of {@code intervalSeconds} with the given contacts and AHT. */
    public StaffingRequirement requirement(double contacts, double ahtSeconds, double intervalSeconds) {
        double traffic = ErlangC.trafficErlangs(contacts, ahtSeconds, intervalSeconds);
        QueuePerformance performance = policy.patienceSeconds().isPresent()
                ? ErlangA.staffFor(traffic, ahtSeconds, policy.patienceSeconds().getAsDouble(),
                        policy.serviceLevelTarget(), policy.serviceLevelSeconds(), policy.maxOccupancy())
                : ErlangC.staffFor(traffic, ahtSeconds,
                        policy.serviceLevelTarget(), policy.serviceLevelSeconds(), policy.maxOccupancy());
        return StaffingRequirement.of(traffic, performance, shrinkage.scheduledAgents(performance.agents()));
    }

    public StaffingRequirement requirement(IntervalDemand demand, double intervalSeconds) {
        return requirement(demand.contacts(), demand.ahtSeconds(), intervalSeconds);
    }

    /** Requirements for consecutive intervals of equal length; the result is index-aligned with the input. */
    public List<StaffingRequirement> series(List<IntervalDemand> intervals, double intervalSeconds) {
        Require.positive("intervalSeconds", intervalSeconds);
        List<StaffingRequirement> result = new ArrayList<>(intervals.size());
        for (IntervalDemand demand : intervals) {
            result.add(requirement(Objects.requireNonNull(demand, "interval demand"), intervalSeconds));
        }
        return List.copyOf(result);
    }
}
