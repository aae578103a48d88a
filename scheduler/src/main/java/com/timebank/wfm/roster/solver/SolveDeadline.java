package com.timebank.wfm.roster.solver;

import java.time.Duration;

/**
 * When a solve has to end: the planner's time limit, or now once a stop is asked for. Local search learns both from
 * OptaPlanner's termination, which is checked only between the first phase's steps; the first phase's own loops
 * (polish, coordination of partitions, week replanning, waiting for the bound) read this instead, so a stop or the
 * limit ends them within one move, not one step (tens of seconds at 10,000 agents). Shared by the planning clones
 * of a solution; {@link System#nanoTime} based; none by default.
 */
public final class SolveDeadline {

    private volatile long nanos = Long.MAX_VALUE;

    /** The solve ends {@code remaining} from now (or earlier, when it already had to). */
    public void endIn(Duration remaining) {
        long now = System.nanoTime();
        Duration room = Duration.ofNanos(Long.MAX_VALUE - Math.max(0, now));
        long end = remaining.compareTo(room) >= 0 ? Long.MAX_VALUE : now + remaining.toNanos();
        nanos = Math.min(nanos, end);
    }

    /** A stop: the solve ends now. */
    public void endNow() {
        nanos = Math.min(nanos, System.nanoTime());
    }

    /** The end ({@link System#nanoTime}), {@link Long#MAX_VALUE} for none. */
    long nanos() {
        return nanos;
    }

    /** Whether there is time left before {@code deadline} and before the solve's end. */
    boolean allows(long deadline) {
        long now = System.nanoTime();
        return now < deadline && now < nanos;
    }

    /** Milliseconds left, at most {@code cap} (0: none left). */
    long millisLeft(long cap) {
        long end = nanos;
        if (end == Long.MAX_VALUE) {
            return cap;
        }
        return Math.max(0, Math.min(cap, (end - System.nanoTime()) / 1_000_000));
    }
}
