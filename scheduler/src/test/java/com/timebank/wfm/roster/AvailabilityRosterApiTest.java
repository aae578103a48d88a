package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.forecast.SeasonalNaive;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.ContactVolume;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.roster.IndependentRosterCheck.Blocked;
import com.timebank.wfm.roster.IndependentRosterCheck.Contract;
import com.timebank.wfm.roster.IndependentRosterCheck.Reported;
import com.timebank.wfm.roster.IndependentRosterCheck.Window;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.support.SteadyCalls;
import com.timebank.wfm.timebank.ActivityFile;
import com.timebank.wfm.timebank.ActivityService;
import com.timebank.wfm.timebank.AuxSettlementService;

/**
 * A roster solved through the API with weekly availability windows, dated unavailability and part-day leave, entered
 * through the API and re-checked by {@link IndependentRosterCheck}; an agent whose availability cannot reach the
 * contract minimum is reported and the rest of the roster stays feasible.
 */
@IntegrationTest
class AvailabilityRosterApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;
    @Autowired
    RosterService rosters;
    @Autowired
    OrganisationService organisation;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    UserDetailsService users;
    @Autowired
    ActivityService activity;
    @Autowired
    AuxSettlementService settlement;
    @Autowired
    CenterSettingsService settings;
    @Autowired
    ShiftService shifts;
    @Autowired
    Transactions transactions;

    @Test
    void aRosterKeepsEveryShiftInsideAvailabilityAndOutOfPartDayBlocks() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, 8), "test");
        LocalDate from = today.plusDays(1);
        LocalDate to = from.plusDays(6);
        Map<String, Object> forecast = body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/forecasts"))
                .content("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"method\":\"" + SeasonalNaive.NAME + "\"}"))
                .andExpect(status().isCreated()));

        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(agent(team, 1800, 2400));
        }
        Agent weekdays = agents.get(0);
        Agent doctor = agents.get(1);
        Agent partDayLeave = agents.get(2);
        Agent mondayMornings = agents.get(3);
        Map<String, List<Window>> windows = new HashMap<>();
        List<Window> weekdayWindows = new ArrayList<>();
        StringBuilder weekdayJson = new StringBuilder();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdayWindows.add(new Window(d, LocalTime.of(8, 0), LocalTime.of(18, 0)));
            weekdayJson.append(weekdayJson.length() == 0 ? "" : ",")
                    .append("{\"day\":\"" + d + "\",\"from\":\"08:00\",\"to\":\"18:00\"}");
        }
        mvc.perform(as(planner, put("/api/agents/" + weekdays.employeeNo() + "/availability"))
                .content("{\"windows\":[" + weekdayJson + "]}")).andExpect(status().isOk());
        windows.put(weekdays.employeeNo(), weekdayWindows);
        mvc.perform(as(planner, put("/api/agents/" + mondayMornings.employeeNo() + "/availability"))
                .content("{\"windows\":[{\"day\":\"MONDAY\",\"from\":\"09:00\",\"to\":\"13:00\"}]}"))
                .andExpect(status().isOk());
        windows.put(mondayMornings.employeeNo(), List.of(new Window(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(13, 0))));

        LocalDate doctorDay = from.plusDays(1);
        mvc.perform(as(planner, post("/api/agents/" + doctor.employeeNo() + "/availability/unavailability"))
                .content("{\"date\":\"" + doctorDay + "\",\"from\":\"14:00\",\"to\":\"18:00\",\"reason\":\"Doctor\"}"))
                .andExpect(status().isCreated());
        LocalDate leaveDay = from.plusDays(2);
        mvc.perform(as(planner, post("/api/leave")).content("{\"employeeNo\":\"" + partDayLeave.employeeNo()
                        + "\",\"date\":\"" + leaveDay + "\",\"seconds\":3600,\"type\":\"PERSONAL\","
                        + "\"from\":\"17:00\",\"to\":\"18:00\"}"))
                .andExpect(status().isCreated());
        // the fifth agent would rather work the 4 h template, which a full-time contract is never given
        Agent prefersPartTime = agents.get(4);
        String prefersPartTimeUser = org.agentUser(prefersPartTime);
        mvc.perform(as(prefersPartTimeUser, put("/api/agents/" + prefersPartTime.employeeNo() + "/preferences"))
                .content("{\"shiftTemplate\":\"PART4\"}")).andExpect(status().isOk());
        List<Blocked> blocked = List.of(
                new Blocked(doctor.employeeNo(), doctorDay.atTime(14, 0), doctorDay.atTime(18, 0)),
                new Blocked(partDayLeave.employeeNo(), leaveDay.atTime(17, 0), leaveDay.atTime(18, 0)));

        Map<String, Object> started = body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/rosters"))
                .content("{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d,\"solveSeconds\":4}".formatted(from, to,
                        ((Number) forecast.get("id")).longValue()))).andExpect(status().isCreated()));
        long id = ((Number) started.get("id")).longValue();
        assertThat(rosters.awaitSolved(id, 120)).isTrue();
        Map<String, Object> roster = body(mvc.perform(as(planner, get("/api/rosters/" + id))).andExpect(status().isOk()));

        assertThat(roster.get("score")).asString().startsWith("0hard");
        assertThat(list(roster, "agentIssues")).singleElement().satisfies(i -> {
            assertThat(i.get("employeeNo")).isEqualTo(mondayMornings.employeeNo());
            assertThat(i.get("rule")).isEqualTo("WEEKLY_MINIMUM");
            assertThat(i.get("reason")).isEqualTo("roster.issue.weekly-minimum-availability");
        });
        List<IndependentRosterCheck.Shift> shifts = list(roster, "assignments").stream()
                .map(a -> new IndependentRosterCheck.Shift((String) a.get("employeeNo"),
                        LocalDateTime.parse((String) a.get("start")), LocalDateTime.parse((String) a.get("end")),
                        ((Number) a.get("breakMinutes")).intValue())).toList();
        assertThat(shifts).anyMatch(s -> s.employeeNo().equals(weekdays.employeeNo()));
        assertThat(shifts).noneMatch(s -> s.employeeNo().equals(mondayMornings.employeeNo()));

        Map<String, Contract> contracts = new HashMap<>();
        agents.forEach(a -> contracts.put(a.employeeNo(), new Contract(a.weeklyMinMinutes(), a.weeklyMaxMinutes(),
                Set.copyOf(a.skills()))));
        Set<Reported> reported = new HashSet<>();
        list(roster, "agentIssues").forEach(i -> reported.add(new Reported((String) i.get("employeeNo"),
                LocalDate.parse((String) i.get("weekStart")))));
        assertThat(IndependentRosterCheck.violations(from, to, shifts, List.of(), contracts, Map.of(),
                Map.of(partDayLeave.employeeNo(), Map.of(leaveDay, 60)), null, reported)).isEmpty();
        assertThat(IndependentRosterCheck.availabilityViolations(shifts, blocked, windows)).isEmpty();

        Map<String, Object> explanation = body(mvc.perform(as(planner, get("/api/rosters/" + id + "/explanation")))
                .andExpect(status().isOk()));
        assertThat(list(explanation, "preferencesNotGranted")).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("employeeNo")).isEqualTo(prefersPartTime.employeeNo());
            assertThat(m.get("preference")).isEqualTo("SHIFT");
        });
        assertThat(list(explanation, "preferencesNotGranted")).hasSize((int) shifts.stream()
                .filter(s -> s.employeeNo().equals(prefersPartTime.employeeNo())).count());
        mvc.perform(get("/planner/rosters/" + id + "/explanation").with(user(users.loadUserByUsername(planner))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"preferences-not-granted\""),
                        containsString("Works another shift than the preferred one"))));

        mvc.perform(as(planner, post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        // the agents see on their availability page what the published roster did not grant them
        long partTimeShifts = shifts.stream().filter(s -> s.employeeNo().equals(prefersPartTime.employeeNo())).count();
        String page = mvc.perform(get("/agents/" + prefersPartTime.employeeNo() + "/availability")
                        .with(user(users.loadUserByUsername(prefersPartTimeUser))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"roster-notes\"");
        assertThat(page.split("The preferred shift was not granted on", -1)).hasSize((int) partTimeShifts + 1);
        mvc.perform(get("/agents/" + mondayMornings.employeeNo() + "/availability").header("Accept-Language", "zh-CN")
                        .with(user(users.loadUserByUsername(org.agentUser(mondayMornings)))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"roster-notes\""),
                        containsString("已发布排班未满足的内容"), containsString("那一周"))));
        mvc.perform(get("/agents/" + weekdays.employeeNo() + "/availability")
                        .with(user(users.loadUserByUsername(org.agentUser(weekdays)))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"roster-notes\""))));
    }

    @Test
    void approvedPartDayTimeOffBlocksOnlyItsHoursInTheNextRoster() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        String planner = org.plannerUser(center);
        String lead = org.leadUser(team);
        LocalDate today = center.today(clock);
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, 8), "test");
        LocalDate from = today.plusDays(2);
        LocalDate to = from.plusDays(6);
        Map<String, Object> forecast = body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/forecasts"))
                .content("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"method\":\"" + SeasonalNaive.NAME + "\"}"))
                .andExpect(status().isCreated()));
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.add(agent(team, 1800, 2400));
        }
        Agent taker = agents.get(0);
        // a balance from three settled days, and a published shift on an idle day of the period
        for (int d = 1; d <= 3; d++) {
            LocalDate date = today.minusDays(d);
            activity.importActivity(ActivityFile.parseCsv("employee_no,date,logged_seconds,aux_seconds\n"
                    + taker.employeeNo() + "," + date + ",57600,0\n"), org.as(planner));
            settlement.settleDate(center.id(), date, AuxSettlementService.BatchObserver.NONE);
        }
        LocalDate day = from;
        while (settings.isBusyDay(center.id(), day)) {
            day = day.plusDays(1);
        }
        LocalDate offDay = day;
        transactions.write(() -> shifts.replace(center.id(), List.of(taker.id()), offDay, offDay, List.of(
                new PublishedShift(taker.id(), offDay, offDay.atTime(9, 0), offDay.atTime(18, 0), 60, "ROSTER")),
                "test"));
        Map<String, Object> request = body(mvc.perform(as(org.agentUser(taker), post("/api/time-off-requests"))
                        .content("{\"employeeNo\":\"" + taker.employeeNo() + "\",\"date\":\"" + offDay
                                + "\",\"from\":\"09:00\",\"to\":\"10:00\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.seconds").value(3600))
                .andExpect(jsonPath("$.from").value("09:00")).andExpect(jsonPath("$.to").value("10:00")));
        mvc.perform(as(lead, post("/api/time-off-requests/" + request.get("id") + "/approve")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

        Map<String, Object> started = body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/rosters"))
                .content("{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d,\"solveSeconds\":3}".formatted(from, to,
                        ((Number) forecast.get("id")).longValue()))).andExpect(status().isCreated()));
        long id = ((Number) started.get("id")).longValue();
        assertThat(rosters.awaitSolved(id, 120)).isTrue();
        Map<String, Object> roster = body(mvc.perform(as(planner, get("/api/rosters/" + id))).andExpect(status().isOk()));

        assertThat(roster.get("score")).asString().startsWith("0hard");
        List<IndependentRosterCheck.Shift> shifts = list(roster, "assignments").stream()
                .map(a -> new IndependentRosterCheck.Shift((String) a.get("employeeNo"),
                        LocalDateTime.parse((String) a.get("start")), LocalDateTime.parse((String) a.get("end")),
                        ((Number) a.get("breakMinutes")).intValue())).toList();
        Map<String, Contract> contracts = new HashMap<>();
        agents.forEach(a -> contracts.put(a.employeeNo(), new Contract(a.weeklyMinMinutes(), a.weeklyMaxMinutes(),
                Set.copyOf(a.skills()))));
        Set<Reported> reported = new HashSet<>();
        list(roster, "agentIssues").forEach(i -> reported.add(new Reported((String) i.get("employeeNo"),
                LocalDate.parse((String) i.get("weekStart")))));
        assertThat(IndependentRosterCheck.violations(from, to, shifts, List.of(), contracts, Map.of(),
                Map.of(taker.employeeNo(), Map.of(offDay, 60)), null, reported)).isEmpty();
        assertThat(IndependentRosterCheck.availabilityViolations(shifts, List.of(new Blocked(taker.employeeNo(),
                offDay.atTime(9, 0), offDay.atTime(10, 0))), Map.of())).isEmpty();
    }

    private Agent agent(Team team, int min, int max) {
        return organisation.createAgent(new OrganisationService.NewAgent(Org.unique("E"), "Agent", team.centerCode(),
                team.code(), min, max, List.of("voice")), org.admin());
    }

    private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    private Map<String, Object> body(ResultActions r) throws Exception {
        return json.readValue(r.andReturn().getResponse().getContentAsString(), new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }
}
