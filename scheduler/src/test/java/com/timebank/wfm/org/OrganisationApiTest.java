package com.timebank.wfm.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

@IntegrationTest
class OrganisationApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    OrganisationService organisation;

    /** Next year: settings may be dated ahead, within the two years the service accepts. */
    private static final int NEXT = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder r) {
        return r.with(httpBasic("admin", "admin-test-password")).contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void adminCreatesCenterTeamAgentAndUser() throws Exception {
        String center = Org.unique("SH");
        mvc.perform(asAdmin(post("/api/centers")).content("""
                {"code":"%s","name":"Shanghai","timeZone":"Asia/Shanghai","intervalMinutes":15}""".formatted(center)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/centers/" + center))
                .andExpect(jsonPath("$.intervalMinutes").value(15))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"));
        mvc.perform(asAdmin(post("/api/centers/" + center + "/teams")).content("""
                {"code":"T1","name":"Team one"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.centerCode").value(center));
        String employeeNo = Org.unique("E");
        mvc.perform(asAdmin(post("/api/agents")).content("""
                {"employeeNo":"%s","name":"Li Na","centerCode":"%s","teamCode":"T1",
                 "weeklyMinMinutes":1200,"weeklyMaxMinutes":2400,"skills":["voice","chat"]}""".formatted(employeeNo, center)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/agents/" + employeeNo))
                .andExpect(jsonPath("$.skills[0]").value("chat")).andExpect(jsonPath("$.skills[1]").value("voice"));
        String username = Org.unique("li").toLowerCase();
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"%s","password":"first-secret-123","role":"AGENT","employeeNo":"%s","centerCodes":[],"teamCodes":[]}"""
                .formatted(username, employeeNo)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("AGENT"));
        // the admin chose the password: the user's first call must be to replace it
        mvc.perform(get("/api/me").with(httpBasic(username, "first-secret-123")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("problem.password-change-required"));
        mvc.perform(post("/api/me/password").with(httpBasic(username, "first-secret-123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"currentPassword":"first-secret-123","newPassword":"own-secret-4567"}"""))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic(username, "own-secret-4567")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.role").value("AGENT"))
                .andExpect(jsonPath("$.employeeNo").value(employeeNo));
        mvc.perform(asAdmin(get("/api/agents?center=" + center)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].employeeNo").value(employeeNo));
    }

    @Test
    void duplicateCodesAreConflictsAndWriteNothing() throws Exception {
        Center c = org.center();
        mvc.perform(asAdmin(post("/api/centers")).content("""
                {"code":"%s","name":"Again","timeZone":"Europe/Berlin","intervalMinutes":30}""".formatted(c.code())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(c.code())));
        assertThat(organisation.findCenter(c.code()).orElseThrow().name()).isEqualTo("Center");
        Team t = org.team(c);
        mvc.perform(asAdmin(post("/api/centers/" + c.code() + "/teams")).content("""
                {"code":"%s","name":"Again"}""".formatted(t.code())))
                .andExpect(status().isConflict());
        var a = org.agent(t);
        mvc.perform(asAdmin(post("/api/agents")).content("""
                {"employeeNo":"%s","name":"Dup","centerCode":"%s","teamCode":"%s","weeklyMinMinutes":0,"weeklyMaxMinutes":60}"""
                .formatted(a.employeeNo(), c.code(), t.code())))
                .andExpect(status().isConflict());
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"admin","password":"whatever-it-takes-123","role":"ADMIN"}"""))
                .andExpect(status().isConflict());
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAre400WithTheField() throws Exception {
        String code = Org.unique("BAD");
        mvc.perform(asAdmin(post("/api/centers")).content("{\"code\":\"" + code + "\",\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Malformed JSON")));
        mvc.perform(asAdmin(post("/api/centers")).content("""
                {"code":"%s","name":"x","timeZone":"Asia/Shanghai","intervalMinutes":30,"colour":"red"}""".formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        mvc.perform(asAdmin(post("/api/centers")).content("""
                {"code":"%s","name":"x","timeZone":"Asia/Shanghai","intervalMinutes":"thirty"}""".formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("intervalMinutes"));
        mvc.perform(asAdmin(post("/api/centers")).content("""
                {"code":"%s","name":"x","timeZone":"Mars/Olympus","intervalMinutes":20}""".formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("timeZone")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("intervalMinutes")));
        mvc.perform(asAdmin(post("/api/centers")).content("""
                {"code":"has space","name":"","intervalMinutes":30}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("timeZone")));
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"%s","password":"short","role":"KING"}""".formatted(code.toLowerCase())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(asAdmin(post("/api/users")).content("""
                {"username":"%s","password":"short","role":"TEAM_LEAD","teamCodes":["NOPE"]}""".formatted(code.toLowerCase())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("teamCodes")));
        assertThat(organisation.findCenter(code)).isEmpty();
    }

    @Test
    void aFieldGivenTwiceIs400NamingItAndNothingIsCreated() throws Exception {
        String code = Org.unique("DUP");
        mvc.perform(asAdmin(post("/api/centers")).content("""
                {"code":"%s","name":"x","timeZone":"Asia/Shanghai","intervalMinutes":30,"name":"y"}""".formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("problem.json.duplicate-field"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.detail").value("Field 'name' is given more than once"));
        assertThat(organisation.findCenter(code)).isEmpty();
        Center c = org.center();
        mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings")).header("Accept-Language", "zh-CN")
                        .content("""
                                {"busyDays":{"firstDays":2,"lastDays":1,"firstDays":3}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("busyDays.firstDays"))
                .andExpect(jsonPath("$.detail").value("字段“busyDays.firstDays”出现了不止一次"));
        mvc.perform(asAdmin(post("/api/activity")).content("""
                [{"employeeNo":"E1","date":"2024-01-02","loggedSeconds":60,"auxSeconds":0,"auxSeconds":5}]"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[0].auxSeconds"));
    }

    @Test
    void agentWithUnknownTeamOrBadContractIsRefusedWhole() throws Exception {
        Center c = org.center();
        String employeeNo = Org.unique("E");
        mvc.perform(asAdmin(post("/api/agents")).content("""
                {"employeeNo":"%s","name":"A","centerCode":"%s","teamCode":"GHOST","weeklyMinMinutes":3000,"weeklyMaxMinutes":60}"""
                .formatted(employeeNo, c.code())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("teamCode")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("weeklyMinMinutes")));
        assertThat(organisation.findAgent(employeeNo)).isEmpty();
    }

    @Test
    void settingsAreEffectiveDatedAndValidated() throws Exception {
        Center c = org.center();
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auxTarget").value("0.037"))
                .andExpect(jsonPath("$.overtimeRates.3").value("0.6"))
                .andExpect(jsonPath("$.busyDays.firstDays").value(4))
                .andExpect(jsonPath("$.serviceLevelTarget").value("0.9"));
        mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings")).content("""
                {"effectiveFrom":"%1$d-01-01","auxTarget":"0.04","overtimeRates":{"1":"0.35"},"busyDays":{"lastDays":3},
                 "specialBusyDates":["%1$d-01-15"]}""".formatted(NEXT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auxTarget").value("0.04"))
                .andExpect(jsonPath("$.overtimeRates.1").value("0.35"))
                .andExpect(jsonPath("$.overtimeRates.2").value("0.45"))
                .andExpect(jsonPath("$.busyDays.firstDays").value(4))
                .andExpect(jsonPath("$.busyDays.lastDays").value(3))
                .andExpect(jsonPath("$.specialBusyDates[0]").value(NEXT + "-01-15"));
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings?date=" + (NEXT - 1) + "-12-31")))
                .andExpect(jsonPath("$.auxTarget").value("0.037"));
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings?date=" + NEXT + "-02-01")))
                .andExpect(jsonPath("$.auxTarget").value("0.04"));
        mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings")).content("""
                {"effectiveFrom":"2020-01-01","auxTarget":"0.05"}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("retroactively")));
        mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings")).content("""
                {"overtimeRates":{"2":"0.9","7":"0.4"},"shrinkage":"1.5","monthCloseDay":31}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("overtimeRates.2")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("overtimeRates")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("shrinkage")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("monthCloseDay")));
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings/history")))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void anEmptySpecialBusyDateIsAFieldErrorAndChangesNothing() throws Exception {
        Center c = org.center();
        mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings")).content("""
                {"effectiveFrom":"%1$d-01-01","idleDayQuota":7,"specialBusyDates":["%1$d-01-15",null]}"""
                        .formatted(NEXT)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("specialBusyDates"))
                .andExpect(jsonPath("$.errors[0].code").value("validation.NotNull"));
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings/history")))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aRateWithMoreDecimalsThanTheSettingsKeepIsRefusedNotRoundedOutOfItsRange() throws Exception {
        Center c = org.center();
        // six decimals are kept: 0.9999999 would be stored as 1 (no service level), 0.0000001 as 0 (no aux target)
        mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings")).content("""
                {"effectiveFrom":"%d-01-01","serviceLevelTarget":"0.9999999","auxTarget":"0.0000001",
                 "overtimeRates":{"1":"0.4000001"},"shrinkage":"0.300000"}""".formatted(NEXT)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("serviceLevelTarget")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("auxTarget")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("overtimeRates.1")))
                .andExpect(jsonPath("$.errors[0].code").value("number.decimals"));
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings/history")))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void theStandardPaidDayIsAnAdminsEffectiveDatedSettingOf1To12Hours() throws Exception {
        Center c = org.center();
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.standardDayMinutes").value(480));
        for (int minutes : new int[] {59, 721}) {
            mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings"))
                            .content("{\"effectiveFrom\":\"" + NEXT + "-01-01\",\"standardDayMinutes\":" + minutes + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field").value(hasItem("standardDayMinutes")));
        }
        String change = "{\"effectiveFrom\":\"" + NEXT + "-01-01\",\"standardDayMinutes\":450}";
        mvc.perform(put("/api/centers/" + c.code() + "/settings").with(httpBasic(org.plannerUser(c), Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("standardDayMinutes")));
        mvc.perform(asAdmin(put("/api/centers/" + c.code() + "/settings")).content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standardDayMinutes").value(450))
                .andExpect(jsonPath("$.auxTarget").value("0.037"));
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings?date=" + (NEXT - 1) + "-12-31")))
                .andExpect(jsonPath("$.standardDayMinutes").value(480));
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings?date=" + NEXT + "-01-01")))
                .andExpect(jsonPath("$.standardDayMinutes").value(450));
    }

    @Test
    void onlyAdminsChangeTheOrganisation() throws Exception {
        Center c = org.center();
        String planner = org.plannerUser(c);
        mvc.perform(post("/api/centers/" + c.code() + "/teams").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"X\",\"name\":\"X\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/centers/" + c.code() + "/settings").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"auxTarget\":\"0.05\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void plannersKeepQuotasAndTheBusyDayCalendarButNotTheTimeBankRates() throws Exception {
        Center c = org.center();
        String planner = org.plannerUser(c);
        String otherPlanner = org.plannerUser(org.center());
        String lead = org.leadUser(org.team(c));
        String change = """
                {"effectiveFrom":"%1$d-03-01","idleDayQuota":5,"busyDays":{"firstDays":3,"lastDays":1},
                 "specialBusyDates":["%1$d-03-18"],"quotaMode":"DERIVED","minNoticeDays":2}""".formatted(NEXT);
        mvc.perform(put("/api/centers/" + c.code() + "/settings").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idleDayQuota").value(5))
                .andExpect(jsonPath("$.busyDays.firstDays").value(3))
                .andExpect(jsonPath("$.quotaMode").value("DERIVED"))
                .andExpect(jsonPath("$.specialBusyDates[0]").value(NEXT + "-03-18"));
        mvc.perform(put("/api/centers/" + c.code() + "/settings").with(httpBasic(planner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveFrom\":\"" + NEXT + "-04-01\",\"idleDayQuota\":4,\"overtimeRates\":{\"1\":\"0.35\"}}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("overtimeRates")));
        mvc.perform(put("/api/centers/" + c.code() + "/settings").with(httpBasic(otherPlanner, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/centers/" + c.code() + "/settings").with(httpBasic(lead, Org.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(get("/api/centers/" + c.code() + "/settings?date=" + NEXT + "-04-02")))
                .andExpect(jsonPath("$.idleDayQuota").value(5))
                .andExpect(jsonPath("$.overtimeRates.1").value("0.3"));
    }
}
