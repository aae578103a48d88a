package com.timebank.wfm.api;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so a request is refused once with every reason, not one reason per round trip. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(FieldError.of(field, message));
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
            throw new InvalidInputException(errors.size() == 1 ? errors.get(0).message()
                    : errors.size() + " invalid fields", errors);
        }
    }
}
