package com.timebank.wfm.api;

import static com.timebank.wfm.db.Tables.IDEMPOTENCY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.timebank.EmergencyService;
import com.timebank.wfm.timebank.TimeBonusService;

/**
 * A retried POST with an {@code Idempotency-Key} posts once and gets the first answer; the same key with another
 * body is refused; keys are per user; concurrent retries post once; a refused request frees its key.
 */
@IntegrationTest
class IdempotencyApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    LedgerService ledger;
    @Autowired
    LeaveService leave;
    @Autowired
    TimeBonusService bonuses;
    @Autowired
    EmergencyService emergencies;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;

    Center center;
    Team team;
    Agent agent;
    String planner;

    @BeforeEach
    void organisation() throws Exception {
        center = org.center();
        team = org.team(center);
        agent = org.agent(team);
        planner = org.plannerUser(center);
        // shifts this month, so that time bonuses have a budget (1% of 80 h = 48 min)
        LocalDate first = center.today(clock).withDayOfMonth(1);
        StringBuilder csv = new StringBuilder("employee_no,date,start,end,break_minutes\n");
        for (int i = 0; i < 10; i++) {
            csv.append(agent.employeeNo()).append(',').append(first.plusDays(i)).append(",08:00,17:00,60\n");
        }
        mvc.perform(MockMvcRequestBuilders.post("/api/centers/" + center.code() + "/shifts").with(httpBasic(planner, Org.PASSWORD))
                .contentType("text/csv").content(csv.toString())).andReturn();
    }

    private MockHttpServletResponse post(String user, String path, String key, String body) throws Exception {
        var r = MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    private long bonusEntries() {
        return ledger.statement(agent.id(), null, null, 0, 100).entries().stream()
                .filter(e -> e.kind() == EntryKind.TIME_BONUS).count();
    }

    @Test
    void aRetriedBonusIsGrantedOnceAndAnsweredAsTheFirstTime() throws Exception {
        String body = """
                {"employeeNo":"%s","seconds":600,"reason":"quality contest"}""".formatted(agent.employeeNo());
        MockHttpServletResponse first = post(planner, "/api/time-bonuses", "bonus-1", body);
        MockHttpServletResponse retry = post(planner, "/api/time-bonuses", "bonus-1", body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(bonusEntries()).isEqualTo(1);
        assertThat(ledger.account(agent.id()).balanceSeconds()).isEqualTo(600);

        MockHttpServletResponse other = post(planner, "/api/time-bonuses", "bonus-1", body.replace("600", "900"));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat((String) JsonPath.read(other.getContentAsString(), "$.code")).isEqualTo("idempotency.key.other-body");
        assertThat(bonusEntries()).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryPostIsItsOwn() throws Exception {
        String body = """
                {"employeeNo":"%s","seconds":300,"reason":"suggestion"}""".formatted(agent.employeeNo());
        assertThat(post(planner, "/api/time-bonuses", null, body).getStatus()).isEqualTo(201);
        assertThat(post(planner, "/api/time-bonuses", null, body).getStatus()).isEqualTo(201);
        assertThat(bonusEntries()).isEqualTo(2);
    }

    @Test
    void theLedgerKeepsAClientKeyOnceEvenWithoutTheStoredAnswer() {
        var admin = org.admin();
        var e1 = bonuses.grant(agent.employeeNo(), 300L, "retried", "client-key-7", admin);
        var e2 = bonuses.grant(agent.employeeNo(), 300L, "retried", "client-key-7", admin);
        assertThat(e2.id()).isEqualTo(e1.id());
        assertThat(bonusEntries()).isEqualTo(1);
    }

    @Test
    void keysArePerUser() throws Exception {
        String otherPlanner = org.plannerUser(center);
        String body = """
                {"employeeNo":"%s","date":"%s","seconds":3600,"type":"SICK"}"""
                .formatted(agent.employeeNo(), center.today(clock));
        assertThat(post(planner, "/api/leave", "same", body).getStatus()).isEqualTo(201);
        assertThat(post(otherPlanner, "/api/leave", "same", body.replace("SICK", "ANNUAL")).getStatus()).isEqualTo(201);
        assertThat(leave.leave(agent.id(), center.today(clock), center.today(clock))).hasSize(2);
    }

    @Test
    void aRefusedRequestFreesItsKey() throws Exception {
        String bad = """
                {"employeeNo":"%s","date":"%s","seconds":0,"type":"SICK"}""".formatted(agent.employeeNo(),
                center.today(clock));
        assertThat(post(planner, "/api/leave", "fix-me", bad).getStatus()).isEqualTo(400);
        assertThat(post(planner, "/api/leave", "fix-me", bad.replace("\"seconds\":0", "\"seconds\":60")).getStatus())
                .isEqualTo(201);
    }

    @Test
    void concurrentRetriesWithOneKeyPostOnce() throws Exception {
        String body = """
                {"employeeNo":"%s","date":"%s","seconds":1800,"type":"PERSONAL"}"""
                .formatted(agent.employeeNo(), center.today(clock));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit((Callable<MockHttpServletResponse>) () ->
                        post(planner, "/api/leave", "race", body)));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<MockHttpServletResponse> a : answers) {
                MockHttpServletResponse r = a.get();
                assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
                bodies.add(r.getContentAsString());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(leave.leave(agent.id(), center.today(clock), center.today(clock))).hasSize(1);
    }

    /**
     * What the filter holds when the first answer was lost after the commit (503): nothing, it freed the key, so the
     * retry runs again and only the service's own client key can find what the first run created.
     */
    private void loseStoredAnswer(String user, String key) {
        assertThat(db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.USERNAME.eq(user).and(IDEMPOTENCY_KEY.IDEM_KEY.eq(key))).execute())
                .isEqualTo(1);
    }

    @Test
    void leaveRetriedAfterItsAnswerWasLostIsRecordedOnce() throws Exception {
        String body = """
                {"employeeNo":"%s","date":"%s","seconds":7200,"type":"ANNUAL"}"""
                .formatted(agent.employeeNo(), center.today(clock));
        MockHttpServletResponse first = post(planner, "/api/leave", "leave-lost-1", body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        loseStoredAnswer(planner, "leave-lost-1");

        MockHttpServletResponse retry = post(planner, "/api/leave", "leave-lost-1", body);
        assertThat(retry.getStatus()).as(retry.getContentAsString()).isEqualTo(201);
        assertThat(retry.getHeader("Idempotent-Replayed")).as("run again, not replayed").isNull();
        assertThat(((Number) JsonPath.read(retry.getContentAsString(), "$.id")).longValue())
                .isEqualTo(((Number) JsonPath.read(first.getContentAsString(), "$.id")).longValue());
        assertThat(leave.leave(agent.id(), center.today(clock), center.today(clock))).hasSize(1);

        // the key with other leave, its answer lost: refused, not answered as if recorded
        loseStoredAnswer(planner, "leave-lost-1");
        MockHttpServletResponse other = post(planner, "/api/leave", "leave-lost-1", body.replace("7200", "3600"));
        assertThat(other.getStatus()).as(other.getContentAsString()).isEqualTo(409);
        assertThat((String) JsonPath.read(other.getContentAsString(), "$.code")).isEqualTo("leave.key-used-other");
        assertThat(leave.leave(agent.id(), center.today(clock), center.today(clock))).hasSize(1);
    }

    @Test
    void anEmergencyRetriedAfterItsAnswerWasLostIsCreatedOnce() throws Exception {
        String body = """
                {"centerCode":"%s","level":2,"date":"%s","reason":"storm outage"}"""
                .formatted(center.code(), center.today(clock));
        MockHttpServletResponse first = post(planner, "/api/emergencies", "emergency-lost-1", body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        loseStoredAnswer(planner, "emergency-lost-1");

        MockHttpServletResponse retry = post(planner, "/api/emergencies", "emergency-lost-1", body);
        assertThat(retry.getStatus()).as(retry.getContentAsString()).isEqualTo(201);
        assertThat(retry.getHeader("Idempotent-Replayed")).as("run again, not replayed").isNull();
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(emergencies.emergencies(center.code(), 0, 10, org.admin()).items()).hasSize(1);

        // another key is another emergency
        assertThat(post(planner, "/api/emergencies", "emergency-lost-2", body).getStatus()).isEqualTo(201);
        assertThat(emergencies.emergencies(center.code(), 0, 10, org.admin()).items()).hasSize(2);

        // the lost key sent with other values: refused, as the stored answer would have refused it
        loseStoredAnswer(planner, "emergency-lost-1");
        MockHttpServletResponse other = post(planner, "/api/emergencies", "emergency-lost-1",
                body.replace("\"level\":2", "\"level\":3"));
        assertThat(other.getStatus()).as(other.getContentAsString()).isEqualTo(409);
        assertThat((String) JsonPath.read(other.getContentAsString(), "$.code")).isEqualTo("emergency.key-used-other");
        assertThat(emergencies.emergencies(center.code(), 0, 10, org.admin()).items()).hasSize(2);
    }

    @Test
    void aMalformedKeyIsRefused() throws Exception {
        MockHttpServletResponse r = post(planner, "/api/leave", "with space", "{}");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(r.getContentAsString(), "$.code")).isEqualTo("idempotency.key.invalid");
    }
}
