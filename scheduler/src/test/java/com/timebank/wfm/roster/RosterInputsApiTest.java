package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import com.timebank.wfm.leave.LeaveRecord;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.LeaveSource;
import com.timebank.wfm.leave.LeaveType;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.roster.IndependentRosterCheck.Contract;
import com.timebank.wfm.roster.IndependentRosterCheck.Reported;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.support.SteadyCalls;

/**
 * Rosters solved through the API and re-checked by {@link IndependentRosterCheck}: adjacent weeks (rules across the
 * period edge), a part-timer whose leave fills the week, agents without the queue's skill.
 */
@IntegrationTest
class RosterInputsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;
    @Autowired
    RosterService rosters;
    @Autowired
    LeaveService leave;
    @Autowired
    ShiftService shifts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    Transactions transactions;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    UserDetailsService users;

    record Fixture(Center center, Team team, String planner, LocalDate from, long forecastId) {
    }

    /** A center with {@code days} days of forecast from tomorrow, for {@code queue} (null: the default queue). */
    private Fixture fixture(int contactsPerInterval, int days, String queue) throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        String q = queue == null ? ContactVolume.DEFAULT_QUEUE : queue;
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, q, contactsPerInterval), "test");
        LocalDate from = today.plusDays(1);
        Map<String, Object> forecast = body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/forecasts"))
                .content("{\"from\":\"" + from + "\",\"to\":\"" + from.plusDays(days - 1) + "\",\"method\":\""
                        + SeasonalNaive.NAME + "\"" + (queue == null ? "" : ",\"queue\":\"" + queue + "\"") + "}"))
                .andExpect(status().isCreated()));
        return new Fixture(center, team, planner, from, ((Number) forecast.get("id")).longValue());
    }

    private Agent agent(Team team, int min, int max, String... skills) {
        return organisation.createAgent(new OrganisationService.NewAgent(Org.unique("E"), "Agent", team.centerCode(),
                team.code(), min, max, List.of(skills)), org.admin());
    }

    private long startRoster(Fixture f, LocalDate from, LocalDate to, int solveSeconds) throws Exception {
        Map<String, Object> r = body(mvc.perform(as(f.planner(), post("/api/centers/" + f.center().code() + "/rosters"))
                        .content("{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d,\"solveSeconds\":%d}"
                                .formatted(from, to, f.forecastId(), solveSeconds)))
                .andExpect(status().isCreated()));
        return ((Number) r.get("id")).longValue();
    }

    private Map<String, Object> solved(Fixture f, long id) throws Exception {
        assertThat(rosters.awaitSolved(id, 120)).isTrue();
        return body(mvc.perform(as(f.planner(), get("/api/rosters/" + id))).andExpect(status().isOk()));
    }

    private static List<IndependentRosterCheck.Shift> shiftsOf(Map<String, Object> roster) {
        return list(roster, "assignments").stream().map(a -> new IndependentRosterCheck.Shift(
                (String) a.get("employeeNo"), LocalDateTime.parse((String) a.get("start")),
                LocalDateTime.parse((String) a.get("end")), ((Number) a.get("breakMinutes")).intValue(),
                list(a, "breaks").stream().map(b -> new IndependentRosterCheck.Break((String) b.get("kind"),
                        LocalDateTime.parse((String) b.get("start")), LocalDateTime.parse((String) b.get("end"))))
                        .toList())).toList();
    }

    private static Map<String, Contract> contracts(List<Agent> agents) {
        Map<String, Contract> out = new HashMap<>();
        agents.forEach(a -> out.put(a.employeeNo(), new Contract(a.weeklyMinMinutes(), a.weeklyMaxMinutes(),
                Set.copyOf(a.skills()))));
        return out;
    }

    private static Set<Reported> reported(Map<String, Object> roster) {
        Set<Reported> out = new HashSet<>();
        list(roster, "agentIssues").forEach(i -> out.add(new Reported((String) i.get("employeeNo"),
                LocalDate.parse((String) i.get("weekStart")))));
        return out;
    }

    /**
     * Coverage as the API reports it equals the coverage recomputed from the API's own shifts and breaks: scheduled
     * by span, on the phone net of breaks, and the roster's short and overstaffed agent-intervals from those.
     */
    static void assertCoverageRecomputes(Map<String, Object> roster, int intervalMinutes) {
        List<Map<String, Object>> coverage = list(roster, "coverage");
        List<LocalDateTime> starts = coverage.stream().map(c -> LocalDateTime.parse((String) c.get("start"))).toList();
        List<IndependentRosterCheck.Shift> shifts = shiftsOf(roster);
        assertThat(IndependentRosterCheck.breakViolations(shifts)).isEmpty();
        Map<LocalDateTime, Integer> recomputed = IndependentRosterCheck.coverage(shifts, starts);
        Map<LocalDateTime, Double> onThePhone = IndependentRosterCheck.onThePhone(shifts, starts, intervalMinutes);
        double shortfall = 0;
        double overstaffed = 0;
        for (Map<String, Object> c : coverage) {
            LocalDateTime start = LocalDateTime.parse((String) c.get("start"));
            assertThat(((Number) c.get("scheduled")).intValue()).as("scheduled at %s", start)
                    .isEqualTo(recomputed.get(start));
            assertThat(((Number) c.get("onPhone")).doubleValue()).as("on the phone at %s", start)
                    .isCloseTo(onThePhone.get(start), within(1e-4));
            int required = ((Number) c.get("required")).intValue();
            shortfall += Math.max(0, required - onThePhone.get(start));
            overstaffed += Math.max(0, onThePhone.get(start) - required);
        }
        assertThat(((Number) roster.get("shortfallAgentIntervals")).doubleValue()).isCloseTo(shortfall, within(0.01));
        assertThat(((Number) roster.get("overstaffedAgentIntervals")).doubleValue()).isCloseTo(overstaffed, within(0.01));
    }

    @Test
    void aRosterForTheWeekAfterAPublishedWeekKeepsRestAndConsecutiveDaysAcrossTheEdge() throws Exception {
        Fixture f = fixture(6, 14, null);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            agents.add(agent(f.team(), 2400, 2400, "voice"));
        }
        LocalDate week2 = f.from().plusDays(7);
        LocalDate sunday = week2.minusDays(1);
        // week 1, published: even agents work its last six days; odd agents end it with a shift until 23:00
        List<PublishedShift> week1 = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            long id = agents.get(i).id();
            if (i % 2 == 0) {
                for (int d = 1; d <= 6; d++) {
                    LocalDate date = f.from().plusDays(d);
                    week1.add(new PublishedShift(id, date, date.atTime(9, 0), date.atTime(18, 0), 60, "ROSTER"));
                }
            } else {
                for (int d = 0; d < 4; d++) {
                    LocalDate date = f.from().plusDays(d);
                    week1.add(new PublishedShift(id, date, date.atTime(9, 0), date.atTime(18, 0), 60, "ROSTER"));
                }
                week1.add(new PublishedShift(id, sunday, sunday.atTime(14, 0), sunday.atTime(23, 0), 60, "ROSTER"));
            }
        }
        transactions.write(() -> shifts.replace(f.center().id(), agents.stream().map(Agent::id).toList(), f.from(),
                sunday, week1, "test"));
        List<IndependentRosterCheck.Shift> around = week1.stream().map(s -> new IndependentRosterCheck.Shift(
                agents.stream().filter(a -> a.id() == s.agentId()).findFirst().orElseThrow().employeeNo(),
                s.start(), s.end(), s.breakMinutes())).toList();

        long id = startRoster(f, week2, week2.plusDays(6), 4);
        Map<String, Object> roster = solved(f, id);
        assertThat(roster.get("feasible")).isEqualTo(true);
        assertThat(list(roster, "agentIssues")).isEmpty();
        assertThat(IndependentRosterCheck.violations(week2, week2.plusDays(6), shiftsOf(roster), around,
                contracts(agents), Map.of(), null, Set.of())).isEmpty();
        assertCoverageRecomputes(roster, f.center().intervalMinutes());
        for (int i = 0; i < agents.size(); i++) {
            String no = agents.get(i).employeeNo();
            List<IndependentRosterCheck.Shift> monday = shiftsOf(roster).stream()
                    .filter(s -> s.employeeNo().equals(no) && s.date().equals(week2)).toList();
            if (i % 2 == 0) {
                assertThat(monday).as("7th day in a row for " + no).isEmpty();
            } else {
                assertThat(monday).allSatisfy(s -> assertThat(s.start()).isAfterOrEqualTo(week2.atTime(10, 0)));
            }
        }
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        // a re-solve of the first day looks across the same edge
        Map<String, Object> r = body(mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/resolve"))
                .content("{\"dates\":[\"" + week2 + "\"],\"solveSeconds\":2}")).andExpect(status().isCreated()));
        Map<String, Object> resolved = solved(f, ((Number) r.get("id")).longValue());
        assertThat(resolved.get("feasible")).isEqualTo(true);
        assertThat(IndependentRosterCheck.violations(week2, week2.plusDays(6), shiftsOf(resolved), around,
                contracts(agents), Map.of(), null, Set.of())).isEmpty();
    }

    @Test
    void aRosterStartingMidWeekCountsThePublishedDaysOfThatWeekTowardsTheWeeklyContract() throws Exception {
        Fixture f = fixture(8, 14, null);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(agent(f.team(), 1440, 2400, "voice"));
        }
        // roster 1: the first three days of a week, published; then each agent is given 3 x 8 h there (1,440 min)
        LocalDate first = f.from();
        LocalDate fourth = first.plusDays(3);
        LocalDate last = first.plusDays(6);
        long r1 = startRoster(f, first, first.plusDays(2), 2);
        assertThat(solved(f, r1).get("feasible")).isEqualTo(true);
        mvc.perform(as(f.planner(), post("/api/rosters/" + r1 + "/publish"))).andExpect(status().isOk());
        List<PublishedShift> published = new ArrayList<>();
        for (Agent a : agents) {
            for (LocalDate d = first; d.isBefore(fourth); d = d.plusDays(1)) {
                published.add(new PublishedShift(a.id(), d, d.atTime(9, 0), d.atTime(17, 30), 30, "ROSTER"));
            }
        }
        transactions.write(() -> shifts.replace(f.center().id(), agents.stream().map(Agent::id).toList(), first,
                first.plusDays(2), published, "test"));
        List<IndependentRosterCheck.Shift> around = published.stream().map(s -> new IndependentRosterCheck.Shift(
                agents.stream().filter(a -> a.id() == s.agentId()).findFirst().orElseThrow().employeeNo(),
                s.start(), s.end(), s.breakMinutes())).toList();

        // roster 2: the rest of that week; the week's maximum (2,400) leaves 960 min, where pro-rating the four days
        // alone would allow 1,372 (and with the 1,440 published, 2,812 in the week)
        long id = startRoster(f, fourth, last, 3);
        Map<String, Object> roster = solved(f, id);
        assertThat(roster.get("feasible")).isEqualTo(true);
        assertThat(list(roster, "agentIssues")).isEmpty();
        for (Agent a : agents) {
            long paid = shiftsOf(roster).stream().filter(s -> s.employeeNo().equals(a.employeeNo()))
                    .mapToLong(IndependentRosterCheck.Shift::paidMinutes).sum();
            assertThat(paid + 1440).as("minutes of %s in the week", a.employeeNo()).isBetween(1440L, 2400L);
        }
        assertThat(IndependentRosterCheck.violations(fourth, last, first.getDayOfWeek(), shiftsOf(roster), around,
                contracts(agents), Map.of(), null, Set.of())).isEmpty();
        assertCoverageRecomputes(roster, f.center().intervalMinutes());
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk());
    }

    @Test
    void aPartTimerWhoseLeaveFillsTheWeekIsReportedAndTheRosterStaysPublishable() throws Exception {
        Fixture f = fixture(40, 7, null);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 59; i++) { // 37.5–40 h: five 8 h or 9 h shifts
            agents.add(agent(f.team(), 2250, 2400, "voice"));
        }
        Agent partTimer = agent(f.team(), 960, 1200, "voice"); // 4 h shifts only (short templates)
        agents.add(partTimer);
        Map<LocalDate, Integer> leaveDays = new HashMap<>();
        transactions.write(() -> {
            List<LeaveRecord> records = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                LocalDate date = f.from().plusDays(d);
                records.add(new LeaveRecord(0, partTimer.id(), date, 28_800, LeaveType.SICK, LeaveSource.LEAVE,
                        Org.unique("sick")));
                leaveDays.put(date, 480);
            }
            leave.recordOverdraftLeave(partTimer.centerId(), records, "test");
            return null;
        });

        long id = startRoster(f, f.from(), f.from().plusDays(6), 6);
        Map<String, Object> roster = solved(f, id);
        assertThat(roster.get("score")).asString().startsWith("0hard");
        assertThat(list(roster, "agentIssues")).singleElement().satisfies(i -> {
            assertThat(i.get("employeeNo")).isEqualTo(partTimer.employeeNo());
            assertThat(i.get("rule")).isEqualTo("WEEKLY_MAXIMUM");
            assertThat(i.get("reason")).isEqualTo("roster.issue.absence-above-maximum");
            assertThat(i.get("args")).isEqualTo(List.of(1200, 1440));
        });
        assertThat(shiftsOf(roster)).noneMatch(s -> s.employeeNo().equals(partTimer.employeeNo()));
        assertThat(IndependentRosterCheck.violations(f.from(), f.from().plusDays(6), shiftsOf(roster), List.of(),
                contracts(agents), Map.of(partTimer.employeeNo(), leaveDays), null, reported(roster))).isEmpty();
        assertCoverageRecomputes(roster, f.center().intervalMinutes());
        mvc.perform(as(f.planner(), get("/api/rosters/" + id + "/explanation"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.agentIssues[0].employeeNo").value(partTimer.employeeNo()));
        mvc.perform(get("/planner/rosters/" + id).with(user(users.loadUserByUsername(f.planner()))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"agent-issues\""),
                        containsString(partTimer.employeeNo()),
                        containsString("Leave and time off (1,440 min) fill the week beyond the contract maximum"))));
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void aQueuesRosterUsesOnlyTheAgentsWithItsSkillAndListsTheOthers() throws Exception {
        Fixture f = fixture(4, 7, "billing");
        List<Agent> billing = List.of(agent(f.team(), 2400, 2400, "voice", "billing"),
                agent(f.team(), 2400, 2400, "billing"), agent(f.team(), 2400, 2400, "billing"));
        Agent voiceOnly = agent(f.team(), 2400, 2400, "voice");
        List<Agent> all = new ArrayList<>(billing);
        all.add(voiceOnly);

        long id = startRoster(f, f.from(), f.from().plusDays(6), 3);
        Map<String, Object> roster = solved(f, id);
        assertThat(roster.get("feasible")).isEqualTo(true);
        assertThat(shiftsOf(roster)).isNotEmpty().noneMatch(s -> s.employeeNo().equals(voiceOnly.employeeNo()));
        assertThat(IndependentRosterCheck.violations(f.from(), f.from().plusDays(6), shiftsOf(roster), List.of(),
                contracts(all), Map.of(), "billing", Set.of())).isEmpty();
        assertThat(list(roster, "agentIssues")).singleElement().satisfies(i -> {
            assertThat(i.get("employeeNo")).isEqualTo(voiceOnly.employeeNo());
            assertThat(i.get("rule")).isEqualTo("SKILL");
            assertThat(i.get("reason")).isEqualTo("roster.issue.skill");
        });
        Map<String, Object> explanation = body(mvc.perform(as(f.planner(), get("/api/rosters/" + id + "/explanation")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agentIssues[0].employeeNo").value(voiceOnly.employeeNo()))
                .andExpect(jsonPath("$.agentIssues[0].rule").value("SKILL")));
        // the explanation is computed on the solution the header shows
        assertThat(explanation.get("score")).isEqualTo(roster.get("score"));
        assertThat(list(explanation, "shortIntervals").stream().mapToDouble(i -> ((Number) i.get("shortfall")).doubleValue())
                .sum()).isCloseTo(((Number) roster.get("shortfallAgentIntervals")).doubleValue(), within(0.01));
        assertCoverageRecomputes(roster, f.center().intervalMinutes());
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
