package com.timebank.wfm.jobs;

import static com.timebank.wfm.db.Tables.AGENT_ACTIVITY;
import static com.timebank.wfm.db.Tables.JOB_RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.timebank.wfm.database.Ids;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/** Nightly jobs: one bad center or date never stalls the others, and runs of dead instances are marked. */
@IntegrationTest
class JobIsolationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Org org;
    @Autowired
    Clock clock;
    @Autowired
    NightlyJobs jobs;
    @Autowired
    JobRunService runs;
    @Autowired
    JobRunRepository repository;
    @Autowired
    Transactions transactions;
    @Autowired
    DSLContext db;

    @Test
    void aDateThatCannotBeSettledIsRecordedAndTheOtherDatesAndCentersAreStillSettled() throws Exception {
        Center first = org.center();
        Center second = org.center();
        Agent a = org.agent(org.team(first));
        Agent b = org.agent(org.team(second));
        String planner = org.plannerUser(first, second);
        LocalDate yesterday = first.today(clock).minusDays(1);
        for (Agent agent : List.of(a, b)) {
            mvc.perform(post("/api/activity").with(httpBasic(planner, Org.PASSWORD)).contentType("text/csv")
                    .content("employee_no,date,logged_seconds,aux_seconds\n" + agent.employeeNo() + "," + yesterday
                            + ",28800,600\n"))
                    .andExpect(status().isOk());
        }
        // a row the API refuses (the center has no settings then), as an older version or a script could leave it
        LocalDate bad = LocalDate.of(1999, 12, 31);
        db.insertInto(AGENT_ACTIVITY)
                .set(AGENT_ACTIVITY.AGENT_ID, a.id()).set(AGENT_ACTIVITY.BUSINESS_DATE, bad)
                .set(AGENT_ACTIVITY.CENTER_ID, first.id()).set(AGENT_ACTIVITY.LOGGED_SECONDS, 28_800)
                .set(AGENT_ACTIVITY.AUX_SECONDS, 600).set(AGENT_ACTIVITY.REVISION, 1)
                .set(AGENT_ACTIVITY.IMPORTED_AT, LocalDateTime.now(clock)).set(AGENT_ACTIVITY.IMPORTED_BY, "test")
                .execute();

        jobs.settleAllCenters("test");

        mvc.perform(get("/api/agents/" + a.employeeNo() + "/timebank").with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.balanceSeconds").value(466));
        mvc.perform(get("/api/agents/" + b.employeeNo() + "/timebank").with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.balanceSeconds").value(466));
        mvc.perform(get("/api/jobs/runs?center=" + first.code()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].processed").value(1))
                .andExpect(jsonPath("$[0].posted").value(1))
                .andExpect(jsonPath("$[0].error").value(containsString("1999-12-31: IllegalStateException")));
        mvc.perform(get("/api/jobs/runs?center=" + second.code()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].status").value("SUCCEEDED"))
                .andExpect(jsonPath("$[0].posted").value(1));
    }

    @Test
    void aRunThatStoppedBeatingIsMarkedAbandonedWhenTheNextRunStarts() throws Exception {
        Center center = org.center();
        String planner = org.plannerUser(center);
        long dead = runningRow(center, 600);
        long alive = runningRow(center, 0);

        runs.run(NightlyJobs.TIME_OFF_POSTING, center.id(), "test", null, () -> new JobRunService.Outcome(List.of(), 0, 0));

        assertThat(repository.find(dead).orElseThrow().status()).isEqualTo(JobRun.Status.ABANDONED);
        assertThat(repository.find(dead).orElseThrow().finishedAt()).isNotNull();
        assertThat(repository.find(alive).orElseThrow().status()).isEqualTo(JobRun.Status.RUNNING);
        mvc.perform(get("/api/jobs/runs?job=aux-settlement&center=" + center.code()).with(httpBasic(planner, Org.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].status").value("ABANDONED"));
        repository.finish(alive, JobRun.Status.SUCCEEDED, null, 0, 0, null, null, LocalDateTime.now(clock));
    }

    @Test
    void aRunBeatsWhileItWorks() {
        Center center = org.center();
        JobRunService beating = new JobRunService(repository, transactions, clock, Duration.ofMillis(200), Duration.ofSeconds(1));
        try {
            LocalDateTime[] beats = new LocalDateTime[2];
            JobRun run = beating.run(NightlyJobs.AUX_SETTLEMENT, center.id(), "test", null, () -> {
                beats[0] = heartbeat(center);
                sleep(1_000);
                beats[1] = heartbeat(center);
                return new JobRunService.Outcome(List.of(), 0, 0);
            });
            assertThat(beats[0]).isNotNull();
            assertThat(beats[1]).isAfter(beats[0]);
            assertThat(run.status()).as("a run that beats is never abandoned").isEqualTo(JobRun.Status.SUCCEEDED);
        } finally {
            beating.stopBeating();
        }
    }

    @Test
    void aRunRecordsWhatItHasCommittedWhileItWorks() {
        Center center = org.center();
        JobRunService beating = new JobRunService(repository, transactions, clock, Duration.ofMillis(200), Duration.ofSeconds(1));
        try {
            int[] seen = new int[1];
            JobRun run = beating.run(NightlyJobs.AUX_SETTLEMENT, center.id(), "test", null, progress -> {
                progress.committed(40);
                progress.committed(2);
                sleep(1_000);
                // what a planner sees meanwhile, and what stays if the instance dies now (the run is then ABANDONED)
                seen[0] = db.select(JOB_RUN.PROCESSED).from(JOB_RUN).where(JOB_RUN.CENTER_ID.eq(center.id()))
                        .orderBy(JOB_RUN.ID.desc()).limit(1).fetchOne(JOB_RUN.PROCESSED);
                return new JobRunService.Outcome(List.of(), 43, 7);
            });
            assertThat(seen[0]).isEqualTo(42);
            assertThat(run.processed()).isEqualTo(43);
            assertThat(run.posted()).isEqualTo(7);
        } finally {
            beating.stopBeating();
        }
    }

    private long runningRow(Center center, int secondsSinceBeat) {
        return transactions.write(() -> {
            db.insertInto(JOB_RUN)
                    .set(JOB_RUN.JOB, NightlyJobs.AUX_SETTLEMENT).set(JOB_RUN.CENTER_ID, center.id())
                    .set(JOB_RUN.TRIGGER_BY, "schedule").set(JOB_RUN.INSTANCE_ID, "dead-or-alive")
                    .set(JOB_RUN.STARTED_AT, LocalDateTime.now(clock)).set(JOB_RUN.STATUS, "RUNNING")
                    .set(JOB_RUN.PROCESSED, 0).set(JOB_RUN.POSTED, 0)
                    .set(JOB_RUN.HEARTBEAT_AT, DSL.field("UTC_TIMESTAMP(3) - INTERVAL {0} SECOND", LocalDateTime.class,
                            DSL.inline(secondsSinceBeat)))
                    .execute();
            return Ids.lastInserted(db);
        });
    }

    private LocalDateTime heartbeat(Center center) {
        return db.select(JOB_RUN.HEARTBEAT_AT).from(JOB_RUN).where(JOB_RUN.CENTER_ID.eq(center.id()))
                .orderBy(JOB_RUN.ID.desc()).limit(1).fetchOne(JOB_RUN.HEARTBEAT_AT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
