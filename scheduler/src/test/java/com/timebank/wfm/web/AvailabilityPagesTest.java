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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.timebank.wfm.availability.AvailabilityService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * The availability page without a browser: the lead edits the weekly windows and dated unavailability (422 by the
 * field), the agent sees them and edits their preferences, a lead of another team gets 404; and part-day time off
 * from the time-off page.
 */
@IntegrationTest
@Import(PageSeed.class)
class AvailabilityPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    UserDetailsService users;
    @Autowired
    AvailabilityService availability;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    com.timebank.wfm.leave.LeaveService leave;
    @Autowired
    CenterSettingsService settings;

    Center center;
    Team team;
    Agent ana;
    String anaUser;
    String lead;
    String otherLead;

    @BeforeEach
    void organisation() {
        center = org.center();
        team = org.team(center);
        ana = seed.agent(team, "Ana Ferreira");
        anaUser = org.agentUser(ana);
        lead = org.leadUser(team);
        otherLead = org.leadUser(org.team(center));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theLeadEditsAvailabilityTheAgentSeesItAndEditsOwnPreferences() throws Exception {
        String page = "/agents/" + ana.employeeNo() + "/availability";
        mvc.perform(get(page).with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"weekly-form\""),
                        containsString("data-testid=\"always-available\""),
                        not(containsString("data-testid=\"preferences-form\"")))));
        mvc.perform(post(page).param("from[0]", "08:00").param("to[0]", "18:00").param("from[1]", "09:00")
                        .param("to[1]", "17:00").with(csrf()).with(as(lead)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
        assertThat(availability.weekly(ana.employeeNo(), org.admin()).windows()).hasSize(2);
        mvc.perform(post(page).param("from[2]", "18:00").param("to[2]", "09:00").with(csrf()).with(as(lead)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("id=\"to[2]-error\""),
                        containsString("to must be after from"))));
        LocalDate day = seed.today(center).plusDays(5);
        mvc.perform(post(page + "/unavailability").param("date", day.toString()).param("from", "14:00")
                        .param("to", "16:00").param("reason", "Doctor").with(csrf()).with(as(lead)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/unavailability").param("date", day.toString()).param("from", "14:00")
                        .param("reason", "").with(csrf()).with(as(lead)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("id=\"to-error\""),
                        containsString("id=\"reason-error\""))));

        mvc.perform(get(page).with(as(anaUser))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("08:00–18:00"), containsString("Doctor"),
                        containsString("14:00–16:00"), containsString("data-testid=\"preferences-form\""),
                        not(containsString("data-testid=\"weekly-form\"")))));
        mvc.perform(post(page).param("from[0]", "08:00").param("to[0]", "18:00").with(csrf()).with(as(anaUser)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agents/" + ana.employeeNo() + "/preferences").param("daysOff", "SATURDAY", "SUNDAY")
                        .param("shiftTime", "EARLY").param("shiftTemplate", "FULL8").with(csrf()).with(as(anaUser)))
                .andExpect(status().is3xxRedirection());
        assertThat(availability.preferences(ana.employeeNo(), org.admin()).shiftTime())
                .isEqualTo(AvailabilityService.ShiftTime.EARLY);
        mvc.perform(post("/agents/" + ana.employeeNo() + "/preferences")
                        .param("daysOff", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY").with(csrf()).with(as(anaUser)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"daysOff-error\"")));
        mvc.perform(get(page).with(as(lead)).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("可用时间"), containsString("早班"),
                        // a list as Chinese writes it
                        containsString(">星期六、星期日<"))));
        mvc.perform(get(page).with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString(">Saturday, Sunday<")));

        mvc.perform(get(page).with(as(otherLead))).andExpect(status().isNotFound());
        mvc.perform(get("/agents/" + ana.employeeNo()).with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"availability-link\"")));
    }

    @Test
    void theLeadGivesADayTwoWindowsForASplitShiftThatMustNotOverlap() throws Exception {
        String page = "/agents/" + ana.employeeNo() + "/availability";
        mvc.perform(post(page).param("from[0]", "08:00").param("to[0]", "12:00").param("from2[0]", "11:00")
                        .param("to2[0]", "18:00").with(csrf()).with(as(lead)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-testid=\"weekly-form\""),
                        containsString("id=\"from2[0]-error\""),
                        containsString("Overlaps the other window of this day."))));
        assertThat(availability.weekly(ana.employeeNo(), org.admin()).windows()).isEmpty();
        mvc.perform(post(page).param("from[0]", "08:00").param("to[0]", "12:00").param("from2[0]", "14:00")
                        .param("to2[0]", "18:00").param("from[4]", "09:00").param("to[4]", "17:00").with(csrf())
                        .with(as(lead)))
                .andExpect(redirectedUrl(page));
        assertThat(availability.weekly(ana.employeeNo(), org.admin()).windows())
                .extracting(w -> w.day() + " " + w.from() + "-" + w.to())
                .containsExactly("MONDAY 08:00-12:00", "MONDAY 14:00-18:00", "FRIDAY 09:00-17:00");
        mvc.perform(get(page).with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"from2[0]\" value=\"14:00\""),
                        containsString("name=\"to2[0]\" value=\"18:00\""))));
        mvc.perform(get(page).with(as(anaUser))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("08:00–12:00"), containsString("14:00–18:00"))));
        mvc.perform(post(page).param("from[0]", "08:00").param("to[0]", "12:00").param("from2[0]", "10:00")
                        .param("to2[0]", "11:00").with(csrf()).with(as(lead)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("与当天另一个时段重叠。")));
        mvc.perform(get(page).with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"more-windows\""))));
        // three windows of a day through the API: the page says that saving would keep two
        availability.replaceWeekly(ana.employeeNo(), java.util.List.of(
                new AvailabilityService.WindowInput("TUESDAY", "06:00", "08:00"),
                new AvailabilityService.WindowInput("TUESDAY", "10:00", "12:00"),
                new AvailabilityService.WindowInput("TUESDAY", "14:00", "16:00")), org.admin());
        mvc.perform(get(page).with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"more-windows\""),
                        containsString("saving here keeps the first two of each day"))));
    }

    @Test
    void aLeadRecordsPartDayLeaveWithAStartTime() throws Exception {
        LocalDate day = seed.today(center).plusDays(3);
        mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "PERSONAL")
                        .param("date", day.toString()).param("hours", "2").param("from", "9am").with(csrf()).with(as(lead)))
                .andExpect(content().string(containsString("id=\"from-error\"")));
        mvc.perform(post("/lead/leave").param("employeeNo", ana.employeeNo()).param("type", "PERSONAL")
                        .param("date", day.toString()).param("hours", "2").param("from", "16:00").with(csrf()).with(as(lead)))
                .andExpect(redirectedUrl("/lead/leave?employeeNo=" + ana.employeeNo()));
        assertThat(leave.leave(ana.id(), day, day)).singleElement().satisfies(r -> {
            assertThat(r.seconds()).isEqualTo(7_200);
            assertThat(r.startMinute()).isEqualTo(16 * 60);
            assertThat(r.endMinute()).isEqualTo(18 * 60);
        });
    }

    @Test
    void anAgentAsksForPartOfAShiftWithAStartTime() throws Exception {
        seed.settledDay(center, seed.today(center).minusDays(1), Map.of(ana, new long[] {28_800, 0}));
        seed.shiftsFromToday(center, ana, 14);
        LocalDate day = seed.today(center).plusDays(1);
        while (settings.isBusyDay(center.id(), day)) {
            day = day.plusDays(1);
        }
        String page = "/agents/" + ana.employeeNo() + "/time-off";
        mvc.perform(get(page).with(as(anaUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"part-from\"")));
        mvc.perform(post(page).param("date", day.toString()).param("length", "hours").param("minutes", "10")
                        .param("from", "25:00").with(csrf()).with(as(anaUser)))
                .andExpect(status().isBadRequest()) // the time-off form answers bad input with 400, refusals with 422
                .andExpect(content().string(containsString("id=\"from-error\"")));
        mvc.perform(post(page).param("date", day.toString()).param("length", "hours").param("minutes", "10")
                        .param("from", "14:00").with(csrf()).with(as(anaUser)))
                .andExpect(status().is3xxRedirection());
        assertThat(timeOff.requestsOf(ana.employeeNo(), day, day, org.admin())).singleElement().satisfies(v -> {
            assertThat(v.seconds()).isEqualTo(600);
            assertThat(v.from()).isEqualTo("14:00");
            assertThat(v.to()).isEqualTo("14:10");
        });
    }
}
