package com.timebank.wfm.web;

import static com.timebank.wfm.support.SignIn.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** A service's refusals, per-line upload problems and validation errors read in the page's language. */
@IntegrationTest
@Import(PageSeed.class)
class PageMessagesTest {

    private static final String CHINESE = "zh-CN,zh;q=0.9";

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;

    @Test
    void aRefusedBonusReadsInChineseOnAChinesePage() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = seed.agent(team, "Ana Ferreira");
        seed.shiftsThisMonth(center, java.util.List.of(ana), 5); // 40 h scheduled: the cap is 24 min
        String lead = org.leadUser(team);
        mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).header("Accept-Language", CHINESE)
                        .param("employeeNo", ana.employeeNo()).param("hours", "1").param("minutes", "0")
                        .param("reason", "contest"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("超过了月度上限"), containsString("24 分钟"),
                        not(containsString("over the monthly cap")))));
    }

    @Test
    void uploadLineProblemsReadInChineseOnAChinesePage() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        MockMultipartFile file = new MockMultipartFile("file", "history.csv", "text/csv",
                "interval_start,contacts,aht_seconds\n2025-03-03T08:00,x,120\n0001-01-01T08:00,1,120\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/planner/history").file(file).param("center", center.code()).with(as(planner))
                        .with(csrf()).header("Accept-Language", CHINESE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("“x”不是整数"), containsString("超出服务接受的日期范围"),
                        containsString("文件被拒绝"), not(containsString("is not a whole number")))));
    }
}
