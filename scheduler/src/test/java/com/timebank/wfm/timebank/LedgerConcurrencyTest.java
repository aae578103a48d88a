package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.ledger.Account;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;

/** Many threads posting bonuses, overtime, overdrafts and reservations to the same few accounts. */
@IntegrationTest
class LedgerConcurrencyTest {

    @Autowired
    Org org;
    @Autowired
    LedgerService ledger;
    @Autowired
    TimeBonusService bonuses;
    @Autowired
    EmergencyService emergencies;
    @Autowired
    ShiftService shifts;
    @Autowired
    Clock clock;
    @Autowired
    Transactions transactions;
    @Autowired
    DSLContext db;

    @Test
    void invariantsAndTheBonusCapHoldUnderConcurrency() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(org.agent(team));
        }
        CurrentUser planner = org.as(org.plannerUser(center));
        LocalDate today = center.today(clock);
        YearMonth month = YearMonth.from(today);
        // 5 shifts × 8 h = 144,000 s scheduled → cap 1,440 s for the month
        List<PublishedShift> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LocalDate d = month.atDay(1 + i);
            published.add(new PublishedShift(agents.get(0).id(), d, d.atTime(8, 0), d.atTime(16, 0), 0, "TEST"));
        }
        shifts.publish(center.id(), published, "test");
        long emergency = emergencies.activate(center.code(), 2, today, "surge", planner).id();

        AtomicLong bonusGranted = new AtomicLong();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger participants = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int i = 0; i < 25; i++) {
                    Agent a = agents.get(random.nextInt(agents.size()));
                    try {
                        switch (random.nextInt(4)) {
                            case 0 -> {
                                long s = 1 + random.nextInt(120);
                                bonuses.grant(a.employeeNo(), s, "concurrent " + thread, planner);
                                bonusGranted.addAndGet(s);
                            }
                            case 1 -> {
                                if (thread * 100 + i < 10_000) {
                                    emergencies.addParticipants(emergency, List.of(new EmergencyService.Participation(
                                            a.employeeNo(), 60 + random.nextInt(600))), planner);
                                    participants.incrementAndGet();
                                }
                            }
                            case 2 -> ledger.post(Posting.of(a.id(), today, EntryKind.AUX_OVERDRAFT,
                                    -(1 + random.nextInt(400)), "test", "overdraft", "T:" + thread + ":" + i));
                            default -> ledger.post(Posting.of(a.id(), today, EntryKind.AUX_SAVING,
                                    1 + random.nextInt(300), "test", "saving", "S:" + thread + ":" + i));
                        }
                    } catch (BusinessRuleException | com.timebank.wfm.api.ConflictException expected) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        TimeBonusService.Budget budget = bonuses.budget(center.code(), month, planner);
        assertThat(budget.capSeconds()).isEqualTo(1_440);
        assertThat(budget.grantedSeconds()).isLessThanOrEqualTo(1_440).isEqualTo(bonusGranted.get());
        assertThat(refused.get()).isPositive();
        long bonusEntries = 0;
        for (Agent a : agents) {
            assertThat(ledger.consistent(a.id())).as("balance = sum(entries) for " + a.employeeNo()).isTrue();
            Account account = ledger.account(a.id());
            assertThat(account.balanceSeconds()).isNotNegative();
            assertThat(account.availableSeconds()).isNotNegative();
            List<LedgerEntry> entries = ledger.statement(a.id(), null, null, 0, 10_000).entries();
            bonusEntries += entries.stream().filter(e -> e.kind() == EntryKind.TIME_BONUS).mapToLong(LedgerEntry::seconds).sum();
            entries.forEach(e -> assertThat(e.balanceAfterSeconds()).isNotNegative());
        }
        assertThat(bonusEntries).isEqualTo(budget.grantedSeconds());
    }

    /**
     * Transactions on this test's database waiting for a row lock (server tables, without generated classes; the
     * schema is named in the SQL because the configured rendering leaves schemas out).
     */
    private int lockWaits() {
        return db.fetchCount(DSL.selectOne().from(DSL.table("information_schema.INNODB_TRX"))
                .join(DSL.table("information_schema.PROCESSLIST"))
                .on("INNODB_TRX.trx_mysql_thread_id = PROCESSLIST.ID")
                .where("INNODB_TRX.trx_state = 'LOCK WAIT'")
                .and("PROCESSLIST.DB = database()"));
    }

    /**
     * Two lists naming the same agent, sent at once: the agent's account is held until both wait, so that without a
     * lock on the emergency both would have read its participants before either committed, and the second would
     * insert the agent again (409, its whole list rolled back). With it the second reads the first one's credit.
     */
    @Test
    void twoListsNamingTheSameAgentAtOnceBothSucceed() throws Exception {
        Center center = org.center();
        Team team = org.team(center);
        Agent shared = org.agent(team);
        Agent first = org.agent(team);
        Agent second = org.agent(team);
        CurrentUser planner = org.as(org.plannerUser(center));
        long emergency = emergencies.activate(center.code(), 1, center.today(clock), "outage", planner).id();

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Object> holder = pool.submit(() -> transactions.write(() -> {
                ledger.lock(List.of(shared.id()));
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<EmergencyService.Credit>> one = pool.submit(() -> emergencies.addParticipants(emergency,
                    List.of(new EmergencyService.Participation(shared.employeeNo(), 3_600),
                            new EmergencyService.Participation(first.employeeNo(), 1_800)), planner));
            Future<List<EmergencyService.Credit>> two = pool.submit(() -> emergencies.addParticipants(emergency,
                    List.of(new EmergencyService.Participation(second.employeeNo(), 1_800),
                            new EmergencyService.Participation(shared.employeeNo(), 3_600)), planner));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lockWaits() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lockWaits()).as("both lists wait").isEqualTo(2);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);

            List<EmergencyService.Credit> credits = new ArrayList<>(one.get(30, TimeUnit.SECONDS));
            credits.addAll(two.get(30, TimeUnit.SECONDS));
            assertThat(credits).filteredOn(c -> c.employeeNo().equals(shared.employeeNo()))
                    .extracting(EmergencyService.Credit::entryId).hasSize(2).containsOnly(credits.get(0).entryId());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(emergencies.emergency(emergency, planner).participants()).hasSize(3);
        assertThat(ledger.statement(shared.id(), null, null, 0, 10).entries()).hasSize(1);
    }
}
