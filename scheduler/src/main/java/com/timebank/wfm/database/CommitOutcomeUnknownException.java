package com.timebank.wfm.database;

import org.springframework.dao.TransientDataAccessException;

/**
 * The connection failed while a commit was under way, so the transaction may or may not have committed. Retried
 * only for work that is idempotent; anyone else (a client) must repeat the request with the same idempotency key.
 */
public class CommitOutcomeUnknownException extends TransientDataAccessException {

    public CommitOutcomeUnknownException(Throwable cause) {
        super("The database connection failed during the commit; the outcome is unknown", cause);
    }
}
