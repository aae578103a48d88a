package com.timebank.wfm.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Username and password pairs verified in the last few minutes, so that an API client sending HTTP Basic on every
 * request pays for the (deliberately slow) password hash once, not per request. Entries are keyed by an HMAC of
 * username and password under a random key made at start and never stored: neither the password nor a hash an
 * attacker could test guesses against offline is kept. A password change or a disabled user forgets the user's
 * entries on this instance at once; elsewhere they expire after {@link #TTL}.
 */
public final class VerifiedCredentials {

    public static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 20_000;

    private record Entry(String username, WfmPrincipal principal) {
    }

    private final SecretKeySpec key;
    private final Cache<String, Entry> verified;

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

    /** Forgets every verified password of the user (password changed, user disabled or changed). */
    public void forget(String username) {
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
