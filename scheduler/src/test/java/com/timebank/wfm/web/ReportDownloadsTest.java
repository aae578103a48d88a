package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * The report pages' CSV and Excel buttons work for a page user signed in with a session (the API under them takes
 * only HTTP Basic): each button leads to a page route that sends the API's file (name, type, content) in the
 * reader's scope, and the API still refuses the session.
 */
@IntegrationTest
@Import(PageSeed.class)
class ReportDownloadsTest {

    private static final Pattern DOWNLOAD = Pattern.compile("<a href=\"([^\"]+)\"\\s+data-testid=\"(csv|xlsx)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    PageSeed seed;

    Center center;
    Team team;
    Team otherTeam;
    Agent ana;
    Agent cai;
    LocalDate day;
    YearMonth month;

    @BeforeEach
    void organisation() {
        center = org.center();
        team = org.team(center);
        otherTeam = org.team(center);
        ana = seed.agent(team, "Ana Ferreira");
        cai = seed.agent(otherTeam, "Cai Wen");
        day = seed.today(center).minusDays(1);
        month = YearMonth.from(day);
        seed.settledDay(center, day, Map.of(ana, new long[] {28_800, 600}, cai, new long[] {28_800, 0}));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", Org.PASSWORD)).andExpect(redirectedUrl("/")).andReturn().getRequest()
                .getSession();
    }

    /** Each report page and the API file each of its buttons must send, in the order of the buttons. */
    private Map<String, List<String>> pagesAndFiles() {
        String api = "/api/centers/" + center.code() + "/reports/";
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/lead/reports?center=" + center.code() + "&month=" + month, List.of(
                api + "balance-sheet.csv?month=" + month, api + "balance-sheet.xlsx?month=" + month));
        pages.put("/lead/reports/efficiency?center=" + center.code() + "&from=" + day + "&to=" + day, List.of(
                api + "efficiency.csv?from=" + day + "&to=" + day, api + "efficiency.xlsx?from=" + day + "&to=" + day));
        pages.put("/lead/reports/comparison?center=" + center.code() + "&date=" + day + "&months=1", List.of(
                api + "comparison.csv?date=" + day + "&months=1", api + "comparison.xlsx?date=" + day + "&months=1"));
        pages.put("/lead/reports/attendance?center=" + center.code() + "&month=" + month, List.of(
                api + "attendance.csv?month=" + month, api + "attendance.xlsx?month=" + month,
                api + "attendance.csv?month=" + month + "&rewardOnly=true",
                api + "attendance.xlsx?month=" + month + "&rewardOnly=true"));
        return pages;
    }

    /** The hrefs of a page's CSV and Excel buttons, as the browser follows them. */
    private List<String> downloadLinks(String page, MockHttpSession session) throws Exception {
        String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> links = new ArrayList<>();
        Matcher m = DOWNLOAD.matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** The answer, the streamed body included. */
    private MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        return r.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(r)).andReturn().getResponse()
                : r.getResponse();
    }

    private static List<List<String>> cells(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void everyDownloadButtonSendsTheApisFileToTheSignedInPageUser() throws Exception {
        String planner = org.plannerUser(center);
        MockHttpSession session = signIn(planner);
        for (Map.Entry<String, List<String>> page : pagesAndFiles().entrySet()) {
            List<String> links = downloadLinks(page.getKey(), session);
            assertThat(links).as(page.getKey()).hasSameSizeAs(page.getValue());
            for (int i = 0; i < links.size(); i++) {
                String link = links.get(i);
                String apiFile = page.getValue().get(i);
                assertThat(link).as(page.getKey()).startsWith("/lead/reports/");
                MockHttpServletResponse file = fetch(get(link).session(session));
                MockHttpServletResponse expected = fetch(get(apiFile).with(httpBasic(planner, Org.PASSWORD)));
                assertThat(expected.getStatus()).as(apiFile).isEqualTo(200);
                assertThat(file.getStatus()).as(link).isEqualTo(200);
                assertThat(file.getContentType()).as(link).isEqualTo(expected.getContentType());
                assertThat(file.getHeader(HttpHeaders.CONTENT_DISPOSITION)).as(link)
                        .isEqualTo(expected.getHeader(HttpHeaders.CONTENT_DISPOSITION));
                if (apiFile.contains(".csv")) {
                    assertThat(file.getContentAsString(StandardCharsets.UTF_8)).as(link)
                            .isEqualTo(expected.getContentAsString(StandardCharsets.UTF_8));
                } else {
                    assertThat(cells(file.getContentAsByteArray())).as(link)
                            .isEqualTo(cells(expected.getContentAsByteArray()));
                }
                // the API itself still takes HTTP Basic only, never the page's session cookie
                assertThat(fetch(get(apiFile).session(session)).getStatus()).as(apiFile).isEqualTo(401);
            }
        }
        String balance = fetch(get(downloadLinks("/lead/reports?center=" + center.code() + "&month=" + month,
                session).get(0)).session(session)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(balance).contains("Ana Ferreira", "Cai Wen");
    }

    @Test
    void aLeadDownloadsTheirTeamsOnlyAndAnAgentIsRefused() throws Exception {
        String lead = org.leadUser(team);
        MockHttpSession session = signIn(lead);
        for (String page : pagesAndFiles().keySet()) {
            for (String link : downloadLinks(page, session)) {
                MockHttpServletResponse own = fetch(get(link).session(session));
                assertThat(own.getStatus()).as(link).isEqualTo(200);
                if (link.contains(".csv") && !link.contains("comparison")) {
                    assertThat(own.getContentAsString(StandardCharsets.UTF_8)).as(link)
                            .doesNotContain("Cai Wen", cai.employeeNo());
                }
                String otherTeams = link.replaceFirst("team=(?=&|$)", "team=" + otherTeam.code());
                assertThat(otherTeams).contains("team=" + otherTeam.code());
                assertThat(fetch(get(otherTeams).session(session)).getStatus()).as(otherTeams).isEqualTo(404);
            }
        }
        String planner = org.plannerUser(center);
        MockHttpSession plannerSession = signIn(planner);
        List<String> links = new ArrayList<>();
        for (String page : pagesAndFiles().keySet()) {
            links.addAll(downloadLinks(page, plannerSession));
        }
        MockHttpSession agent = signIn(org.agentUser(ana));
        for (String link : links) {
            assertThat(fetch(get(link).session(agent)).getStatus()).as(link).isEqualTo(403);
        }
    }
}
