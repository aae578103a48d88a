package com.timebank.wfm.web;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.reports.BalanceSheet;
import com.timebank.wfm.reports.BalanceSheetService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * The report pages: a planner sees the whole center, a lead only their teams, an agent is refused; the key figures
 * are the service's (as h:mm and percent), every text resolves in English and Chinese.
 */
@IntegrationTest
@Import(PageSeed.class)
class ReportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    LedgerService ledger;
    @Autowired
    BalanceSheetService sheets;
    @Autowired
    PageFormat fmt;

    Center center;
    Team team;
    Team otherTeam;
    Agent ana;
    Agent bo;
    Agent cai;
    LocalDate day;
    YearMonth month;

    @BeforeEach
    void organisation() {
        center = org.center();
        team = org.team(center);
        otherTeam = org.team(center);
        ana = seed.agent(team, "Ana Ferreira");
        bo = seed.agent(team, "Bo Chen");
        cai = seed.agent(otherTeam, "Cai Wen");
        day = seed.today(center).minusDays(1);
        month = YearMonth.from(day);
        // 86,400 s logged, 3,600 s aux: a center aux share of 4.17%
        seed.settledDay(center, day, Map.of(ana, new long[] {28_800, 600}, bo, new long[] {28_800, 3_000},
                cai, new long[] {28_800, 0}));
        ledger.post(Posting.of(cai.id(), day, EntryKind.TIME_BONUS, 3_723, "test", "bonus", Org.unique("RP")));
    }

    private String page(MockHttpServletRequestBuilder request, String username, String language) throws Exception {
        String html = mvc.perform(request.header("Accept-Language", language).with(as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("??");
        return html;
    }

    @Test
    void aPlannerSeesTheCentersBalanceSheetWithLinksToStatementsAndDownloads() throws Exception {
        String planner = org.plannerUser(center);
        String html = page(get("/lead/reports").param("center", center.code()).param("month", month.toString()),
                planner, "en");
        BalanceSheet sheet = sheets.sheet(center.code(), month, null, org.as(planner));
        assertThat(html).contains("Balance sheet", "Ana Ferreira", "Bo Chen", "Cai Wen", "Aux savings (零存整取)",
                "Time bonuses (时间红包)", "Paid out (balance of a leaver)", "Transferred out (to another agent)",
                "Transferred in (from another agent)", "data-kind=\"PAYOUT\"", "Top holders", "data-report-chart",
                "/agents/" + ana.employeeNo() + "/statement?month=" + month,
                "/lead/reports/balance-sheet.csv?center=" + center.code() + "&amp;month=" + month,
                "/lead/reports/balance-sheet.xlsx?center=" + center.code() + "&amp;month=" + month,
                // Cai's bonus of 1 h 2 min 3 s as h:mm, the totals as the service computes them
                ">1:02<", "data-testid=\"total-closing\">" + fmt.hoursMinutes(sheet.total().closing()) + "<",
                "data-testid=\"outstanding\">" + fmt.hoursMinutes(sheet.outstandingSeconds()) + "<",
                "href=\"/lead/reports\"",
                // the agent-days' divisor: the center's standard paid day (default 8 h)
                "data-testid=\"standard-day\">Days of 8:00: the standard paid day in force at the end of the month<");
        assertThat(sheet.total().closing()).isNotZero();

        String zh = page(get("/lead/reports").param("center", center.code()).param("month", month.toString()),
                planner, "zh-CN");
        assertThat(zh).contains("资产负债表", "零存整取", "时间红包", "余额兑付", "余额转出", "余额转入", "未结余额", "报表",
                "Cai Wen", "每天按 8:00 计");
    }

    @Test
    void aPlannerSeesTheCentersEfficiencyWithTheNotesInWords() throws Exception {
        String planner = org.plannerUser(center);
        var request = get("/lead/reports/efficiency").param("center", center.code())
                .param("from", day.toString()).param("to", day.toString());
        String html = page(request, planner, "en");
        assertThat(html).contains("Efficiency", "Ana Ferreira", "Cai Wen", "data-testid=\"aux-share\">4.17%<",
                "The long tail", "predicted, not measured", "Sign-ins per agent per day: not available",
                "data-date=\"" + day + "\"");
        String zh = page(get("/lead/reports/efficiency").param("center", center.code())
                .param("from", day.toString()).param("to", day.toString()), planner, "zh-CN");
        assertThat(zh).contains("效率", "反向工时占比", "人均每天签入签出：无数据", "4.17%");
    }

    @Test
    void attendanceForecastComparisonAndServicePagesInBothLanguages() throws Exception {
        String planner = org.plannerUser(center);
        String attendance = page(get("/lead/reports/attendance").param("center", center.code())
                .param("month", month.toString()), planner, "en");
        assertThat(attendance).contains("Overdraft leave created", "Reward list", "data-testid=\"reward-list\"",
                "/agents/" + ana.employeeNo() + "/leave?month=" + month,
                "/lead/reports/attendance.csv?center=" + center.code() + "&amp;month=" + month,
                "rewardOnly=true", "data-report-chart");
        assertThat(page(get("/lead/reports/attendance").param("center", center.code())
                .param("month", month.toString()), planner, "zh-CN")).contains("新增透支事假", "奖励名单");

        String forecast = page(get("/lead/reports/forecast").param("center", center.code()), planner, "en");
        assertThat(forecast).contains("Forecast accuracy", "wMAPE", "MASE", "data-testid=\"day-chart\"",
                "not evaluated");
        assertThat(page(get("/lead/reports/forecast").param("center", center.code()), planner, "zh-CN"))
                .contains("预测准确度", "偏差");

        String choose = page(get("/lead/reports/comparison").param("center", center.code()), planner, "en");
        assertThat(choose).contains("data-testid=\"choose-date\"");
        String comparison = page(get("/lead/reports/comparison").param("center", center.code())
                .param("date", day.toString()).param("months", "1"), planner, "en");
        assertThat(comparison).contains("Before", "After", "Aux share", "data-figure=\"auxShare\"",
                "data-testid=\"comparison-chart\"", "/lead/reports/comparison.xlsx?center=" + center.code() + "&amp;date=" + day + "&amp;months=1",
                "/lead/reports/efficiency?center=" + center.code());
        assertThat(page(get("/lead/reports/comparison").param("center", center.code())
                .param("date", day.toString()), planner, "zh-CN")).contains("前后对比", "反向工时占比");

        String service = page(get("/lead/reports/service").param("center", center.code())
                .param("date", day.toString()), planner, "en");
        assertThat(service).contains("Service by interval", "data-testid=\"no-service\"");
        String efficiency = page(get("/lead/reports/efficiency").param("center", center.code())
                .param("from", day.toString()).param("to", day.toString()), planner, "en");
        assertThat(efficiency).contains("/lead/reports/efficiency.csv?center=" + center.code() + "&amp;from=" + day,
                "data-testid=\"sign-ins\">not available<");
    }

    @Test
    void anAgentSeesTheirOwnFiguresAndNoOneElses() throws Exception {
        String agent = org.agentUser(ana);
        String html = page(get("/agents/" + ana.employeeNo() + "/efficiency").param("from", day.toString())
                .param("to", day.toString()), agent, "en");
        // Ana: 600 s aux of 28,800 s logged = 2.08%, no sign-ins in the import
        assertThat(html).contains("Activity figures", "data-testid=\"aux-share\">2.08%<",
                "data-testid=\"sign-ins\">not available<", "data-date=\"" + day + "\"",
                "/agents/" + ana.employeeNo() + "/statement?month=" + month, "My figures");
        assertThat(page(get("/agents/" + ana.employeeNo() + "/efficiency"), agent, "zh-CN")).contains("话务指标");
        mvc.perform(get("/agents/" + cai.employeeNo() + "/efficiency").with(as(agent)))
                .andExpect(status().isNotFound());
        // the lead of Ana's team opens it from the team's efficiency, the other team's agent stays hidden
        String lead = org.leadUser(team);
        String efficiency = page(get("/lead/reports/efficiency").param("from", day.toString())
                .param("to", day.toString()), lead, "en");
        assertThat(efficiency).contains("/agents/" + ana.employeeNo() + "/efficiency?from=" + day);
        page(get("/agents/" + ana.employeeNo() + "/efficiency"), lead, "en");
        mvc.perform(get("/agents/" + cai.employeeNo() + "/efficiency").with(as(lead)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aLeadSeesOnlyTheirTeams() throws Exception {
        String lead = org.leadUser(team);
        String html = page(get("/lead/reports").param("month", month.toString()), lead, "en");
        assertThat(html).contains("Ana Ferreira", "Bo Chen").doesNotContain("Cai Wen", ">1:02<");
        String efficiency = page(get("/lead/reports/efficiency").param("from", day.toString())
                .param("to", day.toString()), lead, "zh-CN");
        assertThat(efficiency).contains("Ana Ferreira").doesNotContain("Cai Wen");
        mvc.perform(get("/lead/reports").param("team", otherTeam.code()).with(as(lead)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAgentIsRefused() throws Exception {
        String agent = org.agentUser(ana);
        mvc.perform(get("/lead/reports").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/lead/reports/efficiency").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/lead/reports/attendance").with(as(agent))).andExpect(status().isForbidden());
    }
}
