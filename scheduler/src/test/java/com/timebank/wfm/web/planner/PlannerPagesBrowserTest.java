package com.timebank.wfm.web.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.LedgerService;

/** The planner's pages in chromium: upload, forecast, chart and backtest; emergency overtime; calendar; jobs. */
class PlannerPagesBrowserTest extends BrowserTest {

    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;
    @Autowired
    ForecastService forecasts;
    @Autowired
    LedgerService ledger;
    @Autowired
    Clock clock;

    @Test
    void aPlannerUploadsABadFileSeesTheErrorsThenAGoodOneAndForecasts() throws IOException {
        Center center = org.center();
        String planner = org.plannerUser(center);
        LocalDate yesterday = center.today(clock).minusDays(1);
        Path bad = file("bad.csv", HistoryCsv.HEADER + yesterday + "T09:00,12,180\n" + yesterday + "T09:30,twelve,180\n"
                + yesterday + "T10:00,8,0\n" + yesterday + "T10:30,9,175\n");
        Path good = file("good.csv", HistoryCsv.days(yesterday, 56));

        signIn(planner);
        clickAndWait(browser.findElement(By.linkText("History upload")));
        assertThat(byTestId("empty-state").getText()).contains("No history stored for this center yet.");
        screenshot("planner-history-empty");

        find("#file").sendKeys(bad.toAbsolutePath().toString());
        submitAndWait("upload");
        WebElement refused = byTestId("upload-refused");
        assertThat(refused.getText()).contains("The file bad.csv was refused; nothing was stored.");
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=upload-errors] tbody tr"));
        assertThat(rows).extracting(WebElement::getText).containsExactly(
                "3 contacts 'twelve' is not a whole number",
                "4 aht_seconds aht_seconds must be above 0 when there are contacts");
        assertThat(text("[data-testid=stored-intervals] .value")).isEqualTo("0");
        assertThat(history.count(center.id())).isZero();
        assertThat(cspViolations()).isEmpty();
        screenshot("planner-history-refused");
        asPhone();
        screenshot("planner-history-refused-phone");
        asDesktop();

        find("#file").sendKeys(good.toAbsolutePath().toString());
        submitAndWait("upload");
        assertThat(text("[data-testid=flash]")).isEqualTo("Imported good.csv: 1,152 rows into 1,152 intervals (0 replaced).");
        assertThat(text("[data-testid=stored-intervals] .value")).isEqualTo("1,152");
        assertThat(browser.findElements(By.cssSelector("[data-testid=upload-refused]"))).isEmpty();
        screenshot("planner-history");

        clickAndWait(browser.findElement(By.linkText("Make a forecast")));
        assertThat(byTestId("empty-state").getText()).contains("No forecasts for this center yet.");
        assertThat(new Select(find("#method")).getFirstSelectedOption().getText()).isEqualTo("Automatic: the best in a backtest");
        screenshot("planner-forecasts-empty");
        byTestId("create-forecast").click();
        wait.until(ExpectedConditions.urlMatches("/planner/forecasts/\\d+$"));
        waitForPage();
        waitForChart("forecast-chart");
        // the history of the 14 days before the forecast (up to yesterday) and 14 days forecast, without Sundays
        LocalDate from = yesterday.plusDays(2);
        long openDays = from.minusDays(14).datesUntil(from.plusDays(14))
                .filter(d -> d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY && !d.equals(yesterday.plusDays(1))).count();
        assertThat(byTestId("forecast-chart").getAttribute("data-points")).isEqualTo(String.valueOf(openDays * 24));
        assertThat(text("[data-testid=method] small")).isEqualTo("chosen by backtest");
        // the method by its name; its id (what the backtest table's rows carry) in the title
        WebElement shown = find("[data-testid=method] .value");
        String method = shown.getAttribute("title");
        assertThat(shown.getText()).isNotBlank().isNotEqualTo(method);
        assertThat(text("[data-testid=why]")).startsWith("Why this method:");
        List<WebElement> methods = browser.findElements(By.cssSelector("[data-testid=backtest-table] tbody tr"));
        assertThat(methods).hasSizeGreaterThanOrEqualTo(2);
        assertThat(methods).extracting(r -> r.getAttribute("data-method")).contains(method, "seasonal-naive");
        WebElement chosen = find("[data-testid=backtest-table] tr.chosen");
        assertThat(chosen.getAttribute("data-method")).isEqualTo(method);
        assertThat(chosen.getText()).contains("chosen");
        assertThat(cspViolations()).isEmpty();
        screenshot("planner-forecast");
        asPhone();
        screenshot("planner-forecast-phone");
        asDesktop();

