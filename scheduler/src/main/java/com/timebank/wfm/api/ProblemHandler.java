package com.timebank.wfm.api;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every API error as RFC 9457 {@code application/problem+json} with a stable {@code code} and {@code args}
 * (see {@link Problems}); validation errors carry {@code errors[]}. Errors raised before any controller (unknown
 * path, wrong method, Tomcat's own refusals) get the same shape from {@link ErrorEndpoint}.
 */
@RestControllerAdvice(basePackages = "com.timebank.wfm")
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE_BASE = "https://timebank-wfm.example/problems/";

    private final Problems problems;

    public ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return problems.of(HttpStatus.NOT_FOUND, e.reason(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return problems.of(HttpStatus.CONFLICT, e.reason(), request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return problems.of(HttpStatus.CONFLICT, Message.of("problem.duplicate"), request);
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail rule(BusinessRuleException e, HttpServletRequest request) {
        return problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.reason(), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request) {
        return problems.of(HttpStatus.FORBIDDEN, e.reason(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return problems.of(HttpStatus.FORBIDDEN, Message.of("problem.status.403", 403), request);
    }

    /** 400, or 422 when every reason is a value out of its range (a date before 2000, a month too far ahead). */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        return problems.of(e.status(), e, request);
    }

    /** The request body is larger than an upload may be. */
    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return problems.of(HttpStatus.PAYLOAD_TOO_LARGE, e.reason(), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        OutOfRangeException range = OutOfRangeException.in(e);
        String name = e.getPropertyName() != null ? e.getPropertyName() : "value";
        if (range != null) {
            return respond(invalid(range.forField(name), servlet(request)));
        }
        Message reason = Message.of("problem.parameter.invalid", String.valueOf(e.getValue()), name);
        return respond(problems.withErrors(problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", reason,
                servlet(request)), List.of(FieldError.of(name, reason)), 1, servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Message reason = Message.of("problem.parameter.missing", e.getParameterName());
        return respond(problems.withErrors(problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", reason,
                servlet(request)), List.of(FieldError.of(e.getParameterName(), reason)), 1, servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> FieldError.of(f.getField(), constraint(f)))
                .collect(Collectors.toCollection(ArrayList::new));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(FieldError.of(g.getObjectName(), constraint(g))));
        return respond(problems.of(HttpStatus.BAD_REQUEST, fieldsInvalid(errors), servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> FieldError.of(r.getMethodParameter().getParameterName(), constraint(err))))
                .toList();
        return respond(problems.of(HttpStatus.BAD_REQUEST, fieldsInvalid(errors), servlet(request)));
    }

    /** One field: "field: reason"; several: how many. */
    private static InvalidInputException fieldsInvalid(List<FieldError> errors) {
        return errors.size() == 1
                ? new InvalidInputException(Message.of("problem.invalid-field", errors.get(0).field(),
                        errors.get(0).reason()), errors)
                : InvalidInputException.of(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        OutOfRangeException range = OutOfRangeException.in(e);
        if (range != null) {
            String field = e.getCause() instanceof JsonMappingException j ? path(j) : null;
            return respond(invalid(field == null ? range : range.forField(field), servlet(request)));
        }
        String field = null;
        Message reason;
        Throwable cause = e.getCause();
        StreamReadException duplicate = duplicateField(cause);
        if (duplicate != null) {
            field = path(duplicate.getProcessor().getParsingContext());
            reason = Message.of("problem.json.duplicate-field", field);
        } else if (cause instanceof UnrecognizedPropertyException u) {
            field = path(u);
            reason = Message.of("problem.json.unknown-field", u.getPropertyName());
        } else if (cause instanceof InvalidFormatException f) {
            field = path(f);
            reason = Message.of("problem.json.invalid-value", String.valueOf(f.getValue()), type(f.getTargetType()),
                    field);
        } else if (cause instanceof MismatchedInputException m) {
            field = path(m);
            reason = field.isEmpty() ? Message.of("problem.json.wrong-body-type", type(m.getTargetType()))
                    : Message.of("problem.json.wrong-type", field, type(m.getTargetType()));
        } else if (cause instanceof JsonMappingException j && j.getCause() != null) {
            field = path(j);
            reason = Message.of("problem.json.invalid", j.getCause().getMessage());
        } else if (cause != null) {
            reason = Message.of("problem.json.malformed", firstLine(cause.getMessage()));
        } else {
            reason = Message.of("problem.body.missing");
        }
        ProblemDetail p = problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", reason,
                servlet(request));
        if (field != null) {
            problems.withErrors(p, List.of(FieldError.of(field, reason)), 1, servlet(request));
        }
        return respond(p);
    }

    /**
     * Spring MVC's own refusals (wrong method or media type, unknown path, upload too large…) with a code; their
     * headers ({@code Allow}, {@code Accept}) are kept.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail p && p.getProperties() != null && p.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        ProblemDetail p = problems.of(status, reasonOf(e, status.value()), servlet(request));
        return super.handleExceptionInternal(e, p, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpHeaders h = new HttpHeaders();
        if (headers != null) {
            h.putAll(headers);
        }
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, status);
    }

    /**
     * The database could not be reached, or a commit's answer was lost while a node failed (the database module's
     * CommitOutcomeUnknownException is transient too): 503 with Retry-After, so a client repeats the request, with
     * the same Idempotency-Key when it creates something.
     */
    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> databaseBusy(TransientDataAccessException e, HttpServletRequest request) {
        log.warn("Transient database failure: {}", e.getMostSpecificCause().toString());
        return unavailable(Message.of("problem.database.unavailable"), request);
    }

    /** Includes a transaction whose connection broke under it (e.g. "JDBC rollback failed" after a node died). */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e, HttpServletRequest request) {
        log.warn("Database unreachable: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        return unavailable(Message.of("problem.database.unavailable"), request);
    }

    private ResponseEntity<ProblemDetail> unavailable(Message reason, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, reason, request));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error", e);
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Message.of("problem.internal"), request);
    }

    /** The reason of an exception Spring MVC or the container raised, or of a bare status. */
    static Message reasonOf(Throwable e, int status) {
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return Message.of("problem.method-not-allowed", m.getMethod(),
                    m.getSupportedHttpMethods() == null ? "" : m.getSupportedHttpMethods().stream()
                            .map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return Message.of("problem.unsupported-media-type",
                    m.getContentType() == null ? "" : m.getContentType().toString(),
                    m.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return Message.of("problem.not-acceptable",
                    m.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return Message.of("problem.no-such-path");
        }
        if (e instanceof MaxUploadSizeExceededException m) {
            return PayloadTooLargeException.reason(m.getMaxUploadSize());
        }
        if (e instanceof Refusal r) {
            return r.reason();
        }
        return Problems.statusReason(status);
    }

    private ResponseEntity<Object> respond(ProblemDetail p) {
        return createResponseEntity(p, null, HttpStatusCode.valueOf(p.getStatus()), null);
    }

    private static Message constraint(org.springframework.context.MessageSourceResolvable error) {
        // Bean Validation's codes (NotNull, Size…) with the constraint's attributes as arguments
        String[] codes = error.getCodes();
        String last = codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
        Object[] args = error.getArguments() == null ? new Object[0] : Arrays.stream(error.getArguments())
                .filter(a -> !(a instanceof org.springframework.context.MessageSourceResolvable)).toArray();
        return Message.of("validation." + last, args);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
    }

    /** A problem for callers outside Spring MVC (the security filters): English, with the code of its type. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        p.setProperty("code", "problem." + type);
        p.setProperty("args", List.of());
        return p;
    }

    /**
     * The error of a field met twice (strict duplicate detection), or null. Jackson raises a plain parse error for it,
     * told apart only by its message and wrapped in the path of the record being read; the parser's context stands on
     * the repeated field.
     */
    private static StreamReadException duplicateField(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException e && e.getProcessor() != null && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Duplicate field")) {
                return e;
            }
        }
        return null;
    }

    private static String path(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            names.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The kind of value expected, as a message of its own (so it reads in the reader's language). */
    private static Message type(Class<?> type) {
        if (type == null) {
            return Message.of("type.value");
        }
        if (type.isEnum()) {
            return Message.of("type.enum", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        return Message.of(switch (type.getSimpleName()) {
            case "LocalDate" -> "type.date";
            case "YearMonth" -> "type.month";
            case "LocalDateTime" -> "type.datetime";
            case "LocalTime" -> "type.time";
            case "int", "Integer", "long", "Long", "short", "Short" -> "type.integer";
            case "BigDecimal", "double", "Double" -> "type.decimal";
            case "String" -> "type.text";
            case "boolean", "Boolean" -> "type.boolean";
            case "List", "Set", "Collection" -> "type.list";
            default -> "type.object";
        });
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
