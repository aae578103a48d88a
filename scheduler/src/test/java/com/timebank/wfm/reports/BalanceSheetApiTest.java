package com.timebank.wfm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hamcrest.CoreMatchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;

/**
 * The balance sheet reconciles with the ledger to the second for a generated month (entries before, in and after
 * the month, back-dated postings, reversals, a reservation), through the API, CSV and XLSX, within each role's scope.
 */
@IntegrationTest
class BalanceSheetApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    LedgerService ledger;
    @Autowired
    Transactions transactions;
    @Autowired
    Clock clock;
    @Autowired
    MutableClock pinnedClock;
    @Autowired
    com.timebank.wfm.org.CenterSettingsService settings;

    @AfterEach
    void resetClock() {
        pinnedClock.reset();
    }

    record Generated(Center center, Team t1, Team t2, List<Agent> agents, YearMonth month) {
    }

    private Generated generate() {
        Center center = org.center();
        Team t1 = org.team(center);
        Team t2 = org.team(center);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(org.agent(i < 4 ? t1 : t2));
        }
        YearMonth month = YearMonth.from(center.today(clock)).minusMonths(2);
        Random random = new Random(16);
        int n = 0;
        for (Agent a : agents.subList(0, 5)) {
            // credits before, in and after the month, in an order unlike the business dates (back-dated postings)
            for (YearMonth m : List.of(month, month.minusMonths(1), month.plusMonths(1), month)) {
                for (EntryKind k : List.of(EntryKind.AUX_SAVING, EntryKind.EMERGENCY_OVERTIME, EntryKind.TIME_BONUS)) {
                    LocalDate d = m.atDay(1 + random.nextInt(m.lengthOfMonth()));
                    ledger.post(Posting.of(a.id(), d, k, 600 + random.nextInt(3_000), "test", "gen", "R16-" + a.id() + "-" + n++));
                }
            }
            for (EntryKind k : List.of(EntryKind.AUX_OVERDRAFT, EntryKind.LEAVE_OFFSET, EntryKind.TIME_OFF)) {
                LocalDate d = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                ledger.post(Posting.of(a.id(), d, k, -(100 + random.nextInt(500)), "test", "gen", "R16-" + a.id() + "-" + n++));
            }
            // a correction in the month of an entry of the month before, and a correction of that correction
            LedgerEntry saving = ledger.statement(a.id(), month.minusMonths(1).atDay(1),
                    month.minusMonths(1).atEndOfMonth(), 0, 1).entries().get(0);
            LedgerEntry reversal = ledger.post(new Posting(a.id(), month.atDay(15), EntryKind.REVERSAL, -saving.seconds(),
                    "test", "gen", "R16-" + a.id() + "-" + n++, saving.id())).entry();
            ledger.post(new Posting(a.id(), month.atDay(16), EntryKind.REVERSAL, saving.seconds(), "test", "gen",
                    "R16-" + a.id() + "-" + n++, reversal.id()));
        }
        Agent reserving = agents.get(0);
        transactions.write(() -> ledger.reserve(reserving.id(), month.plusMonths(3).atDay(1), 300, "time off",
                "R16-res-" + reserving.id()));
        return new Generated(center, t1, t2, agents, month);
    }

    /** Balances moved in the month: one agent's paid out, another's transferred to an agent of the other team. */
    private record Moves(long paidOut, long transferred) {
    }

    private Moves moveBalances(Generated g) {
        Agent leaver = g.agents().get(3);
        Agent mover = g.agents().get(4);
        Agent receiver = g.agents().get(1);
        LedgerService.BalanceMove payout = ledger.moveBalance(leaver.id(), null, g.month().atDay(20), "test",
                "R16-payout-" + leaver.id(), "paid out", Message.of("reason.payout", "left"), null);
        LedgerService.BalanceMove transfer = ledger.moveBalance(mover.id(), receiver.id(), g.month().atDay(21), "test",
                "R16-transfer-" + mover.id(), "transferred",
                Message.of("reason.transfer-out", receiver.employeeNo(), receiver.name(), "left"),
                Message.of("reason.transfer-in", mover.employeeNo(), mover.name(), "left"));
        assertThat(payout.out().kind()).isEqualTo(EntryKind.PAYOUT);
        assertThat(transfer.in().seconds()).isEqualTo(-transfer.out().seconds()).isPositive();
        return new Moves(-payout.out().seconds(), transfer.in().seconds());
    }

    @Test
    void theSheetReconcilesWithTheLedgerForEveryAgentAndAggregate() throws Exception {
        Generated g = generate();
        Moves moves = moveBalances(g);
        String planner = org.plannerUser(g.center());
        String json = mvc.perform(get("/api/centers/{c}/reports/balance-sheet", g.center().code())
                        .param("month", g.month().toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> lines = JsonPath.read(json, "$.agents");
        assertThat(lines).hasSize(6);
        long openingTotal = 0;
        long closingTotal = 0;
        for (Agent a : g.agents()) {
            Map<String, Object> line = lines.stream().filter(l -> l.get("key").equals(a.employeeNo())).findFirst()
                    .orElseThrow();
            long opening = ledger.sumOfEntriesThrough(a.id(), g.month().minusMonths(1).atEndOfMonth());
            long closing = ledger.sumOfEntriesThrough(a.id(), g.month().atEndOfMonth());
            long inMonth = ledger.statement(a.id(), g.month().atDay(1), g.month().atEndOfMonth(), 0, 1000).entries()
                    .stream().mapToLong(LedgerEntry::seconds).sum();
            assertThat(num(line.get("opening"))).isEqualTo(opening);
            assertThat(num(line.get("closing"))).isEqualTo(closing).isEqualTo(opening + inMonth);
            long flows = sum((Map<?, ?>) line.get("flows")) + sum((Map<?, ?>) line.get("reversals"));
            assertThat(opening + flows).isEqualTo(closing);
            openingTotal += opening;
            closingTotal += closing;
        }
        assertThat(num(JsonPath.read(json, "$.total.opening"))).isEqualTo(openingTotal);
        assertThat(num(JsonPath.read(json, "$.total.closing"))).isEqualTo(closingTotal).isPositive();
        // the corrections of a saving of the month before show against aux savings, and cancel each other out
        Map<?, ?> reversals = JsonPath.read(json, "$.total.reversals");
        assertThat(num(reversals.get("AUX_SAVING"))).isZero();
        assertThat(num(JsonPath.read(json, "$.total.flows.AUX_OVERDRAFT"))).isNegative();
        // the balance moves are flows of their own: paid out, and a transfer whose two sides cancel in the center
        assertThat(num(JsonPath.read(json, "$.total.flows.PAYOUT"))).isEqualTo(-moves.paidOut());
        assertThat(num(JsonPath.read(json, "$.total.flows.TRANSFER_OUT"))).isEqualTo(-moves.transferred());
        assertThat(num(JsonPath.read(json, "$.total.flows.TRANSFER_IN"))).isEqualTo(moves.transferred());
        Map<String, Object> leaver = lines.stream().filter(l -> l.get("key").equals(g.agents().get(3).employeeNo()))
                .findFirst().orElseThrow();
        assertThat(num(((Map<?, ?>) leaver.get("flows")).get("PAYOUT"))).isEqualTo(-moves.paidOut());
        List<Map<String, Object>> teamLines = JsonPath.read(json, "$.teams");
        Map<String, Object> t2 = teamLines.stream().filter(t -> t.get("key").equals(g.t2().code())).findFirst()
                .orElseThrow();
        assertThat(num(((Map<?, ?>) t2.get("flows")).get("TRANSFER_OUT"))).isEqualTo(-moves.transferred());
        assertThat(num(((Map<?, ?>) t2.get("flows")).get("TRANSFER_IN"))).isZero();
        // the agent without entries closes at zero; the reservation, made today, is not held at that month's end
        Map<String, Object> idle = lines.stream().filter(l -> l.get("key").equals(g.agents().get(5).employeeNo()))
                .findFirst().orElseThrow();
        assertThat(num(idle.get("closing"))).isZero();
        List<Map<String, Object>> teams = JsonPath.read(json, "$.teams");
        assertThat(teams).hasSize(2);
        assertThat(teams.stream().mapToLong(t -> num(t.get("closing"))).sum()).isEqualTo(closingTotal);
        assertThat(num(JsonPath.read(json, "$.total.reserved"))).isEqualTo(0);
        // the next month's end holds the reservation made today
        String now = mvc.perform(get("/api/centers/{c}/reports/balance-sheet", g.center().code())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(num(JsonPath.read(now, "$.total.reserved"))).isEqualTo(300);
    }

    @Test
    void timeOffOfTheMonthsLastDayPostedAfterMidnightIsInTheClosingNotReservedAgain() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        YearMonth month = YearMonth.from(center.today(clock)).minusMonths(2);
        LocalDate last = month.atEndOfMonth();
        ledger.post(Posting.of(a.id(), month.atDay(1), EntryKind.AUX_SAVING, 10_000, "test", "gen",
                "R1-credit-" + a.id()));
        // approved on the 20th for the last day; the posting job runs at 00:02 of the next month
        pinnedClock.pin(month.atDay(20).atTime(LocalTime.NOON).atZone(center.timeZone()).toInstant());
        long reservation = transactions.write(() -> ledger.reserve(a.id(), last, 3_600, "time off",
                "R1-res-" + a.id())).id();
        pinnedClock.pin(month.plusMonths(1).atDay(1).atTime(0, 2).atZone(center.timeZone()).toInstant());
        LedgerEntry posted = transactions.write(() -> ledger.postReservation(reservation, EntryKind.TIME_OFF, "job"));
        assertThat(posted.businessDate()).isEqualTo(last);
        pinnedClock.reset();

        String planner = org.plannerUser(center);
        String json = mvc.perform(get("/api/centers/{c}/reports/balance-sheet", center.code())
                        .param("month", month.toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(num(JsonPath.read(json, "$.total.closing"))).isEqualTo(6_400);
        assertThat(num(JsonPath.read(json, "$.total.flows.TIME_OFF"))).isEqualTo(-3_600);
        assertThat(num(JsonPath.read(json, "$.total.reserved"))).isZero();
        String outstanding = mvc.perform(get("/api/centers/{c}/reports/outstanding", center.code())
                        .param("month", month.toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(num(JsonPath.read(outstanding, "$.seconds"))).isEqualTo(6_400);
        assertThat(num(JsonPath.read(outstanding, "$.reservedSeconds"))).isZero();
    }

    @Test
    void timeOffOfTheNextMonthApprovedInTheMonthIsReservedAtItsEnd() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        YearMonth month = YearMonth.from(center.today(clock)).minusMonths(2);
        ledger.post(Posting.of(a.id(), month.atDay(1), EntryKind.AUX_SAVING, 10_000, "test", "gen",
                "R1n-credit-" + a.id()));
        pinnedClock.pin(month.atDay(20).atTime(LocalTime.NOON).atZone(center.timeZone()).toInstant());
        long reservation = transactions.write(() -> ledger.reserve(a.id(), month.plusMonths(1).atDay(1), 3_600,
                "time off", "R1n-res-" + a.id())).id();
        // posted on its own day, after the month's end: held at the end of the month, debited in the next
        pinnedClock.pin(month.plusMonths(1).atDay(1).atTime(0, 2).atZone(center.timeZone()).toInstant());
        transactions.write(() -> ledger.postReservation(reservation, EntryKind.TIME_OFF, "job"));
        pinnedClock.reset();

        String json = mvc.perform(get("/api/centers/{c}/reports/balance-sheet", center.code())
                        .param("month", month.toString()).with(httpBasic(org.plannerUser(center), Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(num(JsonPath.read(json, "$.total.closing"))).isEqualTo(10_000);
        assertThat(num(JsonPath.read(json, "$.total.reserved"))).isEqualTo(3_600);
    }

    @Test
    void aLeadSeesOnlyOwnTeamsAndAnAgentNoReports() throws Exception {
        Generated g = generate();
        String lead = org.leadUser(g.t2());
        String json = mvc.perform(get("/api/centers/{c}/reports/balance-sheet", g.center().code())
                        .param("month", g.month().toString()).with(httpBasic(lead, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> keys = JsonPath.read(json, "$.agents[*].key");
        assertThat(keys).containsExactlyInAnyOrder(g.agents().get(4).employeeNo(), g.agents().get(5).employeeNo());
        List<String> teams = JsonPath.read(json, "$.teams[*].key");
        assertThat(teams).containsExactly(g.t2().code());
        mvc.perform(get("/api/centers/{c}/reports/balance-sheet", g.center().code()).param("team", g.t1().code())
                        .with(httpBasic(lead, Org.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/centers/{c}/reports/outstanding", g.center().code()).param("team", g.t1().code())
                        .with(httpBasic(lead, Org.PASSWORD)))
                .andExpect(status().isNotFound());
        String agent = org.agentUser(g.agents().get(0));
        mvc.perform(get("/api/centers/{c}/reports/balance-sheet", g.center().code())
                        .with(httpBasic(agent, Org.PASSWORD)))
                .andExpect(status().isNotFound());
        String stranger = org.plannerUser(org.center());
        mvc.perform(get("/api/centers/{c}/reports/balance-sheet.csv", g.center().code())
                        .with(httpBasic(stranger, Org.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/centers/{c}/reports/balance-sheet", g.center().code()).param("month", "1999-12")
                        .with(httpBasic(lead, Org.PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void csvAndXlsxReadBackAsTheJsonFigures() throws Exception {
        Generated g = generate();
        Moves moves = moveBalances(g);
        String planner = org.plannerUser(g.center());
        String json = mvc.perform(get("/api/centers/{c}/reports/balance-sheet", g.center().code())
                        .param("month", g.month().toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        Map<String, Long> closing = new HashMap<>();
        List<Map<String, Object>> lines = JsonPath.read(json, "$.agents");
        lines.forEach(l -> closing.put((String) l.get("key"), num(l.get("closing"))));

        MvcResult csv = mvc.perform(get("/api/centers/{c}/reports/balance-sheet.csv", g.center().code())
                        .param("month", g.month().toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andReturn();
        String text = mvc.perform(asyncDispatch(csv)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", CoreMatchers.containsString(".csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(6 + 2 + 1);
        for (CSVRecord r : records) {
            if (r.get("level").equals("agent")) {
                assertThat(Long.parseLong(r.get("closing_seconds"))).isEqualTo(closing.get(r.get("key")));
            }
        }
        CSVRecord center = records.get(records.size() - 1);
        assertThat(center.get("level")).isEqualTo("center");
        assertThat(Long.parseLong(center.get("closing_seconds"))).isEqualTo(num(JsonPath.read(json, "$.total.closing")));
        assertThat(Long.parseLong(center.get("payout_seconds"))).isEqualTo(-moves.paidOut());
        assertThat(Long.parseLong(center.get("transfer_out_seconds"))).isEqualTo(-moves.transferred());
        assertThat(Long.parseLong(center.get("transfer_in_seconds"))).isEqualTo(moves.transferred());
        // opening + every flow and reversal column = closing, row by row
        for (CSVRecord r : records) {
            long sum = Long.parseLong(r.get("opening_seconds"));
            for (String column : r.toMap().keySet()) {
                if (column.endsWith("_seconds") && !List.of("opening_seconds", "emergency_worked_seconds",
                        "emergency_interest_seconds", "closing_seconds", "reserved_seconds", "available_seconds")
                        .contains(column)) {
                    sum += Long.parseLong(r.get(column));
                }
            }
            assertThat(sum).as(r.get("key")).isEqualTo(Long.parseLong(r.get("closing_seconds")));
        }

        MvcResult xlsx = mvc.perform(get("/api/centers/{c}/reports/balance-sheet.xlsx", g.center().code())
                        .param("month", g.month().toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andReturn();
        byte[] bytes = mvc.perform(asyncDispatch(xlsx)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReportFile.XLSX.toString()))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(1 + 6 + 2 + 1);
            int closingColumn = -1;
            int payoutColumn = -1;
            for (int c = 0; c < rows.get(0).getCellCount(); c++) {
                if ("closing_seconds".equals(rows.get(0).getCellText(c))) {
                    closingColumn = c;
                }
                if ("payout_seconds".equals(rows.get(0).getCellText(c))) {
                    payoutColumn = c;
                }
            }
            assertThat(rows.get(rows.size() - 1).getCellAsNumber(payoutColumn).orElseThrow().longValueExact())
                    .isEqualTo(-moves.paidOut());
            for (Row r : rows.subList(1, 7)) {
                assertThat(r.getCellAsNumber(closingColumn).orElseThrow().longValueExact())
                        .isEqualTo(closing.get(r.getCellText(1)));
            }
        }
    }

    @Test
    void outstandingShowsAgentDaysSpreadAndTopHolders() throws Exception {
        Generated g = generate();
        String planner = org.plannerUser(g.center());
        String json = mvc.perform(get("/api/centers/{c}/reports/outstanding", g.center().code())
                        .param("month", g.month().toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long seconds = num(JsonPath.read(json, "$.seconds"));
        long expected = g.agents().stream().mapToLong(a -> ledger.sumOfEntriesThrough(a.id(), g.month().atEndOfMonth()))
                .sum();
        assertThat(seconds).isEqualTo(expected);
        assertThat(new java.math.BigDecimal(JsonPath.read(json, "$.agentDays").toString()))
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(expected)
                        .divide(java.math.BigDecimal.valueOf(28_800), 2, java.math.RoundingMode.HALF_UP));
        List<Object> trend = JsonPath.read(json, "$.trend");
        assertThat(trend).hasSize(6);
        assertThat(num(JsonPath.read(json, "$.trend[5].seconds"))).isEqualTo(seconds);
        assertThat(num(JsonPath.read(json, "$.trend[4].seconds"))).isEqualTo(g.agents().stream()
                .mapToLong(a -> ledger.sumOfEntriesThrough(a.id(), g.month().minusMonths(1).atEndOfMonth())).sum());
        List<Integer> bucketAgents = JsonPath.read(json, "$.distribution[*].agents");
        assertThat(bucketAgents.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        List<String> top = JsonPath.read(json, "$.topHolders[*].employeeNo");
        assertThat(top).hasSize(5).doesNotContain(g.agents().get(5).employeeNo());
    }

    /**
     * A center whose standard paid day is 7.5 h from the 10th of last month: last month's agent-days divide by
     * 27,000 s (the day in force at its end), the month before's still by 8 h.
     */
    @Test
    void agentDaysDivideByTheStandardPaidDayInForceAtTheMonthsEnd() throws Exception {
        Center center = org.center();
        Agent agent = org.agent(org.team(center));
        YearMonth month = YearMonth.from(center.today(clock)).minusMonths(1);
        // settings never change retroactively: the change is made on the 1st of that month, for the 10th on
        pinnedClock.pin(month.atDay(1).atTime(LocalTime.NOON).atZone(center.timeZone()).toInstant());
        settings.change(center.code(), new com.timebank.wfm.org.SettingsChange(month.atDay(10), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, 450), org.admin());
        pinnedClock.reset();
        ledger.post(Posting.of(agent.id(), month.minusMonths(1).atDay(5), EntryKind.AUX_SAVING, 28_800, "test", "gen",
                "STD-" + agent.id() + "-1"));
        ledger.post(Posting.of(agent.id(), month.atDay(5), EntryKind.AUX_SAVING, 25_200, "test", "gen",
                "STD-" + agent.id() + "-2"));
        String planner = org.plannerUser(center);

        String sheet = mvc.perform(get("/api/centers/{c}/reports/balance-sheet", center.code())
                        .param("month", month.toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(num(JsonPath.read(sheet, "$.standardDaySeconds"))).isEqualTo(27_000);
        assertThat(num(JsonPath.read(sheet, "$.total.closing"))).isEqualTo(54_000);

        String json = mvc.perform(get("/api/centers/{c}/reports/outstanding", center.code())
                        .param("month", month.toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(num(JsonPath.read(json, "$.seconds"))).isEqualTo(54_000);
        assertThat(num(JsonPath.read(json, "$.standardDaySeconds"))).isEqualTo(27_000);
        // 54,000 s is 2 days of 7.5 h, where 8 h days would make it 1.88
        assertThat(new java.math.BigDecimal(JsonPath.read(json, "$.agentDays").toString()))
                .isEqualByComparingTo("2.00");
        // the trend's month before counts in its own 8-h day, as its own sheet does (below), not in this month's 7.5 h
        assertThat(new java.math.BigDecimal(JsonPath.read(json, "$.trend[4].agentDays").toString()))
                .isEqualByComparingTo("1.00");
        assertThat(num(JsonPath.read(json, "$.trend[4].standardDaySeconds"))).isEqualTo(28_800);
        assertThat(new java.math.BigDecimal(JsonPath.read(json, "$.trend[5].agentDays").toString()))
                .isEqualByComparingTo("2.00");
        // so the agent is in the [2, 5) days bucket, not in [1, 2) as with 8 h days
        List<Integer> fromDays = JsonPath.read(json, "$.distribution[?(@.agents == 1)].fromDays");
        assertThat(fromDays).containsExactly(2);

        String before = mvc.perform(get("/api/centers/{c}/reports/outstanding", center.code())
                        .param("month", month.minusMonths(1).toString()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(num(JsonPath.read(before, "$.standardDaySeconds"))).isEqualTo(28_800);
        assertThat(new java.math.BigDecimal(JsonPath.read(before, "$.agentDays").toString()))
                .isEqualByComparingTo("1.00");
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static long sum(Map<?, ?> m) {
        return m.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }
}
