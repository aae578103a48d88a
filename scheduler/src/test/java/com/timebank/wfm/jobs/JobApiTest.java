package com.timebank.wfm.jobs;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.demo.DemoHistory;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

@IntegrationTest
class JobApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    Clock clock;
    @Autowired
    NightlyJobs jobs;
    @Autowired
    ContactHistoryService history;

    @Test
    void aPlannerRunsSettlementForADateAndSeesTheRuns() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        LocalDate d = center.today(clock).minusDays(1);
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                .content("employee_no,date,logged_seconds,aux_seconds\n" + a.employeeNo() + "," + d + ",28800,600\n"))
                .andExpect(status().isOk());
        String run = """
                {"centerCode":"%s","date":"%s"}""".formatted(center.code(), d);
        mvc.perform(post("/api/jobs/aux-settlement/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.processed").value(1))
                .andExpect(jsonPath("$.posted").value(1))
                .andExpect(jsonPath("$.dates").value(d.toString()));
        mvc.perform(post("/api/jobs/aux-settlement/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(jsonPath("$.posted").value(0));
        mvc.perform(get("/api/jobs/runs?job=aux-settlement&center=" + center.code()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].processed").value(1))
                .andExpect(jsonPath("$[0].centerCode").value(center.code()))
                .andExpect(jsonPath("$[0].startedAt").exists());
        mvc.perform(post("/api/jobs/aux-settlement/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"centerCode\":\"" + center.code() + "\",\"date\":\"" + center.today(clock) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("not over yet")));
        mvc.perform(post("/api/jobs/no-such-job/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/jobs/aux-settlement/run").with(httpBasic(org.agentUser(a), Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isNotFound());
    }

    @Test
    void theScheduledRunCatchesUpEveryUnsettledDate() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        StringBuilder csv = new StringBuilder("employee_no,date,logged_seconds,aux_seconds\n");
        for (int i = 5; i >= 1; i--) {
            csv.append(a.employeeNo()).append(',').append(today.minusDays(i)).append(",28800,600\n");
        }
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                .content(csv.toString())).andExpect(status().isOk());
        jobs.settleAllCenters("test");
        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank").with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.balanceSeconds").value(5 * 466));
        mvc.perform(get("/api/jobs/runs?center=" + center.code()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].processed").value(5))
                .andExpect(jsonPath("$[0].triggeredBy").value("schedule"));
    }

    @Test
    void aPlannerRefreshesTheWeeksForecastNowOnceAndAPlannerOfAnotherCenterSeesNothing() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        String stranger = org.plannerUser(org.center());
        LocalDate today = center.today(clock);
        history.store(center.id(), DemoHistory.generate(today.minusDays(70), today.minusDays(1), 30, 7), "test");
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String run = """
                {"centerCode":"%s"}""".formatted(center.code());
        mvc.perform(post("/api/jobs/forecast-refresh/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.dates").value(week.toString()))
                .andExpect(jsonPath("$.processed").value(1))
                .andExpect(jsonPath("$.posted").value(1));
        // again, for a date of the same week: the week's forecast is there
        mvc.perform(post("/api/jobs/forecast-refresh/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"centerCode\":\"" + center.code() + "\",\"date\":\"" + week + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.posted").value(0));
        mvc.perform(get("/api/centers/" + center.code() + "/forecasts").with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].createdBy").value("job:forecast-refresh"));
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh&center=" + center.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[1].triggeredBy").value("user:" + planner));
        mvc.perform(post("/api/jobs/forecast-refresh/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"centerCode\":\"" + center.code() + "\",\"date\":\"" + week.plusWeeks(1) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("job.forecast-refresh-week-not-begun"));
        mvc.perform(post("/api/jobs/forecast-refresh/run").with(httpBasic(stranger, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh&center=" + center.code())
                        .with(httpBasic(stranger, Org.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh").with(httpBasic(stranger, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "0"));
    }
}
