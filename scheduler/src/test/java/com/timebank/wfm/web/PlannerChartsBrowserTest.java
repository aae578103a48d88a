package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;

/**
 * In chromium: the planner's stored-history and day-coverage charts are drawn (with their tables beside), and on a
 * 390 px phone in Chinese no menu tab is cut off and no table header breaks one character a line.
 */
@Import(RosterSeed.class)
class PlannerChartsBrowserTest extends BrowserTest {

    @Autowired
    RosterSeed seed;
    @Autowired
    RosterService rosters;
    @Autowired
    Org org;

    @Test
    void theChartsAreDrawnAndThePhoneLayoutHoldsInChinese() {
        RosterSeed.Setup s = seed.center(8, 20, true);
        long rosterId = rosters.start(s.center().code(), new RosterService.StartRequest(s.from(), s.to(),
                s.forecastId(), 2), org.as(s.planner())).id();
        assertThat(rosters.awaitSolved(rosterId, 60)).isTrue();
        rosters.publish(rosterId, org.as(s.planner()));

        signIn(s.planner());
        open("/planner/history/stored?center=" + s.center().code());
        chartDrawn("history-day-chart");
        chartDrawn("history-interval-chart");
        assertThat(browser.findElements(By.cssSelector("[data-testid=history-days] tbody tr"))).hasSize(14);
        assertThat(cspViolations()).isEmpty();
        screenshot("planner-stored-history");

        open("/planner/coverage?center=" + s.center().code() + "&date=" + s.from());
        chartDrawn("coverage-chart");
        assertThat(browser.findElements(By.cssSelector("[data-testid=coverage-intervals] tbody tr"))).hasSize(16);
        assertThat(cspViolations()).isEmpty();
        screenshot("planner-coverage");

        switchLanguage("zh-CN");
        asPhone();
        open("/planner/coverage?center=" + s.center().code() + "&date=" + s.from());
        chartDrawn("coverage-chart");
        screenshot("planner-coverage-zh-phone");
        JavascriptExecutor js = browser;
        // every menu tab lies inside the 390 px viewport (none clipped at the right edge)
        @SuppressWarnings("unchecked")
        List<Boolean> tabsInside = (List<Boolean>) js.executeScript(
                "return Array.from(document.querySelectorAll('[data-testid=nav] a')).map(a => {"
                        + " const r = a.getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth; })");
        assertThat(tabsInside).isNotEmpty().containsOnly(true);
        // every Chinese table header shown is on one line (not 状/态 stacked; stacked tables hide theirs on a phone)
        List<Long> shown = new java.util.ArrayList<>();
        for (String page : List.of("/planner/coverage?center=" + s.center().code() + "&date=" + s.from(),
                "/planner/history/stored?center=" + s.center().code(), "/planner/forecasts?center=" + s.center().code())) {
            open(page);
            @SuppressWarnings("unchecked")
            List<Long> lines = (List<Long>) js.executeScript(
                    "return Array.from(document.querySelectorAll('thead th')).filter(th => th.textContent.trim().length > 1"
                            + " && th.getClientRects().length > 0)"
                            + ".map(th => { const r = document.createRange(); r.selectNodeContents(th);"
                            + " return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; })");
            assertThat(lines).as(page).allSatisfy(n -> assertThat(n).isEqualTo(1L));
            shown.addAll(lines);
        }
        assertThat(shown).hasSizeGreaterThanOrEqualTo(6);
        asDesktop();
    }

    private void chartDrawn(String testId) {
        wait.until(d -> !"".equals(String.valueOf(byTestId(testId).getAttribute("data-ready")))
                && byTestId(testId).getAttribute("data-ready") != null);
        assertThat(byTestId(testId).getAttribute("data-ready")).as(testId).isEqualTo("true");
    }
}
