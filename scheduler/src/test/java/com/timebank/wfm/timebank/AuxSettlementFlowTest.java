package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.jobs.NightlyJobs;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.Account;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;

/** A month of activity for a team, settled nightly; balances and statements checked to the second. */
@IntegrationTest
class AuxSettlementFlowTest {

    private static final BigDecimal TARGET = new BigDecimal("0.037");

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    NightlyJobs jobs;
    @Autowired
    AuxSettlementService settlement;
    @Autowired
    LedgerService ledger;
    @Autowired
    LeaveService leave;
    @Autowired
    Clock clock;

    record Day(Agent agent, LocalDate date, int logged, int aux) {
    }

    private String csv(List<Day> days) {
        StringBuilder sb = new StringBuilder("employee_no,date,logged_seconds,aux_seconds\n");
        days.forEach(d -> sb.append(d.agent().employeeNo()).append(',').append(d.date()).append(',').append(d.logged())
                .append(',').append(d.aux()).append('\n'));
        return sb.toString();
    }

    private void importCsv(String planner, String csv) throws Exception {
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv").content(csv))
                .andExpect(status().isOk());
    }

    /** The expected result, replayed with the domain rule alone. */
    private static Map<Agent, long[]> replay(List<Day> days) {
        Map<Agent, long[]> balanceAndLeave = new HashMap<>();
        days.stream().sorted(java.util.Comparator.comparing(Day::date)).forEach(d -> {
            long[] s = balanceAndLeave.computeIfAbsent(d.agent(), a -> new long[2]);
            AuxSettlement r = AuxSettlement.settle(d.logged(), d.aux(), TARGET, s[0]);
            s[0] += r.entrySeconds();
            s[1] += r.leaveSeconds();
        });
        return balanceAndLeave;
    }

