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

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.jobs.JobRun;
import com.timebank.wfm.jobs.JobRunService;
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
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(page());
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
    void aFailedRunIsShownInChineseWithNoEnglishLeft() throws Exception {
        LocalDate mar10 = LocalDate.of(2026, 3, 10);
        JobRunService.Outcome outcome = new JobRunService.Outcome(List.of(mar10), 3, 1, List.of(
                JobRunService.Failure.of(mar10, ConflictException.of("ledger.reservation-number-released", 41))
                        .ofAgent("E1001"),
                JobRunService.Failure.of(mar10, new IllegalStateException("lost the database")).ofAgent("E1002")));
        JobRun failed = run(5, JobRun.Status.FAILED, "2026-03-10", new JobRun.DateSpan(mar10, mar10, 1),
                "2 failed: 2026-03-10: ledger.reservation-number-released: agent E1001: Reservation 41 was released; "
                        + "2026-03-10: IllegalStateException: agent E1002: lost the database",
                outcome.failure());
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(page(failed));

        String zh = page("zh-CN");
        assertThat(cell(zh, "failure")).isEqualTo("2 项失败，第一项：2026-03-10，坐席 E1001：预留 41 已释放")
                .doesNotContainPattern("[A-Za-z]{2,}");
        assertThat(zh).doesNotContain("failed", "agent", "Reservation", "lost the database");
        assertThat(cell(page("en"), "failure"))
                .isEqualTo("2 items failed, the first: 2026-03-10, agent E1001: Reservation 41 was released");
    }

    @Test
    void aRunThatFailedUnexpectedlyNamesTheErrorAndPointsToTheLog() throws Exception {
        LocalDate mar9 = LocalDate.of(2026, 3, 9);
        JobRunService.Outcome outcome = new JobRunService.Outcome(List.of(mar9), 0, 0,
                List.of(JobRunService.Failure.of(mar9, new IllegalStateException("no settings on 2026-03-09"))));
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(page(run(6, JobRun.Status.FAILED,
                "2026-03-09", new JobRun.DateSpan(mar9, mar9, 1),
                "1 failed: 2026-03-09: IllegalStateException: no settings on 2026-03-09", outcome.failure())));

        assertThat(cell(page("zh-CN"), "failure"))
                .isEqualTo("1 项失败：2026-03-09：意外错误（IllegalStateException）：详情见服务日志");
        assertThat(cell(page("en"), "failure")).isEqualTo(
                "1 item failed: 2026-03-09: an unexpected error (IllegalStateException): see the service log");
    }

    @Test
    void theDatesOfARunAreWrittenInTheReadersLanguageAndOlderRunsKeepTheirText() throws Exception {
        JobRun three = run(7, JobRun.Status.SUCCEEDED, "2026-03-08..2026-03-10 (3 dates)",
                new JobRun.DateSpan(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 10), 3), null, null);
        JobRun older = run(2, JobRun.Status.FAILED, "2026-03-01..2026-03-02 (2 dates)", null,
                "1 failed: 2026-03-02: IllegalStateException: boom", null);
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(page(three, older));

        String zh = page("zh-CN");
        assertThat(cell(zh, "dates")).isEqualTo("2026-03-08 至 2026-03-10（3 个日期）");
        assertThat(cells(zh, "dates")).element(1).as("stored before the span was kept")
                .isEqualTo("2026-03-01..2026-03-02 (2 dates)");
        assertThat(cell(zh, "failure")).isEqualTo("1 failed: 2026-03-02: IllegalStateException: boom");
        assertThat(cell(page("en"), "dates")).isEqualTo("2026-03-08 to 2026-03-10 (3 dates)");
    }

    @Test
    void aMonthCloseNamesItsMonthsNotTheirFirstDays() throws Exception {
        JobRun one = run(NightlyJobs.MONTH_CLOSE, 11, JobRun.Status.SUCCEEDED, "2026-02-01",
                new JobRun.DateSpan(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), 1), null, null);
        JobRun two = run(NightlyJobs.MONTH_CLOSE, 10, JobRun.Status.SUCCEEDED, "2026-01-01..2026-02-01 (2 dates)",
                new JobRun.DateSpan(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), 2), null, null);
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(page(one, two));

        assertThat(cells(page("en"), "dates")).containsExactly("2026-02", "2026-01 to 2026-02 (2 months)");
        assertThat(cells(page("zh-CN"), "dates")).containsExactly("2026-02", "2026-01 至 2026-02（2 个月）");
    }

    @Test
    void theFlashOfARunNowNamesItsDatesInTheReadersLanguage() throws Exception {
        JobRun done = run(9, JobRun.Status.SUCCEEDED, "2026-03-09..2026-03-10 (2 dates)",
                new JobRun.DateSpan(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10), 2), null, null);
        when(jobs.runNow(eq(NightlyJobs.TIME_OFF_POSTING), eq("SH"), isNull(), any())).thenReturn(done);
        Flash.Message flash = (Flash.Message) mvc.perform(post("/planner/jobs").param("center", "SH")
                        .param("job", NightlyJobs.TIME_OFF_POSTING).header("Accept-Language", "zh-CN")
                        .with(user(Planner.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("flash");
        assertThat(flash.text()).startsWith("运行 #9 已完成：2026-03-09 至 2026-03-10（2 个日期），处理 4 项，记账 2 笔。");
    }

    @Test
    void theFlashOfARunNowWhoseItemsFailedSaysTheFirstFailure() throws Exception {
        LocalDate mar10 = LocalDate.of(2026, 3, 10);
        JobRunService.Outcome outcome = new JobRunService.Outcome(List.of(mar10), 4, 2, List.of(
                JobRunService.Failure.of(mar10, ConflictException.of("ledger.reservation-number-released", 41))
                        .ofAgent("E1001")));
        JobRun done = run(9, JobRun.Status.FAILED, "2026-03-10", new JobRun.DateSpan(mar10, mar10, 1),
                "1 failed: 2026-03-10: ledger.reservation-number-released: agent E1001: Reservation 41 was released",
                outcome.failure());
        when(jobs.runNow(eq(NightlyJobs.TIME_OFF_POSTING), eq("SH"), isNull(), any())).thenReturn(done);
        Flash.Message flash = (Flash.Message) mvc.perform(post("/planner/jobs").param("center", "SH")
                        .param("job", NightlyJobs.TIME_OFF_POSTING).header("Accept-Language", "zh-CN")
                        .with(user(Planner.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("flash");
        assertThat(flash.kind()).isEqualTo("error");
        assertThat(flash.text())
                .isEqualTo("运行 #9 已完成：2026-03-10，处理 4 项，记账 2 笔。1 项失败：2026-03-10，坐席 E1001：预留 41 已释放");
    }

    @Test
    void refusesADateThatHasNotEnded() throws Exception {
        mvc.perform(post("/planner/jobs").param("center", "SH").param("job", NightlyJobs.AUX_SETTLEMENT)
                        .param("date", "2026-03-11").with(user(Planner.principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("jobForm", "date", "planner.jobs.error.unfinished"));
        verify(jobs, never()).runNow(any(), any(), any(), any());
    }

    @Test
    void listsTheForecastRefreshWithItsScheduleAndARunByItsWeekInTheReadersLanguage() throws Exception {
        LocalDate mar9 = LocalDate.of(2026, 3, 9);
        JobRun made = new JobRun(12, NightlyJobs.FORECAST_REFRESH, CENTER.id(), "2026-03-09", "schedule", null,
                LocalDateTime.of(2026, 3, 8, 16, 20), LocalDateTime.of(2026, 3, 8, 16, 21), JobRun.Status.SUCCEEDED,
                1, 1, null, new JobRun.DateSpan(mar9, mar9, 1), null);
        when(jobs.runs(isNull(), eq("SH"), eq(0), anyInt(), any())).thenReturn(page(made));

        String zh = page("zh-CN");
        assertThat(zh).contains("<option value=\"forecast-refresh\">预测刷新</option>")
                .contains("data-job=\"forecast-refresh\"");
        assertThat(cell(zh, "dates")).isEqualTo("2026-03-09 起的一周");
        assertThat(cell(zh, "outcome")).isEqualTo("已为该周生成新预测，在预测页面标为每周刷新生成。");
        String en = page("en");
        assertThat(en).contains("<option value=\"forecast-refresh\">Forecast refresh</option>");
        assertThat(cell(en, "dates")).isEqualTo("week of 2026-03-09");
        assertThat(cell(en, "outcome")).startsWith("A new forecast of the week was made");
    }

    @Test
    void aForecastRefreshRunNowOfAWeekMadeAlreadySaysSo() throws Exception {
        LocalDate mar9 = LocalDate.of(2026, 3, 9);
        JobRun again = new JobRun(13, NightlyJobs.FORECAST_REFRESH, CENTER.id(), "2026-03-09", "user:planner", null,
                LocalDateTime.of(2026, 3, 10, 1, 0), LocalDateTime.of(2026, 3, 10, 1, 0), JobRun.Status.SUCCEEDED,
                1, 0, null, new JobRun.DateSpan(mar9, mar9, 1), null);
        when(jobs.runNow(eq(NightlyJobs.FORECAST_REFRESH), eq("SH"), isNull(), any())).thenReturn(again);
        Flash.Message flash = (Flash.Message) mvc.perform(post("/planner/jobs").param("center", "SH")
                        .param("job", NightlyJobs.FORECAST_REFRESH).with(user(Planner.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("flash");
        assertThat(flash.text()).endsWith("week of 2026-03-09, 1 item processed, 0 posted. "
                + "The week’s forecast had been made already: nothing new.");
    }

    private String page(String language) throws Exception {
        return mvc.perform(get("/planner/jobs").param("center", "SH").header("Accept-Language", language)
                        .with(user(Planner.principal())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The text of every element of the page with {@code data-testid}, in order. */
    private static List<String> cells(String html, String testId) {
        Matcher m = Pattern.compile("data-testid=\"" + testId + "\"[^>]*>([^<]*)<").matcher(html);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(HtmlUtils.htmlUnescape(m.group(1)).strip());
        }
        return texts;
    }

    private static String cell(String html, String testId) {
        List<String> texts = cells(html, testId);
        assertThat(texts).as(testId).isNotEmpty();
        return texts.get(0);
    }

    private static JobRun run(long id, JobRun.Status status, String dates, JobRun.DateSpan span, String error,
            Message failure) {
        return run(NightlyJobs.AUX_SETTLEMENT, id, status, dates, span, error, failure);
    }

    private static JobRun run(String job, long id, JobRun.Status status, String dates, JobRun.DateSpan span,
            String error, Message failure) {
        LocalDateTime started = LocalDateTime.of(2026, 3, 11, 1, 0);
        return new JobRun(id, job, CENTER.id(), dates, "planner", null, started,
                started.plusMinutes(1), status, 4, 2, error, span, failure);
    }

    private static NightlyJobs.RunPage page(JobRun... runs) {
        return new NightlyJobs.RunPage(List.of(runs), runs.length);
    }
}
