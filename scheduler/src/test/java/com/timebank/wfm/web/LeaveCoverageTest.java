package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.forecast.SeasonalNaive;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.ContactVolume;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.roster.DateCoverageService;
import com.timebank.wfm.roster.RosterCoverage;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.support.SteadyCalls;

/**
 * The approval queue's coverage and predicted service level of the request's date, with and without the agent's
 * shift, from the published roster; "no published roster" before it is published.
 */
@IntegrationTest
@Import(PageSeed.class)
class LeaveCoverageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    UserDetailsService users;
    @Autowired
    ContactHistoryService history;
    @Autowired
    RosterService rosters;
    @Autowired
    DateCoverageService coverage;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    PageFormat fmt;
    @Autowired
    ShiftService shifts;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    @Test
    void theQueueShowsTheDatesCoverageAndServiceLevelWithAndWithoutTheAgent() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            agents.add(seed.agent(team, "Agent " + i));
        }
        String planner = org.plannerUser(center);
        String lead = org.leadUser(team);
        LocalDate today = center.today(clock);
        // 20 calls a half hour (3.3 Erlangs) need about as many agents as eight agents' contracts give, so every
        // working agent counts: without any one of them the service level of the day drops
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, 20), "test");
        LocalDate from = today.plusDays(1);
        LocalDate to = today.plusDays(7);
        long forecastId = id(mvc.perform(post("/api/centers/" + center.code() + "/forecasts")
                .with(httpBasic(planner, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"method\":\"" + SeasonalNaive.NAME + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        long rosterId = rosters.start(center.code(), new RosterService.StartRequest(from, to, forecastId, 2),
                org.as(planner)).id();
        assertThat(rosters.awaitSolved(rosterId, 60)).isTrue();
        RosterService.RosterDetail detail = rosters.roster(rosterId, org.as(planner));
        // the busiest day: with 30% shrinkage a day of five agents keeps three on the phone for 3.3 Erlangs, a service
        // level of 0 with or without any one of them; the busiest (six of the eight) reaches it, and each one counts
        LocalDate busiest = detail.shifts().stream()
                .collect(java.util.stream.Collectors.groupingBy(RosterService.Shift::date,
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        RosterService.Shift shift = detail.shifts().stream().filter(s -> s.date().equals(busiest)).findFirst()
                .orElseThrow();
        Agent agent = agents.stream().filter(a -> a.employeeNo().equals(shift.employeeNo())).findFirst().orElseThrow();
        LocalDate day = shift.date();
        Map<Agent, long[]> earned = new LinkedHashMap<>();
        earned.put(agent, new long[] {28_800, 0});
        seed.settledDay(center, today.minusDays(1), earned);
        assertThat(coverage.withAndWithout(center.id(), day, agent.id())).isEmpty();
        rosters.publish(rosterId, org.as(planner));
        long requestId = timeOff.request(agent.employeeNo(), day, 300L, org.as(lead)).id();
        // a day after the roster's period, on an imported shift: no published roster covers it
        LocalDate after = to.plusDays(1);
        shifts.publish(center.id(), List.of(new PublishedShift(agent.id(), after, after.atTime(9, 0),
                after.atTime(17, 30), 30, ShiftService.IMPORTED)), "test");
        long outside = timeOff.request(agent.employeeNo(), after, 300L, org.as(lead)).id();
        assertThat(coverage.withAndWithout(center.id(), after, agent.id())).isEmpty();
        DateCoverageService.DateCoverage c = coverage.withAndWithout(center.id(), day, agent.id()).orElseThrow();
        assertThat(c.scheduled()).isTrue();
        assertThat(c.rosterId()).isEqualTo(rosterId);
        // with the agent: the roster's own coverage of that day (every interval has the same twenty calls), agents
        // counted on the phone net of their breaks, as the published shifts' breaks follow the roster's
        List<RosterCoverage.Interval> ofDay = detail.coverage().stream()
                .filter(i -> i.start().toLocalDate().equals(day) && i.required() > 0).toList();
        long required = ofDay.stream().mapToLong(RosterCoverage.Interval::required).sum();
        double covered = ofDay.stream().mapToDouble(i -> Math.min(i.required(), i.onPhone())).sum();
        assertThat(c.with().coverage()).isCloseTo(covered / required, offset(1e-9));
        assertThat(c.with().serviceLevel()).isCloseTo(
                ofDay.stream().mapToDouble(RosterCoverage.Interval::serviceLevel).average().orElseThrow(),
                offset(1e-3));
        // without the agent's shift the day can only get worse, and here it does
        assertThat(c.without().coverage()).isLessThanOrEqualTo(c.with().coverage());
        assertThat(c.without().serviceLevel()).isLessThan(c.with().serviceLevel());
        // not working that day: the same figures either way
        Agent off = agents.stream().filter(a -> detail.shifts().stream()
                .noneMatch(s -> s.date().equals(day) && s.employeeNo().equals(a.employeeNo()))).findFirst().orElse(null);
        if (off != null) {
            DateCoverageService.DateCoverage same = coverage.withAndWithout(center.id(), day, off.id()).orElseThrow();
            assertThat(same.scheduled()).isFalse();
            assertThat(same.without()).isEqualTo(same.with());
        }

        String page = mvc.perform(get("/lead/time-off").with(user(users.loadUserByUsername(lead))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"request-" + requestId + "\"")
                .contains("SL " + fmt.percent(c.with().serviceLevel()))
                .contains("without: " + fmt.percent(c.without().coverage()) + " · SL " + fmt.percent(c.without().serviceLevel()));
        String outsideRow = page.substring(page.indexOf("id=\"request-" + outside + "\""));
        assertThat(outsideRow.substring(0, outsideRow.indexOf("</tr>"))).contains("no published roster");
    }

    private long id(String body) throws Exception {
        return ((Number) json.readValue(body, Map.class).get("id")).longValue();
    }
}