    @Test
    void aMonthForATeamSettlesToTheSecondAndRerunsPostNothing() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(org.agent(team));
        }
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        LocalDate first = today.minusDays(31);
        Random random = new Random(7);
        List<Day> days = new ArrayList<>();
        for (Agent a : agents) {
            for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() >= 6) {
                    continue;
                }
                int logged = 20_000 + random.nextInt(9_000);
                int aux = random.nextInt(4) == 0 ? 1_500 + random.nextInt(2_000) : random.nextInt(1_100);
                days.add(new Day(a, d, logged, aux));
            }
        }
        importCsv(planner, csv(days));

        AuxSettlementService.Result first1 = settlement.settleUpTo(center.id(), today.minusDays(1),
                AuxSettlementService.BatchObserver.NONE);
        assertThat(first1.processed()).isEqualTo(days.size());

        Map<Agent, long[]> expected = replay(days);
        for (Agent a : agents) {
            Account account = ledger.account(a.id());
            assertThat(account.balanceSeconds()).as(a.employeeNo()).isEqualTo(expected.get(a)[0]);
            assertThat(leave.overdraftLeaveSeconds(a.id(), first, today)).isEqualTo(expected.get(a)[1]);
            assertThat(ledger.consistent(a.id())).isTrue();
        }

        AuxSettlementService.Result again = settlement.settleUpTo(center.id(), today.minusDays(1),
                AuxSettlementService.BatchObserver.NONE);
        assertThat(again.processed()).isZero();
        assertThat(again.posted()).isZero();

        Agent a = agents.get(0);
        String agentUser = org.agentUser(a);
        var statement = ledger.statement(a.id(), null, null, 0, 1000).entries();
        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank").with(httpBasic(agentUser, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanceSeconds").value(expected.get(a)[0]))
                .andExpect(jsonPath("$.availableSeconds").value(expected.get(a)[0]))
                .andExpect(jsonPath("$.reservedSeconds").value(0));
        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank/entries?size=1000")
                        .with(httpBasic(agentUser, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", Integer.toString(statement.size())))
                .andExpect(jsonPath("$[0].businessDate").value(statement.get(0).businessDate().toString()))
                .andExpect(jsonPath("$[" + (statement.size() - 1) + "].balanceAfterSeconds").value(expected.get(a)[0]));
        LocalDate mid = first.plusDays(10);
        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank/entries?from=" + mid + "&to=" + mid.plusDays(6))
                        .with(httpBasic(agentUser, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].businessDate", Matchers.everyItem(
                        Matchers.greaterThanOrEqualTo(mid.toString()))));
        mvc.perform(get("/api/agents/" + agents.get(1).employeeNo() + "/timebank").with(httpBasic(agentUser, Org.PASSWORD)))
                .andExpect(status().isNotFound());
        long sum = statement.stream().mapToLong(LedgerEntry::seconds).sum();
        assertThat(sum).isEqualTo(expected.get(a)[0]);
        for (int i = 1; i < statement.size(); i++) {
            assertThat(statement.get(i).balanceAfterSeconds())
                    .isEqualTo(statement.get(i - 1).balanceAfterSeconds() + statement.get(i).seconds());
        }
    }

    @Test
    void resentActivityForASettledDateIsCorrectedByAReversalAndANewEntry() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        String planner = org.plannerUser(center);
        LocalDate d = center.today(clock).minusDays(3);
        importCsv(planner, csv(List.of(new Day(a, d.minusDays(1), 28_800, 0), new Day(a, d, 28_800, 600))));
        settlement.settleUpTo(center.id(), d, AuxSettlementService.BatchObserver.NONE);
        assertThat(ledger.account(a.id()).balanceSeconds()).isEqualTo(1_066 + 466);

        importCsv(planner, csv(List.of(new Day(a, d, 28_800, 2_000))));
        AuxSettlementService.Result r = settlement.settleUpTo(center.id(), d, AuxSettlementService.BatchObserver.NONE);
        assertThat(r.dates()).containsExactly(d);
        List<LedgerEntry> entries = ledger.statement(a.id(), d, d, 0, 10).entries();
        assertThat(entries).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.AUX_SAVING, EntryKind.REVERSAL, EntryKind.AUX_OVERDRAFT);
        assertThat(entries).extracting(LedgerEntry::seconds).containsExactly(466L, -466L, -934L);
        assertThat(entries.get(1).reversesEntryId()).isEqualTo(entries.get(0).id());
        assertThat(ledger.account(a.id()).balanceSeconds()).isEqualTo(1_066 - 934);
        assertThat(ledger.consistent(a.id())).isTrue();

        // the same values again change nothing
        importCsv(planner, csv(List.of(new Day(a, d, 28_800, 2_000))));
        assertThat(settlement.settleUpTo(center.id(), d, AuxSettlementService.BatchObserver.NONE).posted()).isZero();
    }

    @Test
    void aRunKilledMidWayIsFinishedByTheNextRunWithoutDuplicates() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        List<Day> days = new ArrayList<>();
        LocalDate d = center.today(clock).minusDays(2);
        for (int i = 0; i < 120; i++) {
            days.add(new Day(org.agent(team), d, 28_800, i % 3 == 0 ? 2_000 : 300));
        }
        importCsv(org.plannerUser(center), csv(days));
        AtomicInteger committedBeforeKill = new AtomicInteger();
        assertThatThrownBy(() -> settlement.settleUpTo(center.id(), d, (date, n) -> {
            committedBeforeKill.addAndGet(n);
            throw new IllegalStateException("killed");
        })).hasMessage("killed");
        assertThat(settlement.unsettledDates(center.id(), d)).containsExactly(d);

        // batches of 50 (application-test.properties), two at a time: the kill stopped the run after the first
        // batch or two had committed; the rerun settles exactly the agent-days they left
        assertThat(committedBeforeKill.get()).isBetween(50, 100);
        AuxSettlementService.Result rest = settlement.settleUpTo(center.id(), d, AuxSettlementService.BatchObserver.NONE);
        assertThat(rest.processed()).isEqualTo(120 - committedBeforeKill.get());
        assertThat(settlement.unsettledDates(center.id(), d)).isEmpty();
        for (Day day : days) {
            List<LedgerEntry> entries = ledger.statement(day.agent().id(), d, d, 0, 10).entries();
            assertThat(entries).hasSize(day.aux() == 300 ? 1 : 0);
        }
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryBadLine() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        Agent elsewhere = org.agent(org.team(org.center()));
        String planner = org.plannerUser(center);
        LocalDate d = center.today(clock).minusDays(1);
        String csv = "employee_no,date,logged_seconds,aux_seconds\n"
                + a.employeeNo() + "," + d + ",28800,600\n"
                + "NOBODY," + d + ",100,0\n"
                + elsewhere.employeeNo() + "," + d + ",100,0\n"
                + a.employeeNo() + "," + center.today(clock).plusDays(1) + ",100,0\n"
                + a.employeeNo() + "," + d.minusDays(1) + ",100,500\n"
                + a.employeeNo() + "," + center.today(clock) + ",100,0\n";
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("nothing was imported")))
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].code").value("range.activity.day-not-over"))
                .andExpect(jsonPath("$.errors[3].line").value(6))
                // today is not over yet either
                .andExpect(jsonPath("$.errors[4].line").value(7))
                .andExpect(jsonPath("$.errors[4].field").value("date"))
                .andExpect(jsonPath("$.errors[4].code").value("range.activity.day-not-over"));
        assertThat(settlement.unsettledDates(center.id(), d)).isEmpty();
        mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"employeeNo\":\"" + a.employeeNo() + "\",\"date\":\"" + d
                                + "\",\"loggedSeconds\":28800,\"auxSeconds\":600}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.replaced").value(0));
        mvc.perform(post("/api/activity").with(httpBasic(org.agentUser(a), Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isForbidden());
    }
}
