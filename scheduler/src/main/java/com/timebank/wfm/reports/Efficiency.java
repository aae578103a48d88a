package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The center's efficiency over a date range (reports.md): aux share and aux minutes per agent-day for the center,
 * each day, team and agent against the aux target, the long tail; online utilisation estimated from the history;
 * predicted service level, occupancy and scheduled vs required agent-hours from the history and published shifts.
 * A figure the data cannot give is listed in {@code notAvailable} by its name, never guessed.
 */
public record Efficiency(String centerCode, LocalDate from, LocalDate to, BigDecimal auxTarget, AuxFigures center,
        List<DayFigures> days, List<GroupFigures> teams, List<GroupFigures> agents, List<GroupFigures> longTail,
        BigDecimal onlineUtilisationEstimated, ServiceFigures service, List<String> notAvailable) {

    public record DayFigures(LocalDate date, AuxFigures aux, BigDecimal onlineUtilisationEstimated,
            ServiceDay service) {
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
     * phone; {@code basis} names how breaks were treated.
     */
    public record ServiceFigures(String basis, BigDecimal serviceLevel, BigDecimal occupancy, long scheduledSeconds,
            long requiredSeconds, int shortIntervals, int overIntervals) {
    }

    public record ServiceDay(BigDecimal serviceLevel, BigDecimal occupancy, long scheduledSeconds, long requiredSeconds,
            int shortIntervals, int overIntervals, List<ServiceInterval> intervals) {
    }

    public record ServiceInterval(java.time.LocalDateTime start, double contacts, double ahtSeconds, int scheduled,
            int onPhone, int required, BigDecimal serviceLevel, BigDecimal occupancy) {
    }
}
