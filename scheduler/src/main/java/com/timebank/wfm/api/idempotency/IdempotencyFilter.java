package com.timebank.wfm.api.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.api.ClientKey;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Problems;
import com.timebank.wfm.api.ServletBody;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Idempotency-Key} on every API POST: the first request with a key (per user) runs and its successful answer
 * is stored; a retry with the same key and the same body gets that answer again (status, {@code Location} and body,
 * with {@code Idempotent-Replayed: true}) and changes nothing; the same key with another body or path is refused
 * (422). A retry that arrives while the first still runs waits for it (up to {@link #WAIT}, then 409). The keys
 * live in the database, so this holds across restarts and instances. A refused or failed request writes nothing
 * and frees its key. Keys are kept for {@link #KEPT}. A URL longer than a key's record holds is refused (414) before
 * anything is stored.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = ClientKey.HEADER;
    static final Duration KEPT = Duration.ofHours(24);
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1," + ClientKey.MAX_LENGTH + "}");

    private final IdempotencyRepository keys;
    private final Problems problems;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotencyFilter(IdempotencyRepository keys, Problems problems, ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.startsWith("/api/") || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, Message.of("idempotency.key.invalid", HEADER));
            return;
        }
        String user = auth.getName();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (path.length() > IdempotencyRepository.MAX_PATH) {
            refuse(request, response, HttpStatus.URI_TOO_LONG,
                    Message.of("idempotency.key.path-too-long", path.length(), IdempotencyRepository.MAX_PATH, HEADER));
            return;
        }
        keys.expire(now().minus(KEPT));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (keys.claim(user, key, request.getMethod(), path, now())) {
                runFirst(request, response, chain, keys.find(user, key).orElseThrow());
                return;
            }
            Optional<IdempotencyRepository.Stored> found = keys.find(user, key);
            if (found.isEmpty()) {
                continue; // the first request was refused and freed the key: this one runs
            }
            IdempotencyRepository.Stored stored = found.get();
            if (!stored.method().equals(request.getMethod()) || !stored.path().equals(path)) {
                refuse(request, response, HttpStatus.UNPROCESSABLE_ENTITY,
                        Message.of("idempotency.key.other-request", stored.method(), stored.path()));
                return;
            }
            if (stored.completed()) {
                if (stored.requestHash().equals(hash(request.getInputStream()))) {
                    replay(stored, response);
                } else {
                    refuse(request, response, HttpStatus.UNPROCESSABLE_ENTITY,
                            Message.of("idempotency.key.other-body"));
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                refuse(request, response, HttpStatus.CONFLICT, Message.of("idempotency.key.in-progress"));
                return;
            }
            sleep();
        }
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            IdempotencyRepository.Stored claim) throws IOException, ServletException {
        Hashing hashing = new Hashing(request);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(hashing, answer);
            int status = answer.getStatus();
            if (status >= 200 && status < 300) {
                String hash = hashing.finish();
                keys.complete(claim.id(), hash, status, answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray(), now());
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(claim.id());
            }
        }
        answer.copyBodyToResponse();
    }

    private void replay(IdempotencyRepository.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Message reason)
            throws IOException {
        ProblemDetail p = problems.of(status, reason, request);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), p);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static void sleep() throws ServletException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while waiting for the first request with this key", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of a whole body, read as a stream. */
    private static String hash(InputStream body) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[65536];
        for (int n; (n = body.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The request whose body is hashed as the service reads it (and the rest at the end). */
    private static final class Hashing extends HttpServletRequestWrapper {

        private final MessageDigest digest = sha256();
        private ServletInputStream stream;

        Hashing(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = ServletBody.of(in, new DigestInputStream(in, digest));
            }
            return stream;
        }

        /** The hash of the whole body, reading whatever the service left unread. */
        String finish() throws IOException {
            InputStream rest = getInputStream();
            byte[] buffer = new byte[65536];
            while (rest.read(buffer) > 0) {
                // hashed as read
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
