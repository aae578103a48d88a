package com.timebank.wfm.api;

import java.util.List;

/** 400 with every reason listed, so a client can fix a whole request or file in one go. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(message, List.of(FieldError.of(field, message)));
    }

    /** An upload refused whole: every bad line, in line order; nothing of it was written. */
    public static InvalidInputException refusedFile(List<FieldError> errors) {
        return new InvalidInputException("The file was refused: " + errors.size() + " bad line(s); nothing was imported",
                errors.stream().sorted(java.util.Comparator.comparing(e -> e.line() == null ? 0 : e.line())).toList());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
