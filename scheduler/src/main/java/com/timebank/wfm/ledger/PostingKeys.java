package com.timebank.wfm.ledger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Every format of a ledger idempotency key, in one place: a key names the one cause an entry (or a reservation)
 * has, so the same cause posts once however often it is retried. Keys are unique in the ledger; their formats must
 * never change for causes already posted (a re-run would post again).
 */
public final class PostingKeys {

    private PostingKeys() {
    }

    /** Aux settlement of an agent's business date, one per revision of its activity. */
    public static String auxSettlement(long agentId, LocalDate date, int revision) {
        return "AUX:" + agentId + ":" + date + ":r" + revision;
    }

    /** The reversal of the settlement of an earlier revision. */
    public static String auxReversal(long agentId, LocalDate date, int revision) {
        return "AUXREV:" + agentId + ":" + date + ":r" + revision;
    }

    /** Emergency overtime: one credit per agent and emergency. */
    public static String emergencyOvertime(long emergencyId, long agentId) {
        return "EOT:" + emergencyId + ":" + agentId;
    }

    /** A time bonus retried by its client: the same user and client key grant once. */
    public static String timeBonus(String actor, String clientKey) {
        return "BONUS:" + actor + ":" + clientKey;
    }

    /** A time bonus without a client key: every grant is its own. */
    public static String timeBonus() {
        return "BONUS:" + UUID.randomUUID();
    }

    /** The month-close offset of one leave item. */
    public static String leaveOffset(long leaveId) {
        return "OFFSET:" + leaveId;
    }

    /** The reservation of a time-off request. */
    public static String timeOffReservation(long requestId) {
        return "TIMEOFF:" + requestId;
    }

    /** The one reversal that corrects an entry (a time bonus or emergency credit given by mistake). */
    public static String correction(long entryId) {
        return "CORR:" + entryId;
    }

    /** The debit a held reservation turns into. */
    public static String reservationPosting(long reservationId) {
        return "RES:" + reservationId;
    }

    /** A balance moved out of an account by an admin's request (client key), and its other side. */
    public static String balanceMove(String actor, String clientKey, boolean in) {
        return (in ? "MOVEIN:" : "MOVE:") + actor + ":" + clientKey;
    }
}
