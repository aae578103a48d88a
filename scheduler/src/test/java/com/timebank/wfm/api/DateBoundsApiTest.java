package com.timebank.wfm.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * Dates the service cannot handle (before 2000, years ahead) are refused at every door with 422 naming the field
 * or line, instead of a 500 or a stored row that stalls the nightly jobs; numbers sent for text fields are 400.
 */
@IntegrationTest
class DateBoundsApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;

    Center center;
    Team team;
    Agent agent;
    String planner;
    String admin = "admin";

    @BeforeEach
    void organisation() {
        center = org.center();
        team = org.team(center);
        agent = org.agent(team);
        planner = org.plannerUser(center);
    }

    private ResultActions send(String user, MockHttpServletRequestBuilder r) throws Exception {
        String password = user.equals("admin") ? "admin-test-password" : Org.PASSWORD;
        return mvc.perform(r.with(httpBasic(user, password)));
    }

    private ResultActions json(String user, MockHttpServletRequestBuilder r, String body) throws Exception {
        return send(user, r.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions csv(String user, MockHttpServletRequestBuilder r, String body) throws Exception {
        return send(user, r.contentType("text/csv").content(body));
    }

    private static void refused(ResultActions r, String field) throws Exception {
        r.andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value(startsWith("range.")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    private static void refusedLine(ResultActions r, int line) throws Exception {
        r.andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].line").value(line))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].code").value("range.date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31", "0001-01-01", "9999-12-31"})
    void activityOutsideTheRangeIsRefusedWithItsLine(String date) throws Exception {
        refusedLine(json(planner, post("/api/activity"), """
                [{"employeeNo":"%s","date":"%s","loggedSeconds":28800,"auxSeconds":600}]"""
                .formatted(agent.employeeNo(), date)), 1);
        refusedLine(csv(planner, post("/api/activity"), "employee_no,date,logged_seconds,aux_seconds\n"
                + agent.employeeNo() + "," + date + ",28800,600\n"), 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31", "0001-01-01", "9999-12-31"})
    void leaveOutsideTheRangeIsRefused(String date) throws Exception {
        refused(json(planner, post("/api/leave"), """
                {"employeeNo":"%s","date":"%s","seconds":3600,"type":"PERSONAL"}"""
                .formatted(agent.employeeNo(), date)), "date");
        refusedLine(csv(planner, post("/api/leave"), "employee_no,date,seconds,type\n" + agent.employeeNo() + ","
                + date + ",3600,SICK\n"), 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "9999-12-31"})
    void shiftsAndHistoryOutsideTheRangeAreRefused(String date) throws Exception {
        refusedLine(csv(planner, post("/api/centers/" + center.code() + "/shifts"),
                "employee_no,date,start,end,break_minutes\n" + agent.employeeNo() + "," + date + ",09:00,17:00,60\n"), 2);
        csv(planner, post("/api/centers/" + center.code() + "/history"),
                "interval_start,contacts,aht_seconds\n" + date + "T08:00,10,120\n")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("interval_start"));
    }

    @Test
    void jsonDatesOfEveryRequestAreBounded() throws Exception {
        refused(json(planner, post("/api/emergencies"), """
                {"centerCode":"%s","level":3,"date":"0001-01-01","reason":"outage"}""".formatted(center.code())),
                "date");
        refused(json(org.agentUser(agent), post("/api/time-off-requests"), """
                {"employeeNo":"%s","date":"9999-12-31","seconds":3600}""".formatted(agent.employeeNo())), "date");
        refused(json(planner, post("/api/jobs/aux-settlement/run"), """
                {"centerCode":"%s","date":"1999-12-31"}""".formatted(center.code())), "date");
        refused(json(admin, put("/api/centers/" + center.code() + "/settings"), """
                {"effectiveFrom":"9999-12-31"}"""), "effectiveFrom");
        refused(json(admin, put("/api/centers/" + center.code() + "/settings"), """
                {"specialBusyDates":["0001-01-01"]}"""), "specialBusyDates[0]");
    }

    @Test
    void settingsOutOfRangeNameTheField() throws Exception {
        json(admin, put("/api/centers/" + center.code() + "/settings"), """
                {"auxTarget":"0"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("auxTarget"))
                .andExpect(jsonPath("$.errors[0].code").value("number.above-at-most"));
    }

    @Test
    void dateAndMonthParametersAreBounded() throws Exception {
        String c = "/api/centers/" + center.code();
        refused(send(planner, get(c + "/time-off-quota?date=0001-01-01")), "date");
        refused(send(planner, get(c + "/time-off-quotas?from=1999-12-31&to=2026-01-01")), "from");
        refused(send(admin, get(c + "/settings?date=9999-12-31")), "date");
        refused(send(planner, get("/api/agents/" + agent.employeeNo() + "/leave?month=0001-01")), "month");
        refused(send(planner, get(c + "/time-bonus-budget?month=0001-01")), "month");
        refused(send(planner, get("/api/agents/" + agent.employeeNo() + "/timebank/entries?from=0001-01-01")), "from");
        refused(send(planner, get(c + "/shifts?from=2026-01-01&to=9999-12-31")), "to");
    }

    @Test
    void aNumberForATextFieldIsRefusedNamingTheField() throws Exception {
        json(planner, post("/api/emergencies"), """
                {"centerCode":12,"level":3,"date":"2026-01-01","reason":"outage"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("centerCode"));
        json(admin, post("/api/centers/" + center.code() + "/teams"), """
                {"code":true,"name":"x"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void aRefusalSpeaksTheClientsLanguageButKeepsItsCode() throws Exception {
        send(planner, get("/api/centers/" + center.code() + "/time-off-quota?date=0001-01-01")
                .header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("range.date"))
                .andExpect(jsonPath("$.args[0]").value("0001-01-01"))
                .andExpect(jsonPath("$.detail").value(startsWith("0001-01-01 超出服务接受的日期范围")));
    }
}
