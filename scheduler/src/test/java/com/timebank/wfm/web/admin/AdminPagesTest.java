package com.timebank.wfm.web.admin;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** The admin pages without a browser: only admins, CSRF, retroactive settings refused, unknown records 404. */
@IntegrationTest
class AdminPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    CenterSettingsService settings;
    @Autowired
    Clock clock;
    @Autowired
    OrganisationService organisation;

    @Test
    void onlyAdminsOpenTheAdminPagesAndUnknownCentersAreNotFound() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        for (String page : new String[] {"/admin/centers", "/admin/centers/" + center.code(),
                "/admin/centers/" + center.code() + "/settings", "/admin/agents", "/admin/agents/new", "/admin/users"}) {
            mvc.perform(get(page).with(as(planner))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(as("admin"))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/centers/NO-SUCH-CENTER").with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/agents").param("team", "NO-SUCH-CENTER/T").with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/centers/" + center.code() + "/teams").param("code", "T1").param("name", "Team")
                .with(as("admin"))).andExpect(status().isForbidden());
    }

    @Test
    void theSettingsPageSaysShrinkageIsTheUnplannedPartOnly() throws Exception {
        String path = "/admin/centers/" + org.center().code() + "/settings";
        mvc.perform(get(path).header("Accept-Language", "en").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Unplanned shrinkage"),
                        containsString("data-testid=\"shrinkage-hint\""),
                        containsString("Do not include meal and short breaks"))));
        mvc.perform(get(path).header("Accept-Language", "zh-CN").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("非计划损耗率"), containsString("不要包含用餐和短休"))));
    }

    @Test
    void settingsCannotChangeRetroactivelyAndKeepTheirHistory() throws Exception {
        Center center = org.center();
        java.time.LocalDate today = center.today(clock);
        String path = "/admin/centers/" + center.code() + "/settings";
        var form = post(path).with(as("admin")).with(csrf()).param("auxTarget", "3.7").param("overtimeRate1", "30")
                .param("overtimeRate2", "45").param("overtimeRate3", "60").param("bonusCapRatio", "1")
                .param("idleDayQuota", "5").param("busyDayQuota", "1").param("busyFirstDays", "3")
                .param("busyLastDays", "2").param("monthCloseDay", "2").param("minNoticeDays", "1")
                .param("serviceLevelTarget", "80").param("serviceLevelSeconds", "20").param("maxOccupancy", "85")
                .param("shrinkage", "30").param("standardDayMinutes", "480");
        mvc.perform(form.param("effectiveFrom", today.minusDays(1).toString()).param("specialBusyDates", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Settings cannot change retroactively")));
        mvc.perform(post(path).with(as("admin")).with(csrf()).param("effectiveFrom", today.plusDays(7).toString())
                        .param("auxTarget", "x").param("idleDayQuota", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter a percentage, for example 3.7."),
                        containsString("Enter a whole number."), containsString("id=\"shrinkage-error\""))));
        assertThat(settings.history(center.code(), org.admin())).hasSize(1);

        var valid = post(path).with(as("admin")).with(csrf()).param("auxTarget", "3.7").param("overtimeRate1", "30")
                .param("overtimeRate2", "45").param("overtimeRate3", "60").param("bonusCapRatio", "1")
                .param("idleDayQuota", "5").param("busyDayQuota", "1").param("busyFirstDays", "3")
                .param("busyLastDays", "2").param("monthCloseDay", "2").param("minNoticeDays", "1")
                .param("serviceLevelTarget", "80").param("serviceLevelSeconds", "20").param("maxOccupancy", "85")
                .param("shrinkage", "30").param("standardDayMinutes", "480")
                .param("effectiveFrom", today.plusDays(7).toString())
                .param("specialBusyDates", today.plusDays(10) + "\n" + today.plusDays(11));
        mvc.perform(valid).andExpect(status().is3xxRedirection());
        var after = settings.on(center.id(), today.plusDays(7));
        assertThat(after.idleDayQuota()).isEqualTo(5);
        assertThat(after.serviceLevelTarget()).isEqualByComparingTo("0.80");
        assertThat(after.auxTarget()).isEqualByComparingTo("0.037");
        assertThat(settings.on(center.id(), today).idleDayQuota()).isEqualTo(2);
        assertThat(settings.isBusyDay(center.id(), today.plusDays(10))).isTrue();
    }

    @Test
    void theStandardPaidDayIsTypedInMinutesKeptFromItsDateAndShownToPlanners() throws Exception {
        Center center = org.center();
        java.time.LocalDate from = center.today(clock).plusDays(7);
        String path = "/admin/centers/" + center.code() + "/settings";
        mvc.perform(get(path).header("Accept-Language", "en").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Standard paid day"),
                        containsString("data-testid=\"standard-day-help\""),
                        matchesPattern("(?s).*name=\"standardDayMinutes\"[^>]*value=\"480\".*"))));
        java.util.function.Function<String, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder>
                form = minutes -> post(path).with(as("admin")).with(csrf()).header("Accept-Language", "en")
                        .param("auxTarget", "3.7").param("overtimeRate1", "30").param("overtimeRate2", "45")
                        .param("overtimeRate3", "60").param("bonusCapRatio", "1").param("idleDayQuota", "2")
                        .param("busyDayQuota", "0").param("busyFirstDays", "4").param("busyLastDays", "2")
                        .param("monthCloseDay", "2").param("minNoticeDays", "1").param("serviceLevelTarget", "90")
                        .param("serviceLevelSeconds", "30").param("maxOccupancy", "85").param("shrinkage", "30")
                        .param("quotaMode", "FIXED").param("specialBusyDates", "")
                        .param("effectiveFrom", from.toString()).param("standardDayMinutes", minutes);
        mvc.perform(form.apply("721"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"standardDayMinutes-error\""),
                        containsString("Between 60 and 720 minutes (1 h to 12 h)."))));
        assertThat(settings.on(center.id(), from).standardDayMinutes()).isEqualTo(480);

        mvc.perform(form.apply("450")).andExpect(status().is3xxRedirection());
        assertThat(settings.on(center.id(), from).standardDayMinutes()).isEqualTo(450);
        assertThat(settings.on(center.id(), from.minusDays(1)).standardDayMinutes()).isEqualTo(480);
        mvc.perform(get(path).param("from", from.toString()).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*name=\"standardDayMinutes\"[^>]*value=\"450\".*")));
        mvc.perform(get(path).param("from", from.toString()).header("Accept-Language", "zh-CN").with(as("admin")))
                .andExpect(content().string(containsString("标准带薪工作日时长")));
        // the planner's calendar lists the day in force today, which the change from next week leaves at 8 h
        mvc.perform(get("/planner/calendar").param("center", center.code()).header("Accept-Language", "en")
                        .with(as(org.plannerUser(center)))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Standard paid day (one agent-day of the balance"),
                        containsString("data-testid=\"standard-day\">8:00<"))));
    }

    @Test
    void aContractIsTypedInHoursAndMinutesAndTextThatIsNoTimeIsRefusedAtTheField() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        String employeeNo = Org.unique("E");
        mvc.perform(post("/admin/agents").param("employeeNo", employeeNo).param("name", "Li Lei")
                        .param("team", center.code() + "/" + team.code()).param("weeklyMinMinutes", "2,400")
                        .param("weeklyMaxMinutes", "40").param("skills", "voice").with(as("admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter hours and minutes, such as 40:00 or 37:30.")));
        mvc.perform(get("/admin/agents/new").with(as("admin")))
                .andExpect(content().string(allOf(containsString("value=\"40:00\""),
                        containsString("Weekly contract in hours and minutes"))));
        mvc.perform(post("/admin/agents").param("employeeNo", employeeNo).param("name", "Li Lei")
                        .param("team", center.code() + "/" + team.code()).param("weeklyMinMinutes", "37:30")
                        .param("weeklyMaxMinutes", "40").param("skills", "voice").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var agent = organisation.findAgent(employeeNo).orElseThrow();
        assertThat(agent.weeklyMinMinutes()).isEqualTo(2250);
        assertThat(agent.weeklyMaxMinutes()).isEqualTo(2400);
    }
}
