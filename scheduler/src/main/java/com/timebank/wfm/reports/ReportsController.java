package com.timebank.wfm.reports;

import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/centers/{center}/reports")
@Tag(name = "Reports", description = "The time bank's balance sheet and the center's efficiency (reports.md)")
class ReportsController {

    private final BalanceSheetService sheets;
    private final EfficiencyService efficiency;
    private final ComparisonService comparisons;
    private final AttendanceReportService attendance;
    private final ForecastAccuracyService accuracy;

    ReportsController(BalanceSheetService sheets, EfficiencyService efficiency, ComparisonService comparisons,
            AttendanceReportService attendance, ForecastAccuracyService accuracy) {
        this.sheets = sheets;
        this.efficiency = efficiency;
        this.comparisons = comparisons;
        this.attendance = attendance;
        this.accuracy = accuracy;
    }

    @GetMapping("/efficiency.{format:csv|xlsx}")
    @Operation(summary = "The efficiency figures as CSV or Excel: one row for the center, each day, team and agent")
    ResponseEntity<StreamingResponseBody> efficiencyFile(@PathVariable String center, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate to,
            @RequestParam(required = false) String team, CurrentUser user) {
        return ReportFile.efficiency(efficiency.efficiency(center, from, to, team, user))
                .download("xlsx".equals(format));
    }

    @GetMapping("/comparison.{format:csv|xlsx}")
    @Operation(summary = "The before/after comparison as CSV or Excel: one row per figure")
    ResponseEntity<StreamingResponseBody> comparisonFile(@PathVariable String center, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate date,
            @RequestParam(required = false) Integer months, @RequestParam(required = false) String team,
            CurrentUser user) {
        return ReportFile.comparison(comparisons.compare(center, date, months, team, user))
                .download("xlsx".equals(format));
    }

    @GetMapping("/attendance")
    @Operation(summary = "Overdraft leave created and offset, leave left, and full attendance after offsets "
            + "(the monthly reward list) for a month (default: this month)")
    AttendanceReport attendance(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user) {
        return attendance.report(center, month, team, user);
    }

    @GetMapping("/attendance.{format:csv|xlsx}")
    @Operation(summary = "Attendance for payroll as CSV or Excel; rewardOnly=true lists only the reward list")
    ResponseEntity<StreamingResponseBody> attendanceFile(@PathVariable String center, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, @RequestParam(defaultValue = "false") boolean rewardOnly,
            CurrentUser user) {
        return ReportFile.attendance(attendance.report(center, month, team, user), rewardOnly)
                .download("xlsx".equals(format));
    }

    @GetMapping("/forecast-accuracy")
    @Operation(summary = "wMAPE, bias and MASE of the published forecasts against what arrived, per day and "
            + "interval (default: the last 28 days)")
    ForecastAccuracy forecastAccuracy(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate to,
            CurrentUser user) {
        return accuracy.accuracy(center, from, to, user);
    }

    @GetMapping("/efficiency")
    @Operation(summary = "Aux share and minutes per agent-day vs the aux target, long tail, estimated online "
            + "utilisation, predicted service level, occupancy, scheduled vs required (default: this month so far)")
    Efficiency efficiency(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate to,
            @RequestParam(required = false) String team, CurrentUser user) {
        return efficiency.efficiency(center, from, to, team, user);
    }

    @GetMapping("/comparison")
    @Operation(summary = "Each figure over the months before a date and the months from it, side by side")
    Comparison comparison(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate date,
            @RequestParam(required = false) Integer months, @RequestParam(required = false) String team,
            CurrentUser user) {
        return comparisons.compare(center, date, months, team, user);
    }

    @GetMapping("/balance-sheet")
    @Operation(summary = "The month's balance sheet (default: this month): total, teams and agents in seconds")
    BalanceSheet balanceSheet(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user) {
        return sheets.sheet(center, month, team, user);
    }

    @GetMapping("/balance-sheet.csv")
    @Operation(summary = "The balance sheet as CSV: one row per agent, team and the center")
    ResponseEntity<StreamingResponseBody> balanceSheetCsv(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user) {
        return ReportFile.balanceSheet(sheets.sheet(center, month, team, user)).download(false);
    }

    @GetMapping("/balance-sheet.xlsx")
    @Operation(summary = "The balance sheet as an Excel workbook")
    ResponseEntity<StreamingResponseBody> balanceSheetXlsx(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user) {
        return ReportFile.balanceSheet(sheets.sheet(center, month, team, user)).download(true);
    }

    @GetMapping("/outstanding")
    @Operation(summary = "Outstanding balance at the month's end: h:mm and agent-days, reserved, trend, spread, top")
    Outstanding outstanding(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String team, CurrentUser user) {
        BalanceSheet s = sheets.sheet(center, month, team, user);
        return Outstanding.of(s, sheets.trend(sheets.scope(center, team, user), s.month(), 6));
    }
}
