package com.timebank.wfm.availability;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

import static org.assertj.core.api.Assertions.assertThat;

/** The availability and preferences API: who may read and change what, and every bad field refused with 422. */
@IntegrationTest
class AvailabilityApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    Clock clock;
    @Autowired
    AuditLog audit;

    private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void theLeadSetsWeeklyWindowsTheAgentSeesThemAndCannotChangeThem() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = org.agent(team);
        String anaUser = org.agentUser(ana);
        String lead = org.leadUser(team);
        String otherLead = org.leadUser(org.team(center));
        String path = "/api/agents/" + ana.employeeNo() + "/availability";

        mvc.perform(as(anaUser, get(path))).andExpect(status().isOk()).andExpect(jsonPath("$.windows").isEmpty());
        String weekdays = "{\"windows\":[" + String.join(",", java.util.stream.Stream.of("MONDAY", "TUESDAY",
                "WEDNESDAY", "THURSDAY", "FRIDAY").map(d -> "{\"day\":\"" + d + "\",\"from\":\"08:00\",\"to\":\"18:00\"}")
                .toList()) + "]}";
        mvc.perform(as(lead, put(path)).content(weekdays)).andExpect(status().isOk())
                .andExpect(jsonPath("$.windows.length()").value(5))
                .andExpect(jsonPath("$.windows[0].day").value("MONDAY"))
                .andExpect(jsonPath("$.windows[0].from").value("08:00"))
                .andExpect(jsonPath("$.windows[0].to").value("18:00"));
        mvc.perform(as(anaUser, get(path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.windows.length()").value(5));
        mvc.perform(as(anaUser, put(path)).content("{\"windows\":[]}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("availability.only-lead-or-planner"));
        mvc.perform(as(otherLead, get(path))).andExpect(status().isNotFound());
        mvc.perform(as(org.plannerUser(center), put(path)).content(weekdays)).andExpect(status().isOk());
        assertThat(audit.recent("agent:" + ana.employeeNo(), 0, 10)).extracting(AuditLog.Event::action)
                .contains("AVAILABILITY_CHANGED");

        mvc.perform(as(lead, put(path)).content("{\"windows\":[{\"day\":\"FUNDAY\",\"from\":\"08:00\",\"to\":\"18:00\"},"
                + "{\"day\":\"MONDAY\",\"from\":\"8am\",\"to\":\"24:30\"},{\"day\":\"TUESDAY\",\"from\":\"12:00\",\"to\":\"09:00\"},"
                + "{\"day\":\"MONDAY\",\"from\":\"08:00\",\"to\":\"12:00\"},{\"day\":\"MONDAY\",\"from\":\"11:00\",\"to\":\"13:00\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("windows[0].day")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("windows[1].from")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("windows[1].to")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("windows[2].to")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("windows[4].from")));
        // refused as a whole: the planner's windows stand
        mvc.perform(as(anaUser, get(path))).andExpect(jsonPath("$.windows.length()").value(5));
    }

    @Test
    void datedUnavailabilityIsAWholeDayOrFromToAndIsBoundedAndRemovable() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = org.agent(team);
        String anaUser = org.agentUser(ana);
        String lead = org.leadUser(team);
        LocalDate day = center.today(clock).plusDays(3);
        String path = "/api/agents/" + ana.employeeNo() + "/availability/unavailability";

        String location = mvc.perform(as(lead, post(path)).content("{\"date\":\"" + day
                        + "\",\"from\":\"14:00\",\"to\":\"16:30\",\"reason\":\"Doctor\"}"))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.from").value("14:00")).andExpect(jsonPath("$.to").value("16:30"))
                .andExpect(jsonPath("$.wholeDay").value(false))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(as(lead, post(path)).content("{\"date\":\"" + day.plusDays(1) + "\",\"reason\":\"Training\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.wholeDay").value(true));
        mvc.perform(as(anaUser, get(path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reason").value("Doctor"))
                .andExpect(jsonPath("$[1].reason").value("Training"));
        mvc.perform(as(anaUser, post(path)).content("{\"date\":\"" + day + "\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(as(lead, post(path)).content("{\"date\":\"" + day + "\",\"from\":\"14:00\",\"reason\":\"\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("to")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("reason")));
        mvc.perform(as(lead, post(path)).content("{\"date\":\"2999-01-01\",\"reason\":\"Far\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(as(lead, get(path + "?from=" + day + "&to=" + day.plusDays(400))))
                .andExpect(status().isUnprocessableEntity());

        mvc.perform(as(lead, delete(location))).andExpect(status().isNoContent());
        mvc.perform(as(lead, delete(location))).andExpect(status().isNotFound());
        mvc.perform(as(anaUser, get(path))).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void theAgentEntersTheirOwnPreferencesWhichTheLeadReads() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent ana = org.agent(team);
        String anaUser = org.agentUser(ana);
        String lead = org.leadUser(team);
        String path = "/api/agents/" + ana.employeeNo() + "/preferences";

        mvc.perform(as(lead, get(path))).andExpect(status().isOk()).andExpect(jsonPath("$.shiftTime").value("NONE"));
        mvc.perform(as(anaUser, put(path)).content(
                        "{\"daysOff\":[\"SUNDAY\",\"saturday\"],\"shiftTime\":\"EARLY\",\"shiftTemplate\":\"FULL8\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.daysOff[0]").value("SATURDAY"))
                .andExpect(jsonPath("$.daysOff[1]").value("SUNDAY"));
        mvc.perform(as(lead, get(path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.shiftTime").value("EARLY")).andExpect(jsonPath("$.shiftTemplate").value("FULL8"));
        mvc.perform(as(lead, put(path)).content("{\"daysOff\":[]}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("availability.only-agent-preferences"));
        mvc.perform(as(anaUser, put(path)).content("{\"daysOff\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\"],"
                        + "\"shiftTime\":\"NOON\",\"shiftTemplate\":\"no spaces\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("daysOff")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("shiftTime")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("shiftTemplate")));
    }
}
