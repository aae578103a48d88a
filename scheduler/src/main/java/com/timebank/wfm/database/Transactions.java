package com.timebank.wfm.database;

import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A write transaction that is retried when the database chose it as a deadlock victim or a lock wait timed out:
 * postings lock accounts, and under heavy concurrency InnoDB may abort one of two waiting transactions.
 */
@Component
public class Transactions {

    private final TransactionTemplate tx;
    private final RetryTemplate retry;

    public Transactions(PlatformTransactionManager transactionManager) {
        this.tx = new TransactionTemplate(transactionManager);
        // Writers lock first (accounts, budgets) and then read; under READ COMMITTED those reads see what the
        // previous lock holder committed, where REPEATABLE READ would show an older snapshot.
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.retry = RetryTemplate.builder()
                .maxAttempts(8)
                .exponentialBackoff(20, 2.0, 500, true)
                .retryOn(PessimisticLockingFailureException.class)
                .traversingCauses()
                .build();
    }

    public <T> T write(Supplier<T> work) {
        return retry.execute(context -> tx.execute(status -> work.get()));
    }
}
