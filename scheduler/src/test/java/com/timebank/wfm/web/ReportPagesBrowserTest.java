package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;

/**
 * The report pages in chromium: every chart is drawn by Chart.js under the CSP, in English and Chinese; a download
 * button fetches its file in the page's session.
 */
@Import(PageSeed.class)
class ReportPagesBrowserTest extends BrowserTest {

    @Autowired
    Org org;
    @Autowired
    PageSeed seed;

    private void assertChartsDrawn(String... canvasIds) {
        for (String id : canvasIds) {
            wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "var c = document.getElementById(arguments[0]); return !!(c && c.chart);", id)));
        }
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void aPlannerReadsEveryReportWithItsCharts() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        Agent bo = seed.agent(team, "Bo Chen");
        LocalDate day = seed.today(center).minusDays(1);
        seed.settledDay(center, day, Map.of(ana, new long[] {28_800, 600}, bo, new long[] {28_800, 2_000}));
        YearMonth month = YearMonth.from(day);
        signIn(org.plannerUser(center));

        open("/lead/reports/attendance?center=" + center.code() + "&month=" + month);
        assertChartsDrawn("attendance-chart");
        // Bo's aux above target with no balance became overdraft leave, not yet offset: not on the reward list
        assertThat(text("[data-testid=reward-list]")).contains("Ana Ferreira").doesNotContain("Bo Chen");
        assertThat(text("[data-testid=overdraft]")).isNotEqualTo("0:00");
        screenshot("reports-attendance");

        open("/lead/reports/forecast?center=" + center.code());
        assertChartsDrawn("day-chart", "slot-chart");
        screenshot("reports-forecast");

        open("/lead/reports/comparison?center=" + center.code() + "&date=" + day + "&months=1");
        assertChartsDrawn("comparison-chart");
        assertThat(find("[data-figure=auxShare]").getText()).contains("Aux share");
        screenshot("reports-comparison");

        open("/lead/reports/efficiency?center=" + center.code() + "&from=" + day + "&to=" + day);
        assertChartsDrawn("aux-chart");
        clickAndWait(byTestId("agent-link"));
        assertThat(browser.getCurrentUrl()).contains("/agents/").contains("/efficiency");
        assertChartsDrawn("agent-aux-chart");
        screenshot("reports-agent");

        switchLanguage("zh-CN");
        open("/lead/reports/comparison?center=" + center.code() + "&date=" + day + "&months=1");
        assertChartsDrawn("comparison-chart");
        assertThat(text("h1")).isEqualTo("前后对比");
        screenshot("reports-comparison-zh");
        switchLanguage("en");
    }

    @Test
    void aDownloadButtonFetchesTheFileWithoutAPasswordPrompt() throws IOException {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        LocalDate day = seed.today(center).minusDays(1);
        seed.settledDay(center, day, Map.of(ana, new long[] {28_800, 600}));
        YearMonth month = YearMonth.from(day);
        signIn(org.leadUser(team));
        Path downloads = Files.createTempDirectory("wfm-downloads-");
        try {
            browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toAbsolutePath().toString()));
            open("/lead/reports?center=" + center.code() + "&month=" + month);
            byTestId("csv").click();
            // chromium writes a .crdownload and renames it once the whole file has arrived
            Path file = downloads.resolve("balance-sheet-" + center.code() + "-" + month + ".csv");
            wait.until(d -> Files.exists(file));
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("level,key,name,team,")
                    .contains("Ana Ferreira");
            assertThat(shownStatus()).isEqualTo(200);
            assertThat(browser.getCurrentUrl()).contains("/lead/reports?center=" + center.code());
        } finally {
            try (var files = Files.list(downloads)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(downloads);
        }
    }
}
