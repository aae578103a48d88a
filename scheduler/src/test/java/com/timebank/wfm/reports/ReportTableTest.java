package com.timebank.wfm.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTableTest {

    /** A name typed as a formula is written as text a spreadsheet shows, not runs; numbers keep their sign. */
    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        ReportTable table = new ReportTable("attendance", List.of("name", "team", "seconds", "share"), List.of(
                List.of("=HYPERLINK(\"http://x\",\"pay\")", "@SUM(A1)", -3_600L, new BigDecimal("-0.25")),
                List.of("+1", "-T1", 0L, BigDecimal.ONE),
                List.of("Li Na", "T-1", 60L, BigDecimal.ZERO)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeCsv(out);
        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
                "name,team,seconds,share",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"pay\"\")\",'@SUM(A1),-3600,-0.25",
                "'+1,'-T1,0,1",
                "Li Na,T-1,60,0");
    }
}
