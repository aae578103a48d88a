package com.timebank.wfm.security;

import java.util.Map;
import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored: Argon2id (no length limit, unlike BCrypt's 72 bytes), as {@code {argon2}...}. Hashes
 * stored before, BCrypt without a prefix or as {@code {bcrypt}...}, still verify and are replaced by Argon2id at the
 * user's next successful sign-in.
 */
public final class Passwords {

    /** Longer passwords are refused when set and never checked at sign-in (characters, not bytes). */
    public static final int MAX_LENGTH = 1024;

    private Passwords() {
    }

    static PasswordEncoder encoder() {
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return new Bounded(delegating, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Each Argon2 hash takes 16 MB and tens of milliseconds of one core: at most a few at once, so a burst of sign-ins
     * queues instead of exhausting the heap.
     */
    private static final class Bounded implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final Semaphore slots;

        Bounded(PasswordEncoder delegate, int concurrent) {
            this.delegate = delegate;
            this.slots = new Semaphore(concurrent, true);
        }

        @Override
        public String encode(CharSequence raw) {
            slots.acquireUninterruptibly();
            try {
                return delegate.encode(raw);
            } finally {
                slots.release();
            }
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            slots.acquireUninterruptibly();
            try {
                return delegate.matches(raw, encoded);
            } finally {
                slots.release();
            }
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }
    }
}
