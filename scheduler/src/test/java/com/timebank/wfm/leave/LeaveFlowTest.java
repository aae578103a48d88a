package com.timebank.wfm.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.timebank.wfm.db.Tables.AGENT_ACTIVITY;
import static com.timebank.wfm.db.Tables.LEAVE_OFFSET;
import static com.timebank.wfm.db.Tables.LEAVE_RECORD;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import org.jooq.DSLContext;
import org.springframework.dao.DataIntegrityViolationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.Refusal;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;

/** Service 5 end to end: leave recorded, offsets chosen and changed, the month closed (also after downtime). */
@IntegrationTest
class LeaveFlowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    MutableClock clock;
    @Autowired
    LedgerService ledger;
    @Autowired
    LeaveService leave;
    @Autowired
    MonthCloseService monthClose;
    @Autowired
    Transactions transactions;
    @Autowired
    ObjectMapper json;
    @Autowired
    com.timebank.wfm.timebank.AuxSettlementService auxSettlement;
    @Autowired
    com.timebank.wfm.jobs.NightlyJobs jobs;
    @Autowired
    com.timebank.wfm.schedule.ShiftService shifts;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    DSLContext db;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Shanghai is UTC+8: the instant of a local date-time there. */
    private void at(String shanghaiLocal) {
        clock.pin(java.time.LocalDateTime.parse(shanghaiLocal).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private void credit(Agent a, long seconds) {
        ledger.post(Posting.of(a.id(), LocalDate.of(2026, 1, 2), EntryKind.AUX_SAVING, seconds, "test", "credit",
                Org.unique("CREDIT:")));
    }

    private long record(String user, Agent a, String date, long seconds, String type) throws Exception {
        String body = mvc.perform(post("/api/leave").with(httpBasic(user, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"employeeNo":"%s","date":"%s","seconds":%d,"type":"%s"}"""
                                .formatted(a.employeeNo(), date, seconds, type)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private org.springframework.test.web.servlet.ResultActions choose(String user, Agent a, Long... ids)
            throws Exception {
        return mvc.perform(post("/api/agents/" + a.employeeNo() + "/leave-offsets").with(httpBasic(user, Org.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("leaveIds", List.of(ids)))));
    }

    @Test
    void offsetsAreChosenUntilTheDeadlineAndMonthClosePostsWholeItemsOldestFirst() throws Exception {
        at("2026-01-20T10:00");
        Center center = org.center();
        Team team = org.team(center);
        Team other = org.team(center);
        Agent a = org.agent(team);
        Agent b = org.agent(team);
        Agent c = org.agent(team);
        String lead = org.leadUser(team);
        String otherLead = org.leadUser(other);
        String planner = org.plannerUser(center);
        String agentA = org.agentUser(a);
        credit(a, 1_500);
        credit(c, 1_000);

        long busyDay = record(lead, a, "2026-01-03", 1_200, "PERSONAL");
        long jan9 = record(lead, a, "2026-01-09", 900, "PERSONAL");
        long jan14 = record(planner, a, "2026-01-14", 800, "sick");
        long bLeave = record(lead, b, "2026-01-12", 600, "ANNUAL");
        long cLeave = record(lead, c, "2026-01-15", 500, "PERSONAL");
        transactions.write(() -> {
            leave.recordOverdraftLeave(center.id(), List.of(new LeaveRecord(0, a.id(), LocalDate.of(2026, 1, 31), 300,
                    LeaveType.PERSONAL, LeaveSource.OVERDRAFT, Org.unique("AUX:test:"))), "test");
            return null;
        });
        long overdraft = leave.leave(a.id(), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 31)).get(0).id();

        // scope: another team's lead does not see the agent; the agent may not record leave
        mvc.perform(post("/api/leave").with(httpBasic(otherLead, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNo\":\"" + a.employeeNo() + "\",\"date\":\"2026-01-09\",\"seconds\":60,\"type\":\"SICK\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/leave").with(httpBasic(agentA, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNo\":\"" + a.employeeNo() + "\",\"date\":\"2026-01-09\",\"seconds\":60,\"type\":\"SICK\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/leave").with(httpBasic(lead, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNo\":\"" + a.employeeNo() + "\",\"seconds\":0,\"type\":\"HOLIDAY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));

        mvc.perform(get("/api/agents/" + a.employeeNo() + "/leave?month=2026-01").with(httpBasic(agentA, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.closed").value(false))
                .andExpect(jsonPath("$.deadline").value("2026-02-02T23:59:00"))
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.items[0].id").value(busyDay))
                .andExpect(jsonPath("$.items[0].busy").value(true))
                .andExpect(jsonPath("$.items[0].eligible").value(false))
                .andExpect(jsonPath("$.items[1].eligible").value(true))
                .andExpect(jsonPath("$.items[3].source").value("OVERDRAFT"))
                .andExpect(jsonPath("$.items[3].busy").value(true))
                .andExpect(jsonPath("$.items[3].eligible").value(true))
                .andExpect(jsonPath("$.eligibleSeconds").value(2_000))
                .andExpect(jsonPath("$.attendance").doesNotExist());

        choose(agentA, a, busyDay, jan9).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("busy day")));
        choose(agentA, a, jan9, bLeave).andExpect(status().isBadRequest());
        choose(agentA, a, jan14).andExpect(status().isOk()).andExpect(jsonPath("$.chosenSeconds").value(800));
        // changed by the lead: the new choice replaces the earlier one
        choose(lead, a, overdraft, jan14, jan9).andExpect(status().isOk())
                .andExpect(jsonPath("$.chosenSeconds").value(2_000))
                .andExpect(jsonPath("$.items[0].offset").value(false))
                .andExpect(jsonPath("$.items[1].offset").value(true));
        choose(otherLead, a, jan9).andExpect(status().isNotFound());
        choose(lead, b, bLeave).andExpect(status().isOk());
        choose(lead, c, cLeave).andExpect(status().isOk());
        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank").with(httpBasic(agentA, Org.PASSWORD)))
                .andExpect(jsonPath("$.outstandingLeaveSeconds").value(2_000));

        // the last minute before the deadline: still open, and the job refuses to close it
        at("2026-02-02T23:59:30");
        choose(agentA, a, jan9, jan14, overdraft).andExpect(status().isOk());
        String run = "{\"centerCode\":\"" + center.code() + "\",\"date\":\"2026-01-15\"}";
        mvc.perform(post("/api/jobs/month-close/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("still open")));

        at("2026-02-03T00:00");
        choose(agentA, a, jan9).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("read-only")));
        assertThat(monthClose.dueMonths(center.id())).containsExactly(YearMonth.of(2026, 1));

        mvc.perform(post("/api/jobs/month-close/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.dates").value("2026-01-01"))
                .andExpect(jsonPath("$.processed").value(3))
                .andExpect(jsonPath("$.posted").value(2));
        // a: 1,500 s covers Jan 9 (900) but not Jan 14 (800) as a whole; Jan 31 stays open too (oldest first)
        List<LedgerEntry> offsets = ledger.statement(a.id(), null, null, 0, 100).entries().stream()
                .filter(e -> e.kind() == EntryKind.LEAVE_OFFSET).toList();
        assertThat(offsets).extracting(LedgerEntry::seconds).containsExactly(-900L);
        assertThat(offsets.get(0).businessDate()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(ledger.account(a.id()).balanceSeconds()).isEqualTo(600);
        assertThat(ledger.account(b.id()).balanceSeconds()).isZero();
        assertThat(ledger.account(c.id()).balanceSeconds()).isEqualTo(500);
        assertThat(ledger.consistent(a.id())).isTrue();

        mvc.perform(post("/api/jobs/month-close/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(run))
                .andExpect(jsonPath("$.processed").value(0))
                .andExpect(jsonPath("$.posted").value(0));
        assertThat(monthClose.dueMonths(center.id())).isEmpty();

        mvc.perform(get("/api/agents/" + a.employeeNo() + "/leave?month=2026-01").with(httpBasic(agentA, Org.PASSWORD)))
                .andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.open").value(false))
                .andExpect(jsonPath("$.items[1].offset").value(true))
                .andExpect(jsonPath("$.items[2].offset").value(false))
                .andExpect(jsonPath("$.items[3].offset").value(false))
                .andExpect(jsonPath("$.attendance.leaveSeconds").value(3_200))
                .andExpect(jsonPath("$.attendance.offsetSeconds").value(900))
                .andExpect(jsonPath("$.attendance.fullAttendance").value(false));
        mvc.perform(get("/api/agents/" + c.employeeNo() + "/leave?month=2026-01").with(httpBasic(lead, Org.PASSWORD)))
                .andExpect(jsonPath("$.attendance.fullAttendance").value(true))
                .andExpect(jsonPath("$.attendance.offsetSeconds").value(500));
        mvc.perform(get("/api/agents/" + b.employeeNo() + "/leave?month=2026-01").with(httpBasic(lead, Org.PASSWORD)))
                .andExpect(jsonPath("$.attendance.fullAttendance").value(false));
        mvc.perform(post("/api/leave").with(httpBasic(lead, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNo\":\"" + a.employeeNo() + "\",\"date\":\"2026-01-20\",\"seconds\":60,\"type\":\"SICK\"}"))
                .andExpect(status().isConflict());
        // February is open: the statement counts only its leave now
        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank").with(httpBasic(agentA, Org.PASSWORD)))
                .andExpect(jsonPath("$.outstandingLeaveSeconds").value(0));
    }

    @Test
    void monthsMissedDuringDowntimeCloseOldestFirstAndACrashedRunIsFinished() throws Exception {
        at("2026-03-10T09:00");
        Center center = org.center();
        Team team = org.team(center);
        String lead = org.leadUser(team);
        List<Agent> agents = new ArrayList<>();
        Map<Agent, long[]> leaveIds = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            Agent a = org.agent(team);
            agents.add(a);
            if (i > 0) {
                credit(a, i * 300L);
            }
            leaveIds.put(a, new long[] {record(lead, a, "2026-03-10", 400, "PERSONAL"), 0});
            choose(lead, a, leaveIds.get(a)[0]).andExpect(status().isOk());
        }
        at("2026-04-15T09:00");
        for (Agent a : agents) {
            leaveIds.get(a)[1] = record(lead, a, "2026-04-15", 400, "PERSONAL");
            choose(lead, a, leaveIds.get(a)[1]).andExpect(status().isOk());
        }

        // down from mid-April to June 10: March, April and May are all due
        at("2026-06-10T09:00");
        assertThat(monthClose.dueMonths(center.id()))
                .containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5));
        // the first run dies after its first committed batch (3 agents)
        assertThatThrownBy(() -> monthClose.closeDue(center.id(), (month, closed) -> {
            throw new IllegalStateException("killed");
        })).hasMessage("killed");
        assertThat(monthClose.dueMonths(center.id())).first().isEqualTo(YearMonth.of(2026, 3));
        for (Agent a : agents) {
            assertThat(ledger.consistent(a.id())).isTrue();
        }

        MonthCloseService.Result rest = monthClose.closeDue(center.id(), MonthCloseService.BatchObserver.NONE);
        assertThat(rest.months()).containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5));
        assertThat(rest.processed()).isEqualTo(4 + 7 + 7);
        assertThat(monthClose.dueMonths(center.id())).isEmpty();
        MonthCloseService.Result again = monthClose.closeDue(center.id(), MonthCloseService.BatchObserver.NONE);
        assertThat(again.processed()).isZero();
        assertThat(again.posted()).isZero();

        for (int i = 0; i < agents.size(); i++) {
            Agent a = agents.get(i);
            long balance = i * 300L;
            boolean march = balance >= 400;
            boolean april = balance - (march ? 400 : 0) >= 400;
            long expected = balance - (march ? 400 : 0) - (april ? 400 : 0);
            assertThat(ledger.account(a.id()).balanceSeconds()).as("agent %d", i).isEqualTo(expected);
            assertThat(ledger.consistent(a.id())).isTrue();
            LeaveService.MonthView m = leave.month(a.employeeNo(), YearMonth.of(2026, 3), org.admin());
            assertThat(m.attendance().fullAttendance()).as("March of agent %d", i).isEqualTo(march);
            LeaveService.MonthView apr = leave.month(a.employeeNo(), YearMonth.of(2026, 4), org.admin());
            assertThat(apr.attendance().offsetSeconds()).isEqualTo(april ? 400 : 0);
            LeaveService.MonthView may = leave.month(a.employeeNo(), YearMonth.of(2026, 5), org.admin());
            assertThat(may.attendance().fullAttendance()).isTrue();
            assertThat(may.attendance().leaveSeconds()).isZero();
        }
        long offsetEntries = agents.stream().flatMap(a -> ledger.statement(a.id(), null, null, 0, 100).entries().stream())
                .filter(e -> e.kind() == EntryKind.LEAVE_OFFSET).count();
        assertThat(offsetEntries).isEqualTo(5 + 4); // March: 5 agents have ≥ 400 s; April: 4 have ≥ 400 s left
    }

    @Test
    void aMonthWaitsForTheSettlementOfItsActivityBeforeItCloses() throws Exception {
        at("2026-08-05T09:00");
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                        .content("employee_no,date,logged_seconds,aux_seconds\n" + a.employeeNo() + ",2026-07-31,28800,3000\n"))
                .andExpect(status().isOk());
        assertThat(monthClose.dueMonths(center.id())).isEmpty();
        mvc.perform(post("/api/jobs/month-close/run").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"centerCode\":\"" + center.code() + "\",\"date\":\"2026-07-01\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("2026-07-31 is not settled")));

        auxSettlement.settleUpTo(center.id(), LocalDate.of(2026, 8, 4),
                com.timebank.wfm.timebank.AuxSettlementService.BatchObserver.NONE);
        assertThat(monthClose.dueMonths(center.id())).containsExactly(YearMonth.of(2026, 7));
        monthClose.closeDue(center.id(), MonthCloseService.BatchObserver.NONE);
        // 3,000 s aux against an allowance of 1,066 s with an empty balance: 1,934 s of overdraft leave, not offset
        LeaveService.MonthView july = leave.month(a.employeeNo(), YearMonth.of(2026, 7), org.admin());
        assertThat(july.items()).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo(LeaveSource.OVERDRAFT);
            assertThat(i.eligible()).isTrue();
            assertThat(i.offset()).isFalse();
        });
        assertThat(july.attendance().leaveSeconds()).isEqualTo(1_934);
        assertThat(july.attendance().fullAttendance()).isFalse();
    }

    @Test
    void theScheduleClosesDueMonthsAndPostsTimeOffOfEveryCenter() throws Exception {
        at("2026-09-10T09:00");
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        String lead = org.leadUser(team);
        credit(a, 10_000);
        long sep8 = record(lead, a, "2026-09-08", 1_800, "PERSONAL");
        choose(lead, a, sep8).andExpect(status().isOk());
        LocalDate sep14 = LocalDate.of(2026, 9, 14);
        shifts.publish(center.id(), List.of(new com.timebank.wfm.schedule.PublishedShift(a.id(), sep14,
                sep14.atTime(9, 0), sep14.atTime(17, 0), 0, "TEST")), "test");
        long request = timeOff.request(a.employeeNo(), sep14, 3_600L, org.as(lead)).id();
        timeOff.approve(request, org.as(lead));

        at("2026-10-03T00:05");
        jobs.postTimeOffAllCenters("test");
        jobs.closeMonthsAllCenters("test");
        assertThat(timeOff.request(request, org.admin()).posted()).isTrue();
        assertThat(monthClose.dueMonths(center.id())).isEmpty();
        assertThat(leave.month(a.employeeNo(), YearMonth.of(2026, 9), org.admin()).attendance())
                .isEqualTo(new Attendance(YearMonth.of(2026, 9), 1_800, 1_800, true));
        assertThat(ledger.account(a.id()).balanceSeconds()).isEqualTo(10_000 - 3_600 - 1_800);
        assertThat(jobs.runs(null, center.code(), 0, 10, org.admin()).items())
                .extracting(r -> r.job() + " " + r.triggeredBy() + " " + r.status() + " " + r.posted())
                .containsExactlyInAnyOrder("month-close schedule SUCCEEDED 1", "time-off-posting schedule SUCCEEDED 1");
        // nothing left to do: the next scheduled runs leave no run behind
        jobs.postTimeOffAllCenters("test");
        jobs.closeMonthsAllCenters("test");
        assertThat(jobs.runs(null, center.code(), 0, 10, org.admin()).items()).hasSize(2);
    }

    @Test
    void anOffsetChosenForOverdraftLeaveSurvivesACorrectionOfTheActivity() throws Exception {
        at("2026-06-10T09:00");
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        String agentLogin = org.agentUser(a);
        String csv = "employee_no,date,logged_seconds,aux_seconds\n" + a.employeeNo() + ",2026-06-08,28800,";
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                .content(csv + "3000\n")).andExpect(status().isOk());
        auxSettlement.settleUpTo(center.id(), LocalDate.of(2026, 6, 9),
                com.timebank.wfm.timebank.AuxSettlementService.BatchObserver.NONE);
        LeaveRecord first = leave.leave(a.id(), LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 8)).get(0);
        assertThat(first.seconds()).isEqualTo(1_934);
        choose(agentLogin, a, first.id()).andExpect(status().isOk());

        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                .content(csv + "2500\n")).andExpect(status().isOk());
        auxSettlement.settleUpTo(center.id(), LocalDate.of(2026, 6, 9),
                com.timebank.wfm.timebank.AuxSettlementService.BatchObserver.NONE);
        LeaveService.MonthView june = leave.month(a.employeeNo(), YearMonth.of(2026, 6), org.admin());
        assertThat(june.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isNotEqualTo(first.id());
            assertThat(i.seconds()).isEqualTo(1_434);
            assertThat(i.offset()).isTrue();
        });
        assertThat(june.chosenSeconds()).isEqualTo(1_434);
    }

    @Test
    void anHrFileIsImportedWholeOrRefusedWithEveryBadLine() throws Exception {
        at("2026-02-10T09:00");
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        Agent b = org.agent(team);
        String planner = org.plannerUser(center);
        String bad = "employee_no,date,seconds,type\n"
                + a.employeeNo() + ",2026-02-09,3600,PERSONAL\n"
                + "NOBODY,2026-02-09,3600,PERSONAL\n"
                + b.employeeNo() + ",2025-12-09,3600,SICK\n"
                + b.employeeNo() + ",2026-02-10,3600,HOLIDAY\n";
        mvc.perform(post("/api/leave").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("closed")))
                .andExpect(jsonPath("$.errors[2].field").value("type"));
        assertThat(leave.leave(a.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))).isEmpty();

        String good = "employee_no,date,seconds,type\n" + a.employeeNo() + ",2026-02-09,3600,PERSONAL\n"
                + b.employeeNo() + ",2026-02-02,1800,sick\n";
        mvc.perform(post("/api/leave").with(httpBasic(org.leadUser(team), Org.PASSWORD)).contentType("text/csv")
                        .content(good))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/leave").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv").content(good))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2));
        assertThat(leave.leave(a.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))
                .extracting(LeaveRecord::seconds).containsExactly(3_600L);
        JsonNode feb = json.readTree(mvc.perform(get("/api/agents/" + b.employeeNo() + "/leave?month=2026-02")
                .with(httpBasic(planner, Org.PASSWORD))).andReturn().getResponse().getContentAsString());
        assertThat(feb.get("items").get(0).get("busy").asBoolean()).isTrue();
        assertThat(feb.get("items").get(0).get("eligible").asBoolean()).isFalse();

        // the same file sent again adds nothing; a corrected line replaces its leave, a new line adds one
        mvc.perform(post("/api/leave").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv").content(good))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2)).andExpect(jsonPath("$.replaced").value(2));
        assertThat(leave.leave(a.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))
                .extracting(LeaveRecord::seconds).containsExactly(3_600L);
        String corrected = "employee_no,date,seconds,type\n" + a.employeeNo() + ",2026-02-09,7200,PERSONAL\n"
                + a.employeeNo() + ",2026-02-09,1800,SICK\n";
        mvc.perform(post("/api/leave").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                        .content(corrected))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2)).andExpect(jsonPath("$.replaced").value(1));
        assertThat(leave.leave(a.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))
                .extracting(LeaveRecord::seconds).containsExactlyInAnyOrder(7_200L, 1_800L);
        assertThat(leave.leave(b.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))).hasSize(1);
    }

    /** June 8: 3,000 s aux on an empty balance is 1,934 s of overdraft leave; the agent offsets it; June closes. */
    private LeaveRecord overdraftLeaveOffsetAndJuneClosed(Center center, Agent a) throws Exception {
        at("2026-06-10T09:00");
        String planner = org.plannerUser(center);
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                .content("employee_no,date,logged_seconds,aux_seconds\n" + a.employeeNo() + ",2026-06-08,28800,3000\n"))
                .andExpect(status().isOk());
        auxSettlement.settleUpTo(center.id(), LocalDate.of(2026, 6, 9),
                com.timebank.wfm.timebank.AuxSettlementService.BatchObserver.NONE);
        LeaveRecord overdraft = leave.leave(a.id(), LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 8)).get(0);
        assertThat(overdraft.seconds()).isEqualTo(1_934);
        credit(a, 5_000);
        choose(org.agentUser(a), a, overdraft.id()).andExpect(status().isOk());
        at("2026-07-03T00:05");
        monthClose.closeMonth(center.id(), YearMonth.of(2026, 6), MonthCloseService.BatchObserver.NONE);
        assertJuneAsClosed(a, overdraft);
        return overdraft;
    }

    /** What June's close wrote: the leave offset by one posted debit, full attendance, 5,000 − 1,934 s left. */
    private void assertJuneAsClosed(Agent a, LeaveRecord overdraft) {
        LeaveService.MonthView june = leave.month(a.employeeNo(), YearMonth.of(2026, 6), org.admin());
        assertThat(june.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(overdraft.id());
            assertThat(i.seconds()).isEqualTo(1_934);
            assertThat(i.offset()).as("posted").isTrue();
        });
        assertThat(june.attendance()).isEqualTo(new Attendance(YearMonth.of(2026, 6), 1_934, 1_934, true));
        assertThat(ledger.account(a.id()).balanceSeconds()).isEqualTo(5_000 - 1_934);
        assertThat(ledger.statement(a.id(), null, null, 0, 100).entries())
                .filteredOn(e -> e.kind() == EntryKind.LEAVE_OFFSET).singleElement()
                .satisfies(e -> assertThat(e.seconds()).isEqualTo(-1_934));
        assertThat(db.fetchCount(LEAVE_OFFSET, LEAVE_OFFSET.LEAVE_ID.eq(overdraft.id())
                .and(LEAVE_OFFSET.ENTRY_ID.isNotNull()))).as("the offset row of the posted debit").isEqualTo(1);
        assertThat(ledger.consistent(a.id())).isTrue();
    }

    @Test
    void activityOfAClosedMonthIsRefusedWithItsLineAndTheMonthStaysAsClosed() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        LeaveRecord overdraft = overdraftLeaveOffsetAndJuneClosed(center, a);

        // the phone system corrects June 8 after the close (and sends July 1): the whole file is refused
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                        .content("employee_no,date,logged_seconds,aux_seconds\n" + a.employeeNo() + ",2026-07-01,28800,600\n"
                                + a.employeeNo() + ",2026-06-08,28800,2500\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].code").value("activity.month-closed"))
                .andExpect(jsonPath("$.errors[0].message").value(allOf(containsString("2026-06"),
                        containsString("are final"))));
        assertThat(auxSettlement.unsettledDates(center.id(), LocalDate.of(2026, 7, 2))).isEmpty();
        auxSettlement.settleUpTo(center.id(), LocalDate.of(2026, 7, 2),
                com.timebank.wfm.timebank.AuxSettlementService.BatchObserver.NONE);
        assertJuneAsClosed(a, overdraft);
    }

    @Test
    void aCorrectionThatSlippedPastTheCloseFailsItsAgentDayAndKeepsThePostedOffset() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        Agent b = org.agent(team);
        String planner = org.plannerUser(center);
        LeaveRecord overdraft = overdraftLeaveOffsetAndJuneClosed(center, a);
        // a correction of June 8 whose import passed its check just before June closed for the agent
        db.update(AGENT_ACTIVITY).set(AGENT_ACTIVITY.AUX_SECONDS, 2_500).set(AGENT_ACTIVITY.REVISION, 2)
                .where(AGENT_ACTIVITY.AGENT_ID.eq(a.id()).and(AGENT_ACTIVITY.BUSINESS_DATE.eq(LocalDate.of(2026, 6, 8))))
                .execute();
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                        .content("employee_no,date,logged_seconds,aux_seconds\n" + b.employeeNo() + ",2026-07-01,28800,600\n"))
                .andExpect(status().isOk());

        jobs.settleAllCenters("test");

        mvc.perform(get("/api/jobs/runs?job=aux-settlement&center=" + center.code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].processed").value(1))
                .andExpect(jsonPath("$[0].error").value(allOf(containsString("1 failed"),
                        containsString("agent " + a.employeeNo() + ": "),
                        containsString("corrected after the month 2026-06 was closed"))));
        assertThat(ledger.account(b.id()).balanceSeconds()).as("the other agent goes on").isEqualTo(466);
        assertJuneAsClosed(a, overdraft);
        // and the database keeps a posted offset's leave whatever deletes it
        assertThatThrownBy(() -> db.deleteFrom(LEAVE_RECORD).where(LEAVE_RECORD.ID.eq(overdraft.id())).execute())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anOffsetChoiceWrittenAfterTheCloseIsRefusedUnderTheLockAndThePostedOffsetStays() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        String lead = org.leadUser(team);
        LeaveRecord overdraft = overdraftLeaveOffsetAndJuneClosed(center, a);

        // the choice checked "open" before the close and writes after it: its own check is stale, the write's is not
        assertThatThrownBy(() -> leave.writeOffsets(a, center, YearMonth.of(2026, 6), java.util.Set.of(), org.as(lead)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((Refusal) e).reason().code()).isEqualTo("leave.month-closed-leave-offset"));
        assertJuneAsClosed(a, overdraft);
    }
}
