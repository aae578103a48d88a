package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.forecast.SeasonalNaive;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Contract;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * An agent's working life as an admin changes it: a contract change from a date (rosters use the contract of each
 * week), and a disabled agent leaving future rosters with their balance paid out or transferred by recorded entries.
 */
@IntegrationTest
@Import({PageSeed.class, RosterSeed.class})
class AgentLifecycleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    RosterSeed rosterSeed;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrganisationService organisation;
    @Autowired
    LedgerService ledger;
    @Autowired
    ShiftService shifts;
    @Autowired
    ForecastService forecasts;
    @Autowired
    RosterService rosters;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private RequestPostProcessor admin() {
        return user(users.loadUserByUsername("admin"));
    }

    @Test
    void aDisabledAgentLeavesFutureRostersAndTheirBalanceIsPaidOutOrTransferredOnce() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent leaving = seed.agent(team, "Ana Ferreira");
        Agent moving = seed.agent(team, "Bo Chen");
        Agent staying = seed.agent(team, "Cai Wen");
        LocalDate today = seed.today(center);
        Map<Agent, long[]> day = new LinkedHashMap<>();
        day.put(leaving, new long[] {28_800, 0});
        day.put(moving, new long[] {28_800, 0});
        day.put(staying, new long[] {28_800, 0});
        seed.settledDay(center, today.minusDays(1), day);
        seed.shiftsFromToday(center, leaving, 5);
        long leavingBalance = ledger.account(leaving.id()).availableSeconds();
        long movingBalance = ledger.account(moving.id()).availableSeconds();
        long stayingBalance = ledger.account(staying.id()).balanceSeconds();
        assertThat(leavingBalance).isPositive();

        // an active agent's balance does not move
        mvc.perform(post("/api/agents/" + leaving.employeeNo() + "/timebank/payout").with(httpBasic("admin", "admin-test-password"))
                        .header("Idempotency-Key", "k-active").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"leaves\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("balance-move.agent-active"));

        mvc.perform(post("/admin/agents/" + leaving.employeeNo() + "/active").param("active", "false")
                .with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        // today's shift stays (it has begun or is close), the later ones are gone
        assertThat(shifts.shiftsOfAgent(leaving.id(), today, today)).hasSize(1);
        assertThat(shifts.shiftsOfAgent(leaving.id(), today.plusDays(1), today.plusDays(10))).isEmpty();
        assertThat(audit.recent(leaving.employeeNo(), 0, 20)).anyMatch(e -> e.action().equals("SHIFTS_REMOVED"));

        String page = mvc.perform(get("/admin/agents/" + leaving.employeeNo() + "/edit").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"balance-move\"").contains("data-testid=\"payout-form\"")
                .contains("data-testid=\"contract-history\"");

        // paid out from the page; the same form sent again posts nothing more
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/agents/" + leaving.employeeNo() + "/balance/payout").param("reason", "leaves the company")
                            .param("key", "form-1").with(admin()).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attributeExists("flash"));
        }
        assertThat(ledger.account(leaving.id()).balanceSeconds()).isZero();
        List<LedgerEntry> payouts = entries(leaving, today).stream().filter(e -> e.kind() == EntryKind.PAYOUT).toList();
        assertThat(payouts).singleElement().satisfies(e -> {
            assertThat(e.seconds()).isEqualTo(-leavingBalance);
            assertThat(e.reason().code()).isEqualTo("reason.payout");
            assertThat(e.reason().args()).containsExactly("leaves the company");
        });
        assertThat(ledger.consistent(leaving.id())).isTrue();

        // transferred through the API: both sides of the same seconds, the sum over the accounts unchanged
        organisation.setAgentActive(moving.employeeNo(), false, org.admin());
        mvc.perform(post("/api/agents/" + moving.employeeNo() + "/timebank/transfer").with(httpBasic("admin", "admin-test-password"))
                        .header("Idempotency-Key", "k-self").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toEmployeeNo\":\"" + moving.employeeNo() + "\",\"reason\":\"moves\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toEmployeeNo"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/agents/" + moving.employeeNo() + "/timebank/transfer")
                            .with(httpBasic("admin", "admin-test-password")).header("Idempotency-Key", "k-transfer")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"toEmployeeNo\":\"" + staying.employeeNo() + "\",\"reason\":\"team merge\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.out.kind").value("TRANSFER_OUT"))
                    .andExpect(jsonPath("$.out.seconds").value(-movingBalance))
                    .andExpect(jsonPath("$.in.kind").value("TRANSFER_IN"))
                    .andExpect(jsonPath("$.in.seconds").value(movingBalance));
        }
        assertThat(ledger.account(moving.id()).balanceSeconds()).isZero();
        assertThat(ledger.account(staying.id()).balanceSeconds()).isEqualTo(stayingBalance + movingBalance);
        assertThat(entries(staying, today).stream().filter(e -> e.kind() == EntryKind.TRANSFER_IN)).hasSize(1);
        assertThat(ledger.consistent(moving.id())).isTrue();
        assertThat(ledger.consistent(staying.id())).isTrue();
        assertThat(audit.recent(leaving.employeeNo(), 0, 20)).anyMatch(e -> e.action().equals("BALANCE_PAID_OUT"));
        assertThat(audit.recent(moving.employeeNo(), 0, 20)).anyMatch(e -> e.action().equals("BALANCE_TRANSFERRED"));

        // the receiving agent's statement names the entry in the reader's language
        mvc.perform(get("/agents/" + staying.employeeNo() + "/statement").header("Accept-Language", "zh-CN")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("余额转入")))
                .andExpect(content().string(containsString("team merge")));
    }

    /** The contract history's row of a date on the agent's page. */
    private static String row(String page, LocalDate from) {
        int at = page.indexOf("data-from=\"" + from + "\"");
        assertThat(at).as("row from " + from).isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private List<LedgerEntry> entries(Agent agent, LocalDate today) {
        return ledger.statement(agent.id(), today.minusDays(40), today.plusDays(1), 0, 1000).entries();
    }

    @Test
    void aContractTypedWrongComesBackToTheAgentsPageInWordsAndChangesNothing() throws Exception {
        Agent agent = org.agent(org.team(org.center()));
        String path = "/admin/agents/" + agent.employeeNo() + "/contract";
        // 40:75 passes the field's pattern in the browser, but 75 is no minute
        mvc.perform(post(path).param("effectiveFrom", LocalDate.now(clock).plusDays(7).toString())
                        .param("weeklyMinMinutes", "40:75").param("weeklyMaxMinutes", "45:00")
                        .header("Accept-Language", "zh-CN").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", new Flash.Message("error", "已拒绝：请输入小时和分钟，如 40:00 或 37:30。")));
        mvc.perform(post(path).param("effectiveFrom", "next week").param("weeklyMinMinutes", "40:00")
                        .param("weeklyMaxMinutes", "40:00").header("Accept-Language", "en").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", new Flash.Message("error", "Refused: Enter a date (YYYY-MM-DD).")));
        assertThat(organisation.contracts(agent.employeeNo(), org.admin())).hasSize(1);
    }

    @Test
    void aContractChangeTakesEffectFromItsDateAndRostersUseTheContractOfEachWeek() throws Exception {
        RosterSeed.Setup s = rosterSeed.center(8, 20, true);
        Agent agent = s.agents().get(0);
        LocalDate from = s.from();
        LocalDate change = from.plusDays(7);
        mvc.perform(post("/admin/agents/" + agent.employeeNo() + "/contract").param("effectiveFrom", change.toString())
                        .param("weeklyMinMinutes", "0:00").param("weeklyMaxMinutes", "8:00").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
        // a refused change comes back in words
        mvc.perform(post("/admin/agents/" + agent.employeeNo() + "/contract").param("effectiveFrom", change.toString())
                        .param("weeklyMinMinutes", "9:00").param("weeklyMaxMinutes", "8:00").with(admin()).with(csrf()))
                .andExpect(flash().attributeExists("flash"));
        List<Contract> history = organisation.contracts(agent.employeeNo(), org.admin());
        assertThat(history).extracting(Contract::effectiveFrom).containsExactly(Contract.FROM_THE_START, change);
        assertThat(history.get(1).weeklyMaxMinutes()).isEqualTo(480);
        // the contract valid today is still the old one
        assertThat(organisation.agent(agent.employeeNo(), org.admin()).weeklyMaxMinutes()).isEqualTo(2400);
        assertThat(organisation.contractsOn(List.of(agent.id()), change.minusDays(1)).get(agent.id()).weeklyMaxMinutes())
                .isEqualTo(2400);
        assertThat(organisation.contractsOn(List.of(agent.id()), change).get(agent.id()).weeklyMaxMinutes()).isEqualTo(480);
        assertThat(audit.recent(agent.employeeNo(), 0, 20)).anyMatch(e -> e.action().equals("AGENT_CONTRACT_CHANGED"));
        // the page lists the history: from when, at least–at most as h:mm, by whom and when, the one valid today
        String page = mvc.perform(get("/admin/agents/" + agent.employeeNo() + "/edit").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String start = row(page, Contract.FROM_THE_START);
        String changed = row(page, change);
        assertThat(start).contains("data-today=\"true\"", "From the start", ">40:00<", "valid today");
        assertThat(changed).contains("data-today=\"false\"", ">0:00<", ">8:00<", ">" + history.get(1).createdBy() + "<")
                .doesNotContain("valid today");
        java.time.LocalDateTime enteredAt = history.get(1).createdAt().atOffset(java.time.ZoneOffset.UTC)
                .atZoneSameInstant(s.center().timeZone()).toLocalDateTime();
        assertThat(changed).contains(java.time.format.DateTimeFormatter
                .ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                .withLocale(java.util.Locale.ENGLISH).format(enteredAt));
        assertThat(page).contains("Entered on (center time)");
        assertThat(mvc.perform(get("/admin/agents/" + agent.employeeNo() + "/edit").header("Accept-Language", "zh-CN")
                        .with(admin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("录入时间（中心时间）", "今日有效", "最初");
        // the API lists the same history and refuses a date out of range with the field (422)
        mvc.perform(get("/api/agents/" + agent.employeeNo() + "/contracts")
                        .with(httpBasic("admin", "admin-test-password")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].effectiveFrom").value(change.toString()))
                .andExpect(jsonPath("$[1].weeklyMaxMinutes").value(480));
        mvc.perform(post("/api/agents/" + agent.employeeNo() + "/contracts").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveFrom\":\"2099-01-01\",\"weeklyMinMinutes\":0,\"weeklyMaxMinutes\":600}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));

        long forecastId = forecasts.create(s.center().code(), new ForecastService.ForecastRequest(from, from.plusDays(13),
                SeasonalNaive.NAME, null, null), org.as(s.planner())).value().run().id();
        long rosterId = rosters.start(s.center().code(), new RosterService.StartRequest(from, from.plusDays(13),
                forecastId, 4), org.as(s.planner())).id();
        assertThat(rosters.awaitSolved(rosterId, 90)).isTrue();
        List<RosterService.Shift> own = rosters.roster(rosterId, org.as(s.planner())).shifts().stream()
                .filter(x -> x.employeeNo().equals(agent.employeeNo())).toList();
        long firstWeek = paidMinutes(own, from, change.minusDays(1));
        long secondWeek = paidMinutes(own, change, from.plusDays(13));
        assertThat(firstWeek).isGreaterThan(480);
        assertThat(secondWeek).isLessThanOrEqualTo(480);
    }

    private static long paidMinutes(List<RosterService.Shift> shifts, LocalDate from, LocalDate to) {
        return shifts.stream().filter(x -> !x.date().isBefore(from) && !x.date().isAfter(to))
                .mapToLong(x -> java.time.Duration.between(x.start(), x.end()).toMinutes() - x.breakMinutes()).sum();
    }
}
