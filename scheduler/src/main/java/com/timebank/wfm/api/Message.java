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
 * same language first), or a list (shown as a list of that language, see {@link IcuMessageSource}).
 */
public record Message(String code, List<Object> args) implements MessageSourceResolvable {

    public Message {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Message of(String code, Object... args) {
        return new Message(code, Arrays.asList(args));
    }

    /**
     * An amount of time as people read it ({@code 7 h 46 min}, {@code 45 s}; Chinese {@code 7 小时 46 分钟}), as an
     * argument of another message.
     */
    public static Message duration(long seconds) {
        long abs = Math.abs(seconds);
        long hours = abs / 3600;
        long minutes = (abs % 3600) / 60;
        String sign = seconds < 0 ? "-" : "";
        if (hours == 0 && minutes == 0) {
            return of("time.seconds", sign, abs);
        }
        return minutes == 0 ? of("time.hours", sign, hours)
                : hours == 0 ? of("time.minutes", sign, minutes) : of("time.hours-minutes", sign, hours, minutes);
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
