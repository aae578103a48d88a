package com.timebank.wfm.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reason a request was refused; {@code line} is set for file imports (1 = the header line). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer line, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }

    public static FieldError atLine(int line, String field, String message) {
        return new FieldError(line, field, message);
    }
}
