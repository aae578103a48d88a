package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.roster.RosterStatus;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;

/**
 * A planner in chromium: starts a solve for a small center with a forecast, watches it finish (the chart fills,
 * the page turns to Solved by itself), looks at the heatmap (also on a phone), the shifts and the explanation, and
 * publishes after confirming.
 */
@Import(RosterSeed.class)
class RosterPagesBrowserTest extends BrowserTest {

    @Autowired
    Org org;
    @Autowired
    RosterSeed seed;
    @Autowired
    RosterService rosters;

    @Test
    void aPlannerStartsWatchesExplainsAndPublishesARoster() {
        RosterSeed.Setup s = seed.center(8, 8, true);
        asDesktop();
        signIn(s.planner());
        clickAndWait(find("[data-testid=nav] a[href='/planner/rosters']"));
        assertThat(text("h1")).contains(s.center().code());
        assertThat(text("[data-testid=empty-state]")).contains("Start a roster below");
        // the newest forecast fills the form; a bad solve time is explained next to its field
        assertThat(new Select(find("#forecastId")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(s.forecastId().toString());
        WebElement seconds = find("#solveSeconds");
        seconds.clear();
        seconds.sendKeys("0");
        submitAndWait("start");
        assertThat(text("[data-testid=field-error]")).contains("whole number of seconds");
        assertThat(find("#solveSeconds").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(cspViolations()).isEmpty();
        screenshot("roster-start-invalid");

        seconds = find("#solveSeconds");
        seconds.clear();
        seconds.sendKeys("3");
        submitAndWait("start");
        assertThat(browser.getCurrentUrl()).matches(".*/planner/rosters/\\d+$");
        assertThat(text("[data-testid=flash]")).contains("is solving");
        assertThat(text("[data-testid=status]")).isEqualTo("Solving");
        assertThat(browser.findElements(By.cssSelector("[data-testid=stop]"))).hasSize(1);
        screenshot("roster-solving");

        // the page polls its progress and reloads itself once the solve is done
        wait.withTimeout(java.time.Duration.ofSeconds(40))
                .until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=status]"), "Solved"));
        waitForPage();
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(rosters.progress(id, org.as(s.planner())).run().status()).isEqualTo(RosterStatus.SOLVED);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var c = document.getElementById('score-chart'); return !!(c && c.chart && c.chart.data.datasets[0].data.length > 0)")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=stop]"))).isEmpty();
        assertThat(text("[data-testid=hard-score]")).isEqualTo("0");
        List<WebElement> days = browser.findElements(By.cssSelector("[data-testid=heatmap] tbody tr"));
        assertThat(days).hasSize(7);
        WebElement cell = find("[data-testid=heatmap] tbody td[data-required]");
        assertThat(cell.getAttribute("title")).contains("required").contains("predicted service level");
        assertThat(cell.getText()).matches("\\d+/\\d+");
        assertThat(browser.findElements(By.cssSelector("[data-testid=legend] li"))).hasSize(7);
        assertThat(cspViolations()).isEmpty();
        screenshot("roster-solved-heatmap");

        asPhone();
        open("/planner/rosters/" + id);
        // the heatmap scrolls sideways inside its box rather than widening the page
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) browser.executeScript("return window.innerWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(innerWidth.intValue());
        screenshot("roster-heatmap-phone");
        asDesktop();

        submitAndWait("tab-shifts");
        List<WebElement> agents = browser.findElements(By.cssSelector("[data-testid=shift-grid] tbody tr"));
        assertThat(agents).isNotEmpty().hasSizeLessThanOrEqualTo(8);
        assertThat(text("[data-testid=shift-grid] td.shift .span")).matches("\\d\\d:\\d\\d–\\d\\d:\\d\\d");
        assertThat(cspViolations()).isEmpty();
        screenshot("roster-shifts");

        submitAndWait("tab-explanation");
        assertThat(text("[data-testid=constraints] h2")).isEqualTo("Score by constraint");
        assertThat(browser.findElements(By.cssSelector("[data-testid=constraint-table] tbody tr"))).isNotEmpty();
        List<WebElement> shortRows = browser.findElements(By.cssSelector("[data-testid=short-table] tbody tr"));
        if (!shortRows.isEmpty()) {
            assertThat(shortRows.get(0).getText()).doesNotContain("roster.reason");
        } else {
            assertThat(text("[data-testid=short-intervals] [data-testid=empty-state]")).contains("No interval is short");
        }
        assertThat(cspViolations()).isEmpty();
        screenshot("roster-explanation");

        submitAndWait("tab-overview");
        byTestId("publish").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        waitForPage();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=status]"), "Published"));
        assertThat(text("[data-testid=flash]")).contains("shifts published");
        assertThat(browser.findElements(By.cssSelector("[data-testid=publish]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-testid=resolve-form]"))).hasSize(1);
        assertThat(rosters.progress(id, org.as(s.planner())).run().status()).isEqualTo(RosterStatus.PUBLISHED);
        screenshot("roster-published");

        // published days are pinned: later re-solves keep them
        submitAndWait("tab-shifts");
        assertThat(browser.findElements(By.cssSelector("[data-testid=shift-grid] td.shift.pinned .tag.pin"))).isNotEmpty();
        asPhone();
        screenshot("roster-shifts-published-phone");
        asDesktop();
        submitAndWait("tab-overview");

        // the same page in Chinese
        switchLanguage("zh-CN");
        assertThat(text("[data-testid=status]")).isEqualTo("已发布");
        screenshot("roster-published-zh");
        switchLanguage("en");

        open("/planner/rosters?center=" + s.center().code());
        assertThat(find("[data-testid=rosters] tbody tr").getText()).contains("Published");
        screenshot("roster-list");
    }
}
