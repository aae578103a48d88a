package com.timebank.wfm.web;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.leave.TimeOffStatus;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.LedgerService;

/** The leave pages without a browser: scope (404), CSRF, the 422 reasons by the field, the htmx row answers. */
@IntegrationTest
@Import(PageSeed.class)
class LeavePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    com.timebank.wfm.org.OrganisationService organisation;
    @Autowired
    LeaveService leave;
    @Autowired
    LedgerService ledger;
    @Autowired
    CenterSettingsService settings;
    @Autowired
    com.timebank.wfm.support.MutableClock clock;
    @Autowired
    com.timebank.wfm.leave.MonthCloseService monthClose;
    @Autowired
    com.timebank.wfm.leave.TimeOffPosting timeOffPosting;

    Center center;
    Team team;
    Team otherTeam;
    Agent ana;
    Agent stranger;
    String anaUser;
    String lead;
    String otherLead;
    LocalDate day;

    @BeforeEach
    void organisation() {
        center = org.center();
        team = org.team(center);
        otherTeam = org.team(center);
        ana = seed.agent(team, "Ana Ferreira");
        stranger = seed.agent(otherTeam, "Cai Wen");
        anaUser = org.agentUser(ana);
        lead = org.leadUser(team);
        otherLead = org.leadUser(otherTeam);
        seed.settledDay(center, seed.today(center).minusDays(1), Map.of(ana, new long[] {28_800, 0})); // +1,066 s
        seed.shiftsFromToday(center, ana, 14);
        day = seed.today(center).plusDays(1);
        while (settings.isBusyDay(center.id(), day)) {
            day = day.plusDays(1);
        }
    }

    @Test
    void anAgentOpensOwnLeavePagesOnlyAndALeadOfAnotherTeamCannotDecide() throws Exception {
        mvc.perform(get("/agents/" + ana.employeeNo() + "/time-off").with(as(anaUser))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"calendar\""),
                        containsString("data-testid=\"day-" + day + "\""))));
        mvc.perform(get("/agents/" + ana.employeeNo() + "/leave").with(as(anaUser))).andExpect(status().isOk());
        for (String path : new String[] {"/time-off", "/leave"}) {
            mvc.perform(get("/agents/" + stranger.employeeNo() + path).with(as(anaUser)))
                    .andExpect(status().isNotFound()).andExpect(content().string(containsString("data-status=\"404\"")));
            mvc.perform(get("/agents/" + ana.employeeNo() + path).with(as(otherLead))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/lead/time-off").with(as(anaUser))).andExpect(status().isForbidden());

        long id = timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser)).id();
        mvc.perform(post("/lead/time-off/" + id + "/approve").header("HX-Request", "true").with(csrf()).with(as(otherLead)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/lead/time-off").with(as(otherLead))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Ana Ferreira"))));
        // the stranger's own agent cannot cancel Ana's request through their page either
        String strangerUser = org.agentUser(stranger);
        mvc.perform(post("/agents/" + stranger.employeeNo() + "/time-off/" + id + "/cancel").with(csrf()).with(as(strangerUser)))
                .andExpect(status().isNotFound());
        assertThat(timeOff.request(id, org.as(lead)).status()).isEqualTo(TimeOffStatus.PENDING);

        mvc.perform(post("/lead/time-off/" + id + "/approve").header("HX-Request", "true").with(csrf()).with(as(lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-status=\"APPROVED\""),
                        containsString("Approved: 10 min for Ana Ferreira"), not(containsString("<html")))));
        assertThat(timeOff.request(id, org.as(lead)).status()).isEqualTo(TimeOffStatus.APPROVED);
    }

    /** Two centers with a team of the same code: the queue's filter names each team by center and code. */
    @Test
    void aPlannerOfTwoCentersFiltersTheQueueByATeamCodeBothCentersHave() throws Exception {
        Center second = org.center();
        organisation.createTeam(second.code(), team.code(), "Twin", org.admin());
        String planner = org.plannerUser(center, second);
        timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser));
        mvc.perform(get("/lead/time-off").with(as(planner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"" + center.code() + "/" + team.code() + "\""),
                        containsString("value=\"" + second.code() + "/" + team.code() + "\""))));
        mvc.perform(get("/lead/time-off").param("team", center.code() + "/" + team.code()).with(as(planner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ana Ferreira")));
        mvc.perform(get("/lead/time-off").param("team", second.code() + "/" + team.code()).with(as(planner)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Ana Ferreira"))));
    }

    @Test
    void everyFormNeedsTheCsrfToken() throws Exception {
        long id = timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser)).id();
        mvc.perform(post("/lead/time-off/" + id + "/approve").header("HX-Request", "true").with(as(lead)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agents/" + ana.employeeNo() + "/time-off/" + id + "/cancel").with(as(anaUser)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agents/" + ana.employeeNo() + "/time-off").param("date", day.plusDays(1).toString())
                .with(as(anaUser))).andExpect(status().isForbidden());
        mvc.perform(post("/agents/" + ana.employeeNo() + "/leave").param("month", YearMonth.from(day).toString())
                .with(as(anaUser))).andExpect(status().isForbidden());
        mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).with(as(lead)))
                .andExpect(status().isForbidden());
        assertThat(timeOff.request(id, org.as(lead)).status()).isEqualTo(TimeOffStatus.PENDING);
    }

    @Test
    void refusedRequestsSayWhyNextToTheFieldWithA422() throws Exception {
        String page = "/agents/" + ana.employeeNo() + "/time-off";
        LocalDate today = seed.today(center);
        mvc.perform(post(page).param("date", today.toString()).param("length", "hours").param("minutes", "10")
                .with(csrf()).with(as(anaUser)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("id=\"date-error\""),
                        containsString("Time off must be asked 1 day ahead"))));
        mvc.perform(post(page).param("date", today.plusDays(20).toString()).param("length", "shift")
                .with(csrf()).with(as(anaUser)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("You have no published shift on")));
        mvc.perform(post(page).param("date", day.toString()).param("length", "shift").with(csrf()).with(as(anaUser)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("id=\"length-error\""),
                        containsString("Your available balance (17 min) does not cover 8 h."))));
        mvc.perform(post(page).param("date", "tomorrow").with(csrf()).with(as(anaUser)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Enter a date.")));
        mvc.perform(post(page).param("date", day.toString()).param("length", "hours").param("minutes", "75")
                .with(csrf()).with(as(anaUser)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Minutes are 0 to 59")));
        assertThat(timeOff.requestsOf(ana.employeeNo(), null, null, org.as(anaUser))).isEmpty();
        assertThat(ledger.account(ana.id()).availableSeconds()).isEqualTo(1_066);

        mvc.perform(post(page).param("date", day.toString()).param("length", "hours").param("minutes", "15")
                .with(csrf()).with(as(anaUser))).andExpect(redirectedUrl(page));
        assertThat(ledger.account(ana.id()).availableSeconds()).isEqualTo(1_066 - 900);
        mvc.perform(post(page).param("date", day.toString()).param("length", "hours").param("minutes", "1")
                .with(csrf()).with(as(anaUser)))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"date-error\""), containsString("already has an open time-off request"))));
    }

    @Test
    void aLeadRecordsLeaveWithMessagesByTheFieldAndOnlyForOwnTeams() throws Exception {
        LocalDate idle = YearMonth.from(seed.today(center)).atDay(10);
        mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "PERSONAL")
                .param("date", idle.toString()).with(csrf()).with(as(lead)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give a duration between 1 minute and 24 hours.")));
        mvc.perform(post("/lead/leave").param("employeeNo", stranger.employeeNo()).param("type", "PERSONAL")
                .param("date", idle.toString()).param("hours", "1").with(csrf()).with(as(lead)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"employeeNo-error\"")));
        mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "HOLIDAY")
                .param("date", idle.toString()).param("hours", "1").with(csrf()).with(as(lead)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Choose the type of leave.")));
        assertThat(leave.month(ana.employeeNo(), YearMonth.from(idle), org.as(lead)).items()).isEmpty();
        mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "PERSONAL")
                .param("date", idle.toString()).param("hours", "1").param("minutes", "30").with(csrf()).with(as(lead)))
                .andExpect(redirectedUrl("/lead/leave?employeeNo=" + ana.employeeNo()));
        assertThat(leave.month(ana.employeeNo(), YearMonth.from(idle), org.as(lead)).leaveSeconds()).isEqualTo(5_400);

        // the form carries a key of its own: sent twice, it records the leave once
        String form = mvc.perform(get("/lead/leave").with(as(lead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("name=\"recordKey\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(hidden.find()).as("the form carries its key").isTrue();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "SICK")
                            .param("date", idle.toString()).param("hours", "2").param("recordKey", hidden.group(1))
                            .with(csrf()).with(as(lead)))
                    .andExpect(redirectedUrl("/lead/leave?employeeNo=" + ana.employeeNo()));
        }
        assertThat(leave.month(ana.employeeNo(), YearMonth.from(idle), org.as(lead)).leaveSeconds())
                .isEqualTo(5_400 + 7_200);
        // the same form sent again with other hours (back, changed, sent): refused with a fresh key, nothing recorded
        String again = mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "SICK")
                        .param("date", idle.toString()).param("hours", "3").param("recordKey", hidden.group(1))
                        .header("Accept-Language", "en").with(csrf()).with(as(lead)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("This form had already recorded leave with other values")
                .doesNotContain("value=\"" + hidden.group(1) + "\"");
        assertThat(leave.month(ana.employeeNo(), YearMonth.from(idle), org.as(lead)).leaveSeconds())
                .isEqualTo(5_400 + 7_200);
    }

    @Test
    void anExpiredRequestSaysWhyInTheReadersLanguage() throws Exception {
        timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser));
        try {
            clock.pin(day.plusDays(1).atTime(0, 30).atZone(center.timeZone()).toInstant());
            timeOffPosting.postDue(center.id(), day.plusDays(1));
            String html = mvc.perform(get("/agents/" + ana.employeeNo() + "/time-off").with(as(anaUser))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).contains("data-status=\"EXPIRED\"").contains("当天到来前未获审批")
                    .doesNotContain("undecided when the day came");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aClosedMonthIsReadOnlyWithItsAttendance() throws Exception {
        YearMonth month = YearMonth.from(seed.today(center)).minusMonths(2);
        String page = "/agents/" + ana.employeeNo() + "/leave";
        try {
            clock.pin(month.atDay(20).atTime(12, 0).atZone(center.timeZone()).toInstant());
            for (int d = 15; d <= 18; d++) { // 4 × 1,066 s
                seed.settledDay(center, month.atDay(d), Map.of(ana, new long[] {28_800, 0}));
            }
            long idle = leave.record(new LeaveService.NewLeave(ana.employeeNo(), month.atDay(10), 3_600L, "PERSONAL"),
                    org.as(lead)).id();
            leave.record(new LeaveService.NewLeave(ana.employeeNo(), month.atDay(2), 1_800L, "SICK"), org.as(lead));
            // while open: the busy day's checkbox is disabled with the reason, the idle one can be chosen
            mvc.perform(get(page).param("month", month.toString()).with(as(anaUser))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("data-testid=\"deadline\""),
                            containsString("Not eligible: leave on a busy day cannot be offset"),
                            containsString("data-testid=\"save-offsets\""))));
            mvc.perform(post(page).param("month", month.toString()).param("leaveIds", Long.toString(idle))
                    .with(csrf()).with(as(anaUser))).andExpect(redirectedUrl(page + "?month=" + month));
        } finally {
            clock.reset();
        }
        monthClose.closeMonth(center.id(), month, com.timebank.wfm.leave.MonthCloseService.BatchObserver.NONE);

        mvc.perform(get(page).param("month", month.toString()).with(as(anaUser))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"attendance\""),
                        containsString("Leave 1 h 30 min, offset 1 h"), containsString("no full attendance"),
                        containsString("it is read-only"), not(containsString("data-testid=\"save-offsets\"")),
                        not(containsString("data-testid=\"deadline\"")))));
        // a late change is refused and changes nothing
        mvc.perform(post(page).param("month", month.toString()).with(csrf()).with(as(anaUser)))
                .andExpect(redirectedUrl(page + "?month=" + month));
        assertThat(leave.month(ana.employeeNo(), month, org.as(lead)).attendance().offsetSeconds()).isEqualTo(3_600);
    }
}
