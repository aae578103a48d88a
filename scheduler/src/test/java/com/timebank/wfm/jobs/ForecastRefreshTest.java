package com.timebank.wfm.jobs;

import static com.timebank.wfm.db.Tables.AUDIT_EVENT;
import static com.timebank.wfm.db.Tables.FORECAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.demo.DemoHistory;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;

/** The weekly forecast refresh: one forecast per center and week, whatever runs it how often. */
@IntegrationTest
class ForecastRefreshTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    MutableClock clock;
    @Autowired
    NightlyJobs jobs;
    @Autowired
    ContactHistoryService history;
    @Autowired
    DSLContext db;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theScheduleMakesOneForecastPerCenterAndWeekAndRecordsACenterWithoutHistoryAsItsFailure() throws Exception {
        Center center = org.center();
        Center empty = org.center();
        String planner = org.plannerUser(center, empty);
        LocalDate today = center.today(clock);
        history.store(center.id(), DemoHistory.generate(today.minusDays(70), today.minusDays(1), 30, 7), "test");
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        jobs.refreshForecastsAllCenters("test");
        // a misfire, a retry or the other node: nothing more
        jobs.refreshForecastsAllCenters("test");

        List<LocalDate> made = refreshes(center);
        assertThat(made).containsExactly(week);
        mvc.perform(get("/api/centers/" + center.code() + "/forecasts").with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].from").value(week.toString()))
                .andExpect(jsonPath("$[0].to").value(week.plusDays(ForecastService.DEFAULT_HORIZON_DAYS - 1).toString()))
                .andExpect(jsonPath("$[0].autoSelected").value(true))
                .andExpect(jsonPath("$[0].createdBy").value(ForecastService.REFRESH_ACTOR));
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh&center=" + center.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].status").value("SUCCEEDED"))
                .andExpect(jsonPath("$[0].dates").value(week.toString()))
                .andExpect(jsonPath("$[0].processed").value(1))
                .andExpect(jsonPath("$[0].posted").value(1))
                .andExpect(jsonPath("$[0].triggeredBy").value("schedule"));
        // the center without history failed on its own, once today (not at every hourly run)
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh&center=" + empty.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].processed").value(0))
                .andExpect(jsonPath("$[0].error").value(containsString(week + ": forecast.no-history-before-learn")));
        assertThat(refreshes(empty)).isEmpty();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(ForecastService.REFRESH_ACTOR)
                .and(AUDIT_EVENT.ACTION.eq("FORECAST_CREATED"))
                .and(AUDIT_EVENT.SUBJECT.eq("forecast:" + forecastOf(center, week))))).isEqualTo(1);
    }

    @Test
    void afterDowntimeOnlyTheLatestWeekIsMadeAndAFailedWeekIsTriedAgainTheNextDay() throws Exception {
        Center center = org.center();
        Center empty = org.center();
        String planner = org.plannerUser(center, empty);
        LocalDate today = center.today(clock);
        history.store(center.id(), DemoHistory.generate(today.minusDays(70), today.minusDays(1), 30, 7), "test");
        jobs.refreshForecastsAllCenters("test");

        // three weeks without the service
        clock.pin(clock.instant().plus(Duration.ofDays(21)));
        jobs.refreshForecastsAllCenters("test");

        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(refreshes(center)).containsExactly(week, week.plusWeeks(3));
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh&center=" + empty.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[0].dates").value(week.plusWeeks(3).toString()));
        jobs.refreshForecastsAllCenters("test");
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh&center=" + empty.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "2"));
        clock.pin(clock.instant().plus(Duration.ofDays(1)));
        jobs.refreshForecastsAllCenters("test");
        mvc.perform(get("/api/jobs/runs?job=forecast-refresh&center=" + empty.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(header().string("X-Total-Count", "3"));
    }

    @Test
    void twoRunsAtOnceMakeOneForecastOfTheWeek() throws Exception {
        Center center = org.center();
        LocalDate today = center.today(clock);
        history.store(center.id(), DemoHistory.generate(today.minusDays(70), today.minusDays(1), 30, 7), "test");
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<JobRunService.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(nodes.submit(() -> {
                    start.await();
                    return jobs.refreshForecast(center.id(), week);
                }));
            }
            start.countDown();
            int made = 0;
            for (Future<JobRunService.Outcome> o : outcomes) {
                JobRunService.Outcome outcome = o.get(60, TimeUnit.SECONDS);
                assertThat(outcome.failures()).isEmpty();
                made += outcome.posted();
            }
            assertThat(made).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(refreshes(center)).containsExactly(week);
    }

    /** The weeks of the center's forecasts the refresh made, oldest first. */
    private List<LocalDate> refreshes(Center center) {
        return db.select(FORECAST.REFRESH_WEEK).from(FORECAST)
                .where(FORECAST.CENTER_ID.eq(center.id()).and(FORECAST.CREATED_BY.eq(ForecastService.REFRESH_ACTOR)))
                .orderBy(FORECAST.ID).fetch(FORECAST.REFRESH_WEEK);
    }

    private long forecastOf(Center center, LocalDate week) {
        return db.select(FORECAST.ID).from(FORECAST)
                .where(FORECAST.CENTER_ID.eq(center.id()).and(FORECAST.REFRESH_WEEK.eq(week))).fetchSingle(FORECAST.ID);
    }
}
