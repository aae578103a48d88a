package com.timebank.wfm.reports;

import java.time.YearMonth;
import java.util.List;

/**
 * Overdraft leave and attendance of a month (reports.md): overdraft leave created in the month (seconds, agents),
 * offset at month close, left as personal leave; and the agents with full attendance after offsets — the monthly
 * reward list HR pays. While the month is open ({@code closed} false) {@code rewardList} is provisional: the agents
 * whose chosen offsets would cover all their leave.
 */
public record AttendanceReport(String centerCode, YearMonth month, boolean closed, Totals totals, List<Line> agents,
        List<Line> rewardList) {

    public record Totals(int agents, long leaveSeconds, long overdraftSeconds, int overdraftAgents,
            long overdraftOffsetSeconds, long offsetSeconds, long leftSeconds, int fullAttendanceAgents) {
    }

    /** An agent's month in seconds; {@code fullAttendance} null while the month is open. */
    public record Line(String employeeNo, String name, String team, int leaveItems, long leaveSeconds,
            long overdraftSeconds, long overdraftOffsetSeconds, long chosenSeconds, long offsetSeconds,
            long leftSeconds, Boolean fullAttendance, boolean rewarded) {
    }
}
