package com.timebank.wfm.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.leave.MonthAttendanceService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.security.CurrentUser;

/** Builds the month's overdraft leave and attendance report within the user's reporting scope. */
@Service
public class AttendanceReportService {

    private final BalanceSheetService sheets;
    private final MonthAttendanceService attendance;

    AttendanceReportService(BalanceSheetService sheets, MonthAttendanceService attendance) {
        this.sheets = sheets;
        this.attendance = attendance;
    }

    @Transactional(readOnly = true)
    public AttendanceReport report(String centerCode, YearMonth month, String teamCode, CurrentUser user) {
        BalanceSheetService.Scope scope = sheets.scope(centerCode, teamCode, user);
        YearMonth m = sheets.month(scope.center(), month);
        MonthAttendanceService.CenterMonth cm = attendance.month(scope.center().id(), m,
                scope.agents().stream().map(Agent::id).toList());
        List<AttendanceReport.Line> lines = new ArrayList<>(scope.agents().size());
        long leave = 0;
        long overdraft = 0;
        int overdraftAgents = 0;
        long overdraftOffset = 0;
        long offset = 0;
        long left = 0;
        int full = 0;
        for (Agent a : scope.agents()) {
            MonthAttendanceService.AgentMonth am = cm.agents().get(a.id());
            lines.add(new AttendanceReport.Line(a.employeeNo(), a.name(), a.teamCode(), am.leaveItems(),
                    am.leaveSeconds(), am.overdraftSeconds(), am.overdraftOffsetSeconds(), am.chosenSeconds(),
                    am.offsetSeconds(), am.leftSeconds(), am.fullAttendance(), am.provisional()));
            leave += am.leaveSeconds();
            overdraft += am.overdraftSeconds();
            overdraftAgents += am.overdraftItems() > 0 ? 1 : 0;
            overdraftOffset += am.overdraftOffsetSeconds();
            offset += am.offsetSeconds();
            left += am.leftSeconds();
            full += Boolean.TRUE.equals(am.fullAttendance()) ? 1 : 0;
        }
        lines.sort(Comparator.comparing(AttendanceReport.Line::team).thenComparing(AttendanceReport.Line::employeeNo));
        return new AttendanceReport(scope.center().code(), m, cm.closed(),
                new AttendanceReport.Totals(lines.size(), leave, overdraft, overdraftAgents, overdraftOffset, offset,
                        left, full),
                lines, lines.stream().filter(AttendanceReport.Line::rewarded).toList());
    }

    /**
     * The report as a table for payroll: every agent, or only the reward list. {@code full_attendance} is empty while
     * the month is open, and {@code reward} then provisional.
     */
    static ReportTable table(AttendanceReport r, boolean rewardOnly) {
        List<String> columns = List.of("month", "employee_no", "name", "team", "leave_items", "leave_seconds",
                "overdraft_leave_seconds", "overdraft_offset_seconds", "chosen_offset_seconds", "offset_seconds",
                "left_seconds", "full_attendance", "reward", "month_closed");
        List<List<Object>> rows = new ArrayList<>();
        for (AttendanceReport.Line l : rewardOnly ? r.rewardList() : r.agents()) {
            rows.add(java.util.Arrays.asList(r.month().toString(), l.employeeNo(), l.name(), l.team(), l.leaveItems(),
                    l.leaveSeconds(), l.overdraftSeconds(), l.overdraftOffsetSeconds(), l.chosenSeconds(),
                    l.offsetSeconds(), l.leftSeconds(),
                    l.fullAttendance() == null ? "" : l.fullAttendance().toString(), Boolean.toString(l.rewarded()),
                    Boolean.toString(r.closed())));
        }
        return new ReportTable(rewardOnly ? "reward-list" : "attendance", columns, rows);
    }
}
