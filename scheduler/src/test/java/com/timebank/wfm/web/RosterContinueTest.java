package com.timebank.wfm.web;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.roster.CoverageQuality;
import com.timebank.wfm.roster.RosterRun;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.roster.RosterStatus;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * What the planner sees while and after solving: the progress data carries the cards' figures of the saved best
 * solution (so they update live with the chart), and a stopped or solved roster can be solved further.
 */
@IntegrationTest
@Import(RosterSeed.class)
class RosterContinueTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    RosterSeed seed;
    @Autowired
    RosterService rosters;

    @Test
    void theProgressCarriesTheCardsAndASolvedRosterContinuesFromItsBestSolution() throws Exception {
        RosterSeed.Setup s = seed.center(4, 8, true);
        RosterRun started = rosters.start(s.center().code(), new RosterService.StartRequest(s.from(), s.to(),
                s.forecastId(), 1), org.as(s.planner()));
        assertThat(rosters.awaitSolved(started.id(), 60)).isTrue();
        long id = started.id();
        RosterService.RosterDetail before = rosters.roster(id, org.as(s.planner()));

        mvc.perform(get("/planner/rosters/" + id + "/progress").with(as(s.planner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstSaved").value(true))
                .andExpect(jsonPath("$.shortfall").value(before.shortfallAgentIntervals()))
                .andExpect(jsonPath("$.overstaffedText").value(
                        java.text.NumberFormat.getNumberInstance(java.util.Locale.ENGLISH)
                                .format(before.overstaffedAgentIntervals()) + " overstaffed"));
        mvc.perform(get("/planner/rosters/" + id).with(as(s.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-live=\"shortfall\"")))
                .andExpect(content().string(containsString("data-testid=\"continue\"")));

        long deadline = System.currentTimeMillis() + 60_000;
        while (rosters.roster(id, org.as(s.planner())).quality().boundState() == CoverageQuality.BoundState.COMPUTING
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        CoverageQuality quality = rosters.roster(id, org.as(s.planner())).quality();
        assertThat(quality.boundState()).isEqualTo(CoverageQuality.BoundState.AVAILABLE);
        assertThat(quality.gap()).isNotNull();
        RosterService.RosterDetail solved = rosters.roster(id, org.as(s.planner()));
        Double floor = solved.minimumShortfallAgentIntervals();
        assertThat(floor).as("4 agents of 40 h against a week of 8 calls an interval").isPositive()
                .isLessThanOrEqualTo(solved.shortfallAgentIntervals());
        mvc.perform(get("/planner/rosters/" + id + "/progress").with(as(s.planner())))
                .andExpect(jsonPath("$.boundText").value(startsWith("coverage within ")))
                .andExpect(jsonPath("$.boundText").value(endsWith(
                        " of the best any roster could do with these agents")))
                .andExpect(jsonPath("$.floorText").value("at least "
                        + java.text.NumberFormat.getNumberInstance(java.util.Locale.ENGLISH).format(floor)
                        + " short agent-intervals need more agents: no roster of these agents covers them"));
        mvc.perform(get("/planner/rosters/" + id).header("Accept-Language", "zh-CN").with(as(s.planner())))
                .andExpect(content().string(containsString("data-testid=\"bound-gap\"")))
                .andExpect(content().string(containsString("距最佳可能覆盖")))
                .andExpect(content().string(containsString("需要增加人员：这些员工的任何排班都无法覆盖")));

        // through the API: one more second from the saved solution; time solved and the timeline carry on
        mvc.perform(post("/api/rosters/" + id + "/continue").with(httpBasic(s.planner(), Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"solveSeconds\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SOLVING"));
        assertThat(rosters.awaitSolved(id, 60)).isTrue();
        RosterRun after = rosters.roster(id, org.as(s.planner())).run();
        assertThat(after.status()).isEqualTo(RosterStatus.SOLVED);
        assertThat(after.solvedMillis()).isGreaterThanOrEqualTo(before.run().solvedMillis() + 1_000);
        assertThat(after.score()).as("warm start: never worse").isGreaterThanOrEqualTo(before.run().score());
        assertThat(rosters.progress(id, org.as(s.planner())).timeline())
                .anySatisfy(p -> assertThat(p.elapsedMillis()).isGreaterThan(before.run().solvedMillis()));

        // from the page, with CSRF, for the roster's own solve time again
        mvc.perform(post("/planner/rosters/" + id + "/continue").with(as(s.planner())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash",
                        new Flash.Message("success", "Solving continues from the best roster found so far.")));
        assertThat(rosters.awaitSolved(id, 60)).isTrue();
        assertThat(rosters.roster(id, org.as(s.planner())).run().solvedMillis())
                .isGreaterThanOrEqualTo(after.solvedMillis() + 1_000);

        // a published roster is not solved further (a re-solve makes a new one); bad times are refused
        mvc.perform(post("/api/rosters/" + id + "/continue").with(httpBasic(s.planner(), Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"solveSeconds\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("solveSeconds"));
        rosters.publish(id, org.as(s.planner()));
        mvc.perform(post("/api/rosters/" + id + "/continue").with(httpBasic(s.planner(), Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("roster.continue.not-stopped"));
    }
}
