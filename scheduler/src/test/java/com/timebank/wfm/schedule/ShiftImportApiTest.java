package com.timebank.wfm.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

@IntegrationTest
class ShiftImportApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    OrganisationService organisation;
    @Autowired
    ShiftService shifts;
    @Autowired
    Clock clock;

    private ResultActions upload(String planner, Center center, String csv) throws Exception {
        return mvc.perform(post("/api/centers/" + center.code() + "/shifts").with(httpBasic(planner, Org.PASSWORD))
                .contentType("text/csv").content("employee_no,date,start,end,break_minutes\n" + csv));
    }

    @Test
    void aDisabledAgentGetsNoShiftsAfterTodayFromAnImport() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent staying = org.agent(team);
        Agent leaving = org.agent(team);
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        organisation.setAgentActive(leaving.employeeNo(), false, org.admin());

        // another scheduling system that still lists the agent: their future shift would count in coverage and in
        // the month's time-bonus cap, although disabling removed their published shifts from tomorrow on
        upload(planner, center, staying.employeeNo() + "," + today.plusDays(1) + ",08:00,17:00,60\n"
                + leaving.employeeNo() + "," + today.plusDays(1) + ",08:00,17:00,60\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("employee_no"))
                .andExpect(jsonPath("$.errors[0].code").value("shift.agent.inactive"));
        assertThat(shifts.ofCenter(center.id(), today, today.plusDays(1))).isEmpty();

        // the days up to today are what they worked
        upload(planner, center, leaving.employeeNo() + "," + today + ",08:00,17:00,60\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
    }
}
