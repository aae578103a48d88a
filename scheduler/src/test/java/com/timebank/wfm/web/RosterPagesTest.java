package com.timebank.wfm.web;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.roster.RosterRun;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.roster.RosterStatus;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** The roster pages without a browser: scope (404 for another center's planner, 403 for a lead), CSRF, validation. */
@IntegrationTest
@Import(RosterSeed.class)
class RosterPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    RosterSeed seed;
    @Autowired
    RosterService rosters;

    private MockHttpServletRequestBuilder startForm(RosterSeed.Setup s, String from, String to, String forecastId,
            String seconds) {
        return post("/planner/rosters").param("center", s.center().code()).param("from", from).param("to", to)
                .param("forecastId", forecastId).param("solveSeconds", seconds);
    }

    private long solved(RosterSeed.Setup s, int seconds) {
        RosterRun run = rosters.start(s.center().code(), new RosterService.StartRequest(s.from(), s.to(),
                s.forecastId(), seconds), org.as(s.planner()));
        assertThat(rosters.awaitSolved(run.id(), 60)).isTrue();
        return run.id();
    }

    @Test
    void aCenterWithoutForecastSaysToCreateOneFirst() throws Exception {
        RosterSeed.Setup s = seed.center(2, 4, false);
        mvc.perform(get("/planner/rosters").param("center", s.center().code()).with(as(s.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"empty-state\""),
                        containsString("create a forecast for the period first"),
                        not(containsString("data-testid=\"start-form\"")))));
    }

    @Test
    void theStartFormExplainsEachBadFieldAndStartsNothing() throws Exception {
        RosterSeed.Setup s = seed.center(3, 6, true);
        mvc.perform(startForm(s, "", "next week", "", "0").with(as(s.planner())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Give a date."),
                        containsString("Write the date as YYYY-MM-DD."),
                        containsString("Choose the forecast the roster staffs."),
                        containsString("Give a whole number of seconds from 1 to 3,600."))));
        mvc.perform(startForm(s, s.from().toString(), s.to().plusDays(3).toString(), s.forecastId().toString(), "2")
                        .with(as(s.planner())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This forecast covers")));
        mvc.perform(startForm(s, s.to().toString(), s.from().toString(), s.forecastId().toString(), "2")
                        .with(as(s.planner())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The end must not be before the start.")));
        assertThat(rosters.rosters(s.center().code(), com.timebank.wfm.api.Paging.of(0, 10), org.as(s.planner()))
                .total()).isZero();
    }

    @Test
    void aPlannerStartsWatchesAndPublishesWithCsrf() throws Exception {
        RosterSeed.Setup s = seed.center(5, 10, true);
        String location = mvc.perform(startForm(s, s.from().toString(), s.to().toString(), s.forecastId().toString(), "2")
                        .with(as(s.planner())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/planner/rosters/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(rosters.awaitSolved(id, 60)).isTrue();

        mvc.perform(get(location + "/progress").with(as(s.planner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SOLVED"))
                .andExpect(jsonPath("$.solving").value(false))
                .andExpect(jsonPath("$.points").isNotEmpty());
        mvc.perform(get(location).with(as(s.planner()))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"heatmap\""),
                        containsString("data-testid=\"publish\""), containsString("predicted service level"))));
        mvc.perform(get(location + "/shifts").with(as(s.planner()))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"shift-grid\""),
                        containsString("Ana Ferreira"))));
        mvc.perform(get(location + "/explanation").with(as(s.planner()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Score by constraint")));

        // no CSRF token: refused, nothing published
        mvc.perform(post(location + "/publish").with(as(s.planner()))).andExpect(status().isForbidden());
        assertThat(rosters.progress(id, org.as(s.planner())).run().status()).isEqualTo(RosterStatus.SOLVED);

        mvc.perform(post(location + "/publish").with(as(s.planner())).with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attributeExists("flash"));
        assertThat(rosters.progress(id, org.as(s.planner())).run().status()).isEqualTo(RosterStatus.PUBLISHED);
        // publishing twice is refused with a message on the roster's page, not an error page
        Flash.Message again = (Flash.Message) mvc.perform(post(location + "/publish").with(as(s.planner())).with(csrf()))
                .andExpect(redirectedUrl(location))
                .andReturn().getFlashMap().get("flash");
        assertThat(again.kind()).isEqualTo("error");
        assertThat(again.text())
                .contains("Roster " + id + " is Published; only a stopped or solved roster is published");

        // a re-solve needs a date or an agent; with one it starts a new roster
        mvc.perform(post(location + "/resolve").param("solveSeconds", "2").with(as(s.planner())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose at least one date or agent to reopen.")));
        String next = mvc.perform(post(location + "/resolve").param("dates", s.from().toString())
                        .param("solveSeconds", "2").with(as(s.planner())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long resolved = Long.parseLong(next.substring(next.lastIndexOf('/') + 1));
        assertThat(resolved).isNotEqualTo(id);
        assertThat(rosters.awaitSolved(resolved, 60)).isTrue();
        assertThat(rosters.progress(resolved, org.as(s.planner())).run().parentId()).isEqualTo(id);
    }

    @Test
    void anotherCentersPlannerGets404AndALead403() throws Exception {
        RosterSeed.Setup s = seed.center(3, 4, true);
        long id = solved(s, 1);
        String stranger = org.plannerUser(org.center());
        String lead = org.leadUser(s.team());
        String base = "/planner/rosters/" + id;
        for (String path : new String[] {base, base + "/shifts", base + "/explanation", base + "/progress"}) {
            mvc.perform(get(path).with(as(stranger))).andExpect(status().isNotFound());
            mvc.perform(get(path).with(as(lead))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/planner/rosters").param("center", s.center().code()).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/planner/rosters").param("center", s.center().code()).with(as(lead)))
                .andExpect(status().isForbidden());
        for (String action : new String[] {"/publish", "/stop", "/resolve"}) {
            mvc.perform(post(base + action).param("dates", s.from().toString()).param("solveSeconds", "1")
                    .with(as(stranger)).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post(base + action).with(as(lead)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(startForm(s, s.from().toString(), s.to().toString(), s.forecastId().toString(), "1")
                .with(as(stranger)).with(csrf())).andExpect(status().isNotFound());
        assertThat(rosters.progress(id, org.as(s.planner())).run().status()).isEqualTo(RosterStatus.SOLVED);
        assertThat(rosters.rosters(s.center().code(), com.timebank.wfm.api.Paging.of(0, 10), org.as(s.planner()))
                .total()).isEqualTo(1);
        // the planner's own list shows it, and the nav links to it
        mvc.perform(get("/planner/rosters").param("center", s.center().code()).with(as(s.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-roster=\"" + id + "\""),
                        containsString("href=\"/planner/rosters\""))));
    }
}
