package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.timebank.wfm.availability.AvailabilityService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.BrowserTest;

/**
 * Part-day time off from..to and a split-shift availability in chromium: the agent gives from and to (no hours),
 * a bad end is shown by its field, the request lists its hours; the lead gives a day two windows.
 */
@Import(PageSeed.class)
class PartDayPagesBrowserTest extends BrowserTest {

    @Autowired
    com.timebank.wfm.support.Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    CenterSettingsService settings;
    @Autowired
    AvailabilityService availability;

    private void setValue(String css, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", find(css), value);
    }

    @Test
    void anAgentAsksForFromToAndTheLeadGivesADayTwoWindows() {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        for (int d = 1; d <= 4; d++) {
            Map<Agent, long[]> day = new LinkedHashMap<>();
            day.put(ana, new long[] {28_800, 0});
            seed.settledDay(center, seed.today(center).minusDays(d), day);
        }
        seed.shiftsFromToday(center, ana, 21);
        LocalDate day = seed.today(center).plusDays(1);
        while (settings.isBusyDay(center.id(), day)) {
            day = day.plusDays(1);
        }

        signIn(org.agentUser(ana));
        open("/agents/" + ana.employeeNo() + "/time-off");
        setValue("#date", day.toString());
        byTestId("part-shift").click();
        setValue("#from", "10:00");
        setValue("#to", "09:30");
        submitAndWait("request");
        assertThat(text("#to-error")).isEqualTo("The end must be after the start.");
        assertThat(find("#to").getAttribute("aria-invalid")).isEqualTo("true");
        setValue("#from", "09:00");
        setValue("#to", "09:30");
        submitAndWait("request");
        assertThat(text("[data-testid=flash]")).startsWith("Requested 30 min off on ").contains(" 09:00–09:30");
        assertThat(text("[data-testid=requests] tbody tr [data-testid=part]")).isEqualTo("09:00–09:30");
        assertThat(cspViolations()).isEmpty();
        screenshot("agent-time-off-part-day");

        signIn(org.leadUser(team));
        open("/lead/time-off");
        assertThat(text("tr[data-status=PENDING] [data-testid=part]")).isEqualTo("09:00–09:30");
        open("/agents/" + ana.employeeNo() + "/availability");
        byTestId("from-MONDAY").sendKeys("08:00");
        byTestId("to-MONDAY").sendKeys("12:00");
        byTestId("from2-MONDAY").sendKeys("14:00");
        byTestId("to2-MONDAY").sendKeys("18:00");
        submitAndWait("save-weekly");
        assertThat(byTestId("from2-MONDAY").getAttribute("value")).isEqualTo("14:00");
        assertThat(availability.weekly(ana.employeeNo(), org.admin()).windows()).hasSize(2);
        assertThat(cspViolations()).isEmpty();
        screenshot("availability-split-shift");
    }
}
