package com.timebank.wfm.reports;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.timebank.wfm.ledger.EntryKind;

/**
 * A report as a file to download, CSV or Excel. The reports API (HTTP Basic) and the report pages (the signed-in
 * session) both answer with this, so a button on a page sends the same file name, type and content as the API.
 */
public record ReportFile(String baseName, ReportTable table) {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    public static ReportFile balanceSheet(BalanceSheet s) {
        return new ReportFile("balance-sheet-" + s.centerCode() + "-" + s.month(), balanceTable(s));
    }

    public static ReportFile efficiency(Efficiency e) {
        return new ReportFile("efficiency-" + e.centerCode() + "-" + e.from() + "-" + e.to(),
                EfficiencyTables.efficiency(e));
    }

    public static ReportFile comparison(Comparison c) {
        return new ReportFile("comparison-" + c.centerCode() + "-" + c.date(), EfficiencyTables.comparison(c));
    }

    /** Every agent's attendance, or only the month's reward list. */
    public static ReportFile attendance(AttendanceReport r, boolean rewardOnly) {
        return new ReportFile((rewardOnly ? "reward-list-" : "attendance-") + r.centerCode() + "-" + r.month(),
                AttendanceReportService.table(r, rewardOnly));
    }

    /** The file as an attachment, written row by row to the response. */
    public ResponseEntity<StreamingResponseBody> download(boolean xlsx) {
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(baseName + (xlsx ? ".xlsx" : ".csv")).build().toString())
                .body(xlsx ? table::writeXlsx : table::writeCsv);
    }

    static ReportTable balanceTable(BalanceSheet s) {
        List<String> columns = new ArrayList<>(List.of("level", "key", "name", "team", "agents", "opening_seconds"));
        BalanceLine.FLOWS.forEach(k -> columns.add(k.name().toLowerCase() + "_seconds"));
        BalanceLine.FLOWS.forEach(k -> columns.add(k.name().toLowerCase() + "_reversed_seconds"));
        columns.addAll(List.of("emergency_worked_seconds", "emergency_interest_seconds", "closing_seconds",
                "reserved_seconds", "available_seconds"));
        List<List<Object>> rows = new ArrayList<>(s.agents().size() + s.teams().size() + 1);
        s.agents().forEach(l -> rows.add(row("agent", l)));
        s.teams().forEach(l -> rows.add(row("team", l)));
        rows.add(row("center", s.total()));
        return new ReportTable("balance-sheet", columns, rows);
    }

    private static List<Object> row(String level, BalanceLine l) {
        List<Object> row = new ArrayList<>(List.of(level, l.key(), l.name(), l.team() == null ? "" : l.team(),
                l.agents(), l.opening()));
        for (EntryKind k : BalanceLine.FLOWS) {
            row.add(l.flow(k));
        }
        for (EntryKind k : BalanceLine.FLOWS) {
            row.add(l.reversal(k));
        }
        row.addAll(List.of(l.emergencyWorked(), l.emergencyInterest(), l.closing(), l.reserved(), l.available()));
        return row;
    }
}
