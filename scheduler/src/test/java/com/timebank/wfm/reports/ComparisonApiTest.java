package com.timebank.wfm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** Before/after sums the time bank's flows over exactly each side's dates, the month of the date split between them. */
@IntegrationTest
class ComparisonApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    LedgerService ledger;
    @Autowired
    Clock clock;

    @Test
    void eachSideSumsExactlyItsBusinessDates() throws Exception {
        Center center = org.center();
        Agent a = org.agent(org.team(center));
        YearMonth m = YearMonth.from(center.today(clock)).minusMonths(3);
        LocalDate date = m.atDay(15);
        // months=2: before is m-2 day 15 .. m day 14, after is m day 15 .. m+2 day 14
        post(a, m.minusMonths(2).atDay(14), EntryKind.AUX_SAVING, 250); // before the before side
        post(a, m.minusMonths(2).atDay(20), EntryKind.AUX_SAVING, 111);
        post(a, m.minusMonths(1).atDay(10), EntryKind.AUX_SAVING, 222);
        post(a, m.minusMonths(1).atDay(11), EntryKind.TIME_BONUS, 50);
        LedgerEntry corrected = post(a, m.atDay(14), EntryKind.AUX_SAVING, 400);
        post(a, m.atDay(20), EntryKind.AUX_SAVING, 1_000);
        post(a, m.plusMonths(1).atDay(5), EntryKind.AUX_SAVING, 333);
        post(a, m.plusMonths(2).atDay(14), EntryKind.AUX_SAVING, 444);
        post(a, m.plusMonths(2).atDay(15), EntryKind.AUX_SAVING, 125); // after the after side
        // a correction dated in the after side counts there, against aux savings
        ledger.post(new Posting(a.id(), m.plusMonths(2).atDay(1), EntryKind.REVERSAL, -400, "test", "cmp",
                Org.unique("CMP"), corrected.id()));

        String json = mvc.perform(get("/api/centers/{c}/reports/comparison", center.code())
                        .param("date", date.toString()).param("months", "2")
                        .with(httpBasic(org.plannerUser(center), Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(json, "$.beforeTo")).isEqualTo(m.atDay(14).toString());
        assertThat((String) JsonPath.read(json, "$.afterTo")).isEqualTo(m.plusMonths(2).atDay(14).toString());
        assertThat(figure(json, "flow.AUX_SAVING", "before")).isEqualByComparingTo("733");
        assertThat(figure(json, "flow.AUX_SAVING", "after")).isEqualByComparingTo("1377");
        assertThat(figure(json, "flow.TIME_BONUS", "before")).isEqualByComparingTo("50");
        assertThat(figure(json, "flow.TIME_BONUS", "after")).isEqualByComparingTo("0");
        // Σ balances at the end of each side's last day
        assertThat(figure(json, "outstandingSeconds", "before")).isEqualByComparingTo("1033");
        assertThat(figure(json, "outstandingSeconds", "after")).isEqualByComparingTo("2410");
        assertThat(figure(json, "outstandingSeconds", "after"))
                .isEqualByComparingTo(BigDecimal.valueOf(ledger.sumOfEntriesThrough(a.id(), m.plusMonths(2).atDay(14))));

        // a side of whole months reads the same as its dates
        String whole = mvc.perform(get("/api/centers/{c}/reports/comparison", center.code())
                        .param("date", m.atDay(1).toString()).param("months", "1")
                        .with(httpBasic(org.plannerUser(center), Org.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(figure(whole, "flow.AUX_SAVING", "before")).isEqualByComparingTo("222");
        assertThat(figure(whole, "flow.AUX_SAVING", "after")).isEqualByComparingTo("1400");
    }

    private LedgerEntry post(Agent a, LocalDate date, EntryKind kind, long seconds) {
        return ledger.post(Posting.of(a.id(), date, kind, seconds, "test", "cmp", Org.unique("CMP"))).entry();
    }

    private static BigDecimal figure(String json, String name, String side) {
        List<Map<String, Object>> figures = JsonPath.read(json, "$.figures[?(@.name == '" + name + "')]");
        assertThat(figures).as(name).hasSize(1);
        return new BigDecimal(figures.get(0).get(side).toString());
    }
}
