package com.timebank.wfm.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A write transaction that is run again when the database rolled it back for a transient reason: a deadlock victim
 * or lock wait timeout (postings lock accounts), a Galera certification failure (error 1213 at commit), or a
 * connection lost to a database node before the commit (the pool's multi-host URL then connects to the next node).
 * A connection lost during the commit leaves the outcome unknown: {@link #writeIdempotent} runs such work again
 * because it finds what its first run committed (ledger idempotency keys); {@link #write} reports it as
 * {@link CommitOutcomeUnknownException}, a retryable failure for the caller.
 *
 * <p>The one transaction style of the application: every write goes through {@link #write} or
 * {@link #writeIdempotent}, never a write {@code @Transactional} or a {@code TransactionTemplate}, so that all writes
 * share the isolation level and the retry. A runtime exception thrown by the work rolls the whole write back. Spring's
 * {@code @Transactional(readOnly = true)} stays for reads of several statements that must see one snapshot, and
 * {@code @Transactional(propagation = MANDATORY)} for methods that may only join a write their caller opened.
 *
 * <p>A write called inside another joins it and is not retried on its own: only the outermost write retries, since
 * a transient failure has rolled back the whole transaction.
 */
@Component
public class Transactions {

    static final int MAX_ATTEMPTS = 10;
    private static final long FIRST_BACKOFF_MILLIS = 20;
    private static final long MAX_BACKOFF_MILLIS = 1_000;

    private final PlatformTransactionManager transactionManager;
    private final DefaultTransactionDefinition definition;
    private final LongConsumer pause;

    @Autowired
    public Transactions(PlatformTransactionManager transactionManager) {
        this(transactionManager, Transactions::sleep);
    }

    /** With the wait between attempts given: a test records the backoffs instead of sleeping through them. */
    Transactions(PlatformTransactionManager transactionManager, LongConsumer pause) {
        this.transactionManager = transactionManager;
        this.pause = pause;
        this.definition = new DefaultTransactionDefinition();
        // Writers lock first (accounts, budgets) and then read; under READ COMMITTED those reads see what the
        // previous lock holder committed, where REPEATABLE READ would show an older snapshot.
        this.definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Runs work in a transaction, again after a certain rollback. */
    public <T> T write(Supplier<T> work) {
        return run(work, false);
    }

    /** Runs work that recognises its own earlier commit, again after a rollback or a lost commit answer. */
    public <T> T writeIdempotent(Supplier<T> work) {
        return run(work, true);
    }

    /**
     * What a batch write committed: each committed write's result (the whole batch's, or each item's when the batch
     * failed) and the items that failed on their own, with why, in their order.
     */
    public record Batch<T, R>(List<R> committed, Map<T, RuntimeException> failed) {
    }

    /**
     * Writes the items in one transaction; if that fails, each item in a transaction of its own, so that one item
     * that cannot be written holds back no other (nightly jobs: one agent, one request).
     */
    public <T, R> Batch<T, R> writeBatch(List<T> items, Function<List<T>, R> work) {
        return batch(items, work, false);
    }

    /** As {@link #writeBatch}, each write run as {@link #writeIdempotent} runs it. */
    public <T, R> Batch<T, R> writeBatchIdempotent(List<T> items, Function<List<T>, R> work) {
        return batch(items, work, true);
    }

    private <T, R> Batch<T, R> batch(List<T> items, Function<List<T>, R> work, boolean idempotent) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a caller's write no item can have a transaction of its own: the batch is part of the caller's
            // write and fails with it, and the outermost write runs it all again if that helps (see run)
            return new Batch<>(List.of(once(() -> work.apply(items))), Map.of());
        }
        try {
            return new Batch<>(List.of(run(() -> work.apply(items), idempotent)), Map.of());
        } catch (RuntimeException batchFailure) {
            if (items.size() == 1) {
                return new Batch<>(List.of(), Map.of(items.get(0), batchFailure));
            }
            List<R> committed = new ArrayList<>();
            Map<T, RuntimeException> failed = new LinkedHashMap<>();
            for (T item : items) {
                try {
                    committed.add(run(() -> work.apply(List.of(item)), idempotent));
                } catch (RuntimeException e) {
                    failed.put(item, e);
                }
            }
            return new Batch<>(committed, failed);
        }
    }

    private <T> T run(Supplier<T> work, boolean idempotent) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Joined a caller's write: a deadlock or lost connection has rolled back the whole transaction, and a
            // retry here would run in a fresh implicit one while the caller's write is marked rollback-only (its
            // commit then fails). The failure goes up to the outermost write, which runs everything again.
            return once(work);
        }
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                TransientFailures.Verdict verdict = TransientFailures.classify(e);
                boolean again = verdict == TransientFailures.Verdict.ROLLED_BACK
                        || (idempotent && verdict == TransientFailures.Verdict.OUTCOME_UNKNOWN);
                if (!again || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause.accept(backoff + ThreadLocalRandom.current().nextLong(backoff));
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private <T> T once(Supplier<T> work) {
        TransactionStatus status = transactionManager.getTransaction(definition);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollbackAfter(status, e);
            throw e;
        }
        try {
            transactionManager.commit(status);
        } catch (RuntimeException e) {
            // a certification failure is a definite rollback; only a lost connection leaves the commit in doubt
            if (TransientFailures.classify(e) != TransientFailures.Verdict.ROLLED_BACK
                    || !TransientFailures.connectionLost(e)) {
                throw e;
            }
            throw new CommitOutcomeUnknownException(e);
        }
        return result;
    }

    private void rollbackAfter(TransactionStatus status, Throwable cause) {
        try {
            transactionManager.rollback(status);
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
