package com.timebank.wfm.web.planner;

import static com.timebank.wfm.web.PageSliceTest.CENTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.jobs.NightlyJobs;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.PageSliceTest;
import com.timebank.wfm.web.PageSliceTest.Planner;

/** The job runs page as a slice: controller, binder and template, with the services mocked and no database. */
@PageSliceTest
class JobPagesSliceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    NightlyJobs jobs;
    @Autowired
    OrganisationService organisation;

    @BeforeEach
    void scope() {
        Planner.scope(organisation);
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(List.of());
        when(jobs.lastChecks(eq("SH"), any())).thenReturn(Map.of());
    }

    @Test
    void showsTheFormWithTheDefaultJob() throws Exception {
        mvc.perform(get("/planner/jobs").param("center", "SH").with(user(Planner.principal())))
                .andExpect(status().isOk())
                .andExpect(view().name("planner/jobs"))
                .andExpect(model().attribute("center", CENTER))
                .andExpect(model().attribute("runs", List.of()))
                .andExpect(model().attributeExists("jobForm"));
    }

    @Test
    void refusesADateThatIsNoDateAndAnUnknownJobByTheirFields() throws Exception {
        mvc.perform(post("/planner/jobs").param("center", "SH").param("job", "NOPE").param("date", "10/03/2026")
                        .with(user(Planner.principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("planner/jobs"))
                .andExpect(model().attributeHasFieldErrorCode("jobForm", "job", "planner.jobs.error.job"))
                .andExpect(model().attributeHasFieldErrorCode("jobForm", "date", "typeMismatch"));
        verify(jobs, never()).runNow(any(), any(), any(), any());
    }

    @Test
    void aRunThatFailsIsNamedByItsJobInTheReadersLanguage() throws Exception {
        when(jobs.runNow(eq(NightlyJobs.MONTH_CLOSE), eq("SH"), isNull(), any()))
                .thenThrow(new IllegalStateException("lost the database"));
        Flash.Message failed = (Flash.Message) mvc.perform(post("/planner/jobs").param("center", "SH")
                        .param("job", NightlyJobs.MONTH_CLOSE).header("Accept-Language", "zh-CN")
                        .with(user(Planner.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("flash");
        assertThat(failed.text()).isEqualTo("月结运行失败，错误见下表。");
    }

    @Test
    void refusesADateThatHasNotEnded() throws Exception {
        mvc.perform(post("/planner/jobs").param("center", "SH").param("job", NightlyJobs.AUX_SETTLEMENT)
                        .param("date", "2026-03-11").with(user(Planner.principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("jobForm", "date", "planner.jobs.error.unfinished"));
        verify(jobs, never()).runNow(any(), any(), any(), any());
    }
}
