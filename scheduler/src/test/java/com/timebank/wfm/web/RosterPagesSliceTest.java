package com.timebank.wfm.web;

import static com.timebank.wfm.web.PageSliceTest.CENTER;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.forecast.app.ForecastRun;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.web.PageSliceTest.Planner;

/** The "start a roster" form as a slice: typed fields bound and refused by field, with the services mocked. */
@PageSliceTest
class RosterPagesSliceTest {

    private static final ForecastRun FORECAST = new ForecastRun(11, 7, null, "SEASONAL", null,
            LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 22), null, LocalDate.of(2026, 3, 9), 30, null, null,
            List.of(), "planner", LocalDateTime.of(2026, 3, 10, 1, 0));

    @Autowired
    MockMvc mvc;
    @Autowired
    RosterService rosters;
    @Autowired
    ForecastService forecasts;
    @Autowired
    OrganisationService organisation;

    @BeforeEach
    void scope() {
        Planner.scope(organisation);
        when(forecasts.forecasts(eq("SH"), any(), any()))
                .thenReturn(new ForecastService.InCenter<>(CENTER, new ForecastService.Page<>(List.of(FORECAST), 1)));
        when(rosters.rosters(eq("SH"), any(), any())).thenReturn(new RosterService.Page(List.of(), 0));
    }

    @Test
    void proposesTheNewestForecastAndItsPeriod() throws Exception {
        mvc.perform(get("/planner/rosters").param("center", "SH").with(user(Planner.principal())))
                .andExpect(status().isOk())
                .andExpect(view().name("roster/list"))
                .andExpect(model().attribute("maxSolveSeconds", RosterService.MAX_SOLVE_SECONDS))
                .andExpect(model().attribute("rosterStartForm", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.hasProperty("forecastId", org.hamcrest.Matchers.equalTo(11L)),
                        org.hamcrest.Matchers.hasProperty("from", org.hamcrest.Matchers.equalTo(FORECAST.from())),
                        org.hamcrest.Matchers.hasProperty("solveSeconds",
                                org.hamcrest.Matchers.equalTo(RosterService.DEFAULT_SOLVE_SECONDS)))));
    }

    @Test
    void refusesValuesThatDoNotParseAndOutOfLimitsByTheirFields() throws Exception {
        mvc.perform(post("/planner/rosters").param("center", "SH").param("from", "16.03.2026").param("to", "")
                        .param("forecastId", "eleven").param("solveSeconds", "0").with(user(Planner.principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("roster/list"))
                .andExpect(model().attributeHasFieldErrorCode("rosterStartForm", "from", "typeMismatch"))
                .andExpect(model().attributeHasFieldErrorCode("rosterStartForm", "to", "roster.error.date.required"))
                .andExpect(model().attributeHasFieldErrorCode("rosterStartForm", "forecastId", "typeMismatch"))
                .andExpect(model().attributeHasFieldErrorCode("rosterStartForm", "solveSeconds",
                        "roster.error.solve-seconds"));
        mvc.perform(post("/planner/rosters").param("center", "SH").param("from", "2026-03-16")
                        .param("to", "2026-03-22").param("forecastId", "11").param("solveSeconds", "many")
                        .with(user(Planner.principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("rosterStartForm", "solveSeconds", "typeMismatch"));
        verify(rosters, never()).start(any(), any(), any());
    }
}
