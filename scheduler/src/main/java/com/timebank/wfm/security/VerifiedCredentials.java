package com.timebank.wfm.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Username and password pairs verified in the last few minutes, so that an API client sending HTTP Basic on every
 * request pays for the (deliberately slow) password hash once, not per request. Entries are keyed by an HMAC of
 * username and password under a random key made at start and never stored: neither the password nor a hash an
 * attacker could test guesses against offline is kept. A password change or a disabled user forgets the user's
 * entries on this instance at once; elsewhere they expire after {@link #TTL}.
 * <p>
 * Requests sent at once with the same new credentials (an app opening several views at shift start) share one
 * check instead of each hashing the password: the others wait for it and are accepted if it succeeds.
 */
public final class VerifiedCredentials {

    public static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 20_000;

    private record Entry(String username, WfmPrincipal principal) {
    }

    private final SecretKeySpec key;
    private final Cache<String, Entry> verified;
    /** Checks running now, by key: their principal, or null when it failed or the user's entries were forgotten. */
    private final ConcurrentHashMap<String, CompletableFuture<WfmPrincipal>> checking = new ConcurrentHashMap<>();
    /** Counts {@link #forget}s: a check that saw the count change may have read a password that no longer holds. */
    private final AtomicLong forgets = new AtomicLong();

    public VerifiedCredentials() {
        this(TTL, MAX_ENTRIES);
    }

    VerifiedCredentials(Duration ttl, int maxEntries) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
        verified = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
    }

    /** The user signed in with exactly these credentials within the TTL, if so. */
    public Optional<WfmPrincipal> find(String username, String password) {
        Entry e = verified.getIfPresent(keyOf(username, password));
        return e == null ? Optional.empty() : Optional.of(e.principal());
    }

    public void remember(String username, String password, WfmPrincipal principal) {
        verified.put(keyOf(username, password), new Entry(username, principal));
    }

    /**
     * Accepts the pair from the cache ({@code accepted}), or runs {@code check} (the password hash) and remembers the
     * principal it returns. While another thread checks the same pair, waits for it: its success is accepted here
     * too; after its failure this thread checks for itself, so that every wrong attempt is counted and audited.
     */
    Authentication verify(String username, String password, Supplier<Authentication> check,
            Function<WfmPrincipal, Authentication> accepted) {
        String key = keyOf(username, password);
        Entry known = verified.getIfPresent(key);
        if (known != null && known.principal().isEnabled()) {
            return accepted.apply(known.principal());
        }
        CompletableFuture<WfmPrincipal> mine = new CompletableFuture<>();
        CompletableFuture<WfmPrincipal> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            WfmPrincipal shared = running.join();
            return shared != null && shared.isEnabled() ? accepted.apply(shared)
                    : checkAndRemember(key, username, check, null);
        }
        try {
            return checkAndRemember(key, username, check, mine);
        } finally {
            checking.remove(key, mine);
            mine.complete(null);
        }
    }

    private Authentication checkAndRemember(String key, String username, Supplier<Authentication> check,
            CompletableFuture<WfmPrincipal> waiting) {
        long forgetsBefore = forgets.get();
        Authentication result = check.get();
        if (result.getPrincipal() instanceof WfmPrincipal principal) {
            verified.put(key, new Entry(username, principal));
            // a forget while the hash ran: the check may have read a password that no longer holds; the put comes
            // first, so a forget after this test removes it too
            if (forgets.get() != forgetsBefore) {
                verified.invalidate(key);
                return result;
            }
            if (waiting != null) {
                waiting.complete(principal);
            }
        }
        return result;
    }

    /**
     * Forgets every verified password of the user (password changed, user disabled or changed), now and, when called
     * in a transaction, again once it ends: a check running meanwhile still reads the stored password from before.
     */
    public void forget(String username) {
        forgetNow(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow(username);
                }
            });
        }
    }

    private void forgetNow(String username) {
        forgets.incrementAndGet();
        verified.asMap().values().removeIf(e -> e.username().equals(username));
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private String keyOf(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            // the separator cannot occur in a username, so ("ab", "c") and ("a", "bc") differ
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
