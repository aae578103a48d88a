package com.timebank.wfm.staffing;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A center's staffing settings.
 *
 * @param serviceLevelTarget  share of contacts to answer within {@code serviceLevelSeconds}, in (0, 1)
 * @param serviceLevelSeconds the service-level time T, seconds
 * @param maxOccupancy        cap on the share of time agents spend on contacts, in (0, 1]
 * @param shrinkage           unplanned shrinkage: share of scheduled time off the phones outside the roster's
 *                            planned breaks (absence, sickness, unplanned aux), in [0, 1)
 * @param patienceSeconds     average caller patience; present = Erlang A (callers hang up), empty = Erlang C
 */
public record StaffingPolicy(
        double serviceLevelTarget,
        double serviceLevelSeconds,
        double maxOccupancy,
        double shrinkage,
        OptionalDouble patienceSeconds) {

    /** Seed center defaults: 90% answered within 30 s, occupancy at most 85%, 30% shrinkage, Erlang C. */
    public static final StaffingPolicy DEFAULT = erlangC(0.90, 30, 0.85, 0.30);

    public StaffingPolicy {
        Require.openFraction("serviceLevelTarget", serviceLevelTarget);
        Require.nonNegative("serviceLevelSeconds", serviceLevelSeconds);
        Require.fractionUpToOne("maxOccupancy", maxOccupancy);
        Require.fractionBelowOne("shrinkage", shrinkage);
        Objects.requireNonNull(patienceSeconds, "patienceSeconds (use OptionalDouble.empty() for Erlang C)");
        patienceSeconds.ifPresent(p -> Require.positive("patienceSeconds", p));
    }

    public static StaffingPolicy erlangC(double serviceLevelTarget, double serviceLevelSeconds,
            double maxOccupancy, double shrinkage) {
        return new StaffingPolicy(serviceLevelTarget, serviceLevelSeconds, maxOccupancy, shrinkage,
                OptionalDouble.empty());
    }

    /** The same policy with abandonment modelled (Erlang A). */
    public StaffingPolicy withPatience(double averagePatienceSeconds) {
        return new StaffingPolicy(serviceLevelTarget, serviceLevelSeconds, maxOccupancy, shrinkage,
                OptionalDouble.of(averagePatienceSeconds));
    }

    public boolean modelsAbandonment() {
        return patienceSeconds.isPresent();
    }
}
