package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import com.timebank.wfm.support.SteadyCalls;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.leave.TimeOffStatus;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.ledger.LedgerService;

/**
 * The leave pages in chromium: an agent asks for time off from the calendar, the lead approves it in one click
 * without a reload, a full quota sends the next request to the waitlist the agent then sees, and offsets are
 * chosen before the deadline.
 */
@Import(PageSeed.class)
class LeavePagesBrowserTest extends BrowserTest {

    @Autowired
    com.timebank.wfm.support.Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    LedgerService ledger;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    LeaveService leave;
    @Autowired
    CenterSettingsService settings;
    @Autowired
    com.timebank.wfm.history.ContactHistoryService history;
    @Autowired
    com.timebank.wfm.roster.RosterService rosters;
    @Autowired
    com.timebank.wfm.forecast.app.ForecastService forecasts;

    /** Four settled days of 28,800 s logged and no aux: 4 × 1,066 s = 4,264 s (1 h 11 min). */
    private void earn(Center center, Agent... agents) {
        for (int d = 1; d <= 4; d++) {
            Map<Agent, long[]> day = new LinkedHashMap<>();
            for (Agent a : agents) {
                day.put(a, new long[] {28_800, 0});
            }
            seed.settledDay(center, seed.today(center).minusDays(d), day);
        }
    }

