package com.timebank.wfm.reports;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.timebank.wfm.ledger.EntryKind;

/**
 * One line of the balance sheet (an agent, a team or the center) for a month, in seconds:
 * {@code opening + Σ flows + Σ reversals = closing}; {@code reserved} is held at the end of the month.
 * Flows are keyed by the six services and the balance moves of a disabled agent (paid out, transferred out to or in
 * from another agent); reversals by the flow they correct.
 */
public record BalanceLine(String key, String name, String team, int agents, long opening, Map<EntryKind, Long> flows,
        Map<EntryKind, Long> reversals, long emergencyWorked, long closing, long reserved) {

    /**
     * The six services, then the balance moves, in the order the sheet shows them: every kind an entry can have
     * but a reversal, so that no posting escapes the identity's columns.
     */
    public static final List<EntryKind> FLOWS = List.of(EntryKind.AUX_SAVING, EntryKind.AUX_OVERDRAFT,
            EntryKind.EMERGENCY_OVERTIME, EntryKind.TIME_BONUS, EntryKind.LEAVE_OFFSET, EntryKind.TIME_OFF,
            EntryKind.PAYOUT, EntryKind.TRANSFER_OUT, EntryKind.TRANSFER_IN);

    public BalanceLine {
        flows = Collections.unmodifiableMap(new EnumMap<>(flows));
        reversals = Collections.unmodifiableMap(new EnumMap<>(reversals));
        long sum = opening + flows.values().stream().mapToLong(Long::longValue).sum()
                + reversals.values().stream().mapToLong(Long::longValue).sum();
        if (sum != closing) {
            throw new IllegalStateException("Balance line " + key + " does not reconcile: " + sum + " ≠ " + closing);
        }
    }

    public long available() {
        return closing - reserved;
    }

    /** Σ of the credits (positive flows and reversals). */
    public long credits() {
        return flows.values().stream().filter(s -> s > 0).mapToLong(Long::longValue).sum()
                + reversals.values().stream().filter(s -> s > 0).mapToLong(Long::longValue).sum();
    }

    /** Σ of the debits, as a positive number. */
    public long debits() {
        return -(flows.values().stream().filter(s -> s < 0).mapToLong(Long::longValue).sum()
                + reversals.values().stream().filter(s -> s < 0).mapToLong(Long::longValue).sum());
    }

    public long flow(EntryKind kind) {
        return flows.getOrDefault(kind, 0L);
    }

    public long reversal(EntryKind kind) {
        return reversals.getOrDefault(kind, 0L);
    }

    /** Emergency overtime credited beyond the worked time. */
    public long emergencyInterest() {
        return flow(EntryKind.EMERGENCY_OVERTIME) - emergencyWorked;
    }

    /** Sums lines into one, for a team or the center. */
    static final class Sum {
        private final String key;
        private final String name;
        private final String team;
        private int agents;
        private long opening;
        private long closing;
        private long reserved;
        private long worked;
        private final EnumMap<EntryKind, Long> flows = new EnumMap<>(EntryKind.class);
        private final EnumMap<EntryKind, Long> reversals = new EnumMap<>(EntryKind.class);

        Sum(String key, String name, String team) {
            this.key = key;
            this.name = name;
            this.team = team;
            FLOWS.forEach(k -> {
                flows.put(k, 0L);
                reversals.put(k, 0L);
            });
        }

        Sum add(BalanceLine l) {
            agents += l.agents();
            opening += l.opening();
            closing += l.closing();
            reserved += l.reserved();
            worked += l.emergencyWorked();
            l.flows().forEach((k, s) -> flows.merge(k, s, Long::sum));
            l.reversals().forEach((k, s) -> reversals.merge(k, s, Long::sum));
            return this;
        }

        BalanceLine line() {
            return new BalanceLine(key, name, team, agents, opening, flows, reversals, worked, closing, reserved);
        }
    }
}
