package com.timebank.wfm.ledger;

/**
 * An agent's time-bank account: {@code balance = sum(entries)}, {@code reserved} = pending debits,
 * {@code available = balance − reserved}. All three are never negative.
 */
public record Account(long agentId, long balanceSeconds, long reservedSeconds) {

    public Account {
        if (balanceSeconds < 0 || reservedSeconds < 0 || reservedSeconds > balanceSeconds) {
            throw new IllegalStateException("Account " + agentId + " would break an invariant: balance "
                    + balanceSeconds + ", reserved " + reservedSeconds);
        }
    }

    public static Account empty(long agentId) {
        return new Account(agentId, 0, 0);
    }

    public long availableSeconds() {
        return balanceSeconds - reservedSeconds;
    }

    /** Applies a credit or a debit of unreserved time; a debit may not exceed the available balance. */
    public Account post(long seconds) {
        if (seconds < 0 && -seconds > availableSeconds()) {
            throw new InsufficientBalanceException(agentId, -seconds, availableSeconds());
        }
        return new Account(agentId, balanceSeconds + seconds, reservedSeconds);
    }

    /** Holds a pending debit. */
    public Account reserve(long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("A reservation must be positive");
        }
        if (seconds > availableSeconds()) {
            throw new InsufficientBalanceException(agentId, seconds, availableSeconds());
        }
        return new Account(agentId, balanceSeconds, reservedSeconds + seconds);
    }

    public Account release(long seconds) {
        return new Account(agentId, balanceSeconds, reservedSeconds - seconds);
    }

    /** Turns a held reservation into the debit it stood for. */
    public Account postReserved(long seconds) {
        return new Account(agentId, balanceSeconds - seconds, reservedSeconds - seconds);
    }
}
