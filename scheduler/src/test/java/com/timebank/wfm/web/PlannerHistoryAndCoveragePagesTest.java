package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.roster.DateCoverageService;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * The planner's chart and table of stored history (by day and by interval, axes with units), and a day's
 * requirement against the published roster interval by interval, from the roster service's coverage.
 */
@IntegrationTest
@Import(RosterSeed.class)
class PlannerHistoryAndCoveragePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RosterSeed seed;
    @Autowired
    Org org;
    @Autowired
    UserDetailsService users;
    @Autowired
    RosterService rosters;
    @Autowired
    DateCoverageService coverage;
    @Autowired
    Clock clock;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void storedHistoryIsChartedAndTabledByDayAndByInterval() throws Exception {
        // four weeks of 16 half hours a day with 20 calls of 300 s each
        RosterSeed.Setup s = seed.center(2, 20, true);
        LocalDate today = s.center().today(clock);
        String code = s.center().code();

        String page = mvc.perform(get("/planner/history/stored").param("center", code).with(as(s.planner())))
                .andExpect(status().isOk())
                .andExpect(model().attribute("from", today.minusDays(14)))
                .andExpect(model().attribute("to", today.minusDays(1)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"history-days\"").contains(">320<").contains(">5:00<")
                .contains("data-chart=\"history\"");
        mvc.perform(get("/planner/history/stored/chart").param("center", code).param("by", "day").with(as(s.planner())))
                .andExpect(jsonPath("$.labels.length()").value(14))
                .andExpect(jsonPath("$.contacts[0]").value(320.0))
                .andExpect(jsonPath("$.aht[0]").value(300))
                .andExpect(jsonPath("$.yTitle").value("Contacts per day"))
                .andExpect(jsonPath("$.y2Title").value("Average handling time (seconds)"));
        mvc.perform(get("/planner/history/stored/chart").param("center", code).param("by", "interval")
                        .with(as(s.planner())))
                .andExpect(jsonPath("$.labels.length()").value(14 * 16))
                .andExpect(jsonPath("$.contacts[3]").value(20.0))
                .andExpect(jsonPath("$.yTitle").value("Contacts per " + s.center().intervalMinutes() + "-minute interval"))
                .andExpect(jsonPath("$.xTitle").value(containsString(s.center().timeZone().getId())));
        // a range too long is refused next to its field; the default range is drawn instead
        mvc.perform(get("/planner/history/stored").param("center", code).param("from", today.minusDays(200).toString())
                        .param("to", today.toString()).with(as(s.planner())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Show at most 92 days at a time.")))
                .andExpect(model().attribute("from", today.minusDays(14)));
        // a chart names its center: a blank one is refused on the field, not drawn for the first center (nor a 500
        // for a user who plans none)
        mvc.perform(get("/planner/history/stored/chart").param("center", " ").with(as(s.planner())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The parameter center is required")));
        mvc.perform(get("/planner/coverage/chart").param("center", "").param("date", today.toString())
                        .with(as(s.planner())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The parameter center is required")));
        String chinese = mvc.perform(get("/planner/history/stored").param("center", code)
                        .header("Accept-Language", "zh-CN").with(as(s.planner())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(chinese).contains("平均处理时长（分:秒）").contains("已存历史数据");
    }

    @Test
    void aDaysRequirementIsComparedWithThePublishedRosterIntervalByInterval() throws Exception {
        RosterSeed.Setup s = seed.center(8, 20, true);
        String code = s.center().code();
        long rosterId = rosters.start(code, new RosterService.StartRequest(s.from(), s.to(), s.forecastId(), 2),
                org.as(s.planner())).id();
        assertThat(rosters.awaitSolved(rosterId, 60)).isTrue();
        LocalDate day = s.from();
        mvc.perform(get("/planner/coverage").param("center", code).param("date", day.toString()).with(as(s.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No published roster covers")));
        // the center's today by default
        mvc.perform(get("/planner/coverage").param("center", code).with(as(s.planner())))
                .andExpect(model().attribute("date", s.center().today(clock)));

        rosters.publish(rosterId, org.as(s.planner()));
        // the roster's timestamps carry their zone (UTC), so an API client reads them unambiguously
        mvc.perform(get("/api/centers/" + code + "/rosters").with(as(s.planner())))
                .andExpect(jsonPath("$[0].id").value(rosterId))
                .andExpect(jsonPath("$[0].createdAt").value(matchesPattern(".*T.*(Z|[+-]\\d\\d:\\d\\d)$")));
        // the single roster too, with who created and published it (fields added to the view)
        mvc.perform(get("/api/rosters/" + rosterId).with(as(s.planner())))
                .andExpect(jsonPath("$.createdAt").value(matchesPattern(".*T.*(Z|[+-]\\d\\d:\\d\\d)$")))
                .andExpect(jsonPath("$.publishedAt").value(matchesPattern(".*T.*(Z|[+-]\\d\\d:\\d\\d)$")))
                .andExpect(jsonPath("$.createdBy").value("user:" + s.planner()))
                .andExpect(jsonPath("$.publishedBy").value("user:" + s.planner()));
        DateCoverageService.DateCoverage expected = coverage.byInterval(s.center().id(), day).orElseThrow();
        assertThat(expected.intervals()).hasSize(16);
        String page = mvc.perform(get("/planner/coverage").param("center", code).param("date", day.toString())
                        .with(as(s.planner())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"coverage-intervals\"").contains("/planner/rosters/" + rosterId)
                .contains("Required").contains("On the phone").contains("Head count");
        // the table's agents on the phone are the service's, net of breaks, with two decimals
        List<String> onPhoneCells = Pattern.compile("data-testid=\"on-phone\">([^<]*)<")
                .matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(onPhoneCells).containsExactlyElementsOf(expected.intervals().stream()
                .map(i -> String.format(Locale.ENGLISH, "%.2f", i.coverage().onPhone())).toList());
        String chart = mvc.perform(get("/planner/coverage/chart").param("center", code).param("date", day.toString())
                        .with(as(s.planner())))
                .andExpect(jsonPath("$.yTitle").value("Agents (people)"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Integer> required = JsonPath.read(chart, "$.required");
        List<Integer> scheduled = JsonPath.read(chart, "$.scheduled");
        List<Double> onPhone = JsonPath.read(chart, "$.onPhone");
        assertThat(onPhone).containsExactlyElementsOf(expected.intervals().stream()
                .map(i -> Math.round(i.coverage().onPhone() * 100) / 100.0).toList());
        // agents on a break are not on the phone: the head count is the secondary figure
        assertThat(onPhone).anySatisfy(n -> assertThat(n).isGreaterThan(0));
        for (int i = 0; i < onPhone.size(); i++) {
            assertThat(onPhone.get(i)).isLessThanOrEqualTo(scheduled.get(i).doubleValue());
        }
        assertThat(expected.intervals()).anyMatch(i -> i.coverage().onPhone() < i.coverage().scheduled());
        // the same agents on the phone and service level as the roster API reports for that day
        String roster = mvc.perform(get("/api/rosters/" + rosterId).with(as(s.planner())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> apiDay = JsonPath.<List<Map<String, Object>>>read(roster,
                "$.coverage").stream().filter(c -> ((String) c.get("start")).startsWith(day.toString())).toList();
        assertThat(apiDay).hasSize(expected.intervals().size());
        for (int i = 0; i < apiDay.size(); i++) {
            var c = expected.intervals().get(i).coverage();
            assertThat(((Number) apiDay.get(i).get("onPhone")).doubleValue()).isCloseTo(c.onPhone(),
                    within(1e-4));
            assertThat(((Number) apiDay.get(i).get("serviceLevel")).doubleValue()).isEqualTo(c.serviceLevel());
        }
        assertThat(JsonPath.<String>read(chart, "$.names.onPhone")).isEqualTo("On the phone");
        assertThat(required).containsExactlyElementsOf(expected.intervals().stream()
                .map(i -> i.coverage().required()).toList());
        assertThat(scheduled).containsExactlyElementsOf(expected.intervals().stream()
                .map(i -> i.coverage().scheduled()).toList());
        assertThat(scheduled).anyMatch(n -> n > 0);
        assertThat(required).allMatch(n -> n > 0);
    }
}
