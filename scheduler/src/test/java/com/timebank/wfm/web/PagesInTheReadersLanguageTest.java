package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;

/**
 * Issue 15's checks of what a Chinese reader and a lead in another zone get: per-line upload errors in Chinese, the
 * time bank's six services by their seed names with a plain explanation, and form dates at the center's today.
 */
@IntegrationTest
@Import(PageSeed.class)
class PagesInTheReadersLanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    UserDetailsService users;
    @Autowired
    MutableClock clock;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void perLineUploadErrorsAreInChinese() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        LocalDate day = seed.today(center).minusDays(3);
        String bad = "interval_start,contacts,aht_seconds\n" + day + "T09:00,12,180\n" + day + "T09:30,many,180\n"
                + day + "T10:07,5,180\n";
        String html = mvc.perform(multipart("/planner/history")
                        .file(new MockMultipartFile("file", "h.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("center", center.code()).header("Accept-Language", "zh-CN").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-testid=\"upload-errors\"").contains("不是整数").contains("分钟网格")
                .doesNotContain("is not a whole number").doesNotContain("off the 5-minute grid");
    }

    @Test
    void theSixServicesAreNamedByTheSeedTermsWithAPlainExplanation() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent agent = seed.agent(team, "Ana Ferreira");
        String html = mvc.perform(get("/agents/" + agent.employeeNo()).header("Accept-Language", "zh-CN")
                        .with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-testid=\"services-glossary\"");
        String glossary = html.substring(html.indexOf("data-testid=\"services-glossary\""));
        assertThat(glossary).contains("零存整取", "超支还款", "个人理财", "时间红包", "无息贷款", "现金取款")
                .contains("每天辅助时间低于额度的部分，存入账户", "组长奖励的时间", "用余额换取的休假时间");
    }

    @Test
    void aBadAddressIsExplainedInChinese() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        String settings = mvc.perform(get("/admin/centers/" + center.code() + "/settings").param("from", "next week")
                        .header("Accept-Language", "zh-CN").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(settings).contains("“next week”不是有效的日期（YYYY-MM-DD）").doesNotContain("is a date");
        String balances = mvc.perform(get("/lead/balances").param("team", team.code())
                        .header("Accept-Language", "zh-CN").with(as(org.leadUser(team))))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(balances).contains("“" + team.code() + "”不是 中心/班组（CENTER/TEAM）形式的班组")
                .doesNotContain("team is written");
    }

    @Test
    void theLeadsRecordLeaveFormDefaultsToTheCentersTodayNotTheServers() throws Exception {
        // 20:00 UTC is already tomorrow in Shanghai
        Instant evening = Instant.parse("2026-12-02T20:00:00Z");
        clock.pin(evening);
        try {
            Center center = org.center("Asia/Shanghai", 30);
            Team team = org.team(center);
            Agent agent = seed.agent(team, "Bo Chen");
            String lead = org.leadUser(team);
            mvc.perform(get("/lead/leave").with(as(lead)))
                    .andExpect(status().isOk())
                    .andExpect(model().attribute("leaveForm", Matchers.hasProperty("date",
                            Matchers.equalTo(LocalDate.of(2026, 12, 3)))));
            mvc.perform(get("/lead/leave").param("employeeNo", agent.employeeNo()).with(as(lead)))
                    .andExpect(model().attribute("leaveForm", Matchers.hasProperty("date",
                            Matchers.equalTo(LocalDate.of(2026, 12, 3)))));
        } finally {
            clock.reset();
        }
    }
}
