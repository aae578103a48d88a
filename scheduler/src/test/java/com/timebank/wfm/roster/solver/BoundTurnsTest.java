package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
}
