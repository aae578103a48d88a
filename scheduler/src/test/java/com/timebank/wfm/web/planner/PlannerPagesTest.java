package com.timebank.wfm.web.planner;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.QuotaMode;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.timebank.EmergencyService;

/** The planner pages without a browser: scope (404 outside the planner's centers), roles (403), uploads, forms. */
@IntegrationTest
class PlannerPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;
    @Autowired
    ForecastService forecasts;
    @Autowired
    EmergencyService emergencies;
    @Autowired
    Clock clock;
    @Autowired
    CenterSettingsService settings;

    Center mine;
    Center theirs;
    String planner;
    String otherPlanner;

    @BeforeEach
    void centers() {
        mine = org.center();
        theirs = org.center();
        planner = org.plannerUser(mine);
        otherPlanner = org.plannerUser(theirs);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "history.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlannerOfAnotherCenterGetsNotFoundForEveryRecordOfIt() throws Exception {
        LocalDate yesterday = theirs.today(clock).minusDays(1);
        history.importCsv(theirs.code(), null, HistoryCsv.days(yesterday, 42), org.as(otherPlanner));
        long forecastId = forecasts.create(theirs.code(), new ForecastService.ForecastRequest(yesterday.plusDays(1),
                yesterday.plusDays(7), "seasonal-naive", null, null), org.as(otherPlanner)).value().run().id();
        long emergencyId = emergencies.activate(theirs.code(), 1, yesterday, "outage", org.as(otherPlanner)).id();

        mvc.perform(get("/planner/forecasts/" + forecastId).with(as(otherPlanner))).andExpect(status().isOk());
        for (String page : new String[] {"/planner/history?center=", "/planner/forecasts?center=",
                "/planner/emergencies?center=", "/planner/calendar?center=", "/planner/jobs?center="}) {
            mvc.perform(get(page + theirs.code()).with(as(planner)))
                    .andExpect(status().isNotFound()).andExpect(content().string(containsString("data-status=\"404\"")));
            mvc.perform(get(page + mine.code()).with(as(planner))).andExpect(status().isOk());
        }
        for (String page : new String[] {"/planner/forecasts/" + forecastId, "/planner/forecasts/" + forecastId + "/chart",
                "/planner/forecasts/" + forecastId + "/requirements", "/planner/forecasts/" + forecastId + "/requirements/chart",
                "/planner/emergencies/" + emergencyId, "/planner/forecasts/999999999"}) {
            mvc.perform(get(page).with(as(planner))).andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/planner/history").file(csv(HistoryCsv.days(yesterday, 1))).param("center", theirs.code())
                .with(as(planner)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/planner/emergencies/" + emergencyId + "/participants").param("employeeNo", "X")
                .param("hours", "1").with(as(planner)).with(csrf())).andExpect(status().isNotFound());
        assertThat(history.count(theirs.id())).isEqualTo(36 * 24);
    }

    @Test
    void agentsAndLeadsMayNotOpenPlannerPages() throws Exception {
        Team team = org.team(mine);
        Agent agent = org.agent(team);
        String agentUser = org.agentUser(agent);
        String lead = org.leadUser(team);
        for (String who : new String[] {agentUser, lead}) {
            for (String page : new String[] {"/planner/history", "/planner/forecasts", "/planner/emergencies",
                    "/planner/calendar", "/planner/jobs", "/admin/centers", "/admin/agents", "/admin/users"}) {
                mvc.perform(get(page).with(as(who))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(get("/").with(as(planner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("History upload"), containsString("Forecasts"))));
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryBadLineAndAGoodOneIsImported() throws Exception {
        LocalDate day = mine.today(clock).minusDays(3);
        String bad = HistoryCsv.HEADER + day + "T09:00,12,180\n" + day + "T09:30,many,180\n" + day + "T10:07,5,180\n";
        mvc.perform(multipart("/planner/history").file(csv(bad)).param("center", mine.code()).with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("data-testid=\"upload-refused\""),
                        containsString("&#39;many&#39; is not a whole number"), containsString("off the 5-minute grid"),
                        containsString(">3<"), containsString(">4<"))));
        assertThat(history.count(mine.id())).isZero();

        mvc.perform(multipart("/planner/history").param("center", mine.code()).with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the CSV file to upload.")));

        mvc.perform(multipart("/planner/history").file(csv(HistoryCsv.days(day, 7))).param("center", mine.code())
                        .with(as(planner)).with(csrf()))
                .andExpect(redirectedUrl("/planner/history?center=" + mine.code()));
        assertThat(history.count(mine.id())).isEqualTo(6 * 24);
    }

    @Test
    void theForecastFormExplainsWhatIsWrongNextToTheField() throws Exception {
        LocalDate yesterday = mine.today(clock).minusDays(1);
        history.importCsv(mine.code(), null, HistoryCsv.days(yesterday, 42), org.as(planner));
        mvc.perform(post("/planner/forecasts").param("center", mine.code()).param("from", yesterday.plusDays(10).toString())
                        .param("to", yesterday.plusDays(2).toString()).param("method", "").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"to-error\""), containsString("to must not be before from"))));
        mvc.perform(post("/planner/forecasts").param("center", mine.code()).param("from", "")
                        .param("to", "tomorrow").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter a date."), containsString("Enter a date as YYYY-MM-DD."))));
        mvc.perform(post("/planner/forecasts").param("center", mine.code()).param("from", yesterday.plusDays(1).toString())
                        .param("to", yesterday.plusDays(7).toString()).param("method", "seasonal-naive")
                        .with(as(planner)).with(csrf()))
                .andExpect(redirectedUrlPattern("/planner/forecasts/*"));
        long id = forecasts.forecasts(mine.code(), com.timebank.wfm.api.Paging.of(0, 1), org.as(planner)).value().items()
                .get(0).id();
        mvc.perform(get("/planner/forecasts/" + id + "/chart").with(as(planner))).andExpect(status().isOk())
                .andExpect(jsonPath("$.forecast.length()").value(18 * 24))
                .andExpect(jsonPath("$.names.band80").value("80% interval"))
                .andExpect(jsonPath("$.yTitle").value("Contacts per " + mine.intervalMinutes() + "-minute interval"))
                .andExpect(jsonPath("$.xTitle").value("Interval start, " + mine.timeZone().getId() + " time"));
        mvc.perform(get("/planner/forecasts/" + id + "/requirements/chart").with(as(planner)))
                .andExpect(jsonPath("$.yTitle").value("Agents (people)"));
        // six weeks of history are too short for a 10-day backtest: the page says so instead of a table
        mvc.perform(post("/planner/forecasts/" + id + "/backtest").with(as(planner)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("History too short for a backtest")));
        mvc.perform(get("/planner/forecasts/" + id + "/requirements").with(as(planner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"requirement-days\""),
                        containsString("Agent-hours to schedule (h:mm)"))))
                .andExpect(content().string(matchesPattern("(?s).*>\\d+:\\d{2}</td>.*")));
    }

    @Test
    void aPlannerChangesQuotasAndBusyDaysFromADateOnWithErrorsNextToTheFields() throws Exception {
        LocalDate from = mine.today(clock).plusDays(10);
        mvc.perform(get("/planner/calendar").param("center", mine.code()).with(as(planner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"quota-form\"")));
        mvc.perform(post("/planner/calendar/settings").param("center", mine.code()).with(as(planner)).with(csrf())
                        .param("effectiveFrom", from.toString()).param("idleDayQuota", "6").param("busyDayQuota", "1")
                        .param("busyFirstDays", "3").param("busyLastDays", "2")
                        .param("specialBusyDates", from.plusDays(3).toString()).param("quotaMode", "DERIVED")
                        .param("minNoticeDays", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/planner/calendar?center=" + mine.code() + "*"));
        var view = settings.view(mine.code(), from, org.admin());
        assertThat(view.idleDayQuota()).isEqualTo(6);
        assertThat(view.busyDays().firstDays()).isEqualTo(3);
        assertThat(view.quotaMode()).isEqualTo(QuotaMode.DERIVED);
        assertThat(view.specialBusyDates()).contains(from.plusDays(3));
        assertThat(settings.view(mine.code(), from.minusDays(1), org.admin()).idleDayQuota()).isEqualTo(2);

        mvc.perform(post("/planner/calendar/settings").param("center", mine.code()).with(as(planner)).with(csrf())
                        .param("effectiveFrom", from.toString()).param("idleDayQuota", "-1").param("busyDayQuota", "")
                        .param("busyFirstDays", "3").param("busyLastDays", "2").param("specialBusyDates", "soon")
                        .param("quotaMode", "FIXED").param("minNoticeDays", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("busyDayQuota-error"),
                        containsString("specialBusyDates-error"))));
        mvc.perform(post("/planner/calendar/settings").param("center", theirs.code()).with(as(planner)).with(csrf())
                        .param("effectiveFrom", from.toString()).param("idleDayQuota", "9").param("busyDayQuota", "0")
                        .param("busyFirstDays", "3").param("busyLastDays", "2").param("quotaMode", "FIXED")
                        .param("minNoticeDays", "2"))
                .andExpect(status().isNotFound());
        assertThat(settings.view(theirs.code(), from, org.admin()).idleDayQuota()).isEqualTo(2);
    }

    @Test
    void anEmergencyFormSentTwiceActivatesOnce() throws Exception {
        String form = mvc.perform(get("/planner/emergencies?center=" + mine.code()).with(as(planner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher hidden = Pattern.compile("name=\"activateKey\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(hidden.find()).as("the form carries its key").isTrue();
        String key = hidden.group(1);
        String today = mine.today(clock).toString();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            shown.add(mvc.perform(post("/planner/emergencies").with(as(planner)).with(csrf())
                            .param("center", mine.code()).param("level", "2").param("date", today)
                            .param("reason", "double click").param("activateKey", key))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
        }
        assertThat(shown.get(1)).as("the first emergency, shown again").isEqualTo(shown.get(0));
        assertThat(emergencies.emergencies(mine.code(), 0, 10, org.as(planner)).items()).hasSize(1);

        // the same form sent again with other values (back, edit, send): refused with a new key, nothing activated
        mvc.perform(post("/planner/emergencies").with(as(planner)).with(csrf())
                        .param("center", mine.code()).param("level", "3").param("date", today)
                        .param("reason", "double click").param("activateKey", key))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("already activated an emergency with other values"),
                        not(containsString("name=\"activateKey\" value=\"" + key + "\"")))));
        assertThat(emergencies.emergencies(mine.code(), 0, 10, org.as(planner)).items()).hasSize(1);
    }
}
