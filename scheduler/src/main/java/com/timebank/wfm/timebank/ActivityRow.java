package com.timebank.wfm.timebank;

import java.time.LocalDate;

/**
 * One agent-day from the phone system: seconds signed in and seconds not ready (aux), scheduled breaks excluded;
 * optionally the sign-ins of the day and the handled (talk and wrap-up) seconds, null when the system did not send
 * them.
 */
public record ActivityRow(int line, String employeeNo, LocalDate date, int loggedSeconds, int auxSeconds,
        Integer signIns, Integer handleSeconds) {

    public ActivityRow(int line, String employeeNo, LocalDate date, int loggedSeconds, int auxSeconds) {
        this(line, employeeNo, date, loggedSeconds, auxSeconds, null, null);
    }
}
