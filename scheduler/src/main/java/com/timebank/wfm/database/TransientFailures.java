package com.timebank.wfm.database;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells, from a failed write transaction, whether running it again is safe. On a Galera cluster a transaction that
 * lost certification against a write on another node fails at commit with the deadlock error (1213): it was rolled
 * back, like an InnoDB deadlock victim. A lost connection before the commit also rolls back (the server drops an
 * uncommitted transaction with its connection), but a connection lost during the commit leaves the outcome unknown:
 * only work that recognises its own earlier commit (idempotency keys) may run again.
 */
public final class TransientFailures {

    /** What a failure means for the transaction that raised it. */
    public enum Verdict {
        /** Rolled back for sure (lock conflict, certification failure, no connection): run it again. */
        ROLLED_BACK,
        /** The commit was sent and its answer lost: it may have committed. */
        OUTCOME_UNKNOWN,
        /** Anything else: a bug or a refusal, never retried. */
        PERMANENT
    }

    /** MySQL/MariaDB: deadlock (also Galera's certification failure), lock wait timeout, query interrupted. */
    private static final Set<Integer> ROLLED_BACK_CODES = Set.of(1213, 1205);
    /** Galera: "WSREP has not yet prepared node for application use" while a node is not in the primary component. */
    private static final int WSREP_NOT_READY = 1047;

    private TransientFailures() {
    }

    public static Verdict classify(Throwable failure) {
        if (failure instanceof CommitOutcomeUnknownException) {
            return Verdict.OUTCOME_UNKNOWN;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof CannotGetJdbcConnectionException) {
                return Verdict.ROLLED_BACK;
            }
            if (t instanceof SQLException e && rolledBack(e)) {
                return Verdict.ROLLED_BACK;
            }
        }
        return connectionLost(failure) ? Verdict.ROLLED_BACK : Verdict.PERMANENT;
    }

    /** Whether the failure (or a cause) is a lost or refused connection to the database. */
    public static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && (e.getErrorCode() == WSREP_NOT_READY
                    || (e.getSQLState() != null && e.getSQLState().startsWith("08")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean rolledBack(SQLException e) {
        return ROLLED_BACK_CODES.contains(e.getErrorCode()) || "40001".equals(e.getSQLState());
    }
}
