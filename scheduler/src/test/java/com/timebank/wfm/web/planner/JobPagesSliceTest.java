package com.timebank.wfm.web.planner;

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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.jobs.NightlyJobs;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.security.WfmPrincipal;
import com.timebank.wfm.users.UserService;

/** The job runs page as a slice: controller, binder and template, with the services mocked and no database. */
@WebMvcTest(controllers = JobPages.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = ".*\\.(IdempotencyFilter|UploadLimit)"))
@Import(JobPagesSliceTest.Fixed.class)
class JobPagesSliceTest {

    private static final Center CENTER = new Center(7, "SH", "Shanghai", ZoneId.of("Asia/Shanghai"), 30);
    private static final CurrentUser PLANNER = new CurrentUser(3, "planner", Role.PLANNER, null, null, null, null,
            Set.of(7L), Set.of(), Set.of());

    /** The ICU message source and the beans the templates and the controller use, by name (package-private). */
    @TestConfiguration
    @ComponentScan(basePackages = {"com.timebank.wfm.api", "com.timebank.wfm.web"}, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.timebank\\.wfm\\."
                    + "(api\\.(MessagesConfig|Problems)|web\\.(Navigation|PageFormat|Flash|EntryReasons)"
                    + "|web\\.planner\\.(PlannerCenters|PlannerNavigation|MeasureFormat))"))
    static class Fixed {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-10T04:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    NightlyJobs jobs;
    @MockitoBean
    OrganisationService organisation;
    @MockitoBean
    UserService users;

    @BeforeEach
    void scope() {
        when(organisation.centers(any())).thenReturn(List.of(CENTER));
        when(organisation.plannedCenter(eq("SH"), any())).thenReturn(CENTER);
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(List.of());
        when(jobs.lastChecks(eq("SH"), any())).thenReturn(Map.of());
    }

    private static WfmPrincipal principal() {
        return new WfmPrincipal(PLANNER, "x", true);
    }

    @Test
    void showsTheFormWithTheDefaultJob() throws Exception {
        mvc.perform(get("/planner/jobs").param("center", "SH").with(user(principal())))
                .andExpect(status().isOk())
                .andExpect(view().name("planner/jobs"))
                .andExpect(model().attribute("center", CENTER))
                .andExpect(model().attribute("runs", List.of()))
                .andExpect(model().attributeExists("jobForm"));
    }

    @Test
    void refusesADateThatIsNoDateAndAnUnknownJobByTheirFields() throws Exception {
        mvc.perform(post("/planner/jobs").param("center", "SH").param("job", "NOPE").param("date", "10/03/2026")
                        .with(user(principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("planner/jobs"))
                .andExpect(model().attributeHasFieldErrorCode("jobForm", "job", "planner.jobs.error.job"))
                .andExpect(model().attributeHasFieldErrorCode("jobForm", "date", "typeMismatch"));
        verify(jobs, never()).runNow(any(), any(), any(), any());
    }

    @Test
    void refusesADateThatHasNotEnded() throws Exception {
        mvc.perform(post("/planner/jobs").param("center", "SH").param("job", NightlyJobs.AUX_SETTLEMENT)
                        .param("date", "2026-03-11").with(user(principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("jobForm", "date", "planner.jobs.error.unfinished"));
        verify(jobs, never()).runNow(any(), any(), any(), any());
    }
}
