package com.timebank.wfm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The throttle holds password guesses sent in parallel, not only one after another. */
class SignInProviderTest {

    /** Every hash waits at the gate until the test opens it: no guess fails before all have been let through. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger hashed = new AtomicInteger();
    private final PasswordEncoder slowEncoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashed.incrementAndGet();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return raw.toString().equals(encoded);
        }
    };

    private SignInProvider provider(SignInThrottle throttle) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("li").password("right password").roles("AGENT").build());
        return new SignInProvider(users, users, slowEncoder, new VerifiedCredentials(), throttle, event -> {
        });
    }

    @Test
    void parallelGuessesAreHeldFromTheFifthNotAfterAllWereHashed() throws Exception {
        SignInProvider provider = provider(new SignInThrottle(Clock.systemUTC()));
        int guesses = 12;
        AtomicInteger throttled = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "guess " + i;
                done.add(pool.submit(() -> {
                    try {
                        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("li", guess));
                    } catch (SignInThrottledException e) {
                        throttled.incrementAndGet();
                    } catch (BadCredentialsException e) {
                        wrong.incrementAndGet();
                    }
                }));
            }
            // every guess is either refused or waiting in its hash: only then may the hashes fail
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hashed.get() + throttled.get() < guesses && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            gate.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hashed.get()).as("guesses checked").isEqualTo(SignInThrottle.ACCOUNT_FAILURES);
        assertThat(wrong.get()).isEqualTo(SignInThrottle.ACCOUNT_FAILURES);
        assertThat(throttled.get()).isEqualTo(guesses - SignInThrottle.ACCOUNT_FAILURES);
    }

    @Test
    void aSuccessGivesItsAdmissionBack() {
        gate.countDown();
        SignInThrottle throttle = new SignInThrottle(Clock.systemUTC());
        SignInProvider provider = provider(throttle);
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES - 1; i++) {
            throttle.failed("li", "unknown");
        }
        // admitted as the 5th failure, then proved: the user is not held by their own sign-in
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("li", "right password"));
        assertThat(throttle.refusal("li", "unknown")).isEmpty();
        assertThat(throttle.refusal("li", "10.0.0.1")).isEmpty();
    }
}
