package com.timebank.wfm.web.planner;

import static com.timebank.wfm.db.Tables.AGENT_ACTIVITY;
import static com.timebank.wfm.db.Tables.FORECAST;
import static com.timebank.wfm.support.SignIn.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.demo.DemoHistory;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.jobs.NightlyJobs;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** The job runs page: every job named in the reader's language, the schedule's looks, why a run did nothing. */
@IntegrationTest
class JobPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    NightlyJobs jobs;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    ContactHistoryService history;

    @Test
    void everyJobIsNamedAndTheSchedulesLookShowsEvenWhenItFoundNothing() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        mvc.perform(get("/planner/jobs?center=" + center.code()).with(as(planner)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("??")), containsString("Time-off posting"),
                        containsString("Month close"), containsString("has not looked for this center yet"))));

        jobs.postTimeOffAllCenters("test");
        mvc.perform(get("/planner/jobs?center=" + center.code()).with(as(planner)))
                .andExpect(content().string(containsString("Last looked at")));
        mvc.perform(get("/planner/jobs?center=" + center.code()).with(as(planner)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(allOf(not(containsString("??")), containsString("调休记账"),
                        containsString("最近检查于"))));
    }

    @Test
    void theForecastRefreshRunFromThePageMakesTheWeeksForecastShownAsTheRefreshs() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        history.store(center.id(), DemoHistory.generate(today.minusDays(70), today.minusDays(1), 30, 7), "test");
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        mvc.perform(post("/planner/jobs").param("center", center.code()).param("job", NightlyJobs.FORECAST_REFRESH)
                        .with(as(planner)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(get("/planner/jobs?center=" + center.code()).with(as(planner)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(allOf(not(containsString("??")), containsString("预测刷新"),
                        containsString(week + " 起的一周"), containsString("已为该周生成新预测"))));
        mvc.perform(get("/planner/forecasts?center=" + center.code()).with(as(planner)))
                .andExpect(content().string(containsString(" · weekly refresh")));
        long id = db.select(FORECAST.ID).from(FORECAST).where(FORECAST.CENTER_ID.eq(center.id())).fetchSingle(FORECAST.ID);
        mvc.perform(get("/planner/forecasts/" + id).with(as(planner)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("每周刷新"), not(containsString("job:")))));
    }

    @Test
    void aManualRunThatProcessedNothingSaysWhy() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        LocalDate yesterday = center.today(clock).minusDays(1);
        mvc.perform(post("/planner/jobs").param("center", center.code()).param("job", NightlyJobs.AUX_SETTLEMENT)
                        .param("date", yesterday.toString()).with(as(planner)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(get("/planner/jobs?center=" + center.code()).with(as(planner)))
                .andExpect(content().string(containsString("no activity was uploaded for these dates")));
    }

    @Test
    void monthCloseWithTheDefaultDateClosesTheLatestClosableMonth() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        mvc.perform(post("/planner/jobs").param("center", center.code()).param("job", NightlyJobs.MONTH_CLOSE)
                        .param("date", "").with(as(planner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/planner/jobs?center=" + center.code()).with(as(planner)))
                .andExpect(content().string(allOf(containsString("data-status=\"SUCCEEDED\""),
                        containsString("Month close"))));
    }

    @Test
    void aDateThatHasNotComeOrIsNoDateIsRefusedNextToTheField() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        mvc.perform(post("/planner/jobs").param("center", center.code()).param("job", NightlyJobs.AUX_SETTLEMENT)
                        .param("date", center.today(clock).plusDays(1).toString()).with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a job cannot run for a day that has not come")));
        mvc.perform(post("/planner/jobs").param("center", center.code()).param("job", NightlyJobs.AUX_SETTLEMENT)
                        .param("date", "someday").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a date")));
        mvc.perform(post("/planner/jobs").param("center", center.code()).param("job", NightlyJobs.AUX_SETTLEMENT)
                        .param("date", center.today(clock).toString()).with(as(planner)).with(csrf()))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aFailedRunIsShownInChineseFromWhatWasStored() throws Exception {
        Center center = org.center();
        Agent agent = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        LocalDate yesterday = center.today(clock).minusDays(1);
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                        .content("employee_no,date,logged_seconds,aux_seconds\n" + agent.employeeNo() + "," + yesterday
                                + ",28800,600\n"))
                .andExpect(status().isOk());
        // a row the API refuses (the center has no settings then): settling its date fails unexpectedly
        db.insertInto(AGENT_ACTIVITY)
                .set(AGENT_ACTIVITY.AGENT_ID, agent.id()).set(AGENT_ACTIVITY.BUSINESS_DATE, LocalDate.of(1999, 12, 31))
                .set(AGENT_ACTIVITY.CENTER_ID, center.id()).set(AGENT_ACTIVITY.LOGGED_SECONDS, 28_800)
                .set(AGENT_ACTIVITY.AUX_SECONDS, 600).set(AGENT_ACTIVITY.REVISION, 1)
                .set(AGENT_ACTIVITY.IMPORTED_AT, LocalDateTime.now(clock)).set(AGENT_ACTIVITY.IMPORTED_BY, "test")
                .execute();

        jobs.settleAllCenters("test");

        mvc.perform(get("/planner/jobs?center=" + center.code()).with(as(planner)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(allOf(
                        containsString("1 项失败：1999-12-31：意外错误（IllegalStateException）：详情见服务日志"),
                        containsString("1999-12-31 至 " + yesterday + "（2 个日期）"),
                        not(containsString("1 failed")), not(containsString("2 dates")))));
    }
}
