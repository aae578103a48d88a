package com.timebank.wfm.api;

import java.util.Comparator;
import java.util.List;

/**
 * 400 with every reason listed, so a client can fix a whole request or file in one go. A long list is cut to its
 * first {@link UploadErrors#MAX_LISTED} entries by line; {@link #total()} still counts them all.
 */
public class InvalidInputException extends RefusedException {

    private final transient List<FieldError> errors;
    private final int total;

    public InvalidInputException(Message reason, List<FieldError> errors, int total) {
        super(reason);
        this.errors = List.copyOf(errors);
        this.total = Math.max(total, this.errors.size());
    }

    public InvalidInputException(Message reason, List<FieldError> errors) {
        this(reason, errors, errors.size());
    }

    /** A text without a code: shown as written, untranslated. */
    @Deprecated
    public InvalidInputException(String text, List<FieldError> errors) {
        this(new Message(text, null), errors);
    }

    /** Every reason; the summary is the only reason, or how many there are. */
    public static InvalidInputException of(List<FieldError> errors) {
        return new InvalidInputException(errors.size() == 1 ? errors.get(0).reason()
                : Message.of("problem.invalid-fields", errors.size()), errors);
    }

    public static InvalidInputException of(String field, String code, Object... args) {
        return of(field, Message.of(code, args));
    }

    public static InvalidInputException of(String field, Message reason) {
        return new InvalidInputException(reason, List.of(FieldError.of(field, reason)));
    }

    /** An upload refused whole: the bad lines in line order (the first ones if there are many); nothing was written. */
    public static InvalidInputException refusedFile(UploadErrors errors) {
        List<FieldError> listed = errors.listed();
        return new InvalidInputException(Message.of(listed.size() < errors.total() ? "upload.refused.listed"
                : "upload.refused", errors.total(), errors.lines(), listed.size()), listed, errors.total());
    }

    /** An upload refused whole, every bad line listed in line order; nothing of it was written. */
    public static InvalidInputException refusedFile(List<FieldError> errors) {
        UploadErrors collected = new UploadErrors();
        errors.forEach(collected::add);
        return refusedFile(collected);
    }


    public List<FieldError> errors() {
        return errors;
    }

    /**
     * 422 when every reason is a value out of its allowed range (codes {@code range.*}: well-formed but refused),
     * else 400.
     */
    public org.springframework.http.HttpStatus status() {
        return !errors.isEmpty() && errors.stream().allMatch(e -> e.code().startsWith(OutOfRangeException.CODE_PREFIX))
                ? org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY : org.springframework.http.HttpStatus.BAD_REQUEST;
    }

    /** How many reasons there were, listed or not. */
    public int total() {
        return total;
    }

    static Comparator<FieldError> byLine() {
        return Comparator.comparing(e -> e.line() == null ? 0 : e.line());
    }
}
