package com.timebank.wfm.roster.solver;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Turns on the one bound thread: a roster's LP comes before another roster's raise. A raise ({@link
 * CoverageBound#raise}) may run for minutes, and a roster whose solve starts meanwhile waits for its own LP (its
 * guided construction wants the LP's mix, its page the bound); so a raise ends within one step as soon as another
 * roster's bound is queued, whether that happens while it runs or before it starts (while its own LP still runs).
 * <p>
 * Why a count and not only the running raise's end: a bound queued while the LP before a raise still runs finds no
 * raise to end, and the raise that starts after it would run its whole time. Both sides write first and read second
 * ({@link #queued}: the count, then the raise; {@link #raiseStarts}: the raise, then the count), so at least one of
 * them sees the other. Callers use {@link #execute} and {@link #raise}, which pair the steps; the steps themselves
 * are package-private for the tests of their interleavings.
 */
public final class BoundTurns {

    private final AtomicInteger waiting = new AtomicInteger();
    private volatile SolveDeadline raising;
    private volatile boolean closed;

    /**
     * Queues a roster's bound on the bound thread: the raise running there, if any, ends; {@code bound} runs in its
     * turn. When the thread refuses it, it is taken off the queue again and the refusal thrown.
     */
    public void execute(Executor boundThread, Runnable bound) {
        queued();
        try {
            boundThread.execute(() -> {
                started();
                bound.run();
            });
        } catch (RejectedExecutionException e) {
            started();
            throw e;
        }
    }

    /**
     * Runs a raise until {@code end} on the bound thread, for as long as no other roster's bound waits and the service
     * is not closing ({@code end} is ended then; the raise is expected to stop within a step).
     */
    public <T> T raise(SolveDeadline end, Supplier<T> raise) {
        raiseStarts(end);
        try {
            return raise.get();
        } finally {
            raiseEnded();
        }
    }

    /** A roster's bound is queued for the bound thread: the raise running there, if any, ends. */
    void queued() {
        waiting.incrementAndGet();
        endRaise();
    }

    /** A queued bound starts on the bound thread (or is dropped: the thread refused it). */
    void started() {
        waiting.decrementAndGet();
    }

    /**
     * A raise until {@code end} starts on the bound thread; {@code end} is ended at once when another roster's bound
     * waits or the service is closing.
     */
    void raiseStarts(SolveDeadline end) {
        raising = end;
        if (waiting.get() > 0 || closed) {
            end.endNow();
        }
    }

    /** The raise has ended. */
    void raiseEnded() {
        raising = null;
    }

    /** The service is closing: the raise running ends, and any that would start ends at once. */
    public void close() {
        closed = true;
        endRaise();
    }

    private void endRaise() {
        SolveDeadline raise = raising;
        if (raise != null) {
            raise.endNow();
        }
    }
}
