package com.timebank.wfm.web.admin;

import static com.timebank.wfm.db.Tables.AUDIT_EVENT;
import static com.timebank.wfm.support.SignIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** Centers and teams are renamed (codes stay); every change is on the audit page with the old and new value. */
@IntegrationTest
class RenameAndAuditPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    OrganisationService organisation;
    @Autowired
    DSLContext db;

    @Test
    void anAdminRenamesACenterAndATeamThroughTheApiAndOthersMayNot() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        mvc.perform(patch("/api/centers/" + center.code()).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"  Shanghai North  \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Shanghai North"))
                .andExpect(jsonPath("$.code").value(center.code()));
        mvc.perform(patch("/api/centers/" + center.code() + "/teams/" + team.code()).with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Night shift\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Night shift"));
        mvc.perform(patch("/api/centers/" + center.code()).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(patch("/api/centers/" + center.code()).with(as(org.plannerUser(center)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Mine\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(patch("/api/centers/" + center.code() + "/teams/NO-SUCH").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isNotFound());
        assertThat(organisation.findCenter(center.code()).orElseThrow().name()).isEqualTo("Shanghai North");
    }

    @Test
    void aRenameOnThePageIsAuditedWithWhoAndTheOldAndNewName() throws Exception {
        Center center = org.center();
        mvc.perform(post("/admin/centers/" + center.code() + "/name").param("name", "Renamed Center")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/centers/" + center.code()).with(as("admin")))
                .andExpect(content().string(containsString("Renamed Center")));
        // the action by its name with its code (admins search by it), the detail in the reader's language
        mvc.perform(get("/admin/audit").param("q", "center:" + center.code()).header("Accept-Language", "en")
                        .with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Center renamed"), containsString("CENTER_RENAMED"),
                        containsString("Center created"), containsString("CENTER_CREATED"),
                        containsString("Name: " + center.name() + " → Renamed Center"), containsString("admin"))));
        mvc.perform(get("/admin/audit").param("q", "center:" + center.code()).header("Accept-Language", "zh-CN")
                        .with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("中心改名"), containsString("CENTER_RENAMED"),
                        containsString("名称：" + center.name() + " → Renamed Center"),
                        not(containsString("Center renamed")), not(containsString("Name: ")))));
        // found by the action's name in the reader's language as well as by its code
        mvc.perform(get("/admin/audit").param("q", "中心改名").header("Accept-Language", "zh-CN").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("名称：" + center.name() + " → Renamed Center"),
                        not(containsString("CENTER_CREATED")))));
        mvc.perform(get("/admin/audit").param("q", "no-such-thing-" + center.code()).with(as("admin")))
                .andExpect(content().string(allOf(containsString("No change recorded matches."),
                        not(containsString("CENTER_RENAMED")))));
        mvc.perform(get("/admin/audit").with(as(org.plannerUser(center)))).andExpect(status().isForbidden());
    }

    /** Events recorded before details were kept as messages have only their English text: it shows as it is. */
    @Test
    void anEventRecordedBeforeShowsItsStoredText() throws Exception {
        String subject = "center:" + Org.unique("OLD");
        db.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.AT, LocalDateTime.of(2026, 1, 5, 9, 0))
                .set(AUDIT_EVENT.ACTOR, "user:admin").set(AUDIT_EVENT.ACTION, "CENTER_RENAMED")
                .set(AUDIT_EVENT.SUBJECT, subject).set(AUDIT_EVENT.DETAIL, "name: Old → New").execute();
        mvc.perform(get("/admin/audit").param("q", subject).header("Accept-Language", "zh-CN").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("中心改名"), containsString("name: Old → New"))));
    }

    @Test
    void theCentersListIsPaged() throws Exception {
        while (organisation.allCenters().size() <= OrganisationPages.CENTER_PAGE_SIZE) {
            org.center();
        }
        String first = mvc.perform(get("/admin/centers").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"centers-pager\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(first.split("data-center=", -1).length - 1).isEqualTo(OrganisationPages.CENTER_PAGE_SIZE);
        mvc.perform(get("/admin/centers").param("page", "1").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of")));
    }
}
