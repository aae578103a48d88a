package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;

@IntegrationTest
class EmergencyAndBonusApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    LedgerService ledger;
    @Autowired
    Clock clock;
    @Autowired
    MutableClock pinnedClock;

    @AfterEach
    void resetClock() {
        pinnedClock.reset();
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void emergencyOvertimeCreditsWorkedTimeWithTheLevelsInterest() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        Agent b = org.agent(team);
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        String body = mvc.perform(as(planner, post("/api/emergencies")).content("""
                        {"centerCode":"%s","level":3,"date":"%s","reason":"typhoon: network outage"}"""
                        .formatted(center.code(), today)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rate").value(0.6))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(as(planner, post("/api/emergencies/" + id + "/participants")).content("""
                        [{"employeeNo":"%s","workedSeconds":3600},{"employeeNo":"%s","workedSeconds":5400}]"""
                        .formatted(a.employeeNo(), b.employeeNo())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].creditedSeconds").value(5760))
                .andExpect(jsonPath("$[1].creditedSeconds").value(8640));
        // the same participant again posts nothing new
        mvc.perform(as(planner, post("/api/emergencies/" + id + "/participants")).content("""
                        [{"employeeNo":"%s","workedSeconds":3600}]""".formatted(a.employeeNo())))
                .andExpect(status().isOk());
        assertThat(ledger.account(a.id()).balanceSeconds()).isEqualTo(5_760);
        LedgerEntry entry = ledger.statement(a.id(), null, null, 0, 10).entries().get(0);
        assertThat(entry.kind()).isEqualTo(EntryKind.EMERGENCY_OVERTIME);
        assertThat(entry.reference()).contains("emergency " + id);
        mvc.perform(as(planner, post("/api/emergencies/" + id + "/participants")).content("""
                        [{"employeeNo":"%s","workedSeconds":1800}]""".formatted(a.employeeNo())))
                .andExpect(status().isConflict());
        Agent stranger = org.agent(org.team(org.center()));
        mvc.perform(as(planner, post("/api/emergencies/" + id + "/participants")).content("""
                        [{"employeeNo":"%s","workedSeconds":600},{"employeeNo":"%s","workedSeconds":0}]"""
                        .formatted(stranger.employeeNo(), b.employeeNo())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(as(planner, post("/api/emergencies")).content("""
                        {"centerCode":"%s","level":4,"date":"%s","reason":"x"}""".formatted(center.code(), today)))
                .andExpect(status().isBadRequest());
        mvc.perform(as(org.leadUser(team), post("/api/emergencies")).content("""
                        {"centerCode":"%s","level":1,"date":"%s","reason":"x"}""".formatted(center.code(), today)))
                .andExpect(status().isNotFound());
        mvc.perform(as(org.plannerUser(org.center()), get("/api/emergencies/" + id))).andExpect(status().isNotFound());

        // the list is paged like the others: a page of one and the total in X-Total-Count
        mvc.perform(as(planner, post("/api/emergencies")).content("""
                        {"centerCode":"%s","level":1,"date":"%s","reason":"storm"}""".formatted(center.code(), today)))
                .andExpect(status().isCreated());
        mvc.perform(as(planner, get("/api/emergencies")).param("center", center.code()).param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void bonusesStayWithinOnePercentOfPublishedScheduledTime() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        String lead = org.leadUser(team);
        String planner = org.plannerUser(center);
        mvc.perform(as(lead, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":600,"reason":"won the quality contest"}""".formatted(a.employeeNo())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("No shifts are published")));

        // 10 shifts of 8 h paid (9 h less a 60 min break) this month: 288,000 s scheduled → cap 2,880 s
        LocalDate first = center.today(clock).withDayOfMonth(1);
        StringBuilder csv = new StringBuilder("employee_no,date,start,end,break_minutes\n");
        for (int i = 0; i < 10; i++) {
            csv.append(a.employeeNo()).append(',').append(first.plusDays(i)).append(",08:00,17:00,60\n");
        }
        mvc.perform(post("/api/centers/" + center.code() + "/shifts").with(httpBasic(planner, Org.PASSWORD))
                        .contentType("text/csv").content(csv.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(10));
        mvc.perform(as(lead, get("/api/centers/" + center.code() + "/time-bonus-budget")))
                .andExpect(jsonPath("$.capSeconds").value(2880))
                .andExpect(jsonPath("$.remainingSeconds").value(2880));
        // the center's budget is the leads' and planners': to an agent it is unknown, like the balance sheet
        mvc.perform(as(org.agentUser(a), get("/api/centers/" + center.code() + "/time-bonus-budget")))
                .andExpect(status().isNotFound());
        mvc.perform(as(lead, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":2000,"reason":"won the quality contest"}""".formatted(a.employeeNo())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("TIME_BONUS"))
                .andExpect(jsonPath("$.seconds").value(2000));
        mvc.perform(as(planner, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":881,"reason":"suggestion adopted"}""".formatted(a.employeeNo())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("remaining budget")))
                .andExpect(jsonPath("$.detail").value(containsString("880 s")));
        mvc.perform(as(planner, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":880,"reason":"suggestion adopted"}""".formatted(a.employeeNo())))
                .andExpect(status().isCreated());
        assertThat(ledger.account(a.id()).balanceSeconds()).isEqualTo(2_880);

        Team otherTeam = org.team(center);
        mvc.perform(as(org.leadUser(otherTeam), post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":1,"reason":"x"}""".formatted(a.employeeNo())))
                .andExpect(status().isNotFound());
        mvc.perform(as(org.agentUser(a), post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":1,"reason":"x"}""".formatted(a.employeeNo())))
                .andExpect(status().isForbidden());
        mvc.perform(as(lead, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":-5,"reason":""}""".formatted(a.employeeNo())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMonthsBonusCapTakesTheRatioOfItsFirstDayForGrantsAndTheSheetAlike() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        String lead = org.leadUser(team);
        String planner = org.plannerUser(center);
        YearMonth month = YearMonth.from(center.today(clock)).plusMonths(1);
        pinnedClock.pin(month.atDay(1).atTime(LocalTime.NOON).atZone(center.timeZone()).toInstant());
        // 288,000 s scheduled; 1% on the 1st → cap 2,880 s; the ratio rises to 5% from the 15th (14,400 s)
        StringBuilder csv = new StringBuilder("employee_no,date,start,end,break_minutes\n");
        for (int i = 0; i < 10; i++) {
            csv.append(a.employeeNo()).append(',').append(month.atDay(1 + i)).append(",08:00,17:00,60\n");
        }
        mvc.perform(post("/api/centers/" + center.code() + "/shifts").with(httpBasic(planner, Org.PASSWORD))
                        .contentType("text/csv").content(csv.toString()))
                .andExpect(status().isOk());
        mvc.perform(put("/api/centers/" + center.code() + "/settings").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"effectiveFrom":"%s","bonusCapRatio":"0.05"}""".formatted(month.atDay(15))))
                .andExpect(status().isOk());

        pinnedClock.pin(month.atDay(16).atTime(LocalTime.NOON).atZone(center.timeZone()).toInstant());
        mvc.perform(as(lead, get("/api/centers/" + center.code() + "/time-bonus-budget")))
                .andExpect(jsonPath("$.capSeconds").value(2880))
                .andExpect(jsonPath("$.remainingSeconds").value(2880));
        mvc.perform(as(lead, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":3000,"reason":"won the quality contest"}""".formatted(a.employeeNo())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("2880 s")));
        mvc.perform(as(lead, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":2880,"reason":"won the quality contest"}""".formatted(a.employeeNo())))
                .andExpect(status().isCreated());
        mvc.perform(as(planner, get("/api/centers/" + center.code() + "/reports/balance-sheet")
                        .param("month", month.toString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bonusCap.capSeconds").value(2880))
                .andExpect(jsonPath("$.bonusCap.usedSeconds").value(2880))
                .andExpect(jsonPath("$.bonusCap.leftSeconds").value(0));
    }

    @Test
    void badShiftFilesAreRefusedWhole() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        String csv = "employee_no,date,start,end,break_minutes\n"
                + a.employeeNo() + ",2026-12-01,22:00,06:00,30\n"
                + a.employeeNo() + ",2026-12-02,25:00,06:00,30\n"
                + "NOBODY,2026-12-03,08:00,17:00,60\n"
                + a.employeeNo() + ",2026-12-04,08:00,09:00,60\n";
        mvc.perform(post("/api/centers/" + center.code() + "/shifts").with(httpBasic(planner, Org.PASSWORD))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].line", Matchers.contains(3, 4, 5)));
        mvc.perform(as(planner, get("/api/centers/" + center.code() + "/shifts?from=2026-12-01&to=2026-12-31")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(as(planner, post("/api/centers/" + center.code() + "/shifts")).content("""
                        [{"employeeNo":"%s","date":"2026-12-01","start":"22:00","end":"06:00","breakMinutes":30}]"""
                        .formatted(a.employeeNo())))
                .andExpect(status().isOk());
        mvc.perform(as(planner, get("/api/centers/" + center.code() + "/shifts?from=2026-12-01&to=2026-12-31")))
                .andExpect(jsonPath("$[0].end").value("2026-12-02T06:00"));
    }
}
