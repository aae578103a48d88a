package com.timebank.wfm.timebank;

import java.time.LocalDate;

/** One agent-day from the phone system: seconds signed in and seconds not ready (aux), scheduled breaks excluded. */
public record ActivityRow(int line, String employeeNo, LocalDate date, int loggedSeconds, int auxSeconds) {
}
