package com.timebank.wfm.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Builds the API's RFC 9457 problem details: {@code type}, {@code title}, {@code status}, {@code detail}, a stable
 * {@code code} with its {@code args}, and for validation {@code errors[]} of {@code {line?, field, message, code,
 * args}}. Texts are rendered from the message bundles in the request's {@code Accept-Language} (English unless
 * Simplified Chinese is asked for); clients that branch on a reason read {@code code}.
 */
@Component
public class Problems {

    private static final String TYPE_BASE = "https://timebank-wfm.example/problems/";
    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[] {"malformed-request", "Malformed request"}),
            Map.entry(401, new String[] {"unauthenticated", "Unauthenticated"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(413, new String[] {"too-large", "Request too large"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(422, new String[] {"business-rule", "Refused by a business rule"}),
            Map.entry(500, new String[] {"internal", "Internal error"}));

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** One reason of an {@code errors[]} list, rendered for the reader. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorView(Integer line, String field, String message, String code, List<Object> args) {
    }

    /** A problem of the usual type and title for its status. */
    public ProblemDetail of(HttpStatusCode status, Message reason, HttpServletRequest request) {
        String[] kind = kind(status.value());
        return of(status, kind[0], kind[1], reason, request);
    }

    public ProblemDetail of(HttpStatusCode status, String type, String title, Message reason,
            HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, render(reason, locale));
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        p.setProperty("code", reason.code());
        p.setProperty("args", reason.args());
        return p;
    }

    /** Adds the list of reasons; {@code total} counts those not listed too. */
    public ProblemDetail withErrors(ProblemDetail p, List<FieldError> errors, int total, HttpServletRequest request) {
        Locale locale = locale(request);
        p.setProperty("errors", errors.stream().map(e -> new ErrorView(e.line(), e.field(), render(e.reason(), locale),
                e.code(), e.args())).toList());
        if (total > errors.size()) {
            p.setProperty("errorCount", total);
        }
        return p;
    }

    /** The problem of a refusal the services raised, with its listed reasons. */
    public ProblemDetail of(HttpStatus status, InvalidInputException e, HttpServletRequest request) {
        ProblemDetail p = status == HttpStatus.UNPROCESSABLE_ENTITY
                ? of(status, "out-of-range", "Out of range", e.reason(), request)
                : of(status, "invalid-input", "Invalid input", e.reason(), request);
        return withErrors(p, e.errors(), e.total(), request);
    }

    public String render(Message reason, Locale locale) {
        return messages.getMessage(reason, locale);
    }

    /** English unless the client asks for Simplified Chinese (any {@code zh} but the traditional variants). */
    public static Locale locale(HttpServletRequest request) {
        String header = request == null ? null : request.getHeader("Accept-Language");
        if (!StringUtils.hasText(header)) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                String range = r.getRange();
                if (range.startsWith("en") || range.equals("*")) {
                    return Locale.ENGLISH;
                }
                if (range.startsWith("zh") && !range.matches("zh-(tw|hk|mo|hant).*")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }

    static String[] kind(int status) {
        return BY_STATUS.getOrDefault(status, new String[] {"http-" + status,
                HttpStatus.resolve(status) != null ? HttpStatus.resolve(status).getReasonPhrase() : "Error"});
    }

    /** The reason for a bare status (what Tomcat or the servlet container refused before any controller ran). */
    public static Message statusReason(int status) {
        return Message.of(BY_STATUS.containsKey(status) || status == 408 || status == 414 || status == 429
                || status == 503 ? "problem.status." + status : "problem.status", status);
    }
}