    /** The first idle day from tomorrow on (the default notice is one day). */
    private LocalDate idleDay(Center center) {
        LocalDate d = seed.today(center).plusDays(1);
        while (settings.isBusyDay(center.id(), d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Test
    void anAgentRequestsTimeOffFromTheCalendarAndTheLeadApprovesItWithoutAReload() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        earn(center, ana);
        seed.shiftsFromToday(center, ana, 21);
        LocalDate day = idleDay(center);
        String lead = org.leadUser(team);

        asPhone();
        signIn(org.agentUser(ana));
        assertThat(text("[data-testid=available] .value")).isEqualTo("1 h 11 min");
        assertThat(byTestId("leave-panel").getText()).contains("Leave and time off", "No open requests.");
        screenshot("agent-home-leave-panel-phone");
        submitAndWait("panel-request");
        assertThat(byTestId("calendar").getText()).contains("2 free");
        screenshot("agent-time-off-phone");

        // the calendar fills the form in place
        browser.executeScript("window.notReloaded = true");
        byTestId("day-" + day).click();
        wait.until(d -> day.toString().equals(find("#date").getAttribute("value")));
        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
        // 2 h: more than the available 1 h 11 min, refused next to the amount
        find("#hours").sendKeys("2");
        submitAndWait("request");
        assertThat(text("#hours-error")).isEqualTo("Your available balance (1 h 11 min) does not cover 2 h.");
        assertThat(find("#hours").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#date").getAttribute("value")).isEqualTo(day.toString());
        screenshot("agent-time-off-refused-phone");
        find("#hours").clear();
        find("#hours").sendKeys("1");
        submitAndWait("request");
        assertThat(text("[data-testid=flash]")).startsWith("Requested 1 h off on ");
        WebElement row = find("[data-testid=requests] tbody tr");
        assertThat(row.getAttribute("data-status")).isEqualTo("PENDING");
        assertThat(text("[data-testid=timeoff-available]")).isEqualTo("11 min available");
        assertThat(cspViolations()).isEmpty();
        asDesktop();
        screenshot("agent-time-off");
        long availableAfterRequest = ledger.account(ana.id()).availableSeconds();
        assertThat(availableAfterRequest).isEqualTo(4_264 - 3_600);

        signIn(lead);
        open("/lead/time-off");
        WebElement request = find("tr[data-status=PENDING]");
        assertThat(request.getText()).contains("Ana Ferreira", "1 h", "11 min", "0 / 2", "idle", "no published roster");
        screenshot("lead-queue");
        browser.executeScript("window.notReloaded = true");
        request.findElement(By.cssSelector("[data-testid=approve]")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-status=APPROVED]")));
        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
        WebElement approved = find("tr[data-status=APPROVED]");
        assertThat(approved.findElement(By.cssSelector("[data-testid=outcome]")).getText()).startsWith("Approved: 1 h for Ana Ferreira");
        assertThat(approved.findElement(By.cssSelector("[data-testid=quota]")).getText()).isEqualTo("1 / 2");
        assertThat(approved.findElements(By.cssSelector("[data-testid=approve]"))).isEmpty();
        assertThat(cspViolations()).isEmpty();
        screenshot("lead-queue-approved");
        // the request's seconds are reserved: balance 4,264 s, available 664 s, reserved 3,600 s
        assertThat(ledger.account(ana.id()).availableSeconds()).isEqualTo(4_264 - 3_600);
        assertThat(ledger.account(ana.id()).balanceSeconds()).isEqualTo(4_264);

        signIn(org.agentUser(ana));
        assertThat(text("[data-testid=available] .value")).isEqualTo("11 min");
        assertThat(text("[data-testid=reserved] .value")).isEqualTo("1 h");
        assertThat(byTestId("panel-time-off").getText()).contains("Approved");
        asPhone();
        open("/agents/" + ana.employeeNo() + "/time-off");
        switchLanguage("zh-CN");
        assertThat(text("h1")).isEqualTo("调休");
        assertThat(find("[data-testid=requests] tbody tr").getText()).contains("已批准", "1 小时");
        screenshot("agent-time-off-phone-zh");
        switchLanguage("en");
        asDesktop();
    }

    @Test
    void aFullQuotaSendsTheRequestToTheWaitlistAndTheAgentSeesThePosition() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        Agent bo = seed.agent(team, "Bo Chen");
        Agent cai = seed.agent(team, "Cai Wen");
        earn(center, ana, bo, cai);
        for (Agent a : List.of(ana, bo, cai)) {
            seed.shiftsFromToday(center, a, 21);
        }
        LocalDate day = idleDay(center);
        String lead = org.leadUser(team);
        CurrentUser leadUser = org.as(lead);
        // the idle day's two slots go to Bo and Cai
        for (Agent a : List.of(bo, cai)) {
            long id = timeOff.request(a.employeeNo(), day, 1_800L, leadUser).id();
            timeOff.approve(id, leadUser);
        }
        long anaRequest = timeOff.request(ana.employeeNo(), day, 1_800L, org.as(org.agentUser(ana))).id();
        String anaUser = org.agentUser(ana);

        signIn(lead);
        open("/lead/time-off");
        WebElement row = find("#request-" + anaRequest);
        assertThat(row.getText()).contains("2 / 2");
        row.findElement(By.cssSelector("[data-testid=approve]")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        // htmx swaps the row after each decision: every read looks the row up again, and a row replaced between a
        // lookup and its use is looked up once more
        wait.ignoring(StaleElementReferenceException.class);
        String rowSelector = "#request-" + anaRequest;
        wait.until(d -> d.findElements(By.cssSelector(rowSelector + " [data-testid=outcome]")).size() == 1);
        String outcome = wait.until(d -> d.findElement(By.cssSelector(rowSelector + " [data-testid=outcome]")).getText());
        assertThat(outcome).startsWith("Quota full on ").contains("(2 of 2 slots used): waitlist or reject.");
        String status = wait.until(d -> d.findElement(By.cssSelector(rowSelector)).getAttribute("data-status"));
        assertThat(status).isEqualTo("PENDING");
        screenshot("lead-queue-quota-full");
        wait.until(d -> {
            d.findElement(By.cssSelector(rowSelector + " [data-testid=waitlist]")).click();
            return true;
        });
        wait.until(d -> "WAITLISTED".equals(d.findElement(By.cssSelector(rowSelector)).getAttribute("data-status")));
        assertThat(text("#request-" + anaRequest + " [data-testid=position]")).isEqualTo("#1 on the waitlist");
        assertThat(cspViolations()).isEmpty();
        assertThat(timeOff.request(anaRequest, leadUser).status()).isEqualTo(TimeOffStatus.WAITLISTED);
        screenshot("lead-queue-waitlisted");
        asPhone();
        screenshot("lead-queue-phone");
        asDesktop();

        signIn(anaUser);
        open("/agents/" + ana.employeeNo() + "/time-off");
        WebElement mine = find("[data-testid=requests] tr[data-request='" + anaRequest + "']");
        assertThat(mine.getAttribute("data-status")).isEqualTo("WAITLISTED");
        assertThat(mine.findElement(By.cssSelector("[data-testid=position]")).getText()).isEqualTo("#1 on the waitlist");
        assertThat(find("[data-testid='day-" + day + "']").getText()).contains("Waitlisted");
        // cancelling asks first, then gives the reserved time back
        mine.findElement(By.cssSelector("[data-testid=cancel]")).click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(timeOff.request(anaRequest, leadUser).status()).isEqualTo(TimeOffStatus.WAITLISTED);
        find("[data-testid=requests] tr[data-request='" + anaRequest + "'] [data-testid=cancel]").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=flash]")));
        assertThat(timeOff.request(anaRequest, leadUser).status()).isEqualTo(TimeOffStatus.CANCELLED);
        assertThat(ledger.account(ana.id()).availableSeconds()).isEqualTo(4_264);
    }

    @Test
    void anApprovalUpdatesTheQuotaOfTheOtherRequestsOfThatDateWithoutAReload() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        Agent bo = seed.agent(team, "Bo Chen");
        Agent cai = seed.agent(team, "Cai Wen");
        earn(center, ana, bo, cai);
        for (Agent a : List.of(ana, bo, cai)) {
            seed.shiftsFromToday(center, a, 21);
        }
        LocalDate day = idleDay(center);
        String lead = org.leadUser(team);
        CurrentUser leadUser = org.as(lead);
        long boRequest = timeOff.request(bo.employeeNo(), day, 1_800L, leadUser).id();
        long caiRequest = timeOff.request(cai.employeeNo(), day, 1_800L, leadUser).id();
        long anaRequest = timeOff.request(ana.employeeNo(), day, 1_800L, leadUser).id();

        signIn(lead);
        open("/lead/time-off");
        assertThat(text("#request-" + anaRequest + " [data-testid=quota]")).isEqualTo("0 / 2");
        find("#request-" + boRequest + " [data-testid=approve]").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> "1 / 2".equals(text("#request-" + anaRequest + " [data-testid=quota]")));
        assertThat(text("#request-" + caiRequest + " [data-testid=quota]")).isEqualTo("1 / 2");
        find("#request-" + caiRequest + " [data-testid=approve]").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> "2 / 2".equals(text("#request-" + anaRequest + " [data-testid=quota]")));
        // the date is full now: Ana's row offers the waitlist without the lead reloading the page
        assertThat(find("#request-" + anaRequest).findElements(By.cssSelector("[data-testid=waitlist]"))).hasSize(1);
        assertThat(cspViolations()).isEmpty();
    }

    /**
     * A decision htmx sends that the service refuses as a conflict (the agent cancelled meanwhile) shows why in the row;
     * one that fails without a row to show (the session is gone) says so above the page instead of doing nothing.
     */
    @Test
    void aDecisionThatCannotBeMadeSaysWhyWithoutAReload() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        Agent bo = seed.agent(team, "Bo Chen");
        earn(center, ana, bo);
        seed.shiftsFromToday(center, ana, 21);
        seed.shiftsFromToday(center, bo, 21);
        LocalDate day = idleDay(center);
        String lead = org.leadUser(team);
        CurrentUser anaUser = org.as(org.agentUser(ana));
        long anaRequest = timeOff.request(ana.employeeNo(), day, 1_800L, anaUser).id();
        long boRequest = timeOff.request(bo.employeeNo(), day, 1_800L, org.as(lead)).id();

        signIn(lead);
        open("/lead/time-off");
        timeOff.cancel(anaRequest, anaUser); // while the lead looks at the queue
        find("#request-" + anaRequest + " [data-testid=approve]").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.ignoring(StaleElementReferenceException.class);
        String outcome = wait.until(d -> d.findElement(By.cssSelector("#request-" + anaRequest + " [data-testid=outcome]"))
                .getText());
        assertThat(outcome).startsWith("Refused: Request " + anaRequest + " is Cancelled");
        assertThat(find("#request-" + anaRequest).getAttribute("data-status")).isEqualTo("CANCELLED");

        // signed out meanwhile: the CSRF check refuses (403) before any page runs
        browser.manage().deleteCookieNamed("JSESSIONID");
        find("#request-" + boRequest + " [data-testid=approve]").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        String error = wait.until(d -> d.findElement(By.cssSelector("[data-testid=htmx-error]")).getText());
        assertThat(error).isEqualTo("This could not be done: the page may be out of date, or you were signed out. "
                + "Reload the page and try again.");
        assertThat(timeOff.request(boRequest, org.as(lead)).status()).isEqualTo(TimeOffStatus.PENDING);
        assertThat(cspViolations()).isEmpty();
        screenshot("lead-queue-signed-out");
    }

    @Test
    void anAgentChoosesLeaveOffsetsBeforeTheDeadline() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        earn(center, ana);
        String lead = org.leadUser(team);
        YearMonth month = YearMonth.from(seed.today(center));
        LocalDate busy = month.atDay(2);
        LocalDate idle = month.atDay(10);

        // the lead records the leave through the page: a validation message first, then two items
        signIn(lead);
        open("/lead/leave");
        new org.openqa.selenium.support.ui.Select(find("#employeeNo")).selectByValue(ana.employeeNo());
        setDate("#date", idle);
        submitAndWait("record");
        assertThat(text("#hours-error")).isEqualTo("Give a duration between 1 minute and 24 hours.");
        screenshot("lead-record-leave-invalid");
        find("#hours").sendKeys("1");
        submitAndWait("record");
        assertThat(text("[data-testid=flash]")).startsWith("Recorded 1 h of leave for Ana Ferreira");
        leave.record(new LeaveService.NewLeave(ana.employeeNo(), busy, 1_800L, "SICK"), org.as(lead));

        asPhone();
        signIn(org.agentUser(ana));
        open("/agents/" + ana.employeeNo() + "/leave?month=" + month);
        assertThat(text("[data-testid=deadline]")).startsWith("You can change your choice until ").contains("23:59 (Asia/Shanghai)");
        List<WebElement> items = browser.findElements(By.cssSelector("[data-testid=leave-items] tbody tr"));
        assertThat(items).hasSize(2);
        WebElement busyRow = items.stream().filter(r -> r.getAttribute("class").contains("not-eligible")).findFirst().orElseThrow();
        assertThat(busyRow.findElement(By.cssSelector("input[type=checkbox]")).isEnabled()).isFalse();
        assertThat(busyRow.getText()).contains("Not eligible: leave on a busy day cannot be offset", "Sick leave");
        WebElement idleRow = items.stream().filter(r -> !r.getAttribute("class").contains("not-eligible")).findFirst().orElseThrow();
        idleRow.findElement(By.cssSelector("input[type=checkbox]")).click();
        screenshot("agent-leave-phone");
        submitAndWait("save-offsets");
        assertThat(text("[data-testid=flash]")).contains("1 item of", "1 h in all");
        assertThat(text("[data-testid=leave-chosen] .value")).isEqualTo("1 h");
        assertThat(find("[data-testid=leave-items] tbody tr:not(.not-eligible) input[type=checkbox]").isSelected()).isTrue();
        assertThat(leave.month(ana.employeeNo(), month, org.as(lead)).chosenSeconds()).isEqualTo(3_600);
        assertThat(cspViolations()).isEmpty();
        asDesktop();
        screenshot("agent-leave");
    }

    @Test
    void theQueueShowsCoverageAndServiceLevelWithAndWithoutTheAgentFromThePublishedRoster() {
        Center center = org.center();
        Team team = org.team(center);
        List<Agent> agents = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            agents.add(seed.agent(team, "Agent " + (char) ('A' + i)));
        }
        String planner = org.plannerUser(center);
        String lead = org.leadUser(team);
        LocalDate today = seed.today(center);
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, 6), "test");
        LocalDate from = today.plusDays(1);
        LocalDate to = today.plusDays(7);
        long forecastId = forecasts.create(center.code(), new com.timebank.wfm.forecast.app.ForecastService.ForecastRequest(from, to,
                com.timebank.wfm.forecast.SeasonalNaive.NAME, null, null), org.as(planner)).value().run().id();
        long rosterId = rosters.start(center.code(), new com.timebank.wfm.roster.RosterService.StartRequest(from, to,
                forecastId, 2), org.as(planner)).id();
        assertThat(rosters.awaitSolved(rosterId, 60)).isTrue();
        rosters.publish(rosterId, org.as(planner));
        var shift = rosters.roster(rosterId, org.as(planner)).shifts().get(0);
        Agent agent = agents.stream().filter(a -> a.employeeNo().equals(shift.employeeNo())).findFirst().orElseThrow();
        earn(center, agent);
        long id = timeOff.request(agent.employeeNo(), shift.date(), 1_800L, org.as(lead)).id();

        signIn(lead);
        open("/lead/time-off");
        WebElement cell = find("#request-" + id + " [data-testid=coverage]");
        assertThat(cell.getText()).contains("SL ");
        assertThat(cell.findElement(By.cssSelector("[data-testid=without]")).getText()).startsWith("without: ");
        assertThat(cspViolations()).isEmpty();
        screenshot("lead-queue-coverage");
        asPhone();
        screenshot("lead-queue-coverage-phone");
        asDesktop();
    }

    /** Sets a date input independent of the browser's locale-specific typing. */
    private void setDate(String css, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1]", find(css), date.toString());
    }
}
