package com.timebank.wfm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class VerifiedCredentialsTest {

    private static WfmPrincipal principal(String username) {
        return new WfmPrincipal(new CurrentUser(1, username, Role.AGENT, 1L, "E1", 1L, 1L, Set.of(), Set.of(), Set.of()),
                "{argon2}hash", true);
    }

    @Test
    void onlyTheExactPairIsKnownAndAPasswordChangeForgetsIt() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        verified.remember("li", "tide-orbit-77", principal("li"));
        verified.remember("wang", "tide-orbit-77", principal("wang"));
        assertThat(verified.find("li", "tide-orbit-77")).isPresent();
        assertThat(verified.find("li", "tide-orbit-78")).isEmpty();
        assertThat(verified.find("l", "itide-orbit-77")).isEmpty();
        verified.forget("li");
        assertThat(verified.find("li", "tide-orbit-77")).isEmpty();
        assertThat(verified.find("wang", "tide-orbit-77")).isPresent();
    }

    @Test
    void theCacheIsBounded() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 10);
        for (int i = 0; i < 100; i++) {
            verified.remember("u" + i, "tide-orbit-77", principal("u" + i));
        }
        assertThat(verified.size()).isLessThanOrEqualTo(10);
    }

    private static Authentication accepted(WfmPrincipal p) {
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    /** Sends the same credentials from 8 threads while the first check is held; returns what each got. */
    private static List<Object> atOnce(VerifiedCredentials verified, Supplier<Authentication> check)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Authentication>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> verified.verify("li", "tide-orbit-77", check,
                        VerifiedCredentialsTest::accepted)));
            }
            List<Object> got = new ArrayList<>();
            for (Future<Authentication> f : sent) {
                try {
                    got.add(f.get(30, TimeUnit.SECONDS).getPrincipal());
                } catch (java.util.concurrent.ExecutionException e) {
                    got.add(e.getCause());
                }
            }
            return got;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsSentAtOnceWithNewCredentialsShareOneCheck() throws Exception {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        AtomicInteger checks = new AtomicInteger();
        WfmPrincipal li = principal("li");
        // the others arrive while the hash runs, or after it: either way they are not checked again
        List<Object> got = atOnce(verified, () -> {
            checks.incrementAndGet();
            sleepQuietly(300);
            return accepted(li);
        });
        assertThat(got).hasSize(8).allSatisfy(p -> assertThat(p).isSameAs(li));
        assertThat(checks).hasValue(1);
        assertThat(verified.find("li", "tide-orbit-77")).contains(li);
    }

    @Test
    void aFailedCheckIsNotSharedEachRequestIsCheckedAndRefused() throws Exception {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        AtomicInteger checks = new AtomicInteger();
        List<Object> got = atOnce(verified, () -> {
            checks.incrementAndGet();
            sleepQuietly(20);
            throw new BadCredentialsException("Bad credentials");
        });
        assertThat(got).hasSize(8).allSatisfy(e -> assertThat(e).isInstanceOf(BadCredentialsException.class));
        assertThat(checks).hasValue(8);
        assertThat(verified.find("li", "tide-orbit-77")).isEmpty();
    }

    @Test
    void aCheckDuringWhichThePasswordChangedIsNotRemembered() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        WfmPrincipal li = principal("li");
        Authentication result = verified.verify("li", "tide-orbit-77", () -> {
            verified.forget("li");
            return accepted(li);
        }, VerifiedCredentialsTest::accepted);
        assertThat(result.getPrincipal()).isSameAs(li);
        assertThat(verified.find("li", "tide-orbit-77")).isEmpty();
    }

    @Test
    void aForgetInATransactionForgetsAgainWhenItEnds() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        TransactionSynchronizationManager.initSynchronization();
        try {
            verified.forget("li");
            // a sign-in before the commit still reads the old password and succeeds
            verified.remember("li", "old-tide-orbit-77", principal("li"));
            assertThat(verified.find("li", "old-tide-orbit-77")).isPresent();
            List<TransactionSynchronization> ending = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationUtils.invokeAfterCompletion(ending, TransactionSynchronization.STATUS_COMMITTED);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(verified.find("li", "old-tide-orbit-77")).isEmpty();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
