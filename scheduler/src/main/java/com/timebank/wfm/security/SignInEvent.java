package com.timebank.wfm.security;

/**
 * A password was checked at sign-in (HTTP Basic or the form), for the audit trail. Repeats served from
 * {@link VerifiedCredentials} are not events: they were checked already. {@code username} is as typed (it may name
 * no user).
 */
public record SignInEvent(String username, String clientAddress, Outcome outcome) {

    public enum Outcome {
        SUCCEEDED, FAILED, THROTTLED
    }
}
