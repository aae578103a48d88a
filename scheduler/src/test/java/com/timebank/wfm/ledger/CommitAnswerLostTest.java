package com.timebank.wfm.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;

import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;

/**
 * A database node fails after committing a posting but before its answer reaches the service (a Galera node killed
 * mid-commit): the service retries on the next node, and the idempotency key makes the retry post nothing more.
 */
@IntegrationTest
class CommitAnswerLostTest {

    @Autowired
    Org org;
    @Autowired
    LedgerRepository repository;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LedgerService ledger;
    @Autowired
    Clock clock;

    /** Commits for real, then answers the first {@code lose} commits with a lost connection. */
    static class AnswerLosingTransactions implements PlatformTransactionManager {
        final PlatformTransactionManager real;
        final AtomicInteger lose;
        final AtomicInteger commits = new AtomicInteger();

        AnswerLosingTransactions(PlatformTransactionManager real, int lose) {
            this.real = real;
            this.lose = new AtomicInteger(lose);
        }

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
            return real.getTransaction(definition);
        }

        @Override
        public void commit(TransactionStatus status) throws TransactionException {
            real.commit(status);
            commits.incrementAndGet();
            if (lose.getAndDecrement() > 0) {
                throw new TransactionSystemException("Could not commit JDBC transaction",
                        new SQLException("Communications link failure", "08S01"));
            }
        }

        @Override
        public void rollback(TransactionStatus status) throws TransactionException {
            real.rollback(status);
        }
    }

    @Test
    void aPostingRetriedAfterItsCommitAnswerWasLostIsPostedExactlyOnce() {
        Agent agent = org.agent(org.team(org.center()));
        AnswerLosingTransactions losing = new AnswerLosingTransactions(transactionManager, 2);
        LedgerService failingOver = new LedgerService(repository, new Transactions(losing), clock);
        String key = PostingKeys.timeBonus("cluster-test", Org.unique("K"));
        Posting bonus = Posting.of(agent.id(), LocalDate.of(2026, 3, 2), EntryKind.TIME_BONUS, 600, "test", "bonus", key);

        LedgerService.Posted posted = failingOver.post(bonus);

        assertThat(losing.commits).as("the first commit and two replays").hasValue(3);
        assertThat(posted.duplicate()).as("the replay found the entry its first run committed").isTrue();
        assertThat(repository.entriesByKey(List.of(key))).hasSize(1);
        assertThat(ledger.statement(agent.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 0, 10).total())
                .isEqualTo(1);
        assertThat(ledger.account(agent.id()).balanceSeconds()).isEqualTo(600);
        assertThat(ledger.consistent(agent.id())).isTrue();
    }

    @Test
    void aReservationRetriedAfterItsCommitAnswerWasLostIsHeldExactlyOnce() {
        Agent agent = org.agent(org.team(org.center()));
        ledger.post(Posting.of(agent.id(), LocalDate.of(2026, 3, 2), EntryKind.TIME_BONUS, 3_600, "test", "bonus",
                PostingKeys.timeBonus("cluster-test", Org.unique("K"))));
        Transactions failingOver = new Transactions(new AnswerLosingTransactions(transactionManager, 1));
        String key = Org.unique("TIMEOFF-TEST:");

        Reservation held = failingOver.writeIdempotent(
                () -> ledger.reserve(agent.id(), LocalDate.of(2026, 3, 9), 1_800, "time off", key));

        assertThat(held.seconds()).isEqualTo(1_800);
        assertThat(ledger.account(agent.id()).reservedSeconds()).isEqualTo(1_800);
        assertThat(ledger.consistent(agent.id())).isTrue();
    }
}
