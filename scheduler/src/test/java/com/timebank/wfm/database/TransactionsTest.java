package com.timebank.wfm.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The retry decisions of {@link Transactions}, with a transaction manager whose commits fail as told. */
class TransactionsTest {

    /**
     * Commits answer the queued failures in order, then succeed; counts commits and rollbacks of transactions (not of
     * writes that joined one). As Spring's: a write inside another joins it, and its rollback leaves the transaction
     * only to be rolled back, so that its commit fails.
     */
    static class ScriptedTransactions implements PlatformTransactionManager {
        final Deque<RuntimeException> commitFailures = new ArrayDeque<>();
        int commits;
        int rollbacks;
        boolean rollbackOnly;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            boolean outermost = !TransactionSynchronizationManager.isActualTransactionActive();
            TransactionSynchronizationManager.setActualTransactionActive(true);
            return new SimpleTransactionStatus(outermost);
        }

        @Override
        public void commit(TransactionStatus status) {
            if (!status.isNewTransaction()) {
                return;
            }
            TransactionSynchronizationManager.setActualTransactionActive(false);
            if (rollbackOnly) {
                rollbackOnly = false;
                rollbacks++;
                throw new UnexpectedRollbackException("Transaction rolled back because it has been marked as rollback-only");
            }
            commits++;
            RuntimeException failure = commitFailures.poll();
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void rollback(TransactionStatus status) {
            if (!status.isNewTransaction()) {
                rollbackOnly = true;
                return;
            }
            TransactionSynchronizationManager.setActualTransactionActive(false);
            rollbackOnly = false;
            rollbacks++;
        }
    }

    @AfterEach
    void noTransactionLeft() {
        TransactionSynchronizationManager.clear();
    }

    final ScriptedTransactions manager = new ScriptedTransactions();
    /** The waits between attempts, recorded instead of slept through. */
    final List<Long> pauses = new ArrayList<>();
    final Transactions transactions = new Transactions(manager, pauses::add);
    final AtomicInteger runs = new AtomicInteger();

    static RuntimeException certificationFailure() {
        return new TransactionSystemException("commit", TransientFailuresTest.certificationFailure());
    }

    static RuntimeException deadlock() {
        return new org.jooq.exception.DataAccessException("update", new SQLException("Deadlock found", "40001", 1213));
    }

    static RuntimeException answerLost() {
        return new TransactionSystemException("commit", TransientFailuresTest.connectionLost());
    }

    @Test
    void aCertificationFailureAtCommitRunsTheWorkAgain() {
        manager.commitFailures.add(certificationFailure());
        manager.commitFailures.add(certificationFailure());
        assertThat(transactions.write(runs::incrementAndGet)).isEqualTo(3);
        assertThat(manager.commits).isEqualTo(3);
    }

    @Test
    void aLostCommitAnswerIsReportedAsInDoubtToPlainWork() {
        manager.commitFailures.add(answerLost());
        assertThatThrownBy(() -> transactions.write(runs::incrementAndGet))
                .isInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void idempotentWorkRunsAgainAfterALostCommitAnswer() {
        manager.commitFailures.add(answerLost());
        assertThat(transactions.writeIdempotent(runs::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aConnectionLostDuringTheWorkRollsBackAndRunsAgain() {
        int result = transactions.write(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new org.jooq.exception.DataAccessException("select", TransientFailuresTest.connectionLost());
            }
            return runs.get();
        });
        assertThat(result).isEqualTo(2);
        assertThat(manager.rollbacks).isEqualTo(1);
    }

    @Test
    void aRefusalIsRolledBackAndNotRetried() {
        assertThatThrownBy(() -> transactions.write(() -> {
            runs.incrementAndGet();
            throw new DuplicateKeyException("dup");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(runs).hasValue(1);
        assertThat(manager.rollbacks).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        for (int i = 0; i < Transactions.MAX_ATTEMPTS; i++) {
            manager.commitFailures.add(new TransactionSystemException("commit",
                    new SQLException("Deadlock", "40001", 1213)));
        }
        assertThatThrownBy(() -> transactions.write(runs::incrementAndGet))
                .isInstanceOf(TransactionSystemException.class);
        assertThat(runs).hasValue(Transactions.MAX_ATTEMPTS);
        // the wait doubles from 20 ms up to 1 s, plus up to as much again at random
        assertThat(pauses).hasSize(Transactions.MAX_ATTEMPTS - 1);
        long backoff = 20;
        for (long pause : pauses) {
            assertThat(pause).isBetween(backoff, 2 * backoff - 1);
            backoff = Math.min(1_000, backoff * 2);
        }
    }

    @Test
    void aBatchThatFailsIsWrittenAgainAnItemAtATimeAndOnlyTheBadItemFails() {
        IllegalStateException bad = new IllegalStateException("item 3 cannot be written");
        Transactions.Batch<Integer, Integer> batch = transactions.writeBatch(List.of(1, 2, 3, 4), items -> {
            if (items.contains(3)) {
                throw bad;
            }
            return items.stream().mapToInt(Integer::intValue).sum();
        });
        assertThat(batch.committed()).containsExactly(1, 2, 4);
        assertThat(batch.failed()).containsOnlyKeys(3).containsValue(bad);
        assertThat(manager.commits).isEqualTo(3);
        assertThat(manager.rollbacks).isEqualTo(2);

        Transactions.Batch<Integer, Integer> whole = transactions.writeBatch(List.of(5, 6), items -> items.size());
        assertThat(whole.committed()).containsExactly(2);
        assertThat(whole.failed()).isEmpty();
        Transactions.Batch<Integer, Integer> one = transactions.writeBatch(List.of(3), items -> {
            throw bad;
        });
        assertThat(one.committed()).isEmpty();
        assertThat(one.failed()).containsEntry(3, bad);
        assertThat(manager.rollbacks).as("a batch of one is not written again").isEqualTo(3);
    }

    @Test
    void aDeadlockInAWriteInsideAnotherIsRetriedByTheOutermostWrite() {
        AtomicInteger inner = new AtomicInteger();
        int result = transactions.write(() -> {
            runs.incrementAndGet();
            return transactions.write(() -> {
                if (inner.incrementAndGet() == 1) {
                    throw deadlock();
                }
                return inner.get();
            });
        });
        assertThat(result).isEqualTo(2);
        assertThat(runs).as("the outer work ran again, in a new transaction").hasValue(2);
        assertThat(manager.rollbacks).isEqualTo(1);
        assertThat(manager.commits).isEqualTo(1);
    }

    @Test
    void aBatchInsideAnotherWriteIsPartOfItAndRetriedWithIt() {
        AtomicInteger attempts = new AtomicInteger();
        Transactions.Batch<Integer, Integer> batch = transactions.write(() -> transactions.writeBatch(List.of(1, 2),
                items -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw deadlock();
                    }
                    return items.size();
                }));
        assertThat(batch.committed()).as("the whole batch, not item by item").containsExactly(2);
        assertThat(batch.failed()).isEmpty();
        assertThat(attempts).hasValue(2);
        assertThat(manager.rollbacks).isEqualTo(1);
        assertThat(manager.commits).isEqualTo(1);
    }
}
