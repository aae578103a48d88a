package com.timebank.wfm.roster;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Who may solve a SOLVING roster, as recorded on its row: the owning instance and its last sign of life. The
 * repository applies the same rules in single conditional UPDATEs so that instances racing for a roster agree.
 * <ul>
 * <li>A roster is <b>orphaned</b> when nobody owns it (released on shutdown) or its owner has not signed for
 * {@link #STALE_AFTER} (an instance that died, or the old life of a restarted one).</li>
 * <li>Any instance may claim an orphaned roster; nobody may claim a roster whose owner is alive.</li>
 * <li>Only the owner may sign (heartbeat); an owner whose signature fails has been taken over and stops without
 * writing.</li>
 * </ul>
 */
record SolveClaim(String owner, LocalDateTime heartbeatAt) {

    /** A SOLVING roster whose owner has not signed for this long is taken over by another instance. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    /** Heartbeats older than this are stale at {@code now}. */
    static LocalDateTime staleBefore(LocalDateTime now) {
        return now.minus(STALE_AFTER);
    }

    boolean orphaned(LocalDateTime now) {
        return owner == null || heartbeatAt == null || heartbeatAt.isBefore(staleBefore(now));
    }

    /** The claim after {@code claimant} tried to take the roster at {@code now}: itself, or unchanged. */
    SolveClaim claimedBy(String claimant, LocalDateTime now) {
        return orphaned(now) ? new SolveClaim(claimant, now) : this;
    }

    /** The claim after {@code signer} signed at {@code now}: renewed when it is the owner, else unchanged. */
    SolveClaim signedBy(String signer, LocalDateTime now) {
        return ownedBy(signer) ? new SolveClaim(owner, now) : this;
    }

    boolean ownedBy(String instance) {
        return owner != null && owner.equals(instance);
    }
}
