package com.timebank.wfm.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;

/** The admin pages in chromium: a center, a team and an agent created through the forms, then users and settings. */
class AdminPagesBrowserTest extends BrowserTest {

    static final String ADMIN_PASSWORD = "admin-test-password";

    @Autowired
    OrganisationService organisation;
    @Autowired
    Org org;

    @Test
    void anAdminCreatesACenterATeamAndAnAgentAndSeesThemListed() {
        String center = Org.unique("AC");
        String team = Org.unique("AT");
        String employeeNo = Org.unique("AE");
        signIn("admin", ADMIN_PASSWORD);
        clickAndWait(browser.findElement(By.linkText("Centers and teams")));

        // every problem next to its field, nothing created
        find("#code").sendKeys("no spaces allowed");
        find("#timeZone").clear();
        find("#timeZone").sendKeys("Mars/Olympus");
        submitAndWait("create-center");
        assertThat(text("#code-error")).startsWith("Use 1 to 32 letters");
        assertThat(text("#name-error")).isEqualTo("Fill this in.");
        assertThat(text("#timeZone-error")).startsWith("Not a known time zone");
        assertThat(find("#code").getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("admin-centers-invalid");

        find("#code").clear();
        find("#code").sendKeys(center);
        find("#name").sendKeys("Chengdu Service Center");
        find("#timeZone").clear();
        find("#timeZone").sendKeys("Asia/Shanghai");
        new Select(find("#intervalMinutes")).selectByValue("15");
        submitAndWait("create-center");
        assertThat(text("[data-testid=flash]")).isEqualTo("Center " + center + " created. Add its teams next.");
        assertThat(text("h1")).isEqualTo(center + " · Chengdu Service Center");
        assertThat(byTestId("empty-state").getText()).contains("This center has no teams yet.");

        find("#code").sendKeys(team);
        find("#name").sendKeys("Early shift");
        submitAndWait("create-team");
        assertThat(text("[data-testid=flash]")).isEqualTo("Team " + team + " created in " + center + ".");
        WebElement row = find("[data-testid=teams] tr[data-team='" + team + "']");
        assertThat(row.getText()).contains("Early shift").contains("0");
        screenshot("admin-center");

        // the same code again: a conflict shown at the code
        find("#code").sendKeys(team);
        find("#name").sendKeys("Again");
        submitAndWait("create-team");
        assertThat(text("#code-error")).isEqualTo("Center " + center + " already has a team with this code.");

        clickAndWait(find("[data-testid=teams] tr[data-team='" + team + "'] a[href*='/admin/agents/new']"));
        assertThat(new Select(find("#team")).getFirstSelectedOption().getAttribute("value")).isEqualTo(center + "/" + team);
        find("#employeeNo").sendKeys(employeeNo);
        find("#name").sendKeys("Wang Fang");
        find("#weeklyMinMinutes").clear();
        find("#weeklyMinMinutes").sendKeys("41:40");
        submitAndWait("create-agent");
        assertThat(text("#weeklyMinMinutes-error")).isEqualTo("The minimum may not exceed the maximum.");
        screenshot("admin-agent-invalid");
        find("#weeklyMinMinutes").clear();
        find("#weeklyMinMinutes").sendKeys("30:00");
        submitAndWait("create-agent");
        assertThat(text("[data-testid=flash]")).isEqualTo("Wang Fang (" + employeeNo + ") added to " + center + " / " + team + ".");
        List<WebElement> agents = browser.findElements(By.cssSelector("[data-testid=agents] tbody tr"));
        assertThat(agents).hasSize(1);
        assertThat(agents.get(0).getText()).contains(employeeNo).contains("Wang Fang").contains(center + " / " + team)
                .contains("30 h – 40 h").contains("voice");
        assertThat(organisation.findAgent(employeeNo)).isPresent();
        assertThat(cspViolations()).isEmpty();
        screenshot("admin-agents");
        asPhone();
        screenshot("admin-agents-phone");
        asDesktop();

        clickAndWait(browser.findElement(By.linkText("Users and roles")));
        String username = Org.unique("w").toLowerCase();
        find("#username").sendKeys(username);
        find("#password").sendKeys("short");
        new Select(find("#role")).selectByValue("AGENT");
        submitAndWait("create-user");
        assertThat(text("#password-error"))
                .isEqualTo("A password needs at least 12 characters, or a passphrase of 4 or more words");
        assertThat(text("#employeeNo-error")).isEqualTo("An agent user needs the employee number of the agent.");
        find("#password").sendKeys("a-long-password");
        find("#employeeNo").sendKeys(employeeNo);
        submitAndWait("create-user");
        assertThat(text("[data-testid=flash]")).isEqualTo("User " + username + " created as Agent.");
        screenshot("admin-users");

        open("/admin/centers/" + center + "/settings");
        find("#idleDayQuota").clear();
        find("#idleDayQuota").sendKeys("3");
        find("#auxTarget").clear();
        find("#auxTarget").sendKeys("150");
        byTestId("save-settings").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        waitForPage();
        assertThat(text("#auxTarget-error")).isEqualTo("Above 0% and at most 20%.");
        screenshot("admin-settings-invalid");
        find("#auxTarget").clear();
        find("#auxTarget").sendKeys("4.5");
        byTestId("save-settings").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        waitForPage();
        assertThat(text("[data-testid=flash]")).startsWith("Settings of " + center + " saved from");
        assertThat(find("#auxTarget").getAttribute("value")).isEqualTo("4.5");
        assertThat(browser.findElements(By.cssSelector("[data-testid=settings-history] tbody tr"))).hasSize(2);
        screenshot("admin-settings");
        asPhone();
        screenshot("admin-settings-phone");
        asDesktop();
    }
}
