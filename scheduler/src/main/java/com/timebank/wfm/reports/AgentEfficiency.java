package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One agent's own activity figures over a date range (reports.md): aux share and minutes per day against the
 * center's aux target, sign-ins and online utilisation when the import carried them, each day from its imported row.
 * Each day counts against the target in force on it ({@code figures().auxTarget()}); {@code auxTarget} is the one
 * in force on {@code to}, {@code auxTargets} the lowest and highest over the range.
 */
public record AgentEfficiency(String employeeNo, String name, String team, String centerCode, LocalDate from,
        LocalDate to, BigDecimal auxTarget, Targets auxTargets, AuxFigures total, List<Day> days,
        List<String> notAvailable) {

    public record Day(LocalDate date, AuxFigures figures, Integer signIns, Integer handleSeconds) {
    }
}