        byTestId("run-backtest").click();
        wait.until(ExpectedConditions.urlContains("backtest="));
        waitForPage();
        assertThat(text("[data-testid=backtest] p.muted")).startsWith("10 open days ahead from each of 3 origins");
        assertThat(browser.findElements(By.cssSelector("[data-testid=backtest-table] thead th")))
                .extracting(WebElement::getText).contains("In 80% band", "In 95% band");
        assertThat(find("[data-testid=backtest-table] tr.chosen").getAttribute("data-method")).isEqualTo(method);
        screenshot("planner-forecast-backtest");

        submitAndWait("requirements-link");
        waitForChart("requirements-chart");
        assertThat(browser.findElements(By.cssSelector("[data-testid=requirement-days] tbody tr"))).hasSize(12);
        assertThat(cspViolations()).isEmpty();
        screenshot("planner-requirements");

        switchLanguage("zh-CN");
        waitForChart("requirements-chart");
        assertThat(text("h1")).startsWith("预测 #").endsWith("的人力需求");
        screenshot("planner-requirements-zh");
        switchLanguage("en");

        open("/planner/forecasts?center=" + center.code());
        assertThat(browser.findElements(By.cssSelector("[data-testid=forecasts] tbody tr"))).hasSize(1);
        screenshot("planner-forecasts");
    }

    @Test
    void aPlannerActivatesEmergencyOvertimeCreditsAnAgentAndSeesCalendarAndJobs() {
        Center center = org.center();
        Team team = org.team(center);
        Agent agent = org.agent(team);
        String planner = org.plannerUser(center);
        signIn(planner);

        open("/planner/emergencies");
        assertThat(byTestId("empty-state").getText()).contains("No emergency overtime has been activated");
        find("#reason").sendKeys("Outage of the billing system");
        byTestId("activate").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        waitForPage();
        assertThat(text("[data-testid=field-error]")).isEqualTo("Choose level 1, 2 or 3.");
        screenshot("planner-emergencies-invalid");
        find("input[name=level][value='2']").click();
        byTestId("activate").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.urlMatches("/planner/emergencies/\\d+$"));
        waitForPage();
        assertThat(byTestId("empty-state").getText()).contains("Nobody is recorded yet.");
        browser.executeScript("window.notReloaded = true");
        new Select(find("#employeeNo")).selectByValue(agent.employeeNo());
        find("#hours").sendKeys("2");
        byTestId("add-participant").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=credited]")));
        // level 2: 45% interest on 2 h worked
        assertThat(text("[data-testid=credited]")).isEqualTo(agent.employeeNo() + " worked 2 h: credited 2 h 54 min.");
        assertThat(text("[data-testid=credited-total]")).isEqualTo("2 h 54 min");
        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(ledger.account(agent.id()).balanceSeconds()).isEqualTo(10_440);
        assertThat(cspViolations()).isEmpty();
        screenshot("planner-emergency");
        asPhone();
        screenshot("planner-emergency-phone");
        asDesktop();

        clickAndWait(browser.findElement(By.linkText("Busy days and quotas")));
        // default settings: the first 4 and the last 2 days of the month are busy, with no time off
        assertThat(browser.findElements(By.cssSelector("[data-testid=calendar] td.busy"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("[data-testid=calendar] td.idle .quota")))
                .extracting(WebElement::getText).containsOnly("2 off");
        assertThat(browser.findElements(By.cssSelector("[data-testid=change-settings]"))).isEmpty();
        screenshot("planner-calendar");
        asPhone();
        screenshot("planner-calendar-phone");
        asDesktop();

        clickAndWait(browser.findElement(By.linkText("Job runs")));
        assertThat(byTestId("empty-state").getText()).contains("No job has run for this center yet.");
        byTestId("run-now").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        waitForPage();
        assertThat(text("[data-testid=flash]")).startsWith("Run #").contains("finished");
        List<WebElement> runs = browser.findElements(By.cssSelector("[data-testid=runs] tbody tr"));
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).getAttribute("data-status")).isEqualTo("SUCCEEDED");
        assertThat(runs.get(0).getText()).contains("Aux settlement").contains("succeeded").contains("user:" + planner)
                .contains("no activity was uploaded");
        screenshot("planner-jobs");
    }

    /** Waits until planner.js has drawn the chart (read by script: the page may be replaced meanwhile). */
    private void waitForChart(String testId) {
        wait.until(d -> "true".equals(browser.executeScript("var c = document.querySelector(\"[data-testid='"
                + testId + "']\"); return c && c.getAttribute('data-ready');")));
    }

    private static Path file(String name, String content) throws IOException {
        Path dir = Files.createTempDirectory("wfm-upload-");
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        f.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return f;
    }
}
