package com.timebank.wfm.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.ReasonArgs;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.org.QuotaMode;
import com.timebank.wfm.org.SettingsChange;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.security.WfmPrincipal;
import com.timebank.wfm.web.PageSliceTest;

/**
 * The audit page as a slice: what the services recorded (codes and arguments, as stored and read back) is shown in
 * the reader's language, the action by its name next to its code; events recorded before keep their English text.
 */
@PageSliceTest
class AuditPagesSliceTest {

    private static final WfmPrincipal ADMIN = new WfmPrincipal(new CurrentUser(1, "admin", Role.ADMIN, null, null,
            null, null, Set.of(), Set.of(), Set.of()), "x", true);
    private static final LocalDate MAR12 = LocalDate.of(2026, 3, 12);

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;

    private final List<AuditLog.Event> events = new ArrayList<>();

    @BeforeEach
    void recorded() {
        when(audit.recent(isNull(), eq(List.of()), eq(0), anyInt())).thenReturn(events);
        when(audit.count(isNull(), eq(List.of()))).thenAnswer(i -> (long) events.size());
    }

    @Test
    void aRenameIsShownInChineseAndEnglishWithTheActionsCode() throws Exception {
        recorded(AuditAction.CENTER_RENAMED, "center:SH", Message.of("audit.renamed", "上海", "上海北"));

        String zh = page("zh-CN");
        assertThat(cell(zh, "action")).isEqualTo("中心改名");
        assertThat(cell(zh, "action-code")).isEqualTo("CENTER_RENAMED");
        assertThat(cell(zh, "detail")).isEqualTo("名称：上海 → 上海北");
        String en = page("en");
        assertThat(cell(en, "action")).isEqualTo("Center renamed");
        assertThat(cell(en, "detail")).isEqualTo("Name: 上海 → 上海北");
    }

    @Test
    void aSearchFindsTheActionsByTheirNameInTheReadersLanguage() throws Exception {
        recorded(AuditAction.CENTER_RENAMED, "center:SH", Message.of("audit.renamed", "上海", "上海北"));
        when(audit.recent(eq("改名"), anyList(), eq(0), anyInt())).thenReturn(events);
        when(audit.count(eq("改名"), anyList())).thenAnswer(i -> (long) events.size());
        when(audit.recent(eq("renamed"), anyList(), eq(0), anyInt())).thenReturn(events);
        when(audit.count(eq("renamed"), anyList())).thenAnswer(i -> (long) events.size());

        mvc.perform(get("/admin/audit").param("q", "改名").header("Accept-Language", "zh-CN").with(user(ADMIN)))
                .andExpect(status().isOk());
        verify(audit).recent(eq("改名"), argThat(actions -> actions.contains(AuditAction.CENTER_RENAMED)
                && actions.contains(AuditAction.TEAM_RENAMED) && !actions.contains(AuditAction.CENTER_CREATED)),
                eq(0), anyInt());
        mvc.perform(get("/admin/audit").param("q", "renamed").header("Accept-Language", "en").with(user(ADMIN)))
                .andExpect(status().isOk());
        verify(audit).recent(eq("renamed"), argThat(actions -> actions.contains(AuditAction.CENTER_RENAMED)
                && !actions.contains(AuditAction.CENTER_CREATED)), eq(0), anyInt());
    }

    @Test
    void rolesStatusesLeaveTypesAndDaysAreNamedByTheirLabels() throws Exception {
        recorded(AuditAction.USER_CHANGED, "user:lead1", Message.of("audit.changes", List.of(
                Message.of("audit.change.role", Message.of("role.TEAM_LEAD"), Message.of("role.PLANNER")),
                Message.of("audit.change.centers", AuditDetail.list(List.of()), AuditDetail.list(List.of("SH", "BJ"))))));
        recorded(AuditAction.TIME_OFF_CANCELLED, "time-off:41", Message.of("audit.time-off-cancelled", MAR12,
                AuditDetail.amount(8 * 3600), Message.of("agent.status.APPROVED")));
        recorded(AuditAction.LEAVE_RECORDED, "agent:E1001", Message.of("audit.leave-recorded.part",
                Message.of("agent.leave.type.SICK"), MAR12, AuditDetail.amount(2 * 3600 + 30 * 60), 77L, "09:00",
                "11:30"));
        recorded(AuditAction.AVAILABILITY_CHANGED, "agent:E1001", Message.of("audit.availability-changed", List.of(
                Message.of("audit.window", Message.of("availability.day.MONDAY"), "08:00", "12:00"),
                Message.of("audit.window", Message.of("availability.day.FRIDAY"), "13:00", "18:00"))));

        assertThat(cells(page("zh-CN"), "detail")).containsExactly(
                "角色：班组长 → 排班计划员、中心：[无] → [SH、BJ]",
                "2026-03-12 8 小时 已释放（原为已批准）",
                "病假 2026-03-12 09:00–11:30：2 小时 30 分钟（请假 77）",
                "星期一 08:00–12:00、星期五 13:00–18:00");
        assertThat(cells(page("en"), "detail")).containsExactly(
                "role: Team lead → Planner, centers: [none] → [SH, BJ]",
                "8 h on 2026-03-12 released (was Approved)",
                "Sick leave on 2026-03-12 09:00–11:30: 2 h 30 min (leave 77)",
                "Monday 08:00–12:00, Friday 13:00–18:00");
    }

