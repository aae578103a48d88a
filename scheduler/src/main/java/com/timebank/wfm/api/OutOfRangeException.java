package com.timebank.wfm.api;

import java.util.List;

/**
 * 422: a well-formed value outside the range the service accepts (see {@link DateBounds}), naming the field. Its
 * reasons have codes {@code range.*}; a refused upload whose lines are all out of range is 422 too.
 */
public class OutOfRangeException extends InvalidInputException {

    static final String CODE_PREFIX = "range.";

    public OutOfRangeException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).reason() : Message.of("problem.invalid-fields", errors.size()), errors);
    }

    public static OutOfRangeException of(String field, Message reason) {
        return new OutOfRangeException(List.of(FieldError.of(field, reason)));
    }

    /** The same reasons named after the field they were found in (a parameter or a JSON path). */
    public OutOfRangeException forField(String field) {
        return new OutOfRangeException(errors().stream().map(e -> e.at(e.line(), field)).toList());
    }

    /** The range refusal somewhere in a chain of causes (a converter or a JSON deserializer wraps it), or null. */
    public static OutOfRangeException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfRangeException r) {
                return r;
            }
        }
        return null;
    }
}
