package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.leave.LeaveRecord;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.LeaveSource;
import com.timebank.wfm.leave.LeaveType;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.ledger.Reservation;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.MutableClock;
import com.timebank.wfm.support.Org;

/**
 * GET /api/agents/{e}/timebank reads the agent, settings, account and open months' leave in a few queries: its
 * figures are the ledger's own sums, and its outstanding leave follows each day's settings, also across a change.
 */
@IntegrationTest
class BalanceReadTest {

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
    CenterSettingsService settings;
    @Autowired
    Transactions transactions;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(String shanghaiLocal) {
        clock.pin(LocalDateTime.parse(shanghaiLocal).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
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

    @Test
    void theBalanceIsTheLedgersSumsAndTheOpenMonthsLeaveUnderEachDaysSettings() throws Exception {
        // from 2026-01-11 the first 12 days of a month are busy (before: the first 4)
        at("2025-12-20T10:00");
        Center center = org.center();
        Team team = org.team(center);
        Team otherTeam = org.team(center);
        Agent a = org.agent(team);
        Agent colleague = org.agent(team);
        mvc.perform(put("/api/centers/" + center.code() + "/settings").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveFrom\":\"2026-01-11\",\"busyDays\":{\"firstDays\":12}}"))
                .andExpect(status().isOk());
        for (LocalDate d = LocalDate.of(2025, 12, 20); !d.isAfter(LocalDate.of(2026, 2, 28)); d = d.plusDays(1)) {
            assertThat(settings.onEach(center.id(), LocalDate.of(2025, 12, 20), LocalDate.of(2026, 2, 28)).get(d))
                    .as("settings on %s", d).isEqualTo(settings.on(center.id(), d));
        }

        // 2026-02-01: January is open until its close day (the 2nd), so both months count
        at("2026-02-01T10:00");
        String agentUser = org.agentUser(a);
        String colleagueUser = org.agentUser(colleague);
        String lead = org.leadUser(team);
        String otherLead = org.leadUser(otherTeam);
        String planner = org.plannerUser(center);
        String otherPlanner = org.plannerUser(org.center());
        ledger.post(Posting.of(a.id(), LocalDate.of(2026, 1, 5), EntryKind.AUX_SAVING, 5_000, "test", "credit",
                Org.unique("CREDIT:")));
        ledger.post(Posting.of(a.id(), LocalDate.of(2026, 1, 20), EntryKind.AUX_SAVING, 1_234, "test", "credit",
                Org.unique("CREDIT:")));
        transactions.write(() -> {
            ledger.reserve(a.id(), LocalDate.of(2026, 2, 20), 1_500, "test", Org.unique("HOLD:"));
            Reservation released = ledger.reserve(a.id(), LocalDate.of(2026, 2, 21), 400, "test", Org.unique("HOLD:"));
            ledger.release(released.id(), "test");
            return null;
        });
        record(lead, a, "2026-01-03", 1_200, "PERSONAL"); // busy (first 4 days): not eligible
        long jan9 = record(lead, a, "2026-01-09", 900, "PERSONAL"); // idle under the old settings
        record(lead, a, "2026-01-12", 700, "PERSONAL"); // busy under the settings from the 11th
        record(lead, a, "2026-01-20", 800, "SICK");
        record(lead, colleague, "2026-01-21", 600, "PERSONAL");
        transactions.write(() -> {
            leave.recordOverdraftLeave(center.id(), List.of(new LeaveRecord(0, a.id(), LocalDate.of(2026, 2, 1), 300,
                    LeaveType.PERSONAL, LeaveSource.OVERDRAFT, Org.unique("AUX:test:"))), "test");
            return null;
        });
        // an offset chosen but not yet posted by the month close is still outstanding
        mvc.perform(post("/api/agents/" + a.employeeNo() + "/leave-offsets").with(httpBasic(agentUser, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                                Map.of("leaveIds", List.of(jan9)))))
                .andExpect(status().isOk());

        long held = ledger.heldReservationsUpTo(List.of(a.id()), LocalDate.of(2099, 12, 31)).stream()
                .mapToLong(Reservation::seconds).sum();
        long sum = ledger.sumOfEntriesThrough(a.id(), LocalDate.of(2099, 12, 31));
        assertThat(sum).isEqualTo(6_234);
        assertThat(held).isEqualTo(1_500);
        for (String reader : List.of(agentUser, lead, planner, "admin")) {
            mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank")
                            .with(httpBasic(reader, reader.equals("admin") ? "admin-test-password" : Org.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.employeeNo").value(a.employeeNo()))
                    .andExpect(jsonPath("$.balanceSeconds").value(sum))
                    .andExpect(jsonPath("$.reservedSeconds").value(held))
                    .andExpect(jsonPath("$.availableSeconds").value(sum - held))
                    .andExpect(jsonPath("$.outstandingLeaveSeconds").value(900 + 800 + 300))
                    .andExpect(jsonPath("$.outstandingLeaveMonths.length()").value(2))
                    .andExpect(jsonPath("$.outstandingLeaveMonths[0].month").value("2026-01"))
                    .andExpect(jsonPath("$.outstandingLeaveMonths[0].seconds").value(1_700))
                    .andExpect(jsonPath("$.outstandingLeaveMonths[1].month").value("2026-02"))
                    .andExpect(jsonPath("$.outstandingLeaveMonths[1].seconds").value(300));
        }
        assertThat(ledger.consistent(a.id())).isTrue();

        // scope: another agent, another team's lead, another center's planner see no such agent
        for (String stranger : List.of(colleagueUser, otherLead, otherPlanner)) {
            mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank").with(httpBasic(stranger, Org.PASSWORD)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/agents/NO-SUCH-AGENT/timebank").with(httpBasic(agentUser, Org.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/agents/" + colleague.employeeNo() + "/timebank")
                        .with(httpBasic(colleagueUser, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanceSeconds").value(0))
                .andExpect(jsonPath("$.outstandingLeaveSeconds").value(600));

        // after the close day only February is open
        at("2026-02-03T10:00");
        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank").with(httpBasic(agentUser, Org.PASSWORD)))
                .andExpect(jsonPath("$.outstandingLeaveSeconds").value(300))
                .andExpect(jsonPath("$.outstandingLeaveMonths.length()").value(1));
    }

    @Test
    void settingsOfEachDayOfAPeriodInOneReadAreThoseInForceThatDay() {
        Center center = org.center();
        LocalDate today = center.today(clock);
        Map<LocalDate, CenterSettings> each = settings.onEach(center.id(), today.minusDays(3), today.plusDays(3));
        assertThat(each).hasSize(7).allSatisfy((d, s) -> assertThat(s).isEqualTo(settings.on(center.id(), d)));
    }
}
