package com.timebank.wfm.roster;

import static com.timebank.wfm.db.Tables.ROSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.forecast.SeasonalNaive;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.ContactVolume;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.support.SteadyCalls;

/**
 * Orphaned solves are taken over by the periodic check of any live instance: two {@link RosterSolving} owners (own
 * ids, own solver managers and clocks) share the database; a restarted owner (a new id) takes back its old roster
 * once the old claim is stale.
 */
@IntegrationTest
class RosterTakeOverTest {

    private static final Duration CHECK = Duration.ofMillis(200);

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;
    @Autowired
    RosterService rosters;
    @Autowired
    RosterRepository repository;
    @Autowired
    RosterPlanning planning;
    @Autowired
    SolverFactory<RosterSolution> solverFactory;
    @Autowired
    Transactions transactions;
    @Autowired
    DSLContext db;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    private final List<RosterSolving> instances = new ArrayList<>();
    private final List<SolverManager<RosterSolution, Long>> managers = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(RosterSolving::shutdown);
        managers.forEach(SolverManager::close);
    }

    @Test
    void aLiveInstanceTakesOverTheRosterOfAnOwnerThatWentSilentAndOnlyOneClaimsIt() throws Exception {
        long id = solvedRoster();
        RunningClock clockA = new RunningClock();
        RunningClock clockB = new RunningClock();
        RosterSolving a = instance("host-a/1", clockA);
        RosterSolving b = instance("host-b/1", clockB);
        // left SOLVING and unowned (its instance shut down): both live instances look for it, one claims it
        db.update(ROSTER).set(ROSTER.STATUS, "SOLVING").set(ROSTER.SOLVE_SECONDS, 8).set(ROSTER.SOLVED_MILLIS, 0L)
                .setNull(ROSTER.OWNER).setNull(ROSTER.HEARTBEAT_AT).where(ROSTER.ID.eq(id)).execute();
        a.watchForOrphans(CHECK);
        b.watchForOrphans(CHECK);
        // claimed first, then its saved solution is loaded and submitted
        waitFor(() -> a.solvesHere(id) || b.solvesHere(id));
        Thread.sleep(3 * CHECK.toMillis());
        RosterSolving winner = a.solvesHere(id) ? a : b;
        RosterSolving other = winner == a ? b : a;
        assertThat(owner(id)).isEqualTo(winner.instanceId);
        assertThat(other.solvesHere(id)).as("the other live instance leaves it alone").isFalse();

        // the winner looks dead to the other: its heartbeats are 31 s old by the other's clock
        (other == a ? clockA : clockB).offset = Duration.ofSeconds(31);
        waitFor(() -> other.solvesHere(id));
        assertThat(owner(id)).isEqualTo(other.instanceId);
        assertThat(other.solvesHere(id)).isTrue();
        // the old owner learns at its next heartbeat that the roster is no longer its own and stops writing
        assertThat(winner.awaitSolved(id, 30)).isTrue();
        assertThat(winner.solvesHere(id)).isFalse();
        assertThat(other.awaitSolved(id, 60)).isTrue();
        assertThat(db.fetchValue(ROSTER.STATUS, ROSTER.ID.eq(id))).isEqualTo("SOLVED");
        assertThat(owner(id)).isNull();
        assertThat(db.fetchValue(ROSTER.HARD_SCORE, ROSTER.ID.eq(id))).isNotNull();
    }

    @Test
    void anOwnerRestartedWithinTheWindowTakesItsRosterBackOnceTheOldClaimIsStale() throws Exception {
        long id = solvedRoster();
        Instant t0 = Instant.now();
        // the old life of this instance signed 5 s ago, then the process restarted under a new identity
        db.update(ROSTER).set(ROSTER.STATUS, "SOLVING").set(ROSTER.SOLVE_SECONDS, 3).set(ROSTER.SOLVED_MILLIS, 1_000L)
                .set(ROSTER.OWNER, "host/old").set(ROSTER.HEARTBEAT_AT, utc(t0.minusSeconds(5)))
                .where(ROSTER.ID.eq(id)).execute();
        RunningClock restartedClock = new RunningClock();
        RosterSolving restarted = instance("host/new", restartedClock);
        assertThat(restarted.resumeInterrupted()).as("at start-up the old claim is still fresh").doesNotContain(id);
        restarted.watchForOrphans(CHECK);
        Thread.sleep(3 * CHECK.toMillis());
        assertThat(owner(id)).isEqualTo("host/old");

        restartedClock.offset = Duration.ofSeconds(26); // 31 s after the old life's last heartbeat
        waitFor(() -> restarted.solvesHere(id));
        assertThat(owner(id)).isEqualTo("host/new");
        assertThat(restarted.awaitSolved(id, 60)).isTrue();
        assertThat(db.fetchValue(ROSTER.STATUS, ROSTER.ID.eq(id))).isEqualTo("SOLVED");
        assertThat(db.fetchValue(ROSTER.SOLVED_MILLIS, ROSTER.ID.eq(id))).isGreaterThanOrEqualTo(3_000L);
        assertThat(owner(id)).isNull();
    }

    @Test
    void aRosterStoppedAndPublishedOnAnotherInstanceKeepsWhatWasPublished() throws Exception {
        long id = solvedRoster();
        RosterSolving a = instance("host-a/1", new RunningClock());
        // 1 s left to solve, unowned: instance a claims it, and its solve ends before its first heartbeat (2 s)
        db.update(ROSTER).set(ROSTER.STATUS, "SOLVING").set(ROSTER.SOLVE_SECONDS, 60).set(ROSTER.SOLVED_MILLIS, 59_000L)
                .setNull(ROSTER.OWNER).setNull(ROSTER.HEARTBEAT_AT).where(ROSTER.ID.eq(id)).execute();
        a.watchForOrphans(CHECK);
        waitFor(() -> a.solvesHere(id));

        // stopped through this test context's instance, which does not solve it (only its status changes), and
        // published at once, while instance a still solves
        rosters.stop(id, org.admin());
        rosters.publish(id, org.admin());
        var published = db.select(ROSTER.SOLVED_MILLIS, ROSTER.SOFT_SCORE, ROSTER.UPDATED_AT).from(ROSTER)
                .where(ROSTER.ID.eq(id)).fetchOne();
        List<RosterAssignment> shifts = repository.assignments(id);

        assertThat(a.awaitSolved(id, 30)).isTrue();
        assertThat(db.fetchValue(ROSTER.STATUS, ROSTER.ID.eq(id))).isEqualTo("PUBLISHED");
        assertThat(db.select(ROSTER.SOLVED_MILLIS, ROSTER.SOFT_SCORE, ROSTER.UPDATED_AT).from(ROSTER)
                .where(ROSTER.ID.eq(id)).fetchOne()).as("nothing saved over the published roster").isEqualTo(published);
        assertThat(repository.assignments(id)).isEqualTo(shifts);
    }

    private RosterSolving instance(String id, Clock instanceClock) {
        SolverManager<RosterSolution, Long> manager = SolverManager.create(solverFactory,
                new SolverManagerConfig().withParallelSolverCount("1"));
        managers.add(manager);
        RosterSolving solving = new RosterSolving(repository, planning, manager, transactions, instanceClock, id);
        instances.add(solving);
        return solving;
    }

    /** Real time, moved on by {@code offset}: each instance's own view of "now". */
    private static final class RunningClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private String owner(long id) {
        return db.fetchValue(ROSTER.OWNER, ROSTER.ID.eq(id));
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** A small roster solved for 1 s by this test context's own instance, so it has a saved best solution. */
    private long solvedRoster() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        for (int i = 0; i < 3; i++) {
            org.agent(team);
        }
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, 6), "test");
        LocalDate from = today.plusDays(1);
        LocalDate to = today.plusDays(7);
        long forecastId = id(mvc.perform(post("/api/centers/" + center.code() + "/forecasts")
                .with(httpBasic(planner, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"method\":\"" + SeasonalNaive.NAME + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        long id = id(mvc.perform(post("/api/centers/" + center.code() + "/rosters")
                .with(httpBasic(planner, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"%s\",\"to\":\"%s\",\"forecastId\":%d,\"solveSeconds\":1}"
                        .formatted(from, to, forecastId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(rosters.awaitSolved(id, 60)).isTrue();
        return id;
    }

    private long id(String body) throws Exception {
        Map<String, Object> map = json.readValue(body, new TypeReference<>() {
        });
        return ((Number) map.get("id")).longValue();
    }
}
