package com.timebank.wfm.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

@IntegrationTest
class HistoryImportApiTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    ContactHistoryService history;

    private ResultActions upload(String user, Center center, MediaType type, String body, String query) throws Exception {
        return mvc.perform(post("/api/centers/" + center.code() + "/history" + query)
                .with(httpBasic(user, Org.PASSWORD)).contentType(type).content(body));
    }

    private List<ContactVolume> stored(Center center) {
        return history.between(center.id(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
    }

    @Test
    void theHourRepeatedWhenTheClocksGoBackIsStoredOnceWithBothHoursContacts() throws Exception {
        String file = """
                interval_start,contacts,aht_seconds
                2025-10-26T02:00,10,200
                2025-10-26T02:00,30,100
                """;
        Center berlin = org.center("Europe/Berlin", 30);
        upload(org.plannerUser(berlin), berlin, CSV, file, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.intervals").value(1));
        assertThat(stored(berlin)).containsExactly(
                new ContactVolume("default", LocalDateTime.parse("2025-10-26T02:00"), 40, 125));
        // Shanghai has no daylight saving time: the same local start twice is a mistake in the file
        Center shanghai = org.center();
        upload(org.plannerUser(shanghai), shanghai, CSV, file, "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(3));
        assertThat(stored(shanghai)).isEmpty();
    }

    @Test
    void aGoodCsvIsStoredAndReadBack() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        upload(planner, center, CSV, """
                interval_start,queue,contacts,aht_seconds
                2025-03-03T08:00,voice,12,240
                2025-03-03T08:30,voice,15,230
                2025-03-03T08:00,chat,4,400
                """, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(3))
                .andExpect(jsonPath("$.intervals").value(3))
                .andExpect(jsonPath("$.replaced").value(0));
        mvc.perform(get("/api/centers/" + center.code() + "/history?from=2025-03-03&to=2025-03-03&queue=voice")
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].intervalStart").value("2025-03-03T08:00"))
                .andExpect(jsonPath("$[0].contacts").value(12))
                .andExpect(jsonPath("$[1].ahtSeconds").value(230));
    }

    @Test
    void aFileWithSeveralBadLinesIsRefusedWholeAndNothingIsWritten() throws Exception {
        Center center = org.center();
        upload(org.plannerUser(center), center, CSV, """
                interval_start,contacts,aht_seconds
                2025-03-03T08:00,12,240
                2025-03-03 08:30,12,240
                2025-03-03T09:00,-1,240
                2025-03-03T09:07,3,240
                2025-03-03T09:30,4,abc
                """, "")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("upload.refused"))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was imported")))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("interval_start"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("contacts"))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].message").value(containsString("off the 5-minute grid")))
                .andExpect(jsonPath("$.errors[3].line").value(6))
                .andExpect(jsonPath("$.errors[3].field").value("aht_seconds"));
        assertThat(stored(center)).isEmpty();
    }

    @Test
    void finerRowsAreSummedIntoTheCenterInterval() throws Exception {
        Center center = org.center(); // 30-minute intervals
        upload(org.plannerUser(center), center, CSV, """
                interval_start,contacts,aht_seconds
                2025-03-03T08:00,10,100
                2025-03-03T08:15,30,200
                2025-03-03T08:30,6,300
                2025-03-03T08:45,0,0
                """, "?intervalMinutes=15")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(4))
                .andExpect(jsonPath("$.intervals").value(2));
        assertThat(stored(center)).containsExactly(
                new ContactVolume("default", LocalDateTime.parse("2025-03-03T08:00"), 40, 175),
                new ContactVolume("default", LocalDateTime.parse("2025-03-03T08:30"), 6, 300));
    }

    @Test
    void coarserDataIsRefused() throws Exception {
        Center center = org.center();
        upload(org.plannerUser(center), center, CSV, "interval_start,contacts,aht_seconds\n2025-03-03T08:00,10,100\n",
                "?intervalMinutes=60")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("intervalMinutes"))
                .andExpect(jsonPath("$.detail").value(containsString("coarser")));
        assertThat(stored(center)).isEmpty();
    }

    @Test
    void aResentIntervalReplacesTheEarlierOne() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        upload(planner, center, MediaType.APPLICATION_JSON, """
                [{"intervalStart":"2025-03-03T08:00","contacts":10,"ahtSeconds":100},
                 {"intervalStart":"2025-03-03T08:30","contacts":20,"ahtSeconds":200}]""", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replaced").value(0));
        upload(planner, center, CSV, """
                interval_start,contacts,aht_seconds
                2025-03-03T08:30,25,210
                2025-03-03T09:00,5,180
                """, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.replaced").value(1));
        assertThat(stored(center)).containsExactly(
                new ContactVolume("default", LocalDateTime.parse("2025-03-03T08:00"), 10, 100),
                new ContactVolume("default", LocalDateTime.parse("2025-03-03T08:30"), 25, 210),
                new ContactVolume("default", LocalDateTime.parse("2025-03-03T09:00"), 5, 180));
    }

    @Test
    void badJsonRowsAreListedByIndex() throws Exception {
        Center center = org.center();
        upload(org.plannerUser(center), center, MediaType.APPLICATION_JSON, """
                [{"intervalStart":"2025-03-03T08:00","contacts":10,"ahtSeconds":100},
                 {"intervalStart":"2025-03-03T08:10","contacts":1,"ahtSeconds":100},
                 {"intervalStart":"2025-03-03T09:00","ahtSeconds":100}]""", "?intervalMinutes=30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[1].intervalStart"))
                .andExpect(jsonPath("$.errors[1].field").value("[2].contacts"));
        assertThat(stored(center)).isEmpty();
    }

    @Test
    void tensOfThousandsOfRowsImportInSeconds() throws Exception {
        Center center = org.center("Asia/Shanghai", 5);
        StringBuilder csv = new StringBuilder("interval_start,contacts,aht_seconds\n");
        int rows = 0;
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2025, 3, 12)); d = d.plusDays(1)) {
            for (LocalTime t = LocalTime.MIN; ; t = t.plusMinutes(5)) {
                csv.append(d.atTime(t)).append(',').append(rows % 17).append(",240\n");
                rows++;
                if (t.equals(LocalTime.of(23, 55))) {
                    break;
                }
            }
        }
        long start = System.nanoTime();
        upload(org.plannerUser(center), center, CSV, csv.toString(), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(rows));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("history import: %d rows in %.2f s%n", rows, seconds);
        assertThat(rows).isGreaterThan(20_000);
        assertThat(seconds).isLessThan(20);
        assertThat(history.count(center.id())).isEqualTo(rows);
    }

    @Test
    void onlyPlannersOfTheCenterMayImport() throws Exception {
        Center center = org.center();
        Center other = org.center();
        String body = "interval_start,contacts,aht_seconds\n2025-03-03T08:00,10,100\n";
        upload(org.plannerUser(other), center, CSV, body, "")
                .andExpect(status().isNotFound());
        upload(org.leadUser(org.team(center)), center, CSV, body, "")
                .andExpect(status().isNotFound());
        assertThat(stored(center)).isEmpty();
    }
}
