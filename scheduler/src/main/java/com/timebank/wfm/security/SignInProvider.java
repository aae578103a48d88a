package com.timebank.wfm.security;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password for HTTP Basic and the sign-in form: refused unchecked while throttled, accepted
 * from {@link VerifiedCredentials} when the same pair was verified minutes ago (or once another request with it, being
 * checked now, succeeds), else verified against the stored hash (a hash of an older scheme is replaced by an Argon2id
 * one on success).
 */
final class SignInProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider hashes;
    private final VerifiedCredentials verified;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    SignInProvider(UserDetailsService users, UserDetailsPasswordService upgrades, PasswordEncoder encoder,
            VerifiedCredentials verified, SignInThrottle throttle, ApplicationEventPublisher events) {
        this.hashes = new DaoAuthenticationProvider(encoder);
        this.hashes.setUserDetailsService(users);
        this.hashes.setUserDetailsPasswordService(upgrades);
        this.verified = verified;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication auth) throws AuthenticationException {
        String username = auth.getName();
        String password = auth.getCredentials() == null ? "" : auth.getCredentials().toString();
        String address = auth.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        Optional<java.time.Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            events.publishEvent(new SignInEvent(username, address, SignInEvent.Outcome.THROTTLED));
            throw new SignInThrottledException(wait.get());
        }
        return verified.verify(username, password, () -> check(auth, username, password, address), known -> {
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                    known, null, known.getAuthorities());
            result.setDetails(auth.getDetails());
            return result;
        });
    }

    /**
     * The password hash: admitted by the throttle, which counts the attempt as a failure before hashing (parallel
     * guesses cannot all pass before one has counted) and takes it back on success; audited either way.
     */
    private Authentication check(Authentication auth, String username, String password, String address) {
        Optional<java.time.Duration> wait = throttle.admit(username, address);
        if (wait.isPresent()) {
            events.publishEvent(new SignInEvent(username, address, SignInEvent.Outcome.THROTTLED));
            throw new SignInThrottledException(wait.get());
        }
        Authentication result;
        try {
            if (password.length() > Passwords.MAX_LENGTH) {
                // never a stored password: refused without spending a hash on it
                throw new BadCredentialsException("Bad credentials");
            }
            result = hashes.authenticate(auth);
        } catch (BadCredentialsException e) {
            // counted when admitted
            events.publishEvent(new SignInEvent(username, address, SignInEvent.Outcome.FAILED));
            throw e;
        } catch (AuthenticationException e) {
            throttle.notChecked(username, address);
            events.publishEvent(new SignInEvent(username, address, SignInEvent.Outcome.FAILED));
            throw e;
        } catch (RuntimeException | Error e) {
            throttle.notChecked(username, address);
            throw e;
        }
        throttle.succeeded(username, address);
        events.publishEvent(new SignInEvent(username, address, SignInEvent.Outcome.SUCCEEDED));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
