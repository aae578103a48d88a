package com.timebank.wfm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
