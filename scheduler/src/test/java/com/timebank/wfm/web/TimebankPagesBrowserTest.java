package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.LedgerService;

/** The agent's and the lead's time-bank pages in chromium, at phone and desktop size, in English and Chinese. */
@Import(PageSeed.class)
class TimebankPagesBrowserTest extends BrowserTest {

    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    LedgerService ledger;

    @Test
    void anAgentSeesBalanceAndStatementOnAPhoneAndNobodyElsesPage() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        Agent bo = seed.agent(team, "Bo Chen");
        LocalDate today = seed.today(center);
        // +466 s, then 934 s over the allowance: 466 s repaid and 468 s of personal leave, then +810 s
        seed.settledDay(center, today.minusDays(3), Map.of(ana, new long[] {28_800, 600}));
        seed.settledDay(center, today.minusDays(2), Map.of(ana, new long[] {28_800, 2_000}));
        seed.settledDay(center, today.minusDays(1), Map.of(ana, new long[] {30_000, 300}));
        seed.shiftsFromToday(center, ana, 5);
        assertThat(ledger.account(ana.id()).balanceSeconds()).isEqualTo(810);

        asPhone();
        signIn(org.agentUser(ana));
        assertThat(browser.getCurrentUrl()).endsWith("/agents/" + ana.employeeNo());
        assertThat(text("[data-testid=available] .value")).isEqualTo("13 min");
        assertThat(text("[data-testid=balance] .value")).isEqualTo("13 min");
        assertThat(text("[data-testid=reserved] .value")).isEqualTo("0 min");
        assertThat(browser.findElements(By.cssSelector("[data-testid=shifts] tbody tr"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("[data-testid=recent-entries] tbody tr"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("[data-testid=empty-state]"))).isEmpty();
        assertThat(cspViolations()).isEmpty();
        screenshot("agent-timebank-phone");

        submitAndWait("statement-link");
        YearMonth month = YearMonth.from(today.minusDays(3));
        Select months = new Select(byTestId("month"));
        if (!months.getFirstSelectedOption().getAttribute("value").equals(month.toString())) {
            months.selectByValue(month.toString()); // submits the filter on change
            wait.until(ExpectedConditions.urlContains("month=" + month));
            waitForPage();
        }
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=statement] tbody tr"));
        long expected = List.of(today.minusDays(3), today.minusDays(2), today.minusDays(1)).stream()
                .filter(d -> YearMonth.from(d).equals(month)).count();
        assertThat(rows).hasSize((int) expected);
        assertThat(rows.get(0).getText()).contains("Aux savings").contains("+7 min");
        // Chart.js drew the month's balance from the page's data, under the CSP
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "var c = document.getElementById('balance-chart'); return !!(c && c.chart && c.chart.data.datasets[0].data.length === "
                        + expected + ")")));
        assertThat(cspViolations()).isEmpty();
        screenshot("agent-statement-phone");
        asDesktop();
        screenshot("agent-statement");

        open("/agents/" + bo.employeeNo());
        assertThat(shownStatus()).isEqualTo(404);
        open("/lead/balances");
        assertThat(shownStatus()).isEqualTo(403);

        asPhone();
        open("/agents/" + ana.employeeNo());
        switchLanguage("zh-CN");
        assertThat(text("[data-testid=available] .label")).isEqualTo("可用余额");
        assertThat(text("[data-testid=available] .value")).isEqualTo("13 分钟");
        assertThat(text("h1")).isEqualTo("我的时间银行");
        screenshot("agent-timebank-phone-zh");
        switchLanguage("en");
        assertThat(text("h1")).isEqualTo("My time bank");
        asDesktop();
    }

    @Test
    void aLeadSortsBalancesAndGrantsABonusWithoutReloadingThePage() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        Agent bo = seed.agent(team, "Bo Chen");
        Agent cai = seed.agent(team, "Cai Wen");
        for (int d = 1; d <= 4; d++) { // Ana: 4 × 1,066 s = 1 h 11 min
            Map<Agent, long[]> day = new LinkedHashMap<>();
            day.put(ana, new long[] {28_800, 0});
            if (d == 1) {
                day.put(cai, new long[] {28_800, 900}); // +166 s
            }
            seed.settledDay(center, seed.today(center).minusDays(d), day);
        }
        seed.shiftsThisMonth(center, List.of(ana, bo, cai), 5); // 120 h scheduled: the monthly cap is 1 h 12 min
        String lead = org.leadUser(team);

        signIn(lead);
        assertThat(browser.findElements(By.cssSelector(".cards a"))).extracting(WebElement::getText)
                .containsExactly("Approvals", "Team balances", "Time bonus", "Corrections", "Record leave", "Reports");
        screenshot("lead-home");
        clickAndWait(browser.findElement(By.linkText("Team balances")));
        assertThat(names()).containsExactly("Ana Ferreira", "Bo Chen", "Cai Wen");
        byTestId("sort-available").click(); // htmx: swaps the table, pushes the URL
        wait.until(ExpectedConditions.urlContains("sort=available"));
        wait.until(d -> names().get(0).equals("Ana Ferreira") && names().get(2).equals("Bo Chen"));
        WebElement top = find("tr[data-employee='" + ana.employeeNo() + "']");
        assertThat(top.getAttribute("class")).contains("top-holder").doesNotContain("near-zero");
        assertThat(top.getText()).contains("1 h 11 min");
        assertThat(find("tr[data-employee='" + bo.employeeNo() + "']").getAttribute("class")).contains("near-zero");
        screenshot("lead-balances");

        clickAndWait(find("tr[data-employee='" + bo.employeeNo() + "'] a[href*='/lead/bonus']"));
        String budget = "[data-testid='budget-" + center.code() + "'] [data-testid=remaining]";
        assertThat(text(budget)).isEqualTo("1 h 12 min");
        assertThat(new Select(find("#employeeNo")).getFirstSelectedOption().getAttribute("value")).isEqualTo(bo.employeeNo());
        browser.executeScript("window.notReloaded = true");

        find("#minutes").sendKeys("30");
        find("#reason").sendKeys("Suggestion adopted: shorter wrap-up codes");
        byTestId("grant").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=granted]")));
        assertThat(text("[data-testid=granted]")).isEqualTo("Granted 30 min to Bo Chen (" + bo.employeeNo() + ").");
        assertThat(text(budget)).isEqualTo("42 min");
        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(cspViolations()).isEmpty();
        assertThat(ledger.account(bo.id()).balanceSeconds()).isEqualTo(1800);

        find("#hours").sendKeys("1");
        find("#reason").sendKeys("Contest won");
        byTestId("grant").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=field-error]")));
        assertThat(text("[data-testid=field-error]")).startsWith("Refused: ").contains("remaining budget");
        assertThat(find("#hours").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text(budget)).isEqualTo("42 min");
        assertThat(ledger.account(bo.id()).balanceSeconds()).isEqualTo(1800);
        screenshot("lead-bonus-refused");
        asPhone();
        screenshot("lead-bonus-phone");
        asDesktop();

        open("/lead/balances");
        switchLanguage("zh-CN");
        assertThat(text("h1")).isEqualTo("班组余额");
        assertThat(find("tr[data-employee='" + ana.employeeNo() + "']").getText()).contains("1 小时 11 分钟", "余额最多");
        screenshot("lead-balances-zh");
        switchLanguage("en");
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector("[data-testid=balances] tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }
}
