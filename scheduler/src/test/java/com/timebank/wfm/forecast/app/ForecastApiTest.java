package com.timebank.wfm.forecast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.demo.DemoHistory;
import com.timebank.wfm.forecast.IntervalForecast;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.ContactVolume;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.staffing.StaffingCalculator;
import com.timebank.wfm.staffing.StaffingPolicy;
import com.timebank.wfm.staffing.StaffingRequirement;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

@IntegrationTest
class ForecastApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;
    @Autowired
    ForecastService forecasts;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    Center center;
    String planner;
    LocalDate today;

    @BeforeEach
    void centerWithTenWeeksOfHistory() {
        center = org.center();
        planner = org.plannerUser(center);
        today = center.today(clock);
        seed(center, d -> true);
    }

    private void seed(Center c, Predicate<LocalDate> open) {
        history.store(c.id(), DemoHistory.generate(today.minusDays(70), today.minusDays(1), 30, 7).stream()
                .filter(v -> open.test(v.intervalStart().toLocalDate())).toList(), "test");
    }

    private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, user.equals("admin") ? "admin-test-password" : Org.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private ResultActions createForecast(String user, Center c, String body) throws Exception {
        return mvc.perform(as(user, post("/api/centers/" + c.code() + "/forecasts")).content(body));
    }

    private String range(LocalDate from, LocalDate to, String more) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"" + more + "}";
    }

    private Map<String, Object> body(ResultActions r) throws Exception {
        return json.readValue(r.andReturn().getResponse().getContentAsString(), new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }

    private static double number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).doubleValue();
    }

    @Test
    void forecastsAreStoredVersionedAndListedAndTheAutomaticChoiceIsExplained() throws Exception {
        Map<String, Object> first = body(createForecast(planner, center,
                range(today, today.plusDays(13), ",\"method\":\"seasonal-naive\""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/forecasts/")))
                .andExpect(jsonPath("$.method").value("seasonal-naive"))
                .andExpect(jsonPath("$.autoSelected").value(false))
                .andExpect(jsonPath("$.learnedUpTo").value(today.minusDays(1).toString()))
                .andExpect(jsonPath("$.intervals[0].start").value(today + "T08:00")));
        List<Map<String, Object>> intervals = list(first, "intervals");
        assertThat(intervals).hasSize(14 * 28);
        for (Map<String, Object> i : intervals) {
            assertThat(number(i, "lower95")).isLessThanOrEqualTo(number(i, "lower80"));
            assertThat(number(i, "lower80")).isLessThanOrEqualTo(number(i, "contacts"));
            assertThat(number(i, "contacts")).isLessThanOrEqualTo(number(i, "upper80"));
            assertThat(number(i, "upper80")).isLessThanOrEqualTo(number(i, "upper95"));
            assertThat(number(i, "ahtSeconds")).isGreaterThan(100);
        }
        long id1 = ((Number) first.get("id")).longValue();
        long id2 = ((Number) body(createForecast(planner, center,
                range(today, today.plusDays(13), ",\"method\":\"seasonal-naive\""))).get("id")).longValue();
        assertThat(id2).isNotEqualTo(id1);
        mvc.perform(as(planner, get("/api/forecasts/" + id1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intervals.length()").value(14 * 28))
                .andExpect(jsonPath("$.intervals[5].contacts").value(number(intervals.get(5), "contacts")));

        Map<String, Object> auto = body(createForecast(planner, center, range(today, today.plusDays(41), ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.autoSelected").value(true))
                .andExpect(jsonPath("$.selection.explanation").value(containsString("Chosen automatically")))
                .andExpect(jsonPath("$.selection.explanationMessage.code").value("forecast.note.auto-picked"))
                .andExpect(jsonPath("$.selection.results.length()").value(6)));
        @SuppressWarnings("unchecked")
        Map<String, Object> selection = (Map<String, Object>) auto.get("selection");
        assertThat(selection.get("method")).isEqualTo(auto.get("method"));
        mvc.perform(as(planner, get("/api/backtests/" + selection.get("backtestId"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value("SELECTION"))
                .andExpect(jsonPath("$.best").value(auto.get("method")));

        mvc.perform(as(planner, get("/api/centers/" + center.code() + "/forecasts")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$[0].id").value(auto.get("id")))
                .andExpect(jsonPath("$[2].id").value(id1))
                .andExpect(jsonPath("$[0].intervals").doesNotExist());
    }

    @Test
    void asOfRestrictsLearningToHistoryUpToIt() throws Exception {
        LocalDate asOf = today.minusDays(15);
        createForecast(planner, center, range(today, today.plusDays(6), ",\"method\":\"historical-mean\",\"asOf\":\"" + asOf + "\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.asOf").value(asOf.toString()))
                .andExpect(jsonPath("$.learnedUpTo").value(asOf.toString()));
        // what would we have forecast two weeks ago: learns only from the days before
        createForecast(planner, center, range(asOf.plusDays(1), asOf.plusDays(7), ",\"method\":\"historical-mean\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.learnedUpTo").value(asOf.toString()));
        createForecast(planner, center, range(today, today.plusDays(6), ",\"asOf\":\"" + today + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void closedDaysAndClosedHoursAreNotPredicted() throws Exception {
        Center weekdays = org.center();
        String weekdaysPlanner = org.plannerUser(weekdays);
        seed(weekdays, d -> d.getDayOfWeek() != DayOfWeek.SUNDAY);
        LocalDate closed = today.plusDays(3);
        while (closed.getDayOfWeek() == DayOfWeek.SUNDAY) {
            closed = closed.plusDays(1);
        }
        mvc.perform(as(weekdaysPlanner, put("/api/centers/" + weekdays.code() + "/calendar")).content("""
                {"closedDates":[{"date":"%s","reason":"move to the new building"}]}""".formatted(closed)))
                .andExpect(status().isOk());
        Map<String, Object> f = body(createForecast(weekdaysPlanner, weekdays,
                range(today, today.plusDays(13), ",\"method\":\"historical-weighted-mean\""))
                .andExpect(status().isCreated()));
        List<LocalDate> days = list(f, "intervals").stream()
                .map(i -> LocalDateTime.parse((String) i.get("start")).toLocalDate()).distinct().toList();
        List<LocalTime> times = list(f, "intervals").stream()
                .map(i -> LocalDateTime.parse((String) i.get("start")).toLocalTime()).distinct().toList();
        assertThat(days).doesNotContain(closed).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY).hasSize(11);
        assertThat(times).allMatch(t -> !t.isBefore(LocalTime.of(8, 0)) && t.isBefore(LocalTime.of(22, 0)));
        @SuppressWarnings("unchecked")
        List<String> closedDays = (List<String>) f.get("closedDays");
        assertThat(closedDays).hasSize(3).contains(closed.toString());
    }

    @Test
    void aCenterWithDaylightSavingTimeGetsNoForecastNorRequirementForTheSkippedHour() throws Exception {
        // Europe/Berlin, open around the clock: on 2026-03-29 the clocks jump from 02:00 to 03:00
        Center berlin = org.center("Europe/Berlin", 30);
        String berlinPlanner = org.plannerUser(berlin);
        LocalDate spring = LocalDate.of(2026, 3, 29);
        List<ContactVolume> rows = new java.util.ArrayList<>();
        for (LocalDate d = spring.minusWeeks(8); d.isBefore(spring.minusDays(6)); d = d.plusDays(1)) {
            for (int slot = 0; slot < 48; slot++) {
                rows.add(new ContactVolume(ContactVolume.DEFAULT_QUEUE, d.atStartOfDay().plusMinutes(30L * slot),
                        20 + slot % 5, 240));
            }
        }
        history.store(berlin.id(), rows, "test");
        Map<String, Object> f = body(createForecast(berlinPlanner, berlin,
                range(spring.minusDays(6), spring.plusDays(1), ",\"method\":\"seasonal-naive\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.noteMessages[*].code").value(hasItem("forecast.note.clock-change-skipped"))));
        List<String> starts = list(f, "intervals").stream().map(i -> (String) i.get("start")).toList();
        assertThat(starts).doesNotContain("2026-03-29T02:00", "2026-03-29T02:30")
                .contains("2026-03-29T01:30", "2026-03-29T03:00", "2026-03-30T02:00");
        mvc.perform(as(berlinPlanner, get("/api/forecasts/" + f.get("id") + "/requirements")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intervals.length()").value(8 * 48 - 2));
    }

    @Test
    void invalidRequestsAreRefusedWithClearMessages() throws Exception {
        createForecast(planner, center, range(today, today.plusDays(42), ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at most 42 days")));
        createForecast(planner, center, range(today, today.plusDays(6), ",\"method\":\"crystal-ball\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("method"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("seasonal-naive")));
        createForecast(planner, center, "{\"to\":\"" + today + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        createForecast(planner, center, range(today.plusDays(7), today, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        Center empty = org.center();
        createForecast(org.plannerUser(empty), empty, range(today, today.plusDays(6), ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("No history")));
    }

    @Test
    void backtestsReportErrorsPerMethodAndAreStored() throws Exception {
        Map<String, Object> all = body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/backtests"))
                        .content("{\"horizonDays\":5,\"origins\":3}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.originDates.length()").value(3))
                .andExpect(jsonPath("$.results.length()").value(6))
                .andExpect(jsonPath("$.best").isString()));
        for (Map<String, Object> r : list(all, "results")) {
            assertThat(r.keySet()).contains("method", "mae", "rmse", "wmape", "mase", "origins");
            assertThat(number(r, "mase")).isPositive();
            assertThat(number(r, "wmape")).isBetween(0.0, 1.0);
            assertThat(number(r, "origins")).isEqualTo(3);
        }
        mvc.perform(as(planner, post("/api/centers/" + center.code() + "/backtests"))
                        .content("{\"method\":\"seasonal-naive\",\"horizonDays\":5,\"origins\":2}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.results.length()").value(1))
                .andExpect(jsonPath("$.results[0].method").value("seasonal-naive"));
        mvc.perform(as(planner, post("/api/centers/" + center.code() + "/backtests"))
                        .content("{\"horizonDays\":0,\"origins\":21}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("horizonDays")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("origins")));
        mvc.perform(as(planner, get("/api/backtests/" + all.get("id"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(6));
        mvc.perform(as(planner, get("/api/centers/" + center.code() + "/backtests")))
                .andExpect(header().string("X-Total-Count", "2"));
    }

    @Test
    void requirementsUseTheCenterSettingsInForceOnEachDate() throws Exception {
        LocalDate change = today.plusDays(7);
        mvc.perform(as("admin", put("/api/centers/" + center.code() + "/settings")).content("""
                {"effectiveFrom":"%s","serviceLevelTarget":"0.8","serviceLevelSeconds":20,"shrinkage":"0.25"}"""
                .formatted(change)))
                .andExpect(status().isOk());
        long id = ((Number) body(createForecast(planner, center,
                range(today, today.plusDays(13), ",\"method\":\"seasonal-naive\""))).get("id")).longValue();
        Map<String, Object> r = body(mvc.perform(as(planner, get("/api/forecasts/" + id + "/requirements")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("ERLANG_C"))
                .andExpect(jsonPath("$.settings.length()").value(2))
                .andExpect(jsonPath("$.settings[0].from").value(today.toString()))
                .andExpect(jsonPath("$.settings[0].serviceLevelTarget").value("0.9"))
                .andExpect(jsonPath("$.settings[1].from").value(change.toString()))
                .andExpect(jsonPath("$.settings[1].serviceLevelTarget").value("0.8")));
        List<IntervalForecast> stored = forecasts.forecast(id, org.admin()).value().intervals();
        List<Map<String, Object>> rows = list(r, "intervals");
        assertThat(rows).hasSize(stored.size());
        StaffingCalculator before = new StaffingCalculator(StaffingPolicy.erlangC(0.9, 30, 0.85, 0.30));
        StaffingCalculator after = new StaffingCalculator(StaffingPolicy.erlangC(0.8, 20, 0.85, 0.25));
        for (int k = 0; k < rows.size(); k++) {
            IntervalForecast f = stored.get(k);
            Map<String, Object> row = rows.get(k);
            StaffingRequirement expected = (f.start().toLocalDate().isBefore(change) ? before : after)
                    .requirement(f.contacts(), f.ahtSeconds(), 1800);
            assertThat(row.get("start")).isEqualTo(f.start().toString());
            assertThat(row.get("agents")).isEqualTo(expected.agents());
            assertThat(row.get("scheduledAgents")).isEqualTo(expected.scheduledAgents());
            assertThat(number(row, "serviceLevel")).isGreaterThanOrEqualTo(
                    f.start().toLocalDate().isBefore(change) ? 0.9 : 0.8);
            assertThat(number(row, "trafficErlangs")).isLessThan(number(row, "agents"));
        }
        mvc.perform(as(planner, get("/api/forecasts/" + id + "/requirements?patienceSeconds=90")))
                .andExpect(jsonPath("$.model").value("ERLANG_A"))
                .andExpect(jsonPath("$.intervals[0].probabilityOfAbandoning").isNumber());
    }

    @Test
    void todaysActualsRescaleTheRestOfToday() throws Exception {
        Map<String, Object> f = body(createForecast(planner, center,
                range(today, today.plusDays(6), ",\"method\":\"historical-mean\"")));
        long id = ((Number) f.get("id")).longValue();
        List<Map<String, Object>> todays = list(f, "intervals").stream()
                .filter(i -> ((String) i.get("start")).startsWith(today.toString())).toList();
        StringBuilder actuals = new StringBuilder();
        double noon = 0;
        for (Map<String, Object> i : todays) {
            LocalDateTime start = LocalDateTime.parse((String) i.get("start"));
            if (start.toLocalTime().isBefore(LocalTime.NOON)) {
                actuals.append(actuals.length() == 0 ? "" : ",").append("{\"intervalStart\":\"").append(start)
                        .append("\",\"contacts\":").append(2 * number(i, "contacts")).append('}');
            } else if (start.toLocalTime().equals(LocalTime.NOON)) {
                noon = number(i, "contacts");
            }
        }
        mvc.perform(as(planner, post("/api/forecasts/" + id + "/reforecast")).content(
                        "{\"now\":\"" + today + "T12:00\",\"actuals\":[" + actuals + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actualsFrom").value("REQUEST"))
                .andExpect(jsonPath("$.ratio").value(closeTo(2.0, 0.01)))
                .andExpect(jsonPath("$.weight").value(greaterThan(0.5)))
                .andExpect(jsonPath("$.intervals[0].start").value(today + "T12:00"))
                .andExpect(jsonPath("$.intervals[0].contacts").value(greaterThan(1.4 * noon)))
                .andExpect(jsonPath("$.requirements.length()").value(20))
                .andExpect(jsonPath("$.requirements[0].agents").isNumber());
        // no actuals given: today's stored history (none yet) changes nothing
        mvc.perform(as(planner, post("/api/forecasts/" + id + "/reforecast")).content("{\"now\":\"" + today + "T12:00\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actualsFrom").value("HISTORY"))
                .andExpect(jsonPath("$.ratio").value(1.0))
                .andExpect(jsonPath("$.intervals[0].contacts").value(noon));
        mvc.perform(as(planner, post("/api/forecasts/" + id + "/reforecast")).content(
                        "{\"now\":\"" + today.plusDays(30) + "T12:00\"}"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void thePlannerEditsTheCalendarAndItShapesTheForecast() throws Exception {
        LocalDate campaign = today.plusDays(2);
        double normal = dayTotal(body(createForecast(planner, center,
                range(today, today.plusDays(6), ",\"method\":\"historical-mean\""))), campaign);
        mvc.perform(as(planner, put("/api/centers/" + center.code() + "/calendar")).content("""
                {"holidays":[{"date":"%s","name":"Spring Festival"}],
                 "specialDays":[{"date":"%s","multiplier":"2","reason":"campaign"},
                                {"date":"%s","likeDate":"%s","reason":"outage"}]}"""
                .formatted(today.plusDays(60), campaign, today.plusDays(4), today.minusDays(7))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays[0].name").value("Spring Festival"))
                .andExpect(jsonPath("$.specialDays[0].multiplier").value("2"))
                .andExpect(jsonPath("$.specialDays[1].likeDate").value(today.minusDays(7).toString()))
                .andExpect(jsonPath("$.specialDays[1].multiplier").doesNotExist());
        mvc.perform(as(org.leadUser(org.team(center)), get("/api/centers/" + center.code() + "/calendar")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.specialDays.length()").value(2));
        double boosted = dayTotal(body(createForecast(planner, center,
                range(today, today.plusDays(6), ",\"method\":\"historical-mean\""))), campaign);
        assertThat(boosted).isCloseTo(2 * normal, withPercentage(1));
        mvc.perform(as(planner, put("/api/centers/" + center.code() + "/calendar")).content("""
                {"holidays":[{"date":"%1$s"},{"date":"%1$s"}],
                 "specialDays":[{"date":"%2$s","multiplier":"2","likeDate":"%3$s"},{"date":"%2$s","likeDate":"%2$s"}]}"""
                .formatted(today, campaign, today.minusDays(7))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("holidays[1].date")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("specialDays[0]")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("specialDays[1].likeDate")));
    }

    private static double dayTotal(Map<String, Object> forecast, LocalDate day) {
        return list(forecast, "intervals").stream().filter(i -> ((String) i.get("start")).startsWith(day.toString()))
                .mapToDouble(i -> number(i, "contacts")).sum();
    }

    @Test
    void aPlannerOfAnotherCenterSeesNothing() throws Exception {
        long id = ((Number) body(createForecast(planner, center,
                range(today, today.plusDays(6), ",\"method\":\"seasonal-naive\""))).get("id")).longValue();
        long backtest = ((Number) body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/backtests"))
                .content("{\"method\":\"seasonal-naive\",\"horizonDays\":3,\"origins\":1}"))).get("id")).longValue();
        String stranger = org.plannerUser(org.center());
        String c = "/api/centers/" + center.code();
        createForecast(stranger, center, range(today, today.plusDays(6), "")).andExpect(status().isNotFound());
        mvc.perform(as(stranger, get(c + "/forecasts"))).andExpect(status().isNotFound());
        mvc.perform(as(stranger, get("/api/forecasts/" + id))).andExpect(status().isNotFound());
        mvc.perform(as(stranger, get("/api/forecasts/" + id + "/requirements"))).andExpect(status().isNotFound());
        mvc.perform(as(stranger, post("/api/forecasts/" + id + "/reforecast")).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(stranger, post(c + "/backtests")).content("{\"horizonDays\":3,\"origins\":1}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(stranger, get("/api/backtests/" + backtest))).andExpect(status().isNotFound());
        mvc.perform(as(stranger, get(c + "/calendar"))).andExpect(status().isNotFound());
        mvc.perform(as(stranger, put(c + "/calendar")).content("{}")).andExpect(status().isNotFound());
        mvc.perform(as(stranger, get(c + "/history?from=" + today + "&to=" + today))).andExpect(status().isNotFound());
        // a team lead of the center reads the calendar but does not plan
        String lead = org.leadUser(org.team(center));
        createForecast(lead, center, range(today, today.plusDays(6), "")).andExpect(status().isNotFound());
        mvc.perform(as(lead, get("/api/forecasts/" + id))).andExpect(status().isNotFound());
        mvc.perform(as(lead, put(c + "/calendar")).content("{}")).andExpect(status().isNotFound());
        mvc.perform(as("admin", get("/api/forecasts/" + id))).andExpect(status().isOk());
    }
}
