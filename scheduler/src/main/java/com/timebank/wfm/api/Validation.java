package com.timebank.wfm.api;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so a request is refused once with every reason, not one reason per round trip. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    /** Adds the field's reason (a message code and its arguments) unless {@code ok}. */
    public Validation require(boolean ok, String field, String code, Object... args) {
        if (!ok) {
            errors.add(FieldError.of(field, code, args));
        }
        return this;
    }

    public Validation add(FieldError error) {
        errors.add(error);
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw InvalidInputException.of(errors);
        }
    }
}
