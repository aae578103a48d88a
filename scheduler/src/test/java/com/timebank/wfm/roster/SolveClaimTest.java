package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** The ownership rules of a background solve and the throttled score timeline, without Spring or a database. */
class SolveClaimTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 10, 0);

    @Test
    void anUnownedRosterIsOrphanedAndGoesToWhoeverClaimsIt() {
        SolveClaim released = new SolveClaim(null, null);
        assertThat(released.orphaned(NOW)).isTrue();
        assertThat(released.claimedBy("b/2", NOW)).isEqualTo(new SolveClaim("b/2", NOW));
    }

    @Test
    void aLiveOwnerKeepsItsRosterUntilItsHeartbeatIsThirtySecondsOld() {
        SolveClaim live = new SolveClaim("a/1", NOW.minusSeconds(29));
        assertThat(live.orphaned(NOW)).isFalse();
        assertThat(live.claimedBy("b/2", NOW)).isEqualTo(live);
        SolveClaim edge = new SolveClaim("a/1", NOW.minusSeconds(30));
        assertThat(edge.orphaned(NOW)).as("exactly 30 s is not yet stale").isFalse();
        SolveClaim stale = new SolveClaim("a/1", NOW.minusSeconds(31));
        assertThat(stale.orphaned(NOW)).isTrue();
        assertThat(stale.claimedBy("b/2", NOW).owner()).isEqualTo("b/2");
    }

    @Test
    void aRestartedOwnerIsANewInstanceThatMayTakeBackItsOldStaleClaim() {
        // the old life of the instance signed last 40 s ago; after the restart it has a new id
        SolveClaim old = new SolveClaim("host/old", NOW.minusSeconds(40));
        SolveClaim taken = old.claimedBy("host/new", NOW);
        assertThat(taken).isEqualTo(new SolveClaim("host/new", NOW));
        // and the old life, should it still be around, can no longer sign: it stops without writing
        assertThat(taken.signedBy("host/old", NOW.plusSeconds(2))).isEqualTo(taken);
        assertThat(taken.ownedBy("host/old")).isFalse();
    }

    @Test
    void onlyTheOwnerSignsAndItsSignatureKeepsTheRosterItsOwn() {
        SolveClaim claim = new SolveClaim("a/1", NOW);
        SolveClaim signed = claim.signedBy("a/1", NOW.plusSeconds(25));
        assertThat(signed.heartbeatAt()).isEqualTo(NOW.plusSeconds(25));
        assertThat(signed.orphaned(NOW.plusSeconds(50))).isFalse();
        assertThat(claim.signedBy("b/2", NOW.plusSeconds(25))).isEqualTo(claim);
        assertThat(claim.orphaned(NOW.plusSeconds(50))).isTrue();
    }

    @Test
    void theScoreTimelineKeepsAtMostOnePointPerThrottleWindowButAlwaysTheForcedOne() {
        RosterSolving.Job job = new RosterSolving.Job(1, Map.of(), 0);
        job.record(HardSoftLongScore.of(-5, -100), NOW);
        job.record(HardSoftLongScore.of(-4, -90), NOW);
        job.record(HardSoftLongScore.of(-3, -80), NOW);
        assertThat(job.drainPoints()).as("the first point is forced, the next two fall within 200 ms")
                .extracting(ScorePoint::hardScore).containsExactly(-5L);
        job.forceNextPoint = true;
        job.record(HardSoftLongScore.of(0, -50), NOW);
        assertThat(job.drainPoints()).extracting(ScorePoint::softScore).containsExactly(-50L);
        assertThat(job.drainPoints()).isEmpty();
    }
}
