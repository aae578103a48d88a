package com.timebank.wfm.roster;

import static com.timebank.wfm.db.Tables.ROSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import com.timebank.wfm.leave.RosterQuota;
import com.timebank.wfm.leave.TimeOffQuotaService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.support.SteadyCalls;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;

@IntegrationTest
class RosterApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;
    @Autowired
    RosterService rosters;
    @Autowired
    RosterQuota rosterQuota;
    @Autowired
    LeaveService leave;
    @Autowired
    Transactions transactions;
    @Autowired
    DSLContext db;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    LedgerService ledger;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    TimeOffQuotaService quotas;
    @Autowired
    RosterRepository repository;
    @Autowired
    RosterSolving solving;

    /** A small center: agents on 40 h contracts (five 9 h shifts a week) and a week's forecast of steady calls. */
    record Fixture(Center center, Team team, List<Agent> agents, String planner, LocalDate from, LocalDate to,
            long forecastId) {
    }

    private Fixture fixture(int agents, int contactsPerInterval) throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        List<Agent> list = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            list.add(org.agent(team));
        }
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, contactsPerInterval), "test");
        LocalDate from = today.plusDays(1);
        LocalDate to = today.plusDays(7);
        Map<String, Object> forecast = body(mvc.perform(as(planner, post("/api/centers/" + center.code() + "/forecasts"))
                .content("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"method\":\"" + SeasonalNaive.NAME + "\"}"))
                .andExpect(status().isCreated()));
        return new Fixture(center, team, list, planner, from, to, ((Number) forecast.get("id")).longValue());
    }

    private long startRoster(Fixture f, int solveSeconds) throws Exception {
        Map<String, Object> r = body(mvc.perform(as(f.planner(), post("/api/centers/" + f.center().code() + "/rosters"))
                        .content("{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d,\"solveSeconds\":%d}"
                                .formatted(f.from(), f.to(), f.forecastId(), solveSeconds)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("SOLVING")));
        return ((Number) r.get("id")).longValue();
    }

    private Map<String, Object> solvedRoster(Fixture f, long id) throws Exception {
        assertThat(rosters.awaitSolved(id, 60)).isTrue();
        return body(mvc.perform(as(f.planner(), get("/api/rosters/" + id))).andExpect(status().isOk()));
    }

    private void sick(Agent agent, LocalDate date) {
        transactions.write(() -> {
            leave.recordOverdraftLeave(agent.centerId(), List.of(new LeaveRecord(0, agent.id(), date, 28_800,
                    LeaveType.SICK, LeaveSource.LEAVE, Org.unique("sick"))), "test");
            return null;
        });
    }

    @Test
    void solvesInTheBackgroundShowsScoreAndCoverageStopsAndPublishesPinnedShifts() throws Exception {
        Fixture f = fixture(6, 12);
        long id = startRoster(f, 60);
        // the first best solution is saved at once: status, score and coverage are visible while solving
        long deadline = System.currentTimeMillis() + 20_000;
        Map<String, Object> live;
        do {
            Thread.sleep(200);
            live = body(mvc.perform(as(f.planner(), get("/api/rosters/" + id))).andExpect(status().isOk()));
        } while (live.get("score") == null && System.currentTimeMillis() < deadline);
        assertThat(live.get("status")).isEqualTo("SOLVING");
        assertThat((String) live.get("score")).matches("-?\\d+hard/-?\\d+soft");
        assertThat(list(live, "coverage")).hasSize(7 * 16);

        Map<String, Object> stopped = body(mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/stop")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("STOPPED")));
        assertThat(stopped.get("feasible")).isEqualTo(true);
        List<Map<String, Object>> assignments = list(stopped, "assignments");
        // 40 h a week with 9 h shifts (1 h unpaid meal): exactly five shifts per agent
        assertThat(assignments).hasSize(6 * 5);
        Map<String, Object> first = assignments.get(0);
        assertThat(first.keySet()).contains("employeeNo", "date", "start", "end", "breaks");
        assertThat(list(first, "breaks")).extracting(b -> b.get("kind")).contains("MEAL", "SHORT");
        Map<String, Object> interval = list(stopped, "coverage").get(4);
        assertThat(interval.keySet()).contains("start", "required", "scheduled", "serviceLevel");
        assertThat(((Number) interval.get("required")).intValue()).isPositive();
        mvc.perform(as(f.planner(), get("/api/rosters/" + id + "/progress"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline", hasSize(greaterThan(0))))
                .andExpect(jsonPath("$.timeline[0].elapsedMillis").isNumber());
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/stop"))).andExpect(status().isConflict());
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/stop")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("排班 " + id + " 的状态是已停止，不在求解中"));

        Map<String, Object> published = body(mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED")));
        assertThat(list(published, "assignments")).allSatisfy(a -> assertThat(a.get("pinned")).isEqualTo(true));
        List<Map<String, Object>> shifts = listBody(mvc.perform(as(f.planner(), get("/api/centers/" + f.center().code()
                + "/shifts?from=" + f.from() + "&to=" + f.to()))).andExpect(status().isOk()));
        assertThat(shifts).hasSize(30);
        Set<String> rostered = new HashSet<>();
        assignments.forEach(a -> rostered.add(a.get("employeeNo") + " " + a.get("start") + " " + a.get("end")));
        assertThat(shifts).allSatisfy(s -> {
            assertThat(s.get("source")).isEqualTo("ROSTER");
            assertThat(rostered).contains(s.get("employeeNo") + " " + s.get("start") + " " + s.get("end"));
        });
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isConflict());
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("排班 " + id + " 的状态是已发布；只有已停止或已求解的排班可以发布"));
        // explained as it was solved: its own publication does not count as a reason
        mvc.perform(as(f.planner(), get("/api/rosters/" + id + "/explanation"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.shortIntervals[?(@.reason == 'PINNED')]").isEmpty())
                .andExpect(jsonPath("$.shortIntervals[?(@.pinnedOff > 0)]").isEmpty());

        // a new roster over the published period keeps every published day
        long again = startRoster(f, 1);
        Map<String, Object> kept = solvedRoster(f, again);
        Set<String> keptShifts = new HashSet<>();
        list(kept, "assignments").forEach(a -> {
            assertThat(a.get("pinned")).isEqualTo(true);
            keptShifts.add(a.get("employeeNo") + " " + a.get("start") + " " + a.get("end"));
        });
        assertThat(keptShifts).isEqualTo(rostered);

        mvc.perform(as(f.planner(), get("/api/centers/" + f.center().code() + "/rosters"))).andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[0].id").value(again)).andExpect(jsonPath("$[1].status").value("PUBLISHED"));
    }

    @Test
    void showsTheCoverageBoundTheCoverageObjectiveAndTheGapBetweenThem() throws Exception {
        Fixture f = fixture(6, 12);
        long id = startRoster(f, 2);
        Map<String, Object> r = solvedRoster(f, id);
        long deadline = System.currentTimeMillis() + 60_000;
        while ("COMPUTING".equals(r.get("coverageBoundState")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            r = body(mvc.perform(as(f.planner(), get("/api/rosters/" + id))).andExpect(status().isOk()));
        }

        assertThat(r.get("coverageBoundState")).isEqualTo("AVAILABLE");
        double bound = ((Number) r.get("coverageBound")).doubleValue();
        long objective = ((Number) r.get("coverageObjective")).longValue();
        assertThat(bound).isPositive();
        assertThat(objective).as("no roster beats the bound").isGreaterThanOrEqualTo((long) Math.floor(bound - 1e-6));
        assertThat(((Number) r.get("gapToBound")).doubleValue())
                .isCloseTo(Math.max(0, (objective - bound) / bound), within(1e-9));
        assertThat(((Number) r.get("minimumShortfallAgentIntervals")).doubleValue())
                .as("no roster leaves fewer short agent-intervals than the floor").isNotNegative()
                .isLessThanOrEqualTo(((Number) r.get("shortfallAgentIntervals")).doubleValue());
    }

    @Test
    void theGuidedConstructionAimsAtTheMixOfTheRostersOwnBoundNotAnLpOfItsOwn() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory
                .getLogger("com.timebank.wfm.roster.solver.GuidedConstruction");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Fixture f = fixture(6, 12);
            // a 4-s solve waits up to 1 s for the bound thread's LP (a quarter of the solve)
            solvedRoster(f, startRoster(f, 4));
        } finally {
            logger.detachAppender(log);
        }

        List<String> messages = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("Guided construction: the roster's bound's mix after"))
                .noneMatch(m -> m.contains("its own LP"));
    }

    @Test
    void onlyPlannersOfTheCenterSeeAndChangeRosters() throws Exception {
        Fixture f = fixture(2, 4);
        long id = startRoster(f, 1);
        solvedRoster(f, id);
        String lead = org.leadUser(f.team());
        String agent = org.agentUser(f.agents().get(0));
        String otherPlanner = org.plannerUser(org.center());
        for (String user : List.of(lead, agent, otherPlanner)) {
            mvc.perform(as(user, get("/api/rosters/" + id))).andExpect(status().isNotFound());
            mvc.perform(as(user, get("/api/rosters/" + id + "/explanation"))).andExpect(status().isNotFound());
            mvc.perform(as(user, post("/api/rosters/" + id + "/stop"))).andExpect(status().isNotFound());
            mvc.perform(as(user, post("/api/rosters/" + id + "/publish"))).andExpect(status().isNotFound());
            mvc.perform(as(user, post("/api/rosters/" + id + "/resolve")).content("{\"dates\":[\"" + f.from() + "\"]}"))
                    .andExpect(status().isNotFound());
            mvc.perform(as(user, post("/api/centers/" + f.center().code() + "/rosters")).content(
                    "{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d}".formatted(f.from(), f.to(), f.forecastId())))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(as(f.planner(), post("/api/centers/" + f.center().code() + "/rosters")).content(
                        "{\"from\":\"%s\",\"to\":\"%s\",\"solveSeconds\":0}".formatted(f.to(), f.from())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(as(f.planner(), post("/api/centers/" + f.center().code() + "/rosters")).content(
                        "{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d}".formatted(f.from(), f.to().plusDays(1),
                                f.forecastId())))
                .andExpect(status().isUnprocessableEntity());
        assertThat(db.fetchCount(ROSTER, ROSTER.CENTER_ID.eq(f.center().id()))).isEqualTo(1);
    }

    @Test
    void aRosterLeftSolvingByARestartResumesFromItsLastSavedBestSolution() throws Exception {
        Fixture f = fixture(4, 10);
        long id = startRoster(f, 1);
        Map<String, Object> before = solvedRoster(f, id);
        long savedSoft = rosters.roster(id, org.admin()).run().softScore();
        // as if the instance died after 1 s of a 3 s solve: the row is still SOLVING with the saved best solution
        db.update(ROSTER).set(ROSTER.STATUS, "SOLVING").set(ROSTER.SOLVE_SECONDS, 3).set(ROSTER.SOLVED_MILLIS, 1_000L)
                .where(ROSTER.ID.eq(id)).execute();
        assertThat(solving.resumeInterrupted()).contains(id);
        Map<String, Object> after = solvedRoster(f, id);
        assertThat(after.get("status")).isEqualTo("SOLVED");
        RosterRun run = rosters.roster(id, org.admin()).run();
        // warm start from the saved solution: never worse than what was saved, and the time solved carries on
        assertThat(run.hardScore()).isZero();
        assertThat(run.softScore()).isGreaterThanOrEqualTo(savedSoft);
        assertThat(run.solvedMillis()).isGreaterThanOrEqualTo(3_000);
        assertThat(list(after, "assignments")).hasSameSizeAs(list(before, "assignments"));
        List<ScorePoint> timeline = rosters.progress(id, org.admin()).timeline();
        assertThat(timeline).anySatisfy(p -> assertThat(p.elapsedMillis()).isGreaterThan(1_000));
        assertThat(solving.resumeInterrupted()).doesNotContain(id);
    }

    @Test
    void explanationListsTheCostOfEachConstraintAndWhyIntervalsAreShort() throws Exception {
        Fixture f = fixture(3, 40);
        LocalDate sickDay = f.from().plusDays(2);
        sick(f.agents().get(0), sickDay);
        long id = startRoster(f, 2);
        solvedRoster(f, id);
        Map<String, Object> e = body(mvc.perform(as(f.planner(), get("/api/rosters/" + id + "/explanation")))
                .andExpect(status().isOk()));
        List<Map<String, Object>> constraints = list(e, "constraints");
        assertThat(constraints).anySatisfy(c -> {
            assertThat(c.get("constraint")).isEqualTo("Coverage shortfall");
            assertThat(((Number) c.get("softScore")).longValue()).isNegative();
        });
        List<Map<String, Object>> shortIntervals = list(e, "shortIntervals");
        // 40 calls per half hour need far more than three agents: every open interval is short
        assertThat(shortIntervals).hasSize(7 * 16);
        assertThat(shortIntervals).allSatisfy(s -> assertThat(((Number) s.get("shortfall")).intValue()).isPositive());
        List<Map<String, Object>> onSickDay = shortIntervals.stream()
                .filter(s -> ((String) s.get("start")).startsWith(sickDay.toString())).toList();
        assertThat(onSickDay).allSatisfy(s -> {
            assertThat(s.get("reason")).isIn("LEAVE", "CONTRACTS_EXHAUSTED");
            assertThat(s.get("available")).isEqualTo(0);
        });
        assertThat(onSickDay).anySatisfy(s -> {
            assertThat(s.get("reason")).isEqualTo("LEAVE");
            assertThat(s.get("onLeave")).isEqualTo(1);
        });
        // the others work their five days; on their days off nobody has contract time left
        assertThat(shortIntervals).anySatisfy(s -> assertThat(s.get("reason")).isEqualTo("CONTRACTS_EXHAUSTED"));
    }

    @Test
    void derivedQuotaCountsTheAgentsThatCanBeReleasedAtTheServiceLevelTarget() throws Exception {
        Fixture f = fixture(8, 6);
        long id = startRoster(f, 2);
        solvedRoster(f, id);
        LocalDate day = f.from();
        assertThat(rosterQuota.slots(f.center().id(), day)).isEmpty();
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk());
        // by hand from the published shifts and their breaks: release agents one at a time while every interval keeps
        // the target with the agents on the phone, net of their breaks
        RosterService.RosterDetail detail = rosters.roster(id, org.admin());
        List<RosterInterval> intervals = new ArrayList<>();
        List<RosterCoverage.Span> spans = detail.shifts().stream().filter(s -> s.date().equals(day))
                .map(s -> new RosterCoverage.Span(s.start(), s.end(), s.breaks())).toList();
        RosterCoverage.Policy policy = RosterService.policy(detail.run(), detail.center());
        for (int h = 9; h < 17; h++) {
            intervals.add(new RosterInterval(day.atTime(h, 0), 6, 300, 0));
            intervals.add(new RosterInterval(day.atTime(h, 30), 6, 300, 0));
        }
        // 6 calls of 5 minutes per half hour = 1 Erlang; 90% within 30 s needs 3 on the phones, 5 scheduled (30%
        // shrinkage): an agent may go when every interval he covers keeps five
        int minimum = RosterCoverage.minimumScheduled(intervals.get(0), policy);
        assertThat(minimum).isEqualTo(5);
        int expected = RosterCoverage.timeOffSlots(intervals, spans, List.of(), policy);
        long covering = spans.stream().filter(s -> !s.start().isAfter(day.atTime(9, 0))
                && !s.end().isBefore(day.atTime(17, 0))).count();
        // every shift covers the whole opening 09:00-17:00 (the only start that fits), so all take their breaks at the
        // same times and are on the phone for half of the intervals with a break: all but twice five can go
        assertThat(covering).isEqualTo(spans.size());
        assertThat(detail.shifts()).allSatisfy(s -> assertThat(s.breaks()).isNotEmpty());
        assertThat(expected).isEqualTo(Math.max(0, spans.size() - 2 * minimum));
        assertThat(rosterQuota.slots(f.center().id(), day)).hasValue(expected);
        mvc.perform(as(f.planner(), get("/api/centers/" + f.center().code() + "/roster-quota?from=" + day
                        + "&to=" + f.to().plusDays(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slots").value(expected))
                .andExpect(jsonPath("$[0].rosterId").value(id))
                .andExpect(jsonPath("$[7].slots").doesNotExist());
    }

    @Test
    void resolveAfterSickLeaveReplansOnlyTheReopenedDay() throws Exception {
        Fixture f = fixture(6, 12);
        long id = startRoster(f, 2);
        Map<String, Object> original = solvedRoster(f, id);
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk());
        LocalDate day = f.from().plusDays(3);
        Map<String, Object> sickShift = list(original, "assignments").stream()
                .filter(a -> a.get("date").equals(day.toString())).findFirst().orElseThrow();
        Agent sickAgent = f.agents().stream().filter(a -> a.employeeNo().equals(sickShift.get("employeeNo")))
                .findFirst().orElseThrow();
        sick(sickAgent, day);
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/resolve")).content("{\"dates\":[\"" + f.to().plusDays(1)
                        + "\"],\"employeeNos\":[\"nobody\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        Map<String, Object> created = body(mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/resolve"))
                        .content("{\"dates\":[\"" + day + "\"],\"solveSeconds\":2}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.parentId").value(id)));
        long child = ((Number) created.get("id")).longValue();
        Map<String, Object> resolved = solvedRoster(f, child);
        Map<String, String> before = shiftsByAgentDay(original);
        Map<String, String> after = shiftsByAgentDay(resolved);
        before.forEach((key, shift) -> {
            if (!key.endsWith(day.toString())) {
                assertThat(after.get(key)).as(key).isEqualTo(shift);
            }
        });
        after.keySet().stream().filter(k -> !k.endsWith(day.toString())).forEach(k -> assertThat(before).containsKey(k));
        assertThat(after).doesNotContainKey(sickAgent.employeeNo() + " " + day);
        assertThat(list(resolved, "assignments")).allSatisfy(a ->
                assertThat(a.get("pinned")).isEqualTo(!a.get("date").equals(day.toString())));
        mvc.perform(as(f.planner(), post("/api/rosters/" + child + "/publish"))).andExpect(status().isOk());
        List<Map<String, Object>> shifts = listBody(mvc.perform(as(f.planner(), get("/api/centers/" + f.center().code()
                + "/shifts?from=" + day + "&to=" + day))).andExpect(status().isOk()));
        assertThat(shifts).noneSatisfy(s -> assertThat(s.get("employeeNo")).isEqualTo(sickAgent.employeeNo()));
    }

    @Test
    void aPublishRefusesAReSolveOvertakenByAnotherAndShiftsOnLeaveGivenSinceTheSolve() throws Exception {
        Fixture f = fixture(6, 12);
        long id = startRoster(f, 2);
        solvedRoster(f, id);
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk());
        long first = resolve(f, id, f.from().plusDays(1));
        long second = resolve(f, id, f.from().plusDays(2));
        solvedRoster(f, first);
        solvedRoster(f, second);
        mvc.perform(as(f.planner(), post("/api/rosters/" + first + "/publish"))).andExpect(status().isOk());
        // the second re-solve holds the first one's day as the parent had it: publishing it would undo the first
        mvc.perform(as(f.planner(), post("/api/rosters/" + second + "/publish"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Roster " + first + " was published for some of these days after"
                        + " this re-solve of roster " + id + " was made, and publishing roster " + second
                        + " would undo it: re-solve roster " + first + " instead"));

        // leave given after a roster was solved: publishing it would schedule the agent on the day off
        long third = resolve(f, first, f.from().plusDays(3));
        Map<String, Object> solved = solvedRoster(f, third);
        LocalDate day = f.from().plusDays(4);
        Map<String, Object> shift = list(solved, "assignments").stream()
                .filter(a -> a.get("date").equals(day.toString())).findFirst().orElseThrow();
        Agent agent = f.agents().stream().filter(a -> a.employeeNo().equals(shift.get("employeeNo"))).findFirst()
                .orElseThrow();
        sick(agent, day);
        mvc.perform(as(f.planner(), post("/api/rosters/" + third + "/publish")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(startsWith("排班 " + third + " 有 1 个班次落在求解之后才给出的请假或调休上"
                        + "（第一个：" + agent.employeeNo() + "，" + day + "）")));
        mvc.perform(as(f.planner(), get("/api/rosters/" + third))).andExpect(jsonPath("$.status").value("SOLVED"));
        // the published roster re-solved for that day is published
        long fourth = resolve(f, first, day);
        solvedRoster(f, fourth);
        mvc.perform(as(f.planner(), post("/api/rosters/" + fourth + "/publish"))).andExpect(status().isOk());
    }

    private long resolve(Fixture f, long id, LocalDate day) throws Exception {
        Map<String, Object> created = body(mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/resolve"))
                        .content("{\"dates\":[\"" + day + "\"],\"solveSeconds\":2}"))
                .andExpect(status().isCreated()));
        return ((Number) created.get("id")).longValue();
    }

    @Test
    void aResolveRefusesMissingEmployeeNumbersAndListsLongerThanItsBounds() throws Exception {
        Fixture f = fixture(2, 4);
        long id = startRoster(f, 1);
        solvedRoster(f, id);
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk());
        String resolve = "/api/rosters/" + id + "/resolve";
        mvc.perform(as(f.planner(), post(resolve)).content("{\"employeeNos\":[null,\" \",\"%s\"]}"
                        .formatted(f.agents().get(0).employeeNo())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("employeeNos[0]", "employeeNos[1]")))
                .andExpect(jsonPath("$.errors[0].code").value("roster.reopen.employee-no-required"));
        String tooMany = IntStream.rangeClosed(0, RosterService.MAX_REOPENED_AGENTS)
                .mapToObj(i -> "\"E" + i + "\"").collect(Collectors.joining(","));
        mvc.perform(as(f.planner(), post(resolve)).content("{\"employeeNos\":[" + tooMany + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("employeeNos")))
                .andExpect(jsonPath("$.code").value("roster.reopen.too-many-agents"));
        String dates = IntStream.rangeClosed(0, RosterService.MAX_DAYS)
                .mapToObj(i -> "\"" + f.from() + "\"").collect(Collectors.joining(","));
        mvc.perform(as(f.planner(), post(resolve)).content("{\"dates\":[" + dates + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("dates")))
                .andExpect(jsonPath("$.code").value("roster.reopen.too-many-dates"));
        assertThat(db.fetchCount(ROSTER, ROSTER.PARENT_ROSTER_ID.eq(id))).isZero();
    }

    /** A re-solve may reopen as many agents as it accepts, each with the longest employee number. */
    @Test
    void aRosterKeepsEveryAgentAResolveMayReopen() {
        Center center = org.center();
        Set<String> reopened = new java.util.LinkedHashSet<>();
        for (int i = 0; i < RosterService.MAX_REOPENED_AGENTS; i++) {
            reopened.add(String.format("%032d", i));
        }
        LocalDate from = center.today(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        RosterRun run = new RosterRun(0, center.id(), 0, null, from, from, 1, RosterStatus.STOPPED,
                RosterRun.ALL_QUEUES, new java.math.BigDecimal("0.8"), 20, new java.math.BigDecimal("0.3"),
                Set.of(from), reopened, null, null, 0, null, "test", now, now, null, null);
        long id = transactions.write(() -> repository.insert(run, List.of(), List.of()));
        assertThat(repository.find(id).orElseThrow().reopenedAgents()).containsExactlyElementsOf(reopened);
    }

    @Test
    void approvedTimeOffKeepsTheAgentOffTheWholeDayPendingDoesNot() throws Exception {
        Fixture f = fixture(4, 6);
        long id = startRoster(f, 3);
        Map<String, Object> original = solvedRoster(f, id);
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk());
        // a day with time-off slots for two (not a busy day) on which at least two agents work
        LocalDate found = null;
        for (LocalDate d = f.from().plusDays(2); found == null && !d.isAfter(f.to()); d = d.plusDays(1)) {
            String date = d.toString();
            if (quotas.quota(f.center().id(), d).slots() >= 2
                    && list(original, "assignments").stream().filter(a -> a.get("date").equals(date)).count() >= 2) {
                found = d;
            }
        }
        assertThat(found).as("an idle day with shifts").isNotNull();
        LocalDate day = found;
        String date = day.toString();
        List<Agent> working = f.agents().stream().filter(a -> list(original, "assignments").stream()
                .anyMatch(s -> s.get("date").equals(date) && s.get("employeeNo").equals(a.employeeNo()))).toList();
        Agent approved = working.get(0);
        Agent pending = working.get(1);
        String lead = org.leadUser(f.team());
        for (Agent a : List.of(approved, pending)) {
            ledger.post(Posting.of(a.id(), f.from().minusDays(2), EntryKind.AUX_SAVING, 30_000, "test", "credit",
                    Org.unique("CREDIT:")));
        }
        // a part-day request (2 h of the 8 h paid): the roster has no time of day for it, so the whole day is off
        Map<String, Object> request = body(mvc.perform(as(org.agentUser(approved), post("/api/time-off-requests"))
                        .content("{\"employeeNo\":\"" + approved.employeeNo() + "\",\"date\":\"" + day
                                + "\",\"seconds\":7200}"))
                .andExpect(status().isCreated()));
        mvc.perform(as(lead, post("/api/time-off-requests/" + request.get("id") + "/approve")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(as(org.agentUser(pending), post("/api/time-off-requests")).content("{\"employeeNo\":\""
                + pending.employeeNo() + "\",\"date\":\"" + day + "\"}")).andExpect(status().isCreated());
        assertThat(timeOff.approved(f.center().id(), f.from(), f.to())).singleElement()
                .satisfies(r -> assertThat(r.agentId()).isEqualTo(approved.id()));

        // a new roster over the published period: the approved day is no longer the published shift, the rest stays
        long again = startRoster(f, 1);
        Map<String, Object> replanned = solvedRoster(f, again);
        Map<String, String> before = shiftsByAgentDay(original);
        Map<String, String> after = shiftsByAgentDay(replanned);
        assertThat(after).doesNotContainKey(approved.employeeNo() + " " + day);
        assertThat(after.get(pending.employeeNo() + " " + day)).isEqualTo(before.get(pending.employeeNo() + " " + day));
        before.forEach((key, shift) -> {
            if (!key.equals(approved.employeeNo() + " " + day)) {
                assertThat(after.get(key)).as(key).isEqualTo(shift);
            }
        });
        // re-solving that date cannot put the agent back to work either
        Map<String, Object> created = body(mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/resolve"))
                        .content("{\"dates\":[\"" + day + "\"],\"solveSeconds\":1}"))
                .andExpect(status().isCreated()));
        Map<String, Object> resolved = solvedRoster(f, ((Number) created.get("id")).longValue());
        assertThat(shiftsByAgentDay(resolved)).doesNotContainKey(approved.employeeNo() + " " + day);
    }

    @Test
    void shiftTemplatesOfTheCenterAreValidatedAndUsedByItsRosters() throws Exception {
        Fixture f = fixture(3, 8);
        String url = "/api/centers/" + f.center().code() + "/shift-templates";
        mvc.perform(as(f.planner(), get(url))).andExpect(status().isOk())
                .andExpect(jsonPath("$.defaults").value(true))
                .andExpect(jsonPath("$.templates[*].code").value(contains("FULL9", "FULL8", "PART4")));
        mvc.perform(as(f.planner(), put(url)).content("""
                {"templates":[{"code":"D9","lengthMinutes":540,"mealBreakMinutes":60,"firstStart":"08:10"},
                 {"code":"D9","lengthMinutes":900,"mealBreakMinutes":0,"shortBreaks":5}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("templates[0].firstStart",
                        "templates[1].code", "templates[1].lengthMinutes", "templates[1].shortBreaks")));
        mvc.perform(as(f.planner(), get(url))).andExpect(jsonPath("$.defaults").value(true));
        String lead = org.leadUser(f.team());
        mvc.perform(as(lead, get(url))).andExpect(status().isNotFound());
        mvc.perform(as(lead, put(url)).content("{\"templates\":[]}")).andExpect(status().isNotFound());

        // one template: 9 h from 08:30 only, the meal break 3 to 4 h after the start, one short break of 10 min
        mvc.perform(as(f.planner(), put(url)).content("""
                {"templates":[{"code":"D9","lengthMinutes":540,"mealBreakMinutes":60,"mealWindowStart":180,
                 "mealWindowEnd":240,"shortBreaks":1,"shortBreakMinutes":10,"firstStart":"08:30","lastStart":"08:30"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defaults").value(false))
                .andExpect(jsonPath("$.templates[0].firstStart").value("08:30:00"));
        long id = startRoster(f, 1);
        List<Map<String, Object>> assignments = list(solvedRoster(f, id), "assignments");
        assertThat(assignments).hasSize(3 * 5).allSatisfy(a -> {
            assertThat(LocalDateTime.parse((String) a.get("start")).toLocalTime()).isEqualTo(LocalTime.of(8, 30));
            assertThat(LocalDateTime.parse((String) a.get("end")).toLocalTime()).isEqualTo(LocalTime.of(17, 30));
            List<Map<String, Object>> breaks = list(a, "breaks");
            assertThat(breaks).filteredOn(b -> b.get("kind").equals("SHORT")).singleElement().satisfies(b ->
                    assertThat(minutes(b)).isEqualTo(10));
            assertThat(breaks).filteredOn(b -> b.get("kind").equals("MEAL")).singleElement().satisfies(b -> {
                assertThat(minutes(b)).isEqualTo(60);
                assertThat(LocalDateTime.parse((String) b.get("start")).toLocalTime())
                        .isBetween(LocalTime.of(11, 30), LocalTime.of(12, 30));
            });
        });
        mvc.perform(as(f.planner(), delete(url))).andExpect(status().isOk()).andExpect(jsonPath("$.defaults").value(true));
    }

    @Test
    void aCenterWithoutATemplateForEveryQueueIsToldSoInTheReadersLanguage() throws Exception {
        Fixture f = fixture(2, 12);
        String code = f.center().code();
        mvc.perform(as(f.planner(), put("/api/centers/" + code + "/shift-templates")).content("""
                {"templates":[{"code":"C9","queue":"chat","lengthMinutes":540,"mealBreakMinutes":60}]}"""))
                .andExpect(status().isOk());
        mvc.perform(as(f.planner(), post("/api/centers/" + code + "/rosters")).header("Accept-Language", "zh-CN")
                        .content("{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d}"
                                .formatted(f.from(), f.to(), f.forecastId())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("roster.center-has-no-shift"))
                .andExpect(jsonPath("$.detail").value("中心 " + code + " 没有适用于所有队列的班次模板；请查看其班次模板"));
    }

    @Test
    void derivedQuotaModeServesTheRosterSlotsThroughTheTimeOffQuotaApi() throws Exception {
        Fixture f = fixture(12, 6);
        long id = startRoster(f, 3);
        solvedRoster(f, id);
        mvc.perform(as(f.planner(), post("/api/rosters/" + id + "/publish"))).andExpect(status().isOk());
        String quota = "/api/centers/" + f.center().code() + "/time-off-quota?date=";
        LocalDate after = f.to().plusDays(1);
        Map<LocalDate, Integer> fixed = new HashMap<>();
        for (LocalDate d = f.from(); !d.isAfter(after); d = d.plusDays(1)) {
            fixed.put(d, ((Number) body(mvc.perform(as(f.planner(), get(quota + d))).andExpect(status().isOk()))
                    .get("slots")).intValue());
        }
        // effective-dated: derived from the roster's first day on
        mvc.perform(as("admin", put("/api/centers/" + f.center().code() + "/settings"))
                .content("{\"effectiveFrom\":\"" + f.from() + "\",\"quotaMode\":\"DERIVED\"}")).andExpect(status().isOk());
        boolean differs = false;
        for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
            int derived = rosterQuota.slots(f.center().id(), d).orElseThrow();
            mvc.perform(as(f.planner(), get(quota + d))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.date").value(d.toString()))
                    .andExpect(jsonPath("$.slots").value(derived));
            differs |= derived != fixed.get(d);
        }
        // 12 agents, about 8 working a day and 5 needed at the target: the roster frees more (or fewer) than the
        // fixed quota on at least one day, so the answer really comes from the roster
        assertThat(differs).isTrue();
        // no published roster for the day after: the fixed quota still applies
        assertThat(rosterQuota.slots(f.center().id(), after)).isEmpty();
        mvc.perform(as(f.planner(), get(quota + after))).andExpect(status().isOk())
                .andExpect(jsonPath("$.slots").value(fixed.get(after)));
    }

    @Test
    void onlyOneInstanceClaimsARosterLeftSolvingAndALiveOwnerKeepsIt() throws Exception {
        Fixture f = fixture(2, 4);
        long id = startRoster(f, 1);
        solvedRoster(f, id);
        assertThat(db.fetchValue(ROSTER.OWNER, ROSTER.ID.eq(id))).as("released when solved").isNull();
        LocalDateTime now = LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC));
        // another instance is solving it and signed a moment ago: this one leaves it alone
        db.update(ROSTER).set(ROSTER.STATUS, "SOLVING").set(ROSTER.OWNER, "other/alive").set(ROSTER.HEARTBEAT_AT, now)
                .where(ROSTER.ID.eq(id)).execute();
        assertThat(solving.resumeInterrupted()).doesNotContain(id);
        assertThat(db.fetchValue(ROSTER.OWNER, ROSTER.ID.eq(id))).isEqualTo("other/alive");

        // its owner died: instances starting together race for it with the same conditional update; exactly one wins
        db.update(ROSTER).set(ROSTER.HEARTBEAT_AT, now.minusMinutes(5)).where(ROSTER.ID.eq(id)).execute();
        int instances = 6;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(instances);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
        List<java.util.concurrent.Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            String owner = "instance-" + i;
            claims.add(pool.submit(() -> {
                together.await();
                return repository.claim(id, owner, now, now.minusSeconds(30));
            }));
        }
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            if (claims.get(i).get()) {
                winners.add("instance-" + i);
            }
        }
        pool.shutdown();
        assertThat(winners).hasSize(1);
        assertThat(db.fetchValue(ROSTER.OWNER, ROSTER.ID.eq(id))).isEqualTo(winners.get(0));
        // the winner is alive now: a second claim fails; the loser's heartbeat tells it it does not own the roster
        assertThat(repository.claim(id, "late", now, now.minusSeconds(30))).isFalse();
        assertThat(repository.heartbeat(id, "late", now)).isFalse();
        assertThat(repository.heartbeat(id, winners.get(0), now)).isTrue();

        // and when the winner goes silent too, this instance takes it over and finishes it
        db.update(ROSTER).set(ROSTER.HEARTBEAT_AT, now.minusMinutes(1)).where(ROSTER.ID.eq(id)).execute();
        assertThat(solving.resumeInterrupted()).containsOnlyOnce(id);
        assertThat(solving.resumeInterrupted()).doesNotContain(id);
        assertThat(db.fetchValue(ROSTER.OWNER, ROSTER.ID.eq(id))).isIn(solving.instanceId, null);
        assertThat(rosters.awaitSolved(id, 60)).isTrue();
        assertThat(db.fetchValue(ROSTER.STATUS, ROSTER.ID.eq(id))).isEqualTo("SOLVED");
        assertThat(db.fetchValue(ROSTER.OWNER, ROSTER.ID.eq(id))).isNull();
    }

    private static long minutes(Map<String, Object> b) {
        return java.time.Duration.between(LocalDateTime.parse((String) b.get("start")),
                LocalDateTime.parse((String) b.get("end"))).toMinutes();
    }

    private static Map<String, String> shiftsByAgentDay(Map<String, Object> roster) {
        Map<String, String> out = new HashMap<>();
        list(roster, "assignments").forEach(a -> out.put(a.get("employeeNo") + " " + a.get("date"),
                a.get("start") + "-" + a.get("end")));
        return out;
    }

    private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, user.equals("admin") ? "admin-test-password" : Org.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private Map<String, Object> body(ResultActions r) throws Exception {
        return json.readValue(r.andReturn().getResponse().getContentAsString(), new TypeReference<>() {
        });
    }

    private List<Map<String, Object>> listBody(ResultActions r) throws Exception {
        return json.readValue(r.andReturn().getResponse().getContentAsString(), new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }
}
