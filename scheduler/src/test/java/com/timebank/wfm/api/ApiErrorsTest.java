package com.timebank.wfm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.support.TestClockConfig;

/**
 * Every error under {@code /api/} is problem+json with a code, also those that no controller answers (unknown path,
 * wrong method or media type) and those Tomcat answers itself (a bad {@code %} escape); pages keep their HTML error
 * page. Real HTTP on a random port (the browser tests' context), raw sockets where a client would fix the URL.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfig.class, Org.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;
    @Autowired
    Org org;

    private final HttpClient http = HttpClient.newHttpClient();
    private String planner;

    @BeforeAll
    void users() {
        planner = org.plannerUser(org.center());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((planner + ":" + Org.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        assertThat((Integer) JsonPath.read(r.body(), "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(r.body(), "$.code")).isEqualTo(code);
        assertThat((String) JsonPath.read(r.body(), "$.detail")).isNotBlank();
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        assertProblem(send(request("/api/no-such-thing")), 404, "problem.no-such-path");
    }

    @Test
    void aWrongMethodIsA405ProblemThatSaysWhatIsAllowed() throws Exception {
        HttpResponse<String> r = send(request("/api/me").DELETE());
        assertProblem(r, 405, "problem.method-not-allowed");
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));
    }

    @Test
    void aWrongContentTypeIsA415Problem() throws Exception {
        HttpResponse<String> r = send(request("/api/time-bonuses").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<bonus/>")));
        assertProblem(r, 415, "problem.unsupported-media-type");
    }

    @Test
    void anUnacceptableAcceptIsA406Problem() throws Exception {
        HttpResponse<String> r = send(request("/api/me").header("Accept", "text/csv"));
        assertProblem(r, 406, "problem.not-acceptable");
    }

    @Test
    void aMissingOrMalformedParameterNamesIt() throws Exception {
        HttpResponse<String> missing = send(request("/api/emergencies"));
        assertProblem(missing, 400, "problem.parameter.missing");
        assertThat((String) JsonPath.read(missing.body(), "$.errors[0].field")).isEqualTo("center");
        HttpResponse<String> bad = send(request("/api/jobs/runs?page=x"));
        assertProblem(bad, 400, "problem.parameter.invalid");
        assertThat((String) JsonPath.read(bad.body(), "$.errors[0].field")).isEqualTo("page");
    }

    @Test
    void detailIsInTheLanguageTheClientAsksFor() throws Exception {
        HttpResponse<String> r = send(request("/api/no-such-thing").header("Accept-Language", "zh-CN,zh;q=0.9"));
        assertProblem(r, 404, "problem.no-such-path");
        assertThat((String) JsonPath.read(r.body(), "$.detail")).isEqualTo("API 中没有这个路径");
    }

    @Test
    void tomcatsOwnBadRequestIsAProblemUnderApiAndAPageElsewhere() throws Exception {
        String api = raw("GET /api/me%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(api).startsWith("HTTP/1.1 400");
        assertThat(api).containsIgnoringCase("Content-Type: " + PROBLEM);
        assertThat(api).contains("\"code\":\"problem.status.400\"");
        String page = raw("GET /planner%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 400");
        assertThat(page).containsIgnoringCase("Content-Type: text/html");
        assertThat(page).doesNotContain("Apache Tomcat/");
    }

    @Test
    void unauthenticatedIsAProblemWithACode() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 401, "problem.unauthenticated");
    }

    @Test
    void pagesKeepTheirHtmlErrorPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(login);
        assertThat(csrf.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + planner + "&password=" + Org.PASSWORD
                        + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/planner/no-such-page")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("data-testid=\"error-page\"");
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemBeforeAnythingIsRead() throws Exception {
        String answer = raw("POST /api/activity HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString((planner + ":" + Org.PASSWORD).getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: text/csv\r\nContent-Length: 400000000\r\nConnection: close\r\n\r\nemployee_no");
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("Content-Type: " + PROBLEM);
        assertThat(answer).contains("\"code\":\"problem.too-large\"");
    }

    @Test
    void aLargeWhollyBadUploadGetsASmallAnswerWithTheFirstThousandLinesAndACount() throws Exception {
        int lines = 600_000;
        StringBuilder csv = new StringBuilder(lines * 20).append("employee_no,date,logged_seconds,aux_seconds\n");
        for (int i = 0; i < lines; i++) {
            csv.append("E").append(i).append(",someday,1,0\n");
        }
        HttpResponse<String> r = send(request("/api/activity").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().length()).as("answer size").isLessThan(400_000);
        assertThat((Integer) JsonPath.read(r.body(), "$.errorCount")).isEqualTo(lines);
        assertThat((java.util.List<?>) JsonPath.read(r.body(), "$.errors")).hasSize(UploadErrors.MAX_LISTED);
        assertThat((Integer) JsonPath.read(r.body(), "$.errors[0].line")).isEqualTo(2);
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the answer's head and its body by Content-Length: a refused upload's connection is not read to its end
            InputStream in = s.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(headers);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
            return headers + new String(body, StandardCharsets.UTF_8);
        }
    }
}
