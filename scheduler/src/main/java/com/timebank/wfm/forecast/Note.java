package com.timebank.wfm.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A remark for the planner as a message code of the bundles ({@code forecast.note.*}) and its arguments, so the
 * pages show it in the reader's language; the domain stays free of bundles and Spring.
 */
public record Note(String code, List<Object> args) {

    public Note {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Note of(String code, Object... args) {
        return new Note(code, Arrays.asList(args));
    }
}
