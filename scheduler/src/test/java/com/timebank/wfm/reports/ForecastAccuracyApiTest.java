package com.timebank.wfm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.forecast.SeasonalNaive;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.ContactVolume;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;

/**
 * A roster published three weeks ago from a seasonal-naive forecast, then what arrived: the forecast's accuracy
 * (wMAPE, bias, MASE per day and interval) and the service of each day against the published roster and the
 * requirement of its forecast.
 */
@IntegrationTest
class ForecastAccuracyApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    MutableClock clock;
    @Autowired
    ContactHistoryService history;
    @Autowired
    RosterService rosters;
    @Autowired
    OrganisationService organisation;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static List<ContactVolume> flat(LocalDate from, LocalDate toExclusive, int contacts) {
        List<ContactVolume> rows = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            for (int h = 9; h < 17; h++) {
                rows.add(new ContactVolume(ContactVolume.DEFAULT_QUEUE, d.atTime(h, 0), contacts, 300));
                rows.add(new ContactVolume(ContactVolume.DEFAULT_QUEUE, d.atTime(h, 30), contacts, 300));
            }
        }
        return rows;
    }

    @Test
    void publishedForecastAgainstWhatArrivedAndTheDaysService() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        // no weekly minimum: three days of roster cannot meet a full week's contract
        for (int i = 0; i < 6; i++) {
            organisation.createAgent(new OrganisationService.NewAgent(Org.unique("E"), "Agent", center.code(),
                    team.code(), 0, 2400, List.of("voice")), org.admin());
        }
        String planner = org.plannerUser(center);
        LocalDate realToday = center.today(clock);
        LocalDate then = realToday.minusDays(21);
        clock.pin(then.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        history.store(center.id(), flat(then.minusDays(28), then, 10), "test");
        LocalDate from = then.plusDays(1);
        String forecast = mvc.perform(post("/api/centers/{c}/forecasts", center.code())
                        .with(httpBasic(planner, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"%s\",\"to\":\"%s\",\"method\":\"%s\"}"
                                .formatted(from, from.plusDays(2), SeasonalNaive.NAME)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long forecastId = ((Number) JsonPath.read(forecast, "$.id")).longValue();
        String roster = mvc.perform(post("/api/centers/{c}/rosters", center.code())
                        .with(httpBasic(planner, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d,\"solveSeconds\":2}"
                                .formatted(from, from.plusDays(2), forecastId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long rosterId = ((Number) JsonPath.read(roster, "$.id")).longValue();
        assertThat(rosters.awaitSolved(rosterId, 120)).isTrue();
        String published = mvc.perform(post("/api/rosters/{id}/publish", rosterId)
                .with(httpBasic(planner, Org.PASSWORD))).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(published, "$.status")).as(published).isEqualTo("PUBLISHED");
        clock.reset();

        // what arrived: twice the forecast on the first day, exactly it on the second, nothing yet on the third
        history.store(center.id(), flat(from, from.plusDays(1), 20), "test");
        history.store(center.id(), flat(from.plusDays(1), from.plusDays(2), 10), "test");

        String json = mvc.perform(get("/api/centers/{c}/reports/forecast-accuracy", center.code())
                        .param("from", from.toString()).param("to", from.plusDays(2).toString())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$.days[*].date"))
                .containsExactly(from.toString(), from.plusDays(1).toString());
        assertThat((List<String>) JsonPath.read(json, "$.notEvaluated")).containsExactly(from.plusDays(2).toString());
        assertThat(((Number) JsonPath.read(json, "$.days[0].forecastId")).longValue()).isEqualTo(forecastId);
        assertThat(((Number) JsonPath.read(json, "$.days[0].rosterId")).longValue()).isEqualTo(rosterId);
        // day 1: Σ|20 − 10| ÷ Σ20 = 0.5, bias −0.5; the week before arrived as 10, so MASE = 10 ÷ 10 = 1
        assertThat(decimal(json, "$.days[0].figures.wmape")).isEqualByComparingTo("0.5");
        assertThat(decimal(json, "$.days[0].figures.bias")).isEqualByComparingTo("-0.5");
        assertThat(decimal(json, "$.days[0].figures.mase")).isEqualByComparingTo("1");
        assertThat(decimal(json, "$.days[1].figures.wmape")).isEqualByComparingTo("0");
        // the naive forecast is perfect on day 2: no scale, no MASE
        assertThat((Object) JsonPath.read(json, "$.days[1].figures.mase")).isNull();
        // in total: 160 ÷ 480
        assertThat(decimal(json, "$.total.wmape")).isEqualByComparingTo("0.333333");
        assertThat((List<Object>) JsonPath.read(json, "$.intervals")).hasSize(16);
        assertThat(decimal(json, "$.intervals[0].figures.wmape")).isEqualByComparingTo("0.333333");

        String eff = mvc.perform(get("/api/centers/{c}/reports/efficiency", center.code())
                        .param("from", from.toString()).param("to", from.plusDays(1).toString())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(eff, "$.days[*].service.rosterId"))
                .containsExactly((int) rosterId, (int) rosterId);
        assertThat((List<String>) JsonPath.read(eff, "$.days[*].service.requiredFrom"))
                .containsOnly(com.timebank.wfm.reports.Efficiency.REQUIRED_FROM_FORECAST);
        List<Double> forecastContacts = JsonPath.read(eff, "$.days[0].service.intervals[*].forecastContacts");
        assertThat(forecastContacts).hasSize(16).allSatisfy(f -> assertThat(f).isEqualTo(10.0));
        List<Integer> required = JsonPath.read(eff, "$.days[0].service.intervals[*].required");
        assertThat(required).allSatisfy(r -> assertThat(r).isPositive());
        // twice the contacts on the same agents: day 1's predicted service level is below day 2's
        assertThat(decimal(eff, "$.days[0].service.serviceLevel"))
                .isLessThan(decimal(eff, "$.days[1].service.serviceLevel"));
    }

    private static BigDecimal decimal(String json, String path) {
        return new BigDecimal(JsonPath.read(json, path).toString());
    }
}
