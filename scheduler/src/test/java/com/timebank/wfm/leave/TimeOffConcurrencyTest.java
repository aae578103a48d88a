package com.timebank.wfm.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.Account;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;

/** No double booking: the last slot goes to exactly one lead; an agent's requests never exceed the balance. */
@IntegrationTest
class TimeOffConcurrencyTest {

    @Autowired
    Org org;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    TimeOffQuotaService quotas;
    @Autowired
    LedgerService ledger;
    @Autowired
    ShiftService shifts;
    @Autowired
    CenterSettingsService settings;
    @Autowired
    Clock clock;

    private LocalDate idleDayAfter(Center center, LocalDate day) {
        LocalDate d = day;
        while (settings.isBusyDay(center.id(), d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private void credit(Agent a, long seconds) {
        ledger.post(Posting.of(a.id(), LocalDate.now(clock), EntryKind.AUX_SAVING, seconds, "test", "credit",
                Org.unique("CREDIT:")));
    }

    private static <T> List<Object> race(List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (var task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return (Object) task.call();
                } catch (BusinessRuleException refused) {
                    return refused;
                }
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    @Test
    void leadsRacingForTheLastSlotOfADate() throws Exception {
        Center center = org.center();
        Team t1 = org.team(center);
        Team t2 = org.team(center);
        CurrentUser lead1 = org.as(org.leadUser(t1));
        CurrentUser lead2 = org.as(org.leadUser(t2));
        LocalDate day = idleDayAfter(center, center.today(clock).plusDays(2));
        List<Agent> agents = new ArrayList<>();
        List<PublishedShift> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Agent a = org.agent(i % 2 == 0 ? t1 : t2);
            agents.add(a);
            credit(a, 20_000);
            published.add(new PublishedShift(a.id(), day, day.atTime(9, 0), day.atTime(17, 0), 0, "TEST"));
        }
        shifts.publish(center.id(), published, "test");
        List<Long> ids = new ArrayList<>();
        for (Agent a : agents) {
            ids.add(timeOff.request(a.employeeNo(), day, 3_600L, org.admin()).id());
        }
        // one of the two idle-day slots is taken; nine requests race for the last one
        timeOff.approve(ids.get(0), lead1);
        List<java.util.concurrent.Callable<TimeOffService.View>> approvals = new ArrayList<>();
        for (int i = 1; i < ids.size(); i++) {
            long id = ids.get(i);
            CurrentUser lead = i % 2 == 0 ? lead1 : lead2;
            approvals.add(() -> timeOff.approve(id, lead));
        }
        List<Object> results = race(approvals);

        long approved = results.stream().filter(r -> r instanceof TimeOffService.View v
                && v.status() == TimeOffStatus.APPROVED).count();
        long refused = results.stream().filter(r -> r instanceof BusinessRuleException e
                && e.getMessage().contains("full")).count();
        assertThat(approved).isEqualTo(1);
        assertThat(refused).isEqualTo(8);
        TimeOffQuotaService.Quota quota = quotas.quota(center.id(), day);
        assertThat(quota.slots()).isEqualTo(2);
        assertThat(quota.used()).isEqualTo(2);
        for (Agent a : agents) {
            assertThat(ledger.account(a.id()).reservedSeconds()).isEqualTo(3_600);
            assertThat(ledger.consistent(a.id())).isTrue();
        }
    }

    @Test
    void anAgentsConcurrentRequestsNeverExceedTheBalance() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent a = org.agent(team);
        CurrentUser agent = org.as(org.agentUser(a));
        credit(a, 10_000);
        LocalDate first = center.today(clock).plusDays(1);
        List<PublishedShift> published = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate d = first.plusDays(i);
            published.add(new PublishedShift(a.id(), d, d.atTime(9, 0), d.atTime(17, 0), 0, "TEST"));
        }
        shifts.publish(center.id(), published, "test");
        AtomicInteger shortRefusals = new AtomicInteger();
        List<java.util.concurrent.Callable<TimeOffService.View>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate d = first.plusDays(i);
            requests.add(() -> {
                try {
                    return timeOff.request(a.employeeNo(), d, 3_000L, agent);
                } catch (BusinessRuleException e) {
                    if (e.getMessage().contains("available balance")) {
                        shortRefusals.incrementAndGet();
                    }
                    throw e;
                }
            });
        }
        List<Object> results = race(requests);

        long accepted = results.stream().filter(r -> r instanceof TimeOffService.View).count();
        assertThat(accepted).isEqualTo(3);
        assertThat(shortRefusals.get()).isEqualTo(9);
        Account account = ledger.account(a.id());
        assertThat(account.reservedSeconds()).isEqualTo(9_000);
        assertThat(account.availableSeconds()).isEqualTo(1_000);
        assertThat(ledger.consistent(a.id())).isTrue();
        assertThat(timeOff.requestsOf(a.employeeNo(), null, null, agent)).hasSize(3)
                .allMatch(v -> v.status() == TimeOffStatus.PENDING);
    }
}
