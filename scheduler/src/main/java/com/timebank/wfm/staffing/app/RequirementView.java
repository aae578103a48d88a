package com.timebank.wfm.staffing.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.timebank.wfm.staffing.StaffingRequirement;

/**
 * A staffing requirement as the API shows it. Computed measures are numbers (shares in [0, 1], rounded to 6
 * places; traffic to 4); the ASA is in whole seconds, null when the queue would never be answered.
 * {@code probabilityOfAbandoning} appears only with Erlang A.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequirementView(String model, double trafficErlangs, int agents, int scheduledAgents, double serviceLevel,
        double probabilityOfWaiting, Long asaSeconds, double occupancy, Double probabilityOfAbandoning) {

    public static RequirementView of(StaffingRequirement r, boolean erlangA) {
        return new RequirementView(erlangA ? "ERLANG_A" : "ERLANG_C", round(r.trafficErlangs(), 4), r.agents(),
                r.scheduledAgents(), round(r.serviceLevel(), 6), round(r.probabilityOfWaiting(), 6),
                asa(r.asaSeconds()), round(r.occupancy(), 6), erlangA ? round(r.probabilityOfAbandoning(), 6) : null);
    }

    static Long asa(double seconds) {
        return Double.isFinite(seconds) ? Math.round(seconds) : null;
    }

    public static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
