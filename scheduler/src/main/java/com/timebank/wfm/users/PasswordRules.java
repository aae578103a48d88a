package com.timebank.wfm.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.security.Passwords;

/**
 * What a password chosen by a person must be: at least {@value #MIN_LENGTH} characters, or a passphrase of at least
 * {@value #PASSPHRASE_WORDS} different words of two characters or more separated by spaces (so four Chinese words
 * do); at most {@link Passwords#MAX_LENGTH} characters; not the username nor containing it; not one of the commonly
 * used passwords of {@code security/common-passwords.txt} (a public-domain list of about 3,500 shipped in the jar,
 * from Openwall's John the Ripper), nor one with only digits or signs around it, nor fewer than five different
 * characters. The codes start
 * with {@code range.}: the request was well-formed but the value is refused (422).
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int PASSPHRASE_WORDS = 4;
    private static final String LIST = "/security/common-passwords.txt";

    private final Set<String> common;

    PasswordRules(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** With the shipped list of common passwords. */
    static PasswordRules standard() {
        try (InputStream in = PasswordRules.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#!comment:") && !l.isBlank())
                    .forEach(l -> words.add(l.strip().toLowerCase(Locale.ROOT)));
            return new PasswordRules(words);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + LIST, e);
        }
    }

    /** The reasons the password is refused for the user, on {@code field}; empty when it is fine. */
    List<FieldError> check(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            return List.of(FieldError.of(field, "range.password.too-short", MIN_LENGTH, PASSPHRASE_WORDS));
        }
        int length = password.codePointCount(0, password.length());
        if (length > Passwords.MAX_LENGTH) {
            return List.of(FieldError.of(field, "range.password.too-long", Passwords.MAX_LENGTH));
        }
        if (length < MIN_LENGTH && !isPassphrase(password)) {
            return List.of(FieldError.of(field, "range.password.too-short", MIN_LENGTH, PASSPHRASE_WORDS));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return List.of(FieldError.of(field, "range.password.contains-username"));
        }
        if (isCommon(lower)) {
            return List.of(FieldError.of(field, "range.password.common"));
        }
        return List.of();
    }

    /**
     * A listed password, also with digits or signs around it ("password-2024!") or spaces in it, or hardly more than
     * one character repeated ("aaaaaaaaaaaa", "abababababab").
     */
    private boolean isCommon(String lower) {
        String core = lower.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
        return common.contains(lower.strip()) || common.contains(lower.replaceAll("\\s+", ""))
                || common.contains(core) || lower.codePoints().distinct().count() < 5;
    }

    private static boolean isPassphrase(String password) {
        List<String> words = Arrays.stream(password.strip().split("\\s+"))
                .filter(w -> w.codePointCount(0, w.length()) >= 2).toList();
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().count() >= PASSPHRASE_WORDS;
    }
}
