package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The center's efficiency over a date range (reports.md): aux share and aux minutes per agent-day for the center,
 * each day, team and agent against the aux target, the long tail; online utilisation estimated from the history;
 * predicted service level, occupancy and scheduled vs required agent-hours from the history and published shifts.
 * A figure the data cannot give is listed in {@code notAvailable} by its name, never guessed. Each day counts
 * against its own aux target: {@code auxTarget} is the one in force on {@code to}, {@code auxTargets} the lowest and
 * highest over the range.
 */
public record Efficiency(String centerCode, LocalDate from, LocalDate to, BigDecimal auxTarget, Targets auxTargets,
        AuxFigures center,
        List<DayFigures> days, List<GroupFigures> teams, List<GroupFigures> agents, List<GroupFigures> longTail,
        BigDecimal onlineUtilisationEstimated, ServiceFigures service, List<String> notAvailable) {

    /** Required agents of a day: the published forecast's requirement, or (no published roster) the arrived workload's. */
    public static final String REQUIRED_FROM_FORECAST = "published-forecast";
    public static final String REQUIRED_FROM_ARRIVED = "arrived-workload";

    /** A day's figures; {@code auxTarget} is the one in force on the day. */
    public record DayFigures(LocalDate date, AuxFigures aux, BigDecimal auxTarget,
            BigDecimal onlineUtilisationEstimated, ServiceDay service) {
    }

    /** An agent's or a team's figures; {@code daysAboveTarget} counts agent-days over the aux target. */
    public record GroupFigures(String key, String name, String team, AuxFigures aux, int daysAboveTarget) {

        /** The long tail: above target on more than half of the days with activity. */
        public boolean longTail() {
            return aux.agentDays() > 0 && daysAboveTarget * 2 > aux.agentDays();
        }
    }

    /**
     * Predicted by Erlang C from the contacts and AHT that arrived and the agents of the published shifts on the
     * phone; {@code basis} names how breaks were treated. Scheduled seconds are agent-seconds net of breaks.
     */
    public record ServiceFigures(String basis, BigDecimal serviceLevel, BigDecimal occupancy, long scheduledSeconds,
            long requiredSeconds, int shortIntervals, int overIntervals) {
    }

    /**
     * A day's service from what arrived: {@code rosterId} and {@code forecastId} name the published roster and its
     * forecast (null without one, when the shifts in force count and {@code requiredFrom} is the arrived workload).
     */
    public record ServiceDay(LocalDate date, Long rosterId, Long forecastId, String requiredFrom,
            BigDecimal serviceLevel, BigDecimal occupancy, long scheduledSeconds, long requiredSeconds,
            int shortIntervals, int overIntervals, List<ServiceInterval> intervals) {
    }

    /**
     * {@code contacts} and {@code ahtSeconds} arrived; {@code forecastContacts} of the published forecast.
     * {@code scheduled}: agents whose shift spans the interval; {@code netOfBreaks}: those on the phone less their
     * breaks (fractions where a break takes part of the interval), what {@code required} counts;
     * {@code onPhone}: after the unplanned shrinkage, what Erlang C and the occupancy use.
     */
    public record ServiceInterval(java.time.LocalDateTime start, double contacts, double ahtSeconds,
            Double forecastContacts, int scheduled, double netOfBreaks,
            int onPhone, int required, BigDecimal serviceLevel, BigDecimal occupancy) {
    }
}
