package com.timebank.wfm.web;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.leave.TimeOffStatus;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.timebank.TimeBonusService;

/** A lead's actions beyond approving: reject with a reason, revoke approved time off, correct a credit, the home. */
@IntegrationTest
@Import(PageSeed.class)
class LeadActionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    TimeBonusService bonuses;
    @Autowired
    LedgerService ledger;
    @Autowired
    CenterSettingsService settings;
    @Autowired
    com.timebank.wfm.leave.LeaveService leave;

    Center center;
    Team team;
    Agent ana;
    Agent bo;
    String anaUser;
    String boUser;
    String lead;
    LocalDate day;

    @BeforeEach
    void organisation() {
        center = org.center();
        team = org.team(center);
        ana = seed.agent(team, "Ana Ferreira");
        bo = seed.agent(team, "Bo Chen");
        anaUser = org.agentUser(ana);
        boUser = org.agentUser(bo);
        lead = org.leadUser(team);
        seed.settledDay(center, seed.today(center).minusDays(1), Map.of(ana, new long[] {28_800, 0}, bo,
                new long[] {28_800, 0})); // +1,066 s each
        seed.shiftsFromToday(center, ana, 14);
        seed.shiftsFromToday(center, bo, 14);
        day = seed.today(center).plusDays(1);
        while (settings.isBusyDay(center.id(), day)) {
            day = day.plusDays(1);
        }
    }

    @Test
    void aRejectionsReasonIsShownToTheAgent() throws Exception {
        long id = timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser)).id();
        mvc.perform(post("/lead/time-off/" + id + "/reject").param("note", "month-end peak").with(csrf()).with(as(lead)))
                .andExpect(status().is3xxRedirection());
        assertThat(timeOff.request(id, org.as(lead)).status()).isEqualTo(TimeOffStatus.REJECTED);
        mvc.perform(get("/agents/" + ana.employeeNo() + "/time-off").with(as(anaUser)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Reason: month-end peak")));
    }

    @Test
    void aLeadRevokesApprovedTimeOffBeforeItsDayAndTheSlotGoesToTheWaitlist() throws Exception {
        long first = timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser)).id();
        timeOff.approve(first, org.as(lead));
        TimeOffService.View approved = timeOff.request(first, org.as(lead));
        // fill the date so a second request waits
        List<Long> others = new java.util.ArrayList<>();
        int free = approved.slots() - approved.used();
        for (int i = 0; i < free; i++) {
            Agent extra = seed.agent(team, "Extra " + i);
            seed.shiftsFromToday(center, extra, 14);
            seed.settledDay(center, seed.today(center).minusDays(2), Map.of(extra, new long[] {28_800, 0}));
            long other = timeOff.request(extra.employeeNo(), day, 300L, org.as(lead)).id();
            timeOff.approve(other, org.as(lead));
            others.add(other);
        }
        long waiting = timeOff.request(bo.employeeNo(), day, 600L, org.as(boUser)).id();
        timeOff.waitlist(waiting, org.as(lead));
        assertThat(ledger.account(ana.id()).reservedSeconds()).isEqualTo(600);

        // a reason is required
        mvc.perform(post("/api/time-off-requests/" + first + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .content("{}").with(csrf()).with(as(lead))).andExpect(status().isBadRequest());
        // the agent cannot revoke
        mvc.perform(post("/api/time-off-requests/" + first + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"x\"}").with(csrf()).with(as(anaUser))).andExpect(status().isForbidden());
        mvc.perform(post("/lead/time-off/" + first + "/revoke").param("note", "needed for the launch").with(csrf())
                .with(as(lead))).andExpect(status().is3xxRedirection());

        assertThat(timeOff.request(first, org.as(lead)).status()).isEqualTo(TimeOffStatus.CANCELLED);
        assertThat(timeOff.request(first, org.as(lead)).note()).isEqualTo("needed for the launch");
        assertThat(ledger.account(ana.id()).reservedSeconds()).isZero();
        assertThat(ledger.consistent(ana.id())).isTrue();
        assertThat(timeOff.request(waiting, org.as(lead)).offered()).isTrue();
        // revoked once: a second revoke is a conflict
        mvc.perform(post("/api/time-off-requests/" + first + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"again\"}").with(csrf()).with(as(lead))).andExpect(status().isConflict());
        mvc.perform(get("/agents/" + ana.employeeNo() + "/time-off").with(as(anaUser)))
                .andExpect(content().string(containsString("Reason: needed for the launch")));
    }

    @Test
    void aLeadCorrectsATimeBonusByAnIdempotentReversalWithAReason() throws Exception {
        long before = ledger.account(ana.id()).balanceSeconds();
        long budgetBefore = bonuses.budget(center.code(), null, org.as(lead)).remainingSeconds();
        LedgerEntry bonus = bonuses.grant(ana.employeeNo(), 300L, "wrong agent", org.as(lead));
        assertThat(bonuses.budget(center.code(), null, org.as(lead)).remainingSeconds()).isEqualTo(budgetBefore - 300);

        mvc.perform(get("/lead/corrections").param("employeeNo", ana.employeeNo()).with(as(lead)))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("data-entry=\"" + bonus.id() + "\""),
                        not(containsString("data-testid=\"reversed\"")))));
        // the agent may not correct their own credit
        mvc.perform(post("/api/ledger-entries/" + bonus.id() + "/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"mine\"}").with(csrf()).with(as(anaUser))).andExpect(status().isForbidden());
        mvc.perform(post("/api/ledger-entries/" + bonus.id() + "/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{}").with(csrf()).with(as(lead))).andExpect(status().isBadRequest());

        mvc.perform(post("/lead/corrections/" + bonus.id()).param("employeeNo", ana.employeeNo())
                .param("reason", "meant for Bo").with(csrf()).with(as(lead))).andExpect(status().is3xxRedirection());
        // asking again (a retry) posts nothing more
        mvc.perform(post("/api/ledger-entries/" + bonus.id() + "/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"meant for Bo\"}").with(csrf()).with(as(lead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("REVERSAL"))
                .andExpect(jsonPath("$.seconds").value(-300)).andExpect(jsonPath("$.reversesEntryId").value(bonus.id()))
                .andExpect(jsonPath("$.reason.code").value("reason.correction"));

        assertThat(ledger.account(ana.id()).balanceSeconds()).isEqualTo(before);
        assertThat(ledger.statement(ana.id(), null, null, 0, 100).entries().stream()
                .filter(e -> e.kind() == EntryKind.REVERSAL)).hasSize(1);
        assertThat(ledger.consistent(ana.id())).isTrue();
        assertThat(bonuses.budget(center.code(), null, org.as(lead)).remainingSeconds()).isEqualTo(budgetBefore);
        mvc.perform(get("/lead/corrections").param("employeeNo", ana.employeeNo()).with(as(lead)))
                .andExpect(content().string(containsString("data-testid=\"reversed\"")));
        mvc.perform(get("/agents/" + ana.employeeNo() + "/statement").with(as(anaUser)))
                .andExpect(content().string(containsString("Corrects entry " + bonus.id() + ": meant for Bo")));
        // only bonuses and emergency credits are corrected here
        LedgerEntry aux = ledger.statement(ana.id(), null, null, 0, 100).entries().stream()
                .filter(e -> e.kind() == EntryKind.AUX_SAVING).findFirst().orElseThrow();
        mvc.perform(post("/api/ledger-entries/" + aux.id() + "/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"no\"}").with(csrf()).with(as(lead))).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void theLeadHomeShowsPendingRequestsCoverageNearZeroAndTheBudget() throws Exception {
        timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser));
        mvc.perform(get("/").with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"lead-dashboard\""),
                        containsString("1 request waits for a decision"), containsString("Ana Ferreira"),
                        containsString("2 agents are under 1 h available"), containsString("no published roster"),
                        containsString("data-testid=\"bonus-budget\""))));
        mvc.perform(get("/").header("Accept-Language", "zh-CN").with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 个申请待审批")));
    }

    @Test
    void theAgentHomeMarksTimeOffAndLeaveOnShiftsAndALeadSeesItAsTheAgentsPage() throws Exception {
        long id = timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser)).id();
        timeOff.approve(id, org.as(lead));
        LocalDate leaveDay = day.plusDays(1);
        leave.record(new com.timebank.wfm.leave.LeaveService.NewLeave(ana.employeeNo(), leaveDay, 3_600L, "PERSONAL"),
                org.as(lead));
        String home = mvc.perform(get("/agents/" + ana.employeeNo()).with(as(anaUser))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("data-testid=\"shift-time-off\"").contains("time off 10 min")
                .contains("data-testid=\"shift-leave\"").contains("leave 1 h")
                .contains("My time-off requests").contains(">Request time off<");
        if (java.time.YearMonth.from(leaveDay).equals(java.time.YearMonth.from(seed.today(center)))
                && !settings.isBusyDay(center.id(), leaveDay)) {
            assertThat(home).contains("data-testid=\"outstanding-month\"");
        }
        mvc.perform(get("/agents/" + ana.employeeNo()).with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Time-off requests of Ana Ferreira"),
                        containsString("Request time off for Ana Ferreira"), not(containsString("My time-off requests")),
                        not(containsString(">Request time off<")))));
    }

    @Test
    void cancellingApprovedTimeOffAnswersWithTheDatesFreedSlot() throws Exception {
        long id = timeOff.request(ana.employeeNo(), day, 600L, org.as(anaUser)).id();
        int used = timeOff.approve(id, org.as(lead)).used();
        mvc.perform(post("/api/time-off-requests/" + id + "/cancel").with(csrf()).with(as(anaUser)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.used").value(used - 1));
    }

    @Test
    void theLeadFormsAreCheckedByTheirBindersWithTheServicesLimits() throws Exception {
        mvc.perform(post("/lead/leave").with(csrf()).with(as(lead)).param("employeeNo", ana.employeeNo())
                .param("type", "NOPE").param("date", day.toString()).param("hours", "1"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Choose the type of leave.")));
        mvc.perform(post("/lead/bonus").with(csrf()).with(as(lead)).param("employeeNo", ana.employeeNo())
                .param("hours", "25").param("reason", "contest"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give an amount between 1 minute and 24 hours.")));
        mvc.perform(post("/lead/leave").with(csrf()).with(as(lead)).param("employeeNo", ana.employeeNo())
                .param("type", "SICK").param("date", day.toString()).param("hours", "1"))
                .andExpect(status().is3xxRedirection());
    }
}
