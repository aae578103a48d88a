package com.timebank.wfm.web.planner;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.forecast.app.CalendarService;
import com.timebank.wfm.forecast.app.PlannerCalendar;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** The center calendar page: holidays, closed dates and special days added and removed, errors at the field. */
@IntegrationTest
class CenterCalendarPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    CalendarService calendars;
    @Autowired
    Clock clock;

    private MockHttpServletRequestBuilder add(Center c, String kind, LocalDate date, String text) {
        return post("/planner/center-calendar").param("center", c.code()).param("kind", kind)
                .param("date", date == null ? "" : date.toString()).param("text", text);
    }

    @Test
    void aPlannerAddsAHolidayAClosedDateAndASpecialDayAndRemovesOne() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        LocalDate newYear = LocalDate.of(center.today(clock).getYear() + 1, 1, 1);
        mvc.perform(get("/planner/center-calendar?center=" + center.code()).with(as(planner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No holiday, closed date or special day yet.")));

        mvc.perform(add(center, "holiday", newYear, "New Year").with(as(planner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(add(center, "closed", newYear.plusDays(1), "office move").with(as(planner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(add(center, "special", newYear.plusDays(5), "sale").param("multiplier", "1.4")
                        .with(as(planner)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        PlannerCalendar calendar = calendars.calendar(center.code(), org.as(planner));
        assertThat(calendar.holidays()).extracting(PlannerCalendar.Holiday::date).containsExactly(newYear);
        assertThat(calendar.closedDates()).extracting(PlannerCalendar.ClosedDate::reason).containsExactly("office move");
        assertThat(calendar.specialDays().get(0).multiplier()).isEqualByComparingTo(new BigDecimal("1.4"));
        mvc.perform(get("/planner/center-calendar?center=" + center.code()).with(as(planner)))
                .andExpect(content().string(allOf(containsString("New Year"), containsString("no contacts forecast"),
                        containsString("1.4 × normal contacts"))));
        mvc.perform(get("/planner/center-calendar?center=" + center.code()).with(as(planner))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(allOf(containsString("公众假期"), not(containsString("??")))));

        mvc.perform(post("/planner/center-calendar/remove").param("center", center.code()).param("kind", "closed")
                        .param("date", newYear.plusDays(1).toString()).with(as(planner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        calendar = calendars.calendar(center.code(), org.as(planner));
        assertThat(calendar.closedDates()).isEmpty();
        assertThat(calendar.holidays()).hasSize(1);
    }

    @Test
    void mistakesAreShownNextToTheFieldFromTheFormAndFromTheCalendarsOwnRules() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        LocalDate day = center.today(clock).plusDays(30);
        mvc.perform(add(center, "holiday", null, "").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"date-error\""), containsString("Enter a date."))));
        mvc.perform(add(center, "special", day, "").param("multiplier", "lots").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a number such as 1.4.")));
        mvc.perform(add(center, "special", day, "").param("multiplier", "1.2").param("likeDate", day.minusDays(7).toString())
                        .with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give either a multiplier or a past day, not both.")));
        // the range is the calendar service's rule, not repeated in the form
        mvc.perform(add(center, "special", day, "").param("multiplier", "50").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"multiplier-error\""),
                        containsString("at most 20"))));
        mvc.perform(add(center, "holiday", day, "x").with(as(planner)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(add(center, "holiday", day, "again").with(as(planner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is listed twice")));
        assertThat(calendars.calendar(center.code(), org.as(planner)).specialDays()).isEmpty();
    }
}
