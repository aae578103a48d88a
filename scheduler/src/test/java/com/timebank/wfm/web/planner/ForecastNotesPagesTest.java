package com.timebank.wfm.web.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** "Why this method" and the forecast's notes are stored as codes and shown in the reader's language. */
@IntegrationTest
class ForecastNotesPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    UserDetailsService users;
    @Autowired
    ContactHistoryService history;
    @Autowired
    ForecastService forecasts;
    @Autowired
    Clock clock;

    @Test
    void whyThisMethodAndTheNotesAreInEnglishOrChinese() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        LocalDate yesterday = center.today(clock).minusDays(1);
        history.importCsv(center.code(), null, HistoryCsv.days(yesterday, 70), org.as(planner));
        long id = forecasts.create(center.code(), new ForecastService.ForecastRequest(yesterday.plusDays(1),
                yesterday.plusDays(14), null, null, null), org.as(planner)).value().run().id();

        String english = page(id, planner, "en");
        assertThat(english).contains("Chosen automatically:").contains("Prediction intervals:")
                .doesNotContain("forecast.note.").doesNotContain("auto: picked");
        String chinese = page(id, planner, "zh-CN");
        assertThat(chinese).contains("自动选择：").contains("预测区间：")
                .doesNotContain("Chosen automatically").doesNotContain("Prediction intervals").doesNotContain("forecast.note.");
    }

    private String page(long id, String planner, String language) throws Exception {
        return mvc.perform(get("/planner/forecasts/" + id).header("Accept-Language", language)
                        .with(user(users.loadUserByUsername(planner))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
