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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.LedgerService;

/** The agent and lead pages without a browser: scope (404), roles (403), CSRF, validation and the 422 reason. */
@IntegrationTest
@Import(PageSeed.class)
class TimebankPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;
    @Autowired
    LedgerService ledger;

    Center center;
    Team team;
    Team otherTeam;
    Agent ana;
    Agent bo;
    Agent stranger;
    String anaUser;
    String lead;

    @BeforeEach
    void organisation() {
        center = org.center();
        team = org.team(center);
        otherTeam = org.team(center);
        ana = seed.agent(team, "Ana Ferreira");
        bo = seed.agent(team, "Bo Chen");
        stranger = seed.agent(otherTeam, "Cai Wen");
        anaUser = org.agentUser(ana);
        lead = org.leadUser(team);
    }

    @Test
    void anAgentSeesOwnTimeBankAndNobodyElses() throws Exception {
        seed.settledDay(center, seed.today(center).minusDays(1), Map.of(ana, new long[] {28_800, 600}));
        mvc.perform(get("/").with(as(anaUser))).andExpect(redirectedUrl("/agents/" + ana.employeeNo()));
        // 28,800 s logged, 600 s aux: allowance 1,066 s, 466 s saved = 7 min (46 s)
        mvc.perform(get("/agents/" + ana.employeeNo()).with(as(anaUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("7 min"), containsString("Aux savings"),
                        containsString("466 s exactly"))));

        for (Agent other : new Agent[] {bo, stranger}) {
            mvc.perform(get("/agents/" + other.employeeNo()).with(as(anaUser)))
                    .andExpect(status().isNotFound()).andExpect(content().string(containsString("data-status=\"404\"")));
            mvc.perform(get("/agents/" + other.employeeNo() + "/statement").with(as(anaUser)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/agents/NO-SUCH-AGENT").with(as(anaUser))).andExpect(status().isNotFound());
        mvc.perform(get("/lead/balances").with(as(anaUser))).andExpect(status().isForbidden());
        mvc.perform(get("/lead/bonus").with(as(anaUser))).andExpect(status().isForbidden());
    }

    @Test
    void aLeadSeesTheAgentsOfOwnTeamsOnly() throws Exception {
        mvc.perform(get("/agents/" + ana.employeeNo() + "/statement").with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Statement of Ana Ferreira")));
        mvc.perform(get("/agents/" + stranger.employeeNo()).with(as(lead))).andExpect(status().isNotFound());
        mvc.perform(get("/lead/balances").with(as(lead))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ana Ferreira"), containsString("Bo Chen"),
                        not(containsString("Cai Wen")))));
        mvc.perform(get("/lead/balances").param("team", otherTeam.centerCode() + "/" + otherTeam.code()).with(as(lead)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/lead/bonus").param("employeeNo", stranger.employeeNo()).with(as(lead)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theStatementFiltersByMonthAndRejectsABadMonth() throws Exception {
        seed.settledDay(center, seed.today(center).minusMonths(1).withDayOfMonth(10), Map.of(ana, new long[] {28_800, 0}));
        String lastMonth = java.time.YearMonth.from(seed.today(center)).minusMonths(1).toString();
        mvc.perform(get("/agents/" + ana.employeeNo() + "/statement").with(as(anaUser)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"empty-state\"")));
        mvc.perform(get("/agents/" + ana.employeeNo() + "/statement").param("month", lastMonth).with(as(anaUser)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-kind=\"AUX_SAVING\"")));
        mvc.perform(get("/agents/" + ana.employeeNo() + "/statement").param("month", "November").with(as(anaUser)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("data-status=\"400\"")));
    }

    @Test
    void theStatementPagesThroughAMonthOldestFirst() throws Exception {
        java.time.LocalDate day = seed.today(center).withDayOfMonth(1);
        for (int i = 1; i <= AgentPages.STATEMENT_PAGE_SIZE + 2; i++) {
            ledger.post(com.timebank.wfm.ledger.Posting.of(ana.id(), day, com.timebank.wfm.ledger.EntryKind.TIME_BONUS,
                    60L * i, "test", "entry " + i, Org.unique("K")));
        }
        String statement = "/agents/" + ana.employeeNo() + "/statement";
        mvc.perform(get(statement).with(as(anaUser))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Page 1 of 2"), containsString("entry 1<"),
                        containsString("entry 25<"), not(containsString("entry 26<")), containsString("data-testid=\"next\""),
                        not(containsString("data-testid=\"previous\"")))));
        mvc.perform(get(statement).param("page", "1").with(as(anaUser))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Page 2 of 2"), containsString("entry 27<"),
                        not(containsString("entry 25<")), containsString("data-testid=\"previous\""))));
        mvc.perform(get(statement).param("page", "-1").with(as(anaUser))).andExpect(status().isBadRequest());
    }

    /** Amounts in data attributes of the rendered statement, in document order. */
    private static java.util.List<Long> seconds(String html, String attribute) {
        java.util.List<Long> found = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(attribute + "=\"(-?\\d+)\"").matcher(html);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    @Test
    void theStatementAddsUpInBusinessDateOrderAndTheHeaderEqualsTheLastClosing() throws Exception {
        java.time.LocalDate first = seed.today(center).withDayOfMonth(1);
        java.time.LocalDate second = first.plusDays(1);
        java.time.LocalDate previousMonth = first.minusMonths(1).withDayOfMonth(15);
        // posted out of business-date order: the later day first, then an earlier one, then a debit
        ledger.post(com.timebank.wfm.ledger.Posting.of(ana.id(), previousMonth, com.timebank.wfm.ledger.EntryKind.TIME_BONUS,
                7_800L, "test", "before", Org.unique("K")));
        ledger.post(com.timebank.wfm.ledger.Posting.of(ana.id(), second, com.timebank.wfm.ledger.EntryKind.TIME_BONUS,
                600L, "test", "late day", Org.unique("K")));
        ledger.post(com.timebank.wfm.ledger.Posting.of(ana.id(), first, com.timebank.wfm.ledger.EntryKind.TIME_BONUS,
                5_220L, "test", "early day", Org.unique("K")));
        ledger.post(com.timebank.wfm.ledger.Posting.of(ana.id(), first, com.timebank.wfm.ledger.EntryKind.AUX_OVERDRAFT,
                -720L, "test", "repaid", Org.unique("K")));

        String html = mvc.perform(get("/agents/" + ana.employeeNo() + "/statement").with(as(anaUser)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<Long> amounts = seconds(html, "data-seconds");
        // opening, closing come first (summary), then the rows' amounts
        long opening = amounts.get(0);
        long closing = amounts.get(1);
        java.util.List<Long> rows = amounts.subList(2, amounts.size());
        java.util.List<Long> running = seconds(html, "data-balance");
        assertThat(opening).isEqualTo(7_800);
        assertThat(rows).containsExactly(5_220L, -720L, 600L); // business date, then posting order
        assertThat(opening + rows.stream().mapToLong(Long::longValue).sum()).isEqualTo(closing);
        assertThat(running).containsExactly(13_020L, 12_300L, 12_900L);
        assertThat(running.get(running.size() - 1)).isEqualTo(closing);
        // the header's balance is the last closing
        assertThat(ledger.account(ana.id()).balanceSeconds()).isEqualTo(closing);
        assertThat(html).contains("Balance 3 h 35 min").contains("Opening balance").contains("Closing balance")
                .contains("time given by your team lead");
        // the chart draws the table's running balance, not the stored posting-order balance
        assertThat(html).contains("&quot;h&quot;:3.6166666666666667").contains("&quot;h&quot;:3.4166666666666665");

        String csv = mvc.perform(get("/agents/" + ana.employeeNo() + "/statement.csv").with(as(anaUser)))
                .andExpect(status().isOk())
                .andExpect(header()
                        .string("Content-Disposition", containsString("statement-" + ana.employeeNo())))
                .andReturn().getResponse().getContentAsString();
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).isEqualTo(first + ",,OPENING,,7800,");
        assertThat(lines[2]).startsWith(first + ",").contains(",TIME_BONUS,5220,13020,");
        assertThat(lines[4]).startsWith(second + ",").contains(",600,12900,");
        assertThat(lines[5]).isEqualTo(first.withDayOfMonth(first.lengthOfMonth()) + ",,CLOSING,,12900,");
        mvc.perform(get("/agents/" + stranger.employeeNo() + "/statement.csv").with(as(anaUser)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSettlementReasonReadsAsASentenceInEnglishAndChinese() throws Exception {
        java.time.LocalDate yesterday = seed.today(center).minusDays(1);
        seed.settledDay(center, yesterday, Map.of(ana, new long[] {28_800, 600}));
        String statement = "/agents/" + ana.employeeNo() + "/statement";
        String month = java.time.YearMonth.from(yesterday).toString();
        mvc.perform(get(statement).param("month", month).header("Accept-Language", "en").with(as(anaUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(yesterday + ": you worked 8 h with 10 min of aux time; "
                        + "your allowance was 17 min (3.7% of the time worked), so the time below it was saved"),
                        not(containsString("27738 s")), not(containsString("(target 0.037")))));
        mvc.perform(get(statement).param("month", month).header("Accept-Language", "zh-CN").with(as(anaUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(yesterday + "：工作 8 小时，辅助时间 10 分钟；额度为 17 分钟（工作时间的 3.7%），低于额度的部分已存入"),
                        containsString("零存整取"), containsString("每天辅助时间低于额度的部分，存入账户"))));
        // the home page's latest entries read the same sentence
        mvc.perform(get("/agents/" + ana.employeeNo()).header("Accept-Language", "zh-CN").with(as(anaUser)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("额度为 17 分钟")));
    }

    @Test
    void everyPageHasAFavicon() throws Exception {
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/*"));
        mvc.perform(get("/agents/" + ana.employeeNo()).with(as(anaUser)))
                .andExpect(content().string(containsString("rel=\"icon\" href=\"/favicon.ico\"")));
    }

    @Test
    void aBonusFormSentTwiceGrantsOnce() throws Exception {
        seed.shiftsThisMonth(center, java.util.List.of(ana, bo), 5); // 80 h scheduled: the cap is 48 min
        String form = mvc.perform(get("/lead/bonus").with(as(lead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("name=\"grantKey\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(hidden.find()).as("the form carries its key").isTrue();
        String key = hidden.group(1);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).param("employeeNo", ana.employeeNo())
                            .param("hours", "0").param("minutes", "5").param("reason", "double click")
                            .param("grantKey", key))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(ledger.account(ana.id()).balanceSeconds()).isEqualTo(300);

        // the same form sent again with other values (back, edit, send): refused, then granted when sent again
        mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).param("employeeNo", ana.employeeNo())
                        .param("hours", "0").param("minutes", "6").param("reason", "double click")
                        .param("grantKey", key))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("already granted a bonus with other values"),
                        not(containsString("name=\"grantKey\" value=\"" + key + "\"")))));
        assertThat(ledger.account(ana.id()).balanceSeconds()).isEqualTo(300);

        // a key the page did not choose is no key: each such grant is its own
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).param("employeeNo", bo.employeeNo())
                            .param("hours", "0").param("minutes", "1").param("reason", "typo")
                            .param("grantKey", "not-a-key"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(ledger.account(bo.id()).balanceSeconds()).isEqualTo(120);
    }

    @Test
    void grantingABonusNeedsCsrfAndValidFieldsAndStaysWithinTheBudget() throws Exception {
        seed.shiftsThisMonth(center, java.util.List.of(ana, bo), 5); // 80 h scheduled: the cap is 48 min
        mvc.perform(post("/lead/bonus").with(as(lead)).param("employeeNo", ana.employeeNo()).param("minutes", "10")
                .param("reason", "contest")).andExpect(status().isForbidden());

        mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).param("employeeNo", "").param("hours", "x")
                        .param("minutes", "").param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Choose the agent who receives the bonus."),
                        containsString("Enter a whole number."), containsString("Give the reason for the bonus."))));
        mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).param("employeeNo", ana.employeeNo())
                        .param("hours", "0").param("minutes", "75").param("reason", "contest"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Minutes are 0 to 59")));

        mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).param("employeeNo", ana.employeeNo())
                        .param("hours", "0").param("minutes", "30").param("reason", "contest"))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.account(ana.id()).balanceSeconds()).isEqualTo(1800);

        mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).param("employeeNo", bo.employeeNo())
                        .param("hours", "0").param("minutes", "30").param("reason", "contest"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("Refused: "), containsString("remaining budget"),
                        containsString("field-error"))));
        assertThat(ledger.account(bo.id()).balanceSeconds()).isZero();

        // htmx: the same page answers, with the message in the swapped panel instead of a redirect
        mvc.perform(post("/lead/bonus").with(as(lead)).with(csrf()).header("HX-Request", "true")
                        .param("employeeNo", bo.employeeNo()).param("hours", "0").param("minutes", "18")
                        .param("reason", "suggestion adopted"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"granted\""), containsString("Granted 18 min to Bo Chen"))));
    }
}
