package com.timebank.wfm.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import com.timebank.wfm.database.TransientFailures.Verdict;

class TransientFailuresTest {

    /** Galera's certification failure: the commit answers the deadlock error, SQLState 40001. */
    static SQLException certificationFailure() {
        return new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
    }

    static SQLException connectionLost() {
        return new SQLException("Communications link failure", "08S01", 0);
    }

    @Test
    void aCertificationFailureAtCommitIsARollbackEvenWrappedByTheTransactionManager() {
        assertThat(TransientFailures.classify(certificationFailure())).isEqualTo(Verdict.ROLLED_BACK);
        assertThat(TransientFailures.classify(new TransactionSystemException("commit failed", certificationFailure())))
                .isEqualTo(Verdict.ROLLED_BACK);
        assertThat(TransientFailures.classify(new org.jooq.exception.DataAccessException("x", certificationFailure())))
                .isEqualTo(Verdict.ROLLED_BACK);
    }

    @Test
    void lockConflictsAreRollbacks() {
        assertThat(TransientFailures.classify(new DeadlockLoserDataAccessException("deadlock", null)))
                .isEqualTo(Verdict.ROLLED_BACK);
        assertThat(TransientFailures.classify(new CannotAcquireLockException("lock wait timeout")))
                .isEqualTo(Verdict.ROLLED_BACK);
        assertThat(TransientFailures.classify(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
                .isEqualTo(Verdict.ROLLED_BACK);
    }

    @Test
    void aLostOrRefusedConnectionBeforeTheCommitIsARollback() {
        assertThat(TransientFailures.classify(new org.jooq.exception.DataAccessException("x", connectionLost())))
                .isEqualTo(Verdict.ROLLED_BACK);
        assertThat(TransientFailures.classify(new CannotGetJdbcConnectionException("pool", connectionLost())))
                .isEqualTo(Verdict.ROLLED_BACK);
        // a Galera node outside the primary component
        assertThat(TransientFailures.classify(new SQLException("WSREP has not yet prepared node", "08S01", 1047)))
                .isEqualTo(Verdict.ROLLED_BACK);
        assertThat(TransientFailures.connectionLost(new TransactionSystemException("commit", connectionLost()))).isTrue();
        assertThat(TransientFailures.connectionLost(certificationFailure())).isFalse();
    }

    @Test
    void aLostCommitAnswerIsInDoubt() {
        assertThat(TransientFailures.classify(new CommitOutcomeUnknownException(connectionLost())))
                .isEqualTo(Verdict.OUTCOME_UNKNOWN);
    }

    @Test
    void refusalsAndBugsAreNeverRetried() {
        assertThat(TransientFailures.classify(new DuplicateKeyException("dup"))).isEqualTo(Verdict.PERMANENT);
        assertThat(TransientFailures.classify(new DataIntegrityViolationException("fk"))).isEqualTo(Verdict.PERMANENT);
        assertThat(TransientFailures.classify(new SQLException("Duplicate entry", "23000", 1062)))
                .isEqualTo(Verdict.PERMANENT);
        assertThat(TransientFailures.classify(new IllegalStateException("bug"))).isEqualTo(Verdict.PERMANENT);
    }
}
