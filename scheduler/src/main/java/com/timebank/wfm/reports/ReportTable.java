package com.timebank.wfm.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import com.timebank.wfm.api.SpreadsheetText;

/**
 * A report as a table with stable column names (for payroll and spreadsheets): written as CSV or XLSX straight to
 * the response stream, row by row, so a large center's export never builds a file in memory.
 */
public record ReportTable(String name, List<String> columns, List<List<Object>> rows) {

    public void writeCsv(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        csv.printRecord(columns);
        for (List<Object> row : rows) {
            csv.printRecord(row.stream().map(v -> v instanceof String t ? SpreadsheetText.neutralised(t) : v).toList());
        }
        csv.flush();
    }

    public void writeXlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Timebank WFM", "1.0");
        Worksheet ws = wb.newWorksheet(name);
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c));
        }
        ws.style(0, 0).bold().set();
        int r = 1;
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r, c, n instanceof BigDecimal d ? d : n);
                } else if (v != null) {
                    ws.value(r, c, v.toString());
                }
            }
            if (r % 1000 == 0) {
                ws.flush();
            }
            r++;
        }
        wb.finish();
    }
}
