package com.timebank.wfm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down password guessing. Failures are counted per account, per client address and per pair of both over a
 * 15-minute window; from the 5th failure of an account (20th of an address) the next attempts are refused for a
 * delay that doubles with each further failure: 15 s, 30 s, ... at most 5 minutes for an account, 15 for an
 * address. A refused attempt is not checked and does not count; an admitted one counts before it is checked.
 * <p>
 * So that an attacker cannot keep a real user out, an address from which the account signed in successfully in the
 * last 24 hours is held only by its own failures for that account, not by the account's or the address's.
 * The counts live in this instance's memory (bounded): each instance of a cluster counts on its own.
 */
public final class SignInThrottle {

    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofSeconds(15);
    static final Duration ACCOUNT_CAP = Duration.ofMinutes(5);
    static final Duration ADDRESS_CAP = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Cache<String, Failures> failures = Caffeine.newBuilder().maximumSize(MAX_TRACKED)
            .expireAfterWrite(WINDOW.plus(ADDRESS_CAP).toMinutes(), TimeUnit.MINUTES).build();
    private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder().maximumSize(MAX_TRACKED)
            .expireAfterWrite(24, TimeUnit.HOURS).build();

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must wait, if it is refused now. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration wait = remaining(pair(username, address), now);
        if (knownAddresses.getIfPresent(pair(username, address)) == null) {
            wait = max(wait, max(remaining(account(username), now), remaining(address(address), now)));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Admits an attempt to have its password checked, or says how long it must wait. An admitted attempt counts as a
     * failure at once, before the (slow) hash, so that guesses sent in parallel are held from the 5th on instead of
     * all being checked before the first failure counts; a success gives the count back ({@link #succeeded}), and so
     * does an attempt that was not checked after all ({@link #notChecked}).
     */
    public synchronized Optional<Duration> admit(String username, String address) {
        Optional<Duration> wait = refusal(username, address);
        if (wait.isEmpty()) {
            failed(username, address);
        }
        return wait;
    }

    /** Counts a wrong password (or unknown user) from the address. */
    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        count(account(username), ACCOUNT_FAILURES, ACCOUNT_CAP, now);
        count(pair(username, address), ACCOUNT_FAILURES, ACCOUNT_CAP, now);
        count(address(address), ADDRESS_FAILURES, ADDRESS_CAP, now);
    }

    /**
     * The user proved the password: their count starts again and the address is known for them; the address's count
     * loses the failure its admission counted.
     */
    public synchronized void succeeded(String username, String address) {
        failures.invalidate(account(username));
        failures.invalidate(pair(username, address));
        uncount(address(address), ADDRESS_FAILURES);
        knownAddresses.put(pair(username, address), Boolean.TRUE);
    }

    /** An admitted attempt that was not decided by its password (e.g. a disabled user, no database): not a failure. */
    public synchronized void notChecked(String username, String address) {
        uncount(account(username), ACCOUNT_FAILURES);
        uncount(pair(username, address), ACCOUNT_FAILURES);
        uncount(address(address), ADDRESS_FAILURES);
    }

    /** The delay after the {@code count}-th failure in the window, for the given threshold and cap. */
    static Duration delay(int count, int threshold, Duration cap) {
        if (count < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - threshold, 20);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private void count(String key, int threshold, Duration cap, Instant now) {
        failures.asMap().compute(key, (k, f) -> {
            if (f == null || f.first().plus(WINDOW).isBefore(now)) {
                f = new Failures(0, now, null);
            }
            int n = f.count() + 1;
            Duration d = delay(n, threshold, cap);
            return new Failures(n, f.first(), d.isZero() ? null : now.plus(d));
        });
    }

    /**
     * Takes one failure back. Below the threshold the hold ends; above it the hold stays as it is (at most one delay
     * step longer than without that failure: the earlier hold cannot be rebuilt).
     */
    private void uncount(String key, int threshold) {
        failures.asMap().computeIfPresent(key, (k, f) -> {
            int n = f.count() - 1;
            if (n <= 0) {
                return null;
            }
            return new Failures(n, f.first(), n < threshold ? null : f.lockedUntil());
        });
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String account(String username) {
        return "u\u0000" + username;
    }

    private static String address(String address) {
        return "a\u0000" + address;
    }

    private static String pair(String username, String address) {
        return "p\u0000" + username + "\u0000" + address;
    }
}
