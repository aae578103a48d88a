package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * Part-day time off and leave on the pages: from and to on both forms (the length follows from them), bad input
 * shown next to its field on the form again (never an error page), and the lists showing from–to.
 */
@IntegrationTest
@Import(PageSeed.class)
class PartDayFormsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    UserDetailsService users;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    LeaveService leave;
    @Autowired
    CenterSettingsService settings;

    Center center;
    Agent ana;
    String anaUser;
    String lead;

    @BeforeEach
    void organisation() {
        center = org.center();
        Team team = org.team(center);
        ana = seed.agent(team, "Ana Ferreira");
        anaUser = org.agentUser(ana);
        lead = org.leadUser(team);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private LocalDate idleDayAhead(int days) {
        LocalDate day = seed.today(center).plusDays(days);
        while (settings.isBusyDay(center.id(), day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private MockHttpServletRequestBuilder timeOffPost(LocalDate day, String hours, String from, String to) {
        MockHttpServletRequestBuilder b = post("/agents/" + ana.employeeNo() + "/time-off").param("date", day.toString())
                .param("length", "hours").param("from", from).param("to", to);
        return (hours == null ? b : b.param("hours", hours)).with(csrf()).with(as(anaUser));
    }

    @Test
    void anAgentAsksForFromToTheFormExplainsBadInputByTheFieldAndTheListsShowTheHours() throws Exception {
        seed.settledDay(center, seed.today(center).minusDays(1), Map.of(ana, new long[] {28_800, 0}));
        seed.shiftsFromToday(center, ana, 14);
        LocalDate day = idleDayAhead(1);
        String form = "data-testid=\"timeoff-form\"";
        mvc.perform(timeOffPost(day, null, "11:00", "09:00")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"to-error\""),
                        containsString("The end must be after the start."))));
        mvc.perform(timeOffPost(day, null, "", "11:00")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"from-error\""))));
        mvc.perform(timeOffPost(day, null, "09:00", "25:00")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"to-error\""))));
        mvc.perform(timeOffPost(day, "3", "09:00", "11:00")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"hours-error\""),
                        containsString("09:00–11:00 (2:00)"))));
        mvc.perform(timeOffPost(day, "3", "22:00", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"hours-error\""),
                        containsString("past the end of the day"))));
        mvc.perform(post("/agents/" + ana.employeeNo() + "/time-off").param("date", "tomorrow")
                        .param("length", "hours").param("minutes", "x").param("from", "9:00").param("to", "9:30")
                        .with(csrf()).with(as(anaUser)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"date-error\""),
                        containsString("id=\"minutes-error\""), containsString("id=\"from-error\""))));
        mvc.perform(timeOffPost(day, null, "11:00", "09:00").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"to-error\""),
                        containsString("结束时间必须晚于开始时间。"))));

        mvc.perform(timeOffPost(day, null, "09:00", "09:15"))
                .andDo(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain("-error\""))
                .andExpect(redirectedUrl("/agents/" + ana.employeeNo() + "/time-off"));
        assertThat(timeOff.requestsOf(ana.employeeNo(), day, day, org.admin())).singleElement().satisfies(v -> {
            assertThat(v.seconds()).isEqualTo(900);
            assertThat(v.from()).isEqualTo("09:00");
            assertThat(v.to()).isEqualTo("09:15");
        });
        mvc.perform(get("/agents/" + ana.employeeNo() + "/time-off").with(as(anaUser)))
                .andExpect(content().string(containsString("data-testid=\"part\">09:00–09:15</span>")));
        mvc.perform(get("/lead/time-off").with(as(lead)))
                .andExpect(content().string(containsString("data-testid=\"part\">09:00–09:15</span>")));
    }

    @Test
    void aLeadRecordsLeaveFromToTheFormExplainsBadInputByTheFieldAndTheLeavePageShowsTheHours() throws Exception {
        LocalDate day = idleDayAhead(2);
        String form = "data-testid=\"leave-form\"";
        mvc.perform(leavePost(day, null, "10:00", "10:00")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"to-error\""))));
        mvc.perform(leavePost(day, "1", "24:00", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"from-error\""),
                        not(containsString("id=\"hours-error\"")))));
        mvc.perform(leavePost(day, "1", "10:00", "12:30")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"hours-error\""))));
        mvc.perform(leavePost(day, null, "", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"hours-error\""))));
        mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "PERSONAL")
                        .param("date", "3 Dec").param("hours", "two").param("from", "9").param("to", "10")
                        .with(csrf()).with(as(lead)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(form), containsString("id=\"date-error\""),
                        containsString("id=\"hours-error\""), containsString("id=\"from-error\""),
                        containsString("id=\"to-error\""))));
        assertThat(leave.leave(ana.id(), day, day)).isEmpty();

        mvc.perform(leavePost(day, null, "10:00", "12:30"))
                .andExpect(redirectedUrl("/lead/leave?employeeNo=" + ana.employeeNo()))
                .andExpect(r -> assertThat(r.getFlashMap().get("flash").toString()).contains("10:00–12:30"));
        assertThat(leave.leave(ana.id(), day, day)).singleElement().satisfies(r -> {
            assertThat(r.seconds()).isEqualTo(9_000);
            assertThat(r.startMinute()).isEqualTo(10 * 60);
            assertThat(r.endMinute()).isEqualTo(12 * 60 + 30);
        });
        mvc.perform(get("/agents/" + ana.employeeNo() + "/leave").param("month", day.toString().substring(0, 7))
                        .with(as(anaUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"part\">10:00–12:30</span>")));
    }

    private MockHttpServletRequestBuilder leavePost(LocalDate day, String hours, String from, String to) {
        MockHttpServletRequestBuilder b = post("/lead/leave").param("employeeNo", ana.employeeNo())
                .param("type", "PERSONAL").param("date", day.toString()).param("from", from).param("to", to);
        return (hours == null ? b : b.param("hours", hours)).with(csrf()).with(as(lead));
    }
}
