package com.timebank.wfm.staffing;

/**
 * Staffing needed for one interval, with the performance it achieves.
 *
 * @param trafficErlangs          offered traffic {@code contacts × AHT / intervalSeconds}
 * @param agents                  agents required on the phones
 * @param scheduledAgents         agents to schedule on the phones (net of their planned breaks),
 *                                {@code ceil(agents / (1 − shrinkage))} with the unplanned shrinkage
 * @param serviceLevel            share answered within the service-level time, with {@code agents}
 * @param probabilityOfWaiting    share of contacts that wait at all
 * @param asaSeconds              average speed of answer, seconds
 * @param occupancy               share of on-phone time spent handling contacts
 * @param probabilityOfAbandoning share of contacts that hang up (0 unless the policy models patience)
 */
public record StaffingRequirement(
        double trafficErlangs,
        int agents,
        int scheduledAgents,
        double serviceLevel,
        double probabilityOfWaiting,
        double asaSeconds,
        double occupancy,
        double probabilityOfAbandoning) {

    static StaffingRequirement of(double trafficErlangs, QueuePerformance performance, int scheduledAgents) {
        return new StaffingRequirement(trafficErlangs, performance.agents(), scheduledAgents,
                performance.serviceLevel(), performance.probabilityOfWaiting(), performance.asaSeconds(),
                performance.occupancy(), performance.probabilityOfAbandoning());
    }
}
