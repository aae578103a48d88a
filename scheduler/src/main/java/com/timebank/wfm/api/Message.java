package com.timebank.wfm.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A text for a person: a stable code of the message bundles ({@code i18n/messages*.properties}) and its arguments,
 * so that every reader gets it in their own language. The API's problem details carry {@code code} and
 * {@code args} (with {@code detail} in English or the request's {@code Accept-Language}); the pages render it from
 * the bundles in the reader's language. Patterns are ICU MessageFormat, so plurals are written
 * {@code {0,plural,one{# day} other{# days}}}. An argument may itself be a {@code Message} (it is rendered in the
 * same language first).
 */
public record Message(String code, List<Object> args) implements MessageSourceResolvable {

    public Message {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Message of(String code, Object... args) {
        return new Message(code, Arrays.asList(args));
    }

    /** In English, as API clients that read {@code detail}, logs and exception messages get it. */
    public String english() {
        return IcuMessageSource.english(this);
    }

    @Override
    @JsonIgnore
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    @JsonIgnore
    public Object[] getArguments() {
        return args.toArray();
    }

    /** A code missing from the bundles shows as itself rather than failing the page that shows it. */
    @Override
    @JsonIgnore
    public String getDefaultMessage() {
        return code;
    }

    @Override
    public String toString() {
        return english();
    }
}
