package com.timebank.wfm.web.planner;

import static com.timebank.wfm.web.PageSliceTest.CENTER;
import static org.assertj.core.api.Assertions.assertThat;
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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import com.timebank.wfm.forecast.ForecastMethods;
import com.timebank.wfm.forecast.app.ForecastRun;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.web.PageSliceTest;
import com.timebank.wfm.web.PageSliceTest.Planner;

/** The forecast page's form as a slice: typed dates bound and refused by field, with the services mocked. */
@PageSliceTest
class ForecastPagesSliceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ForecastService forecasts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    ContactHistoryService history;

    @BeforeEach
    void scope() {
        Planner.scope(organisation);
        when(forecasts.forecasts(eq("SH"), any(), any()))
                .thenReturn(new ForecastService.InCenter<>(CENTER, new ForecastService.Page<>(List.of(), 0)));
        when(forecasts.methods()).thenReturn(List.of("SEASONAL"));
    }

    @Test
    void proposesTheNextDaysAsTypedDates() throws Exception {
        mvc.perform(get("/planner/forecasts").param("center", "SH").with(user(Planner.principal())))
                .andExpect(status().isOk())
                .andExpect(view().name("planner/forecasts"))
                .andExpect(model().attribute("forecastForm", org.hamcrest.Matchers.hasProperty("from",
                        org.hamcrest.Matchers.equalTo(LocalDate.of(2026, 3, 11)))));
    }

    @Test
    void namesTheMethodsInTheReadersLanguageAndSendsTheirIds() throws Exception {
        when(forecasts.methods()).thenReturn(ForecastMethods.names());
        when(history.count(CENTER.id())).thenReturn(1);
        String html = mvc.perform(get("/planner/forecasts").param("center", "SH").header("Accept-Language", "zh-CN")
                        .with(user(Planner.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<option value=\"seasonal-naive\">季节性朴素法（上周同一天）</option>")
                .contains("<option value=\"double-seasonal-hw\">双季节 Holt-Winters</option>")
                .doesNotContain(">seasonal-naive<");
    }

    @Test
    void refusesDatesThatAreNoDatesAndMissingOnesByTheirFields() throws Exception {
        mvc.perform(post("/planner/forecasts").param("center", "SH").param("from", "11/03/2026").param("to", "")
                        .param("asOf", "soon").with(user(Planner.principal())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("planner/forecasts"))
                .andExpect(model().attributeHasFieldErrorCode("forecastForm", "from", "typeMismatch"))
                .andExpect(model().attributeHasFieldErrorCode("forecastForm", "to", "planner.error.date-required"))
                .andExpect(model().attributeHasFieldErrorCode("forecastForm", "asOf", "typeMismatch"));
        verify(forecasts, never()).create(any(), any(), any());
    }

    @Test
    void passesTheBoundDatesToTheService() throws Exception {
        when(forecasts.create(eq("SH"), any(), any())).thenThrow(
                com.timebank.wfm.api.BusinessRuleException.of("forecast.cannot-forecast", "no history"));
        mvc.perform(post("/planner/forecasts").param("center", "SH").param("from", "2026-03-11")
                        .param("to", "2026-03-17").with(user(Planner.principal())).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasErrors("forecastForm"));
        verify(forecasts).create(eq("SH"), eq(new ForecastService.ForecastRequest(LocalDate.of(2026, 3, 11),
                LocalDate.of(2026, 3, 17), null, null, null)), any());
    }

    @Test
    void aForecastOfTheWeeklyRefreshIsNamedAsSuchAndAPlannersByTheirName() throws Exception {
        LocalDateTime at = LocalDateTime.of(2026, 3, 9, 16, 20);
        ForecastRun refresh = new ForecastRun(2, CENTER.id(), null, "seasonal-naive", null, LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 22), null, LocalDate.of(2026, 3, 8), 30, null, null, List.of(),
                ForecastService.REFRESH_ACTOR, at);
        ForecastRun planners = new ForecastRun(1, CENTER.id(), null, "seasonal-naive", "seasonal-naive",
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 22), null, LocalDate.of(2026, 3, 8), 30, null, null,
                List.of(), "user:planner", at);
        when(forecasts.forecasts(eq("SH"), any(), any())).thenReturn(new ForecastService.InCenter<>(CENTER,
                new ForecastService.Page<>(List.of(refresh, planners), 2)));
        assertThat(created(page("zh-CN"))).containsExactly("2026年3月10日 上午12:20 · 每周刷新",
                "2026年3月10日 上午12:20 · user:planner");
        assertThat(created(page("en"))).element(0).asString().endsWith(" · weekly refresh");
    }

    private String page(String language) throws Exception {
        return mvc.perform(get("/planner/forecasts").param("center", "SH").header("Accept-Language", language)
                        .with(user(Planner.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> created(String html) {
        Matcher m = Pattern.compile("data-testid=\"created\"[^>]*>([^<]*)<").matcher(html);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(HtmlUtils.htmlUnescape(m.group(1)).strip());
        }
        return texts;
    }
}
