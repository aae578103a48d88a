package com.timebank.wfm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.leave.LeaveRecord;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.LeaveSource;
import com.timebank.wfm.leave.LeaveType;
import com.timebank.wfm.leave.MonthCloseService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;

/**
 * Overdraft leave created and offset, and the reward list (full attendance after offsets): provisional while the
 * month is open, decided by month close; as JSON and as the CSV payroll reads, within each role's scope.
 */
@IntegrationTest
class AttendanceReportApiTest {

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

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(String shanghaiLocal) {
        clock.pin(java.time.LocalDateTime.parse(shanghaiLocal).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private void overdraft(Center center, Agent a, LocalDate date, long seconds) {
        transactions.write(() -> {
            leave.recordOverdraftLeave(center.id(), List.of(new LeaveRecord(0, a.id(), date, seconds,
                    LeaveType.PERSONAL, LeaveSource.OVERDRAFT, Org.unique("AUX:test:"))), "test");
            return null;
        });
    }

    private void chooseAll(String user, Agent a) throws Exception {
        List<Long> ids = leave.leave(a.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).stream()
                .map(LeaveRecord::id).toList();
        mvc.perform(post("/api/agents/" + a.employeeNo() + "/leave-offsets").with(httpBasic(user, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("leaveIds", ids))))
                .andExpect(status().isOk());
    }

    private String report(String user, Center center, String team) throws Exception {
        var request = get("/api/centers/{c}/reports/attendance", center.code()).param("month", "2026-01")
                .with(httpBasic(user, Org.PASSWORD));
        if (team != null) {
            request = request.param("team", team);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void overdraftLeaveOffsetsAndTheRewardListBeforeAndAfterMonthClose() throws Exception {
        at("2026-01-20T10:00");
        Center center = org.center();
        Team t1 = org.team(center);
        Team t2 = org.team(center);
        Agent a = org.agent(t1);
        Agent b = org.agent(t1);
        Agent c = org.agent(t1);
        Agent d = org.agent(t2);
        String planner = org.plannerUser(center);
        String lead1 = org.leadUser(t1);
        String lead2 = org.leadUser(t2);
        // a: 300 s of overdraft leave, covered by 1,000 s of balance; b: 600 s of leave on an idle day, no balance;
        // c: no leave at all; d: 400 s of overdraft leave, not chosen for offset
        ledger.post(Posting.of(a.id(), LocalDate.of(2026, 1, 2), EntryKind.AUX_SAVING, 1_000, "test", "credit",
                Org.unique("CREDIT:")));
        overdraft(center, a, LocalDate.of(2026, 1, 14), 300);
        overdraft(center, d, LocalDate.of(2026, 1, 15), 400);
        mvc.perform(post("/api/leave").with(httpBasic(lead1, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNo\":\"%s\",\"date\":\"2026-01-12\",\"seconds\":600,\"type\":\"PERSONAL\"}"
                                .formatted(b.employeeNo())))
                .andExpect(status().isCreated());
        chooseAll(lead1, a);
        chooseAll(lead1, b);

        String open = report(planner, center, null);
        assertThat((Boolean) JsonPath.read(open, "$.closed")).isFalse();
        assertThat(((Number) JsonPath.read(open, "$.totals.overdraftSeconds")).longValue()).isEqualTo(700);
        assertThat((Integer) JsonPath.read(open, "$.totals.overdraftAgents")).isEqualTo(2);
        assertThat(((Number) JsonPath.read(open, "$.totals.offsetSeconds")).longValue()).isZero();
        assertThat((Integer) JsonPath.read(open, "$.totals.fullAttendanceAgents")).isZero();
        // provisional: every agent whose chosen offsets cover the leave, whatever the balance will allow
        assertThat((List<String>) JsonPath.read(open, "$.rewardList[*].employeeNo"))
                .containsExactlyInAnyOrder(a.employeeNo(), b.employeeNo(), c.employeeNo());
        assertThat((List<Object>) JsonPath.read(open, "$.agents[?(@.employeeNo == '" + a.employeeNo()
                + "')].fullAttendance")).containsExactly((Object) null);

        at("2026-02-03T00:00");
        monthClose.closeMonth(center.id(), YearMonth.of(2026, 1), MonthCloseService.BatchObserver.NONE);

        String closed = report(planner, center, null);
        assertThat((Boolean) JsonPath.read(closed, "$.closed")).isTrue();
        assertThat(((Number) JsonPath.read(closed, "$.totals.leaveSeconds")).longValue()).isEqualTo(1_300);
        assertThat(((Number) JsonPath.read(closed, "$.totals.overdraftOffsetSeconds")).longValue()).isEqualTo(300);
        assertThat(((Number) JsonPath.read(closed, "$.totals.offsetSeconds")).longValue()).isEqualTo(300);
        assertThat(((Number) JsonPath.read(closed, "$.totals.leftSeconds")).longValue()).isEqualTo(1_000);
        assertThat((Integer) JsonPath.read(closed, "$.totals.fullAttendanceAgents")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(closed, "$.rewardList[*].employeeNo"))
                .containsExactlyInAnyOrder(a.employeeNo(), c.employeeNo());
        assertThat((List<Object>) JsonPath.read(closed, "$.agents[?(@.employeeNo == '" + b.employeeNo()
                + "')].leftSeconds")).containsExactly(600);

        // payroll: the reward list as CSV, one row per rewarded agent
        MvcResult async = mvc.perform(get("/api/centers/{c}/reports/attendance.csv", center.code())
                        .param("month", "2026-01").param("rewardOnly", "true").with(httpBasic(planner, Org.PASSWORD)))
                .andReturn();
        String csv = mvc.perform(asyncDispatch(async)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("employee_no")).containsExactlyInAnyOrder(a.employeeNo(),
                c.employeeNo());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("full_attendance")).isEqualTo("true");
            assertThat(r.get("month")).isEqualTo("2026-01");
        });
        MvcResult xlsx = mvc.perform(get("/api/centers/{c}/reports/attendance.xlsx", center.code())
                .param("month", "2026-01").with(httpBasic(planner, Org.PASSWORD))).andReturn();
        assertThat(mvc.perform(asyncDispatch(xlsx)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).isNotEmpty();

        // scope: a lead sees the own team only, an agent no reports
        String team2 = report(lead2, center, null);
        assertThat((List<String>) JsonPath.read(team2, "$.agents[*].employeeNo")).containsExactly(d.employeeNo());
        assertThat((List<String>) JsonPath.read(team2, "$.rewardList")).isEmpty();
        mvc.perform(get("/api/centers/{c}/reports/attendance", center.code()).param("team", t1.code())
                .with(httpBasic(lead2, Org.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/centers/{c}/reports/attendance", center.code())
                .with(httpBasic(org.agentUser(a), Org.PASSWORD))).andExpect(status().isNotFound());
    }
}
