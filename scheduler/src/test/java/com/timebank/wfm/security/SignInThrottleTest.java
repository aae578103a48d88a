package com.timebank.wfm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void delayDoublesFromTheFifthFailureUpToTheCap() {
        assertThat(SignInThrottle.delay(4, 5, Duration.ofMinutes(5))).isZero();
        assertThat(SignInThrottle.delay(5, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(15));
        assertThat(SignInThrottle.delay(6, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.delay(8, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(120));
        assertThat(SignInThrottle.delay(10, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(SignInThrottle.delay(1000, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anAccountIsHeldAfterFiveFailuresThenFreeAfterTheWait() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li", "10.0.0.1");
        }
        assertThat(throttle.refusal("li", "10.0.0.1")).isEmpty();
        throttle.failed("li", "10.0.0.1");
        assertThat(throttle.refusal("li", "10.0.0.1")).contains(Duration.ofSeconds(15));
        // from any address that has not signed in as li before
        assertThat(throttle.refusal("li", "10.0.0.2")).contains(Duration.ofSeconds(15));
        assertThat(throttle.refusal("wang", "10.0.0.2")).isEmpty();
        now = now.plusSeconds(15);
        assertThat(throttle.refusal("li", "10.0.0.1")).isEmpty();
        throttle.failed("li", "10.0.0.1");
        assertThat(throttle.refusal("li", "10.0.0.1")).contains(Duration.ofSeconds(30));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li", "10.0.0.1");
        }
        now = now.plus(SignInThrottle.WINDOW).plusSeconds(1);
        throttle.failed("li", "10.0.0.1");
        assertThat(throttle.refusal("li", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAttackerCannotLockTheUserOutOfAnAddressTheyUsedBefore() {
        throttle.succeeded("li", "10.0.0.9");
        for (int i = 0; i < 30; i++) {
            throttle.failed("li", "203.0.113.7");
        }
        assertThat(throttle.refusal("li", "203.0.113.7")).isPresent();
        assertThat(throttle.refusal("li", "10.0.0.1")).isPresent();
        assertThat(throttle.refusal("li", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressGuessingManyAccountsIsHeld() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertThat(throttle.refusal("other", "203.0.113.7")).isEmpty();
        throttle.failed("user19", "203.0.113.7");
        assertThat(throttle.refusal("other", "203.0.113.7")).contains(Duration.ofSeconds(15));
        assertThat(throttle.refusal("other", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessStartsTheAccountsCountAgain() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li", "10.0.0.1");
        }
        throttle.succeeded("li", "10.0.0.1");
        throttle.failed("li", "10.0.0.3");
        assertThat(throttle.refusal("li", "10.0.0.3")).isEmpty();
    }
}