    @Test
    void settingsCountsAndAmountsAreWrittenInTheReadersLanguage() throws Exception {
        SettingsChange change = new SettingsChange(MAR12, new BigDecimal("0.037"), null, null, null, 5,
                new SettingsChange.BusyDays(3, null), List.of(LocalDate.of(2026, 3, 20)), null, 2, null, null, null,
                null, QuotaMode.DERIVED, null);
        recorded(AuditAction.SETTINGS_CHANGED, "center:SH",
                Message.of("audit.settings-changed", MAR12, AuditDetail.list(change.audited())));
        recorded(AuditAction.BALANCE_PAID_OUT, "agent:E1001",
                Message.of("audit.balance-paid-out", AuditDetail.amount(27_976), "left the company"));
        recorded(AuditAction.LEAVE_IMPORTED, "leave", Message.of("audit.leave-imported", 12, 3));

        assertThat(cells(page("zh-CN"), "detail")).containsExactly(
                "自 2026-03-12 起：示忙目标：3.7%、忙日名额：5、每月月初忙日天数：3、特殊忙日：2026-03-20、"
                        + "调休最少提前 2 天、名额来源：已发布的排班（没有排班的日期用固定名额）",
                "兑付 7 小时 46 分钟（27,976 秒）：left the company",
                "来自人事的 12 条请假记录，其中 3 条之前已发送并被替换");
        assertThat(cells(page("en"), "detail")).containsExactly(
                "From 2026-03-12: aux allowance: 3.7%, quota on busy days: 5, busy days at the start of each month: 3, "
                        + "special busy dates: 2026-03-20, minimum notice: 2 days, "
                        + "quota from: The published roster (these numbers on days without one)",
                "7 h 46 min (27,976 s) paid out: left the company",
                "12 leave records from HR, 3 of them sent before and replaced");
    }

    @Test
    void anEventRecordedBeforeShowsItsEnglishTextAndAnUnknownActionItsCode() throws Exception {
        LocalDateTime at = LocalDateTime.of(2026, 3, 1, 8, 0);
        events.add(new AuditLog.Event(3, at, "user:admin", "CENTER_RENAMED", "center:SH", null, "name: A → B"));
        events.add(new AuditLog.Event(2, at, "user:admin", "PASSWORD_CHANGED", "user:admin", null, null));
        events.add(new AuditLog.Event(1, at, "user:admin", "RETIRED_ACTION", "center:SH", null, "as it was"));

        String zh = page("zh-CN");
        assertThat(cells(zh, "detail")).containsExactly("name: A → B", "—", "as it was");
        assertThat(cells(zh, "action")).as("a name for the actions that have one").containsExactly("中心改名", "修改密码");
        assertThat(cells(zh, "action-code")).containsExactly("CENTER_RENAMED", "PASSWORD_CHANGED", "RETIRED_ACTION");
    }

    /** An event as the service records it: its detail stored as code and arguments and read back. */
    private void recorded(AuditAction action, String subject, Message detail) {
        Message stored = ReasonArgs.read(detail.code(), ReasonArgs.write(detail));
        events.add(new AuditLog.Event(events.size() + 1, LocalDateTime.of(2026, 3, 11, 2, 0), "user:admin",
                action.code(), subject, stored, null));
    }

    private String page(String language) throws Exception {
        return mvc.perform(get("/admin/audit").header("Accept-Language", language).with(user(ADMIN)))
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
        assertThat(texts).as(testId).hasSize(1);
        return texts.get(0);
    }
}
