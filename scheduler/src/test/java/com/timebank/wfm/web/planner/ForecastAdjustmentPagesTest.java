package com.timebank.wfm.web.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.forecast.IntervalForecast;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** A forecast changed by hand becomes a new forecast; the one it was made from stays; the chart shows both. */
@IntegrationTest
class ForecastAdjustmentPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    UserDetailsService users;
    @Autowired
    ContactHistoryService history;
    @Autowired
    ForecastService forecasts;
    @Autowired
    Clock clock;

    Center center;
    String planner;
    long forecastId;
    LocalDate day;

    @BeforeEach
    void forecast() {
        center = org.center();
        planner = org.plannerUser(center);
        LocalDate yesterday = center.today(clock).minusDays(1);
        history.importCsv(center.code(), null, HistoryCsv.days(yesterday, 42), org.as(planner));
        forecastId = forecasts.create(center.code(), new ForecastService.ForecastRequest(yesterday.plusDays(1),
                yesterday.plusDays(7), "seasonal-naive", null, null), org.as(planner)).value().run().id();
        day = yesterday.plusDays(2);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
    }

    private double total(long id, LocalDate on, int fromHour, int toHour) {
        return forecasts.forecast(id, org.as(planner)).value().intervals().stream()
                .filter(i -> i.start().toLocalDate().equals(on) && i.start().getHour() >= fromHour
                        && i.start().getHour() < toHour)
                .mapToDouble(IntervalForecast::contacts).sum();
    }

    @Test
    void theApiChangesAnIntervalRangeByAPercentageAsANewForecastAndKeepsTheOriginal() throws Exception {
        double before = total(forecastId, day, 9, 12);
        double restOfDay = total(forecastId, day, 12, 24);
        String body = mvc.perform(post("/api/forecasts/" + forecastId + "/adjustments")
                        .with(httpBasic(planner, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"%s","fromTime":"09:00","toTime":"12:00","percent":25,"reason":"mailing"}"""
                                .formatted(day)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long adjusted = Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        assertThat(adjusted).isNotEqualTo(forecastId);
        assertThat(total(adjusted, day, 9, 12)).isCloseTo(before * 1.25, within(0.01));
        assertThat(total(adjusted, day, 12, 24)).isCloseTo(restOfDay, within(1e-6));
        assertThat(total(forecastId, day, 9, 12)).isCloseTo(before, within(1e-6));
        assertThat(forecasts.adjustment(adjusted)).hasValueSatisfying(a -> {
            assertThat(a.basedOnId()).isEqualTo(forecastId);
            assertThat(a.reason()).isEqualTo("mailing");
        });
    }

    @Test
    void theApiRefusesWhatItCannotDoWithTheFieldAndACode() throws Exception {
        mvc.perform(post("/api/forecasts/" + forecastId + "/adjustments").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"%s","percent":10,"contacts":100,"reason":""}""".formatted(day)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(allOf(hasItem("percent"), hasItem("reason"))));
        mvc.perform(post("/api/forecasts/" + forecastId + "/adjustments").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"%s","fromTime":"09:10","percent":-100,"reason":"x"}""".formatted(day.plusDays(30))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(allOf(hasItem("date"), hasItem("percent"),
                        hasItem("fromTime"))));
        // 02:00–04:00 is closed in the history, so the forecast has no interval there
        mvc.perform(post("/api/forecasts/" + forecastId + "/adjustments").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"%s","fromTime":"02:00","toTime":"04:00","contacts":50,"reason":"x"}"""
                                .formatted(day)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").exists());
        assertThat(forecasts.forecasts(center.code(), com.timebank.wfm.api.Paging.of(0, 10), org.as(planner))
                .value().total()).isEqualTo(1);
    }

    @Test
    void aPlannerSetsADayToATotalOnThePageAndSeesTheChangeOnTheChart() throws Exception {
        var as = user(users.loadUserByUsername(planner));
        mvc.perform(post("/planner/forecasts/" + forecastId + "/adjust").param("date", day.toString())
                        .param("how", "contacts").param("amount", "abc").param("reason", "x").with(as).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a number such as 10 or -25.")));
        mvc.perform(post("/planner/forecasts/" + forecastId + "/adjust").param("date", day.toString())
                        .param("how", "percent").param("amount", "900").param("reason", "x").with(as).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"amount-error\""),
                        containsString("percent must be above -100 and at most 500"))));
        String location = mvc.perform(post("/planner/forecasts/" + forecastId + "/adjust").param("date", day.toString())
                        .param("how", "contacts").param("amount", "1000").param("reason", "product launch")
                        .with(as).with(csrf()))
                .andExpect(redirectedUrlPattern("/planner/forecasts/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long adjusted = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(total(adjusted, day, 0, 24)).isCloseTo(1000, within(0.01));
        mvc.perform(get(location).with(as)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Made by hand from forecast #" + forecastId),
                        containsString("Reason: product launch"))));
        mvc.perform(get(location + "/chart").with(as)).andExpect(status().isOk())
                .andExpect(jsonPath("$.names.before").value("Before the adjustment"))
                .andExpect(jsonPath("$.before").isArray());
        mvc.perform(get("/planner/forecasts/" + forecastId + "/chart").with(as))
                .andExpect(jsonPath("$.before").doesNotExist());
        assertThat(List.of(forecastId, adjusted)).doesNotHaveDuplicates();
    }
}
