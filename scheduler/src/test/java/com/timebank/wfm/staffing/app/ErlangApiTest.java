package com.timebank.wfm.staffing.app;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

@IntegrationTest
class ErlangApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;

    private ResultActions erlang(String user, String body) throws Exception {
        return mvc.perform(post("/api/staffing/erlang-c").with(httpBasic(user, Org.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void workforceReferenceValuesForAnySignedInUser() throws Exception {
        String agent = org.agentUser(org.agent(org.team(org.center())));
        // workforce.md: 1800 s, AHT 180 s, 100 contacts, 80% in 20 s -> N = 14 (SL 88.84%), P(wait) 17.41%
        erlang(agent, """
                {"contacts":100,"intervalSeconds":1800,"ahtSeconds":180,"serviceLevelTarget":"0.8","serviceLevelSeconds":20}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("ERLANG_C"))
                .andExpect(jsonPath("$.trafficErlangs").value(10.0))
                .andExpect(jsonPath("$.agents").value(14))
                .andExpect(jsonPath("$.serviceLevel").value(closeTo(0.8884, 0.00005)))
                .andExpect(jsonPath("$.probabilityOfWaiting").value(closeTo(0.1741, 0.00005)))
                .andExpect(jsonPath("$.occupancy").value(closeTo(10.0 / 14, 0.000001)))
                .andExpect(jsonPath("$.asaSeconds").value(8))
                // default shrinkage 30%: ceil(14 / 0.7) = 20
                .andExpect(jsonPath("$.scheduledAgents").value(20))
                .andExpect(jsonPath("$.probabilityOfAbandoning").doesNotExist());
        // one agent fewer misses the target: 13 agents give 79.56%
        erlang(agent, """
                {"contacts":100,"intervalSeconds":1800,"ahtSeconds":180,"serviceLevelTarget":0.79,"serviceLevelSeconds":20,
                 "maxOccupancy":"1","shrinkage":"0"}""")
                .andExpect(jsonPath("$.agents").value(13))
                .andExpect(jsonPath("$.serviceLevel").value(closeTo(0.7956, 0.00005)))
                .andExpect(jsonPath("$.scheduledAgents").value(13));
    }

    @Test
    void patienceSwitchesToErlangA() throws Exception {
        mvc.perform(post("/api/staffing/erlang-c").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        String planner = org.plannerUser(org.center());
        erlang(planner, """
                {"contacts":100,"intervalSeconds":1800,"ahtSeconds":180,"serviceLevelTarget":"0.8","serviceLevelSeconds":20,
                 "patienceSeconds":60}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("ERLANG_A"))
                .andExpect(jsonPath("$.agents").value(lessThanOrEqualTo(14)))
                .andExpect(jsonPath("$.probabilityOfAbandoning").isNumber());
    }

    @Test
    void invalidInputNamesEveryField() throws Exception {
        String planner = org.plannerUser(org.center());
        erlang(planner, """
                {"intervalSeconds":1800,"ahtSeconds":180,"serviceLevelTarget":"0.8"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("contacts")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("serviceLevelSeconds")));
        erlang(planner, """
                {"contacts":100,"intervalSeconds":1800,"ahtSeconds":0,"serviceLevelTarget":"1.5","serviceLevelSeconds":20,
                 "shrinkage":"1"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("ahtSeconds")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("serviceLevelTarget")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("shrinkage")));
    }

    @Test
    void aFractionThatIsZeroOrOneAsANumberIsAFieldError() throws Exception {
        String planner = org.plannerUser(org.center());
        // below 1 and above 0 as decimals, but 1.0 and 0.0 as the numbers the calculation uses
        erlang(planner, """
                {"contacts":100,"intervalSeconds":1800,"ahtSeconds":180,"serviceLevelTarget":"0.99999999999999999999",
                 "serviceLevelSeconds":20,"maxOccupancy":"1E-400"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("serviceLevelTarget")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("maxOccupancy")));
    }
}
