package com.timebank.wfm.web.planner;

import static com.timebank.wfm.support.SignIn.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.jobs.NightlyJobs;
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
}
