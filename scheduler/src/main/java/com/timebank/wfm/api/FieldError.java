package com.timebank.wfm.api;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was refused; {@code line} is set for file imports (1 = the header line), {@code reason}
 * says what is wrong as a message code with arguments (its English text is {@link #message()}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer line, String field, @JsonIgnore Message reason) implements MessageSourceResolvable {

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(null, field, Message.of(code, args));
    }

    public static FieldError atLine(int line, String field, String code, Object... args) {
        return new FieldError(line, field, Message.of(code, args));
    }

    public static FieldError of(String field, Message reason) {
        return new FieldError(null, field, reason);
    }

    public static FieldError atLine(int line, String field, Message reason) {
        return new FieldError(line, field, reason);
    }

    /** The same reason for another field or line (e.g. a row's error placed on the row's line). */
    public FieldError at(Integer line, String field) {
        return new FieldError(line, field, reason);
    }

    /** In English. */
    public String message() {
        return reason.english();
    }

    public String code() {
        return reason.code();
    }

    public List<Object> args() {
        return reason.args();
    }

    @Override
    @JsonIgnore
    public String[] getCodes() {
        return reason.getCodes();
    }

    @Override
    @JsonIgnore
    public Object[] getArguments() {
        return reason.getArguments();
    }

    @Override
    @JsonIgnore
    public String getDefaultMessage() {
        return reason.getDefaultMessage();
    }
}
