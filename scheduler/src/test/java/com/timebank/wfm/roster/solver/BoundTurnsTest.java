package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

class BoundTurnsTest {

    private final BoundTurns turns = new BoundTurns();

    private static SolveDeadline raiseOfAMinute() {
        SolveDeadline end = new SolveDeadline();
        end.endIn(Duration.ofMinutes(1));
        return end;
    }

    /** The bound thread takes the next queued bound: its LP, then its raise of a minute, which is returned. */
    private SolveDeadline nextBoundRaises() {
        turns.started();
        SolveDeadline raise = raiseOfAMinute();
        turns.raiseStarts(raise);
        return raise;
    }

    private static boolean running(SolveDeadline end) {
        return end.allows(Long.MAX_VALUE);
    }

    @Test
    void aRaiseRunsItsTimeWhenNoOtherRosterWaits() {
        turns.queued();
        SolveDeadline raise = nextBoundRaises();

        assertThat(running(raise)).isTrue();
    }

    @Test
    void aRaiseEndsWhenAnotherRostersBoundIsQueued() {
        turns.queued();
        SolveDeadline raise = nextBoundRaises();

        turns.queued();

        assertThat(running(raise)).isFalse();
    }

    @Test
    void aBoundQueuedWhileTheLpBeforeARaiseRunsEndsThatRaiseAsItStarts() {
        turns.queued();
        turns.started();
        // the first roster's LP runs; the second roster's bound is queued behind it, with no raise to end yet
        turns.queued();
        SolveDeadline raise = raiseOfAMinute();
        turns.raiseStarts(raise);

        assertThat(running(raise)).isFalse();
    }

    @Test
    void theWaitingRostersOwnRaiseRunsOnceItsTurnHasCome() {
        turns.queued();
        turns.started();
        turns.queued();
        SolveDeadline first = raiseOfAMinute();
        turns.raiseStarts(first);
        turns.raiseEnded();
        SolveDeadline second = nextBoundRaises();

        assertThat(running(first)).isFalse();
        assertThat(running(second)).isTrue();
    }

    @Test
    void twoBoundsQueuedBehindOneRaiseEndTheRaiseOfTheFirstOfThemToo() {
        turns.queued();
        SolveDeadline first = nextBoundRaises();
        turns.queued();
        turns.queued();
        turns.raiseEnded();
        SolveDeadline second = nextBoundRaises();

        assertThat(running(first)).isFalse();
        assertThat(running(second)).as("the third roster still waits for its LP").isFalse();
    }

    @Test
    void closingEndsTheRunningRaiseAndAnyThatWouldStart() {
        turns.queued();
        SolveDeadline running = nextBoundRaises();

        turns.close();
        SolveDeadline later = raiseOfAMinute();
        turns.raiseStarts(later);

        assertThat(running(running)).isFalse();
        assertThat(running(later)).isFalse();
    }

    @Test
    void aRaiseAfterABoundTheThreadRefusedRunsItsTime() {
        turns.queued();
        // the executor refused it: the caller takes it off the queue again
        turns.started();
        turns.queued();
        SolveDeadline raise = nextBoundRaises();

        assertThat(running(raise)).isTrue();
    }

    @Test
    void aBoundHandedToTheThreadWhileARaiseRunsEndsThatRaiseBeforeItRuns() {
        List<Runnable> boundThread = new ArrayList<>();
        turns.execute(boundThread::add, () -> { });
        boundThread.remove(0).run();
        SolveDeadline raise = raiseOfAMinute();

        boolean ranOnceQueued = turns.raise(raise, () -> {
            boolean before = running(raise);
            turns.execute(boundThread::add, () -> { });
            return before && running(raise);
        });

        assertThat(ranOnceQueued).isFalse();
        assertThat(boundThread).as("the second roster's bound waits for the thread").hasSize(1);
        boundThread.remove(0).run();
        SolveDeadline next = raiseOfAMinute();
        assertThat(turns.raise(next, () -> running(next))).as("its own raise then runs its time").isTrue();
    }

    @Test
    void aBoundTheThreadRefusesIsTakenOffTheQueue() {
        assertThatThrownBy(() -> turns.execute(task -> {
            throw new RejectedExecutionException("shutting down");
        }, () -> { })).isInstanceOf(RejectedExecutionException.class);
        SolveDeadline raise = raiseOfAMinute();

        assertThat(turns.raise(raise, () -> running(raise))).isTrue();
    }

    @Test
    void aRaiseThatFailsIsNoLongerTheOneAQueuedBoundEnds() {
        SolveDeadline failed = raiseOfAMinute();
        assertThatThrownBy(() -> turns.raise(failed, () -> {
            throw new IllegalStateException("no LP solver");
        })).isInstanceOf(IllegalStateException.class);

        turns.execute(task -> { }, () -> { });

        assertThat(running(failed)).as("a raise that has ended is not ended again").isTrue();
    }
}
