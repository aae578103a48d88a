package com.timebank.wfm.jobs;

import static com.timebank.wfm.db.Tables.LEAVE_ATTENDANCE;
import static com.timebank.wfm.db.Tables.LEAVE_RECORD;
import static com.timebank.wfm.db.Tables.TIME_OFF_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.MonthCloseService;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.ledger.PostingKeys;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;

/** Nightly jobs: one agent's item that cannot be finished never holds back the other agents of its date or run. */
@IntegrationTest
class JobItemIsolationTest {

    private static final LocalDate MAR10 = LocalDate.of(2026, 3, 10);
    private static final LocalDate SEP1 = LocalDate.of(2026, 9, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    MutableClock clock;
    @Autowired
    NightlyJobs jobs;
    @Autowired
    LedgerService ledger;
    @Autowired
    ShiftService shifts;
    @Autowired
    Transactions transactions;
    @Autowired
    DSLContext db;
    @Autowired
    ObjectMapper json;
    @Autowired
    LeaveService leave;
    @Autowired
    MonthCloseService monthClose;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anAgentDayThatCannotBeSettledHoldsBackNoOtherAgentOfItsDate() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent bad = org.agent(team);
        Agent good = org.agent(team);
        String planner = org.plannerUser(center);
        LocalDate yesterday = center.today(clock).minusDays(1);
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                        .content("employee_no,date,logged_seconds,aux_seconds\n" + good.employeeNo() + ","
                                + yesterday + ",28800,600\n"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                        .content("employee_no,date,logged_seconds,aux_seconds\n" + bad.employeeNo() + ","
                                + yesterday + ",28800,7200\n"))
                .andExpect(status().isOk());
        // a stray leave row holding the reference the bad agent's overdraft leave will take (as a repair by hand
        // could leave it): writing that leave fails, and with it the agent's settlement
        String reference = PostingKeys.auxSettlement(bad.id(), yesterday, 1);
        db.insertInto(LEAVE_RECORD)
                .set(LEAVE_RECORD.AGENT_ID, bad.id()).set(LEAVE_RECORD.CENTER_ID, center.id())
                .set(LEAVE_RECORD.BUSINESS_DATE, yesterday).set(LEAVE_RECORD.SECONDS, 600L)
                .set(LEAVE_RECORD.TYPE, "SICK").set(LEAVE_RECORD.SOURCE, "LEAVE")
                .set(LEAVE_RECORD.REFERENCE, reference).set(LEAVE_RECORD.CREATED_BY, "test")
                .set(LEAVE_RECORD.CREATED_AT, LocalDateTime.now(clock))
                .execute();

        jobs.settleAllCenters("test");

        assertThat(ledger.account(good.id()).balanceSeconds()).as("the other agent of the date is settled")
                .isEqualTo(466);
        assertThat(ledger.account(bad.id()).balanceSeconds()).isZero();
        mvc.perform(get("/api/jobs/runs?job=aux-settlement&center=" + center.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].processed").value(1))
                .andExpect(jsonPath("$[0].posted").value(1))
                .andExpect(jsonPath("$[0].error").value(allOf(containsString("1 failed"),
                        containsString(yesterday + ": "),
                        containsString("agent " + bad.employeeNo() + ": "))));

        // once the stray row is gone, the next run settles the agent that failed, and only it
        db.deleteFrom(LEAVE_RECORD).where(LEAVE_RECORD.REFERENCE.eq(reference)).execute();
        jobs.settleAllCenters("test");
        mvc.perform(get("/api/jobs/runs?job=aux-settlement&center=" + center.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$[0].status").value("SUCCEEDED"))
                .andExpect(jsonPath("$[0].processed").value(1));
        assertThat(db.fetchCount(LEAVE_RECORD, LEAVE_RECORD.REFERENCE.eq(reference)))
                .as("its overdraft became personal leave").isEqualTo(1);
        assertThat(ledger.account(good.id()).balanceSeconds()).isEqualTo(466);
        assertThat(ledger.consistent(good.id())).isTrue();
        assertThat(ledger.consistent(bad.id())).isTrue();
    }

    @Test
    void aTimeOffRequestThatCannotBePostedHoldsBackNoOtherRequest() throws Exception {
        at("2026-03-09T10:00");
        Center center = org.center();
        Team team = org.team(center);
        List<Agent> agents = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        List<PublishedShift> published = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Agent a = org.agent(team);
            agents.add(a);
            ledger.post(Posting.of(a.id(), LocalDate.of(2026, 3, 2), EntryKind.AUX_SAVING, 30_000, "test", "credit",
                    Org.unique("CREDIT:")));
            published.add(new PublishedShift(a.id(), MAR10, MAR10.atTime(9, 0), MAR10.atTime(18, 0), 60, "TEST"));
        }
        shifts.publish(center.id(), published, "test");
        String lead = org.leadUser(team);
        String planner = org.plannerUser(center);
        for (Agent a : agents) {
            String body = "{\"employeeNo\":\"" + a.employeeNo() + "\",\"date\":\"" + MAR10 + "\",\"seconds\":14400}";
            String answer = mvc.perform(post("/api/time-off-requests").with(httpBasic(lead, Org.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long id = json.readTree(answer).get("id").asLong();
            requests.add(id);
            mvc.perform(post("/api/time-off-requests/" + id + "/approve").with(httpBasic(lead, Org.PASSWORD)))
                    .andExpect(status().isOk());
        }
        // the first request's reservation released behind its back, as a repair by hand could leave it
        long reservation = db.select(TIME_OFF_REQUEST.RESERVATION_ID).from(TIME_OFF_REQUEST)
                .where(TIME_OFF_REQUEST.ID.eq(requests.get(0))).fetchOne(TIME_OFF_REQUEST.RESERVATION_ID);
        transactions.write(() -> ledger.release(reservation, "test"));

        at("2026-03-10T00:30");
        String run = "{\"centerCode\":\"" + center.code() + "\"}";
        mvc.perform(post("/api/jobs/time-off-posting/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.processed").value(1))
                .andExpect(jsonPath("$.posted").value(1))
                .andExpect(jsonPath("$.error").value(allOf(containsString("1 failed"),
                        containsString(MAR10 + ": ledger.reservation-number-released: agent "
                                + agents.get(0).employeeNo()))));

        List<LedgerEntry> taken = ledger.statement(agents.get(1).id(), null, null, 0, 100).entries().stream()
                .filter(e -> e.kind() == EntryKind.TIME_OFF).toList();
        assertThat(taken).as("the other request is posted").extracting(LedgerEntry::seconds)
                .containsExactly(-14_400L);
        assertThat(ledger.statement(agents.get(0).id(), null, null, 0, 100).entries())
                .noneMatch(e -> e.kind() == EntryKind.TIME_OFF);
        // the next run tries the failed request again and posts nothing twice
        mvc.perform(post("/api/jobs/time-off-posting/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.processed").value(0))
                .andExpect(jsonPath("$.posted").value(0));
        for (Agent a : agents) {
            assertThat(ledger.consistent(a.id())).isTrue();
        }
    }

    @Test
    void anAgentWhoseMonthCannotBeClosedHoldsBackNoOtherAgent() throws Exception {
        at("2026-09-10T09:00");
        Center center = org.center();
        Center before = org.center();
        Team team = org.team(center);
        Agent moved = org.agent(team);
        Agent stayed = org.agent(team);
        String planner = org.plannerUser(center);
        // the moved agent's September was already closed by the center it came from
        db.insertInto(LEAVE_ATTENDANCE)
                .set(LEAVE_ATTENDANCE.AGENT_ID, moved.id()).set(LEAVE_ATTENDANCE.MONTH_START, SEP1)
                .set(LEAVE_ATTENDANCE.CENTER_ID, before.id()).set(LEAVE_ATTENDANCE.LEAVE_SECONDS, 0L)
                .set(LEAVE_ATTENDANCE.OFFSET_SECONDS, 0L).set(LEAVE_ATTENDANCE.FULL_ATTENDANCE, true)
                .set(LEAVE_ATTENDANCE.CLOSED_AT, LocalDateTime.now(clock))
                .execute();

        at("2026-10-03T00:05");
        String run = "{\"centerCode\":\"" + center.code() + "\",\"date\":\"" + SEP1 + "\"}";
        mvc.perform(post("/api/jobs/month-close/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.processed").value(1))
                .andExpect(jsonPath("$.error").value(allOf(containsString("1 failed"),
                        containsString(SEP1 + ": "), containsString("agent " + moved.employeeNo() + ": "))));

        assertThat(leave.month(stayed.employeeNo(), YearMonth.of(2026, 9), org.admin()).attendance())
                .as("the other agent's month is closed").isNotNull();
        assertThat(monthClose.dueMonths(center.id())).as("the center's month is not marked closed")
                .containsExactly(YearMonth.of(2026, 9));
    }

    private void at(String shanghaiLocal) {
        clock.pin(LocalDateTime.parse(shanghaiLocal).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
