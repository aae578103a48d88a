package com.timebank.wfm.api;

import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.timebank.EmergencyService;
import com.timebank.wfm.timebank.BalanceMoveService;
import com.timebank.wfm.timebank.TimeBonusService;
import com.timebank.wfm.users.UserService;

/**
 * Inputs at the edge of what the service accepts are answered, never a 500: the longest reasons, client keys and
 * usernames are stored whole; what lies beyond a bound (a page past a million rows, a list too long, a URL longer
 * than a key's record can hold) is refused at the door with the field that is wrong.
 */
@IntegrationTest
class InputLimitsApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN_PASSWORD = "admin-test-password";
    /** Visible ASCII, as an {@code Idempotency-Key} may be, as long as it may be (one per request). */
    private static final String LONGEST_BONUS_KEY = "b".repeat(250) + "-0123";
    private static final String LONGEST_PAYOUT_KEY = "p".repeat(250) + "-0123";

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    UserService users;
    @Autowired
    LedgerService ledger;
    @Autowired
    TimeBonusService bonuses;
    @Autowired
    BalanceMoveService moves;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;

    Center center;
    Team team;
    Agent agent;
    String planner;

    @BeforeEach
    void organisation() throws Exception {
        center = org.center();
        team = org.team(center);
        agent = org.agent(team);
        planner = org.plannerUser(center);
        // shifts this month, so that time bonuses have a budget (1% of 80 h = 48 min)
        LocalDate first = center.today(clock).withDayOfMonth(1);
        StringBuilder csv = new StringBuilder("employee_no,date,start,end,break_minutes\n");
        for (int i = 0; i < 10; i++) {
            csv.append(agent.employeeNo()).append(',').append(first.plusDays(i)).append(",08:00,17:00,60\n");
        }
        mvc.perform(post("/api/centers/" + center.code() + "/shifts").with(httpBasic(planner, Org.PASSWORD))
                .contentType("text/csv").content(csv.toString())).andExpect(status().isOk());
    }

    /** A user whose name is as long as a username may be (64 characters). */
    private String longestUser(Role role, List<String> centers) {
        String username = (Org.unique("u").toLowerCase() + "x".repeat(64)).substring(0, 64);
        users.createUser(new UserService.NewUser(username, Org.PASSWORD, role, null, centers, List.of()), "test");
        return username;
    }

    private static MockHttpServletRequestBuilder json(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, Org.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder r) {
        return r.with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder withKey(String key, MockHttpServletRequestBuilder r) {
        return r.header("Idempotency-Key", key);
    }

    private static void refused(ResultActions r, int status, String field) throws Exception {
        r.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    private List<LedgerEntry> entries(Agent a, EntryKind kind) {
        return ledger.statement(a.id(), null, null, 0, 100).entries().stream().filter(e -> e.kind() == kind).toList();
    }

    private void disable(Agent a) throws Exception {
        mvc.perform(admin(post("/api/agents/" + a.employeeNo() + "/disable")))
                .andExpect(status().isOk());
    }

    @Test
    void theLongestReasonsAreKeptWholeInTheLedgerReference() throws Exception {
        String reason = "r".repeat(TimeBonusService.MAX_REASON);
        String granted = mvc.perform(json(planner, post("/api/time-bonuses")).content("""
                        {"employeeNo":"%s","seconds":600,"reason":"%s"}""".formatted(agent.employeeNo(), reason)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value("time bonus: " + reason))
                .andReturn().getResponse().getContentAsString();
        long bonusId = ((Number) JsonPath.read(granted, "$.id")).longValue();

        String correction = "c".repeat(500);
        mvc.perform(json(planner, post("/api/ledger-entries/" + bonusId + "/reversal")).content("""
                        {"reason":"%s"}""".formatted(correction)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value("corrects entry " + bonusId + ": " + correction));

        // a transfer's reference names both agents before the reason of 200 characters
        Agent leaving = org.agent(team);
        Agent staying = org.agent(team);
        bonuses.grant(leaving.employeeNo(), 300L, "before leaving", org.admin());
        disable(leaving);
        String why = "t".repeat(200);
        mvc.perform(withKey("transfer-" + leaving.employeeNo(), admin(post("/api/agents/" + leaving.employeeNo()
                        + "/timebank/transfer")))
                        .content("""
                                {"toEmployeeNo":"%s","reason":"%s"}""".formatted(staying.employeeNo(), why)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.out.reference").value(
                        "transferred " + leaving.employeeNo() + " → " + staying.employeeNo() + ": " + why));
        assertThat(ledger.account(staying.id()).balanceSeconds()).isEqualTo(300);
    }

    @Test
    void theLongestClientKeyOfTheLongestUsernamePostsOnce() throws Exception {
        String admin = longestUser(Role.ADMIN, List.of());
        String body = """
                {"employeeNo":"%s","seconds":600,"reason":"quality contest"}""".formatted(agent.employeeNo());
        MockHttpServletRequestBuilder grant = withKey(LONGEST_BONUS_KEY, json(admin, post("/api/time-bonuses")));
        MockHttpServletResponse first = mvc.perform(grant.content(body)).andReturn().getResponse();
        MockHttpServletResponse retry = mvc.perform(grant.content(body)).andReturn().getResponse();
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        // the ledger keeps the key too: a retry after the stored answer is gone grants nothing more
        LedgerEntry again = bonuses.grant(agent.employeeNo(), 600L, "quality contest", LONGEST_BONUS_KEY,
                org.as(admin));
        assertThat(again.id()).isEqualTo(((Number) JsonPath.read(first.getContentAsString(), "$.id")).longValue());
        assertThat(entries(agent, EntryKind.TIME_BONUS)).hasSize(1);

        disable(agent);
        String payout = """
                {"reason":"left the company"}""";
        for (int i = 0; i < 2; i++) {
            String path = "/api/agents/" + agent.employeeNo() + "/timebank/payout";
            mvc.perform(withKey(LONGEST_PAYOUT_KEY, json(admin, post(path))).content(payout))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.out.seconds").value(-600));
        }
        BalanceMoveService.Moved repeated = moves.payOut(agent.employeeNo(), "left the company", LONGEST_PAYOUT_KEY,
                org.as(admin));
        assertThat(repeated.entries().duplicate()).isTrue();
        assertThat(entries(agent, EntryKind.PAYOUT)).hasSize(1);
        assertThat(ledger.account(agent.id()).balanceSeconds()).isZero();
    }

    @Test
    void aUserWithTheLongestNameMakesAuditedChanges() throws Exception {
        String admin = longestUser(Role.ADMIN, List.of());
        String code = Org.unique("C");
        mvc.perform(json(admin, post("/api/centers")).content("""
                        {"code":"%s","name":"Long names","timeZone":"Asia/Shanghai","intervalMinutes":30}"""
                        .formatted(code)))
                .andExpect(status().isCreated());
        mvc.perform(json(admin, put("/api/centers/" + code + "/settings")).content("""
                        {"auxTarget":"0.04"}"""))
                .andExpect(status().isOk());
        String longPlanner = longestUser(Role.PLANNER, List.of(code));
        LocalDate day = center.today(clock).minusDays(3);
        mvc.perform(json(longPlanner, put("/api/centers/" + code + "/calendar")).content("""
                        {"holidays":[{"date":"%s","name":"a holiday"}]}""".formatted(day)))
                .andExpect(status().isOk());
        mvc.perform(json(longPlanner, post("/api/centers/" + code + "/history")).content("""
                        [{"intervalStart":"%sT09:00","contacts":12,"ahtSeconds":180}]""".formatted(day)))
                .andExpect(status().isOk());
        assertThat(audit.recent(code, 0, 10)).extracting(AuditLog.Event::actor)
                .contains("user:" + admin, "user:" + longPlanner);
    }

    @Test
    void aPageBeyondAMillionRowsIsRefusedNamingPage() throws Exception {
        for (String path : List.of("/api/agents?page=3000000&size=1000", "/api/jobs/runs?page=3000000&size=1000",
                "/api/users?page=3000000&size=1000")) {
            refused(mvc.perform(get(path).with(httpBasic("admin", ADMIN_PASSWORD))), 422, "page");
        }
        mvc.perform(get("/api/agents?page=-1").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].code").value("number.at-least"));
        mvc.perform(get("/api/agents?size=1001").header("Accept-Language", "zh-CN")
                        .with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("size 必须在 1 到 1,000 之间"));
    }

    @Test
    void pagesPastTheEndAreEmptyAndBeyondAMillionRowsAreRefused() throws Exception {
        String agentUser = org.agentUser(agent);
        for (String path : List.of("/admin/centers", "/admin/agents", "/admin/audit", "/admin/users")) {
            mvc.perform(get(path).param("page", "50000000").header("Accept-Language", "en").with(as("admin")))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(containsString("page 50,000,000")));
        }
        mvc.perform(get("/admin/centers").param("page", "19999").with(as("admin"))).andExpect(status().isOk());
        String statement = "/agents/" + agent.employeeNo() + "/statement";
        mvc.perform(get(statement).param("page", "100").with(as(agentUser))).andExpect(status().isOk());
        mvc.perform(get(statement).param("page", "50000000").header("Accept-Language", "zh-CN").with(as(agentUser)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("第 50,000,000 页")));
    }

    @Test
    void moreLeaveItemsThanAChoiceMayNameAreRefusedWithoutLookingThemUp() throws Exception {
        String ids = LongStream.rangeClosed(1, LeaveService.MAX_OFFSETS + 1).mapToObj(Long::toString).collect(Collectors.joining(","));
        String month = center.today(clock).toString().substring(0, 7);
        refused(mvc.perform(json(planner, post("/api/agents/" + agent.employeeNo() + "/leave-offsets")).content("""
                        {"month":"%s","leaveIds":[%s]}""".formatted(month, ids)))
                        .andExpect(jsonPath("$.code").value("leave.offsets.too-many"))
                        .andExpect(jsonPath("$.errors.length()").value(1)),
                400, "leaveIds");
        refused(mvc.perform(json(planner, post("/api/agents/" + agent.employeeNo() + "/leave-offsets")).content("""
                        {"month":"%s","leaveIds":[null]}""".formatted(month)))
                        .andExpect(jsonPath("$.code").value("leave.leave-number-not-leave")),
                400, "leaveIds");
    }

    @Test
    void shiftsAreReadOverABoundedRangeInOrder() throws Exception {
        LocalDate today = center.today(clock);
        String shifts = "/api/centers/" + center.code() + "/shifts";
        LocalDate first = today.withDayOfMonth(1);
        mvc.perform(get(shifts).param("from", first.toString()).param("to", first.plusDays(92).toString())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(10));
        refused(mvc.perform(get(shifts).param("from", today.toString()).param("to", today.minusDays(1).toString())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.code").value("shift.not-before-from")), 400, "to");
        refused(mvc.perform(get(shifts).param("from", "2001-01-01").param("to", today.toString())
                        .with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.code").value("shift.most-days")), 400, "to");
    }

    @Test
    void aMissingParticipantIsAFieldError() throws Exception {
        String created = mvc.perform(json(planner, post("/api/emergencies")).content("""
                        {"centerCode":"%s","level":1,"date":"%s","reason":"outage"}"""
                        .formatted(center.code(), center.today(clock))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        refused(mvc.perform(json(planner, post("/api/emergencies/" + id + "/participants")).content("""
                        [null, {"employeeNo":"%s","workedSeconds":600}]""".formatted(agent.employeeNo())))
                .andExpect(jsonPath("$.errors.length()").value(1)), 400, "[0]");
        assertThat(entries(agent, EntryKind.EMERGENCY_OVERTIME)).isEmpty();
        String tooMany = java.util.stream.IntStream.rangeClosed(0, EmergencyService.MAX_PARTICIPANTS)
                .mapToObj(i -> "{\"employeeNo\":\"%s\",\"workedSeconds\":600}".formatted(agent.employeeNo()))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        refused(mvc.perform(json(planner, post("/api/emergencies/" + id + "/participants")).content(tooMany))
                .andExpect(jsonPath("$.errors.length()").value(1)), 400, "participants");
        assertThat(entries(agent, EntryKind.EMERGENCY_OVERTIME)).isEmpty();
    }

    @Test
    void aUrlTooLongForItsKeyIsRefusedBeforeTheKeyIsKept() throws Exception {
        String body = """
                {"employeeNo":"%s","seconds":60,"reason":"long URL"}""".formatted(agent.employeeNo());
        mvc.perform(withKey("long-url", json(planner, post("/api/time-bonuses?note=" + "n".repeat(1000))))
                        .content(body))
                .andExpect(status().isUriTooLong())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("idempotency.key.path-too-long"));
        assertThat(entries(agent, EntryKind.TIME_BONUS)).isEmpty();
        // nothing was kept for the key: the same key on the short URL runs as a first request
        mvc.perform(withKey("long-url", json(planner, post("/api/time-bonuses"))).content(body))
                .andExpect(status().isCreated());
    }
}
