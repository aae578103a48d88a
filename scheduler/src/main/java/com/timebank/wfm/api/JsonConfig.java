package com.timebank.wfm.api;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Scalars are not coerced ("30" is no whole number, 30 is no text), except that decimals may be strings: the API
 * writes rates as {@code "0.037"} so that no client turns them into binary floating point. Every date in a JSON
 * body is checked against {@link DateBounds} (422 naming the field).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalarsAndBoundedDates(Clock clock) {
        return builder -> builder
                .deserializerByType(LocalDate.class, new Bounded<>(LocalDateDeserializer.INSTANCE,
                        (d, today) -> DateBounds.check(d, today).orElse(null), clock))
                .deserializerByType(LocalDateTime.class, new Bounded<>(LocalDateTimeDeserializer.INSTANCE,
                        (t, today) -> DateBounds.check(t.toLocalDate(), today).orElse(null), clock))
                .deserializerByType(YearMonth.class, new Bounded<>(YearMonthDeserializer.INSTANCE,
                        (m, today) -> DateBounds.check(m, today).orElse(null), clock))
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Float)
                            .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
                    // a number or true/false for a text field is a client's mistake, not text
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
    }

    /** Reads a date as Jackson does, then refuses it outside the accepted range. */
    private static final class Bounded<T> extends JsonDeserializer<T> {

        interface Check<T> {
            Message reason(T value, LocalDate today);
        }

        private final JsonDeserializer<T> plain;
        private final Check<T> check;
        private final Clock clock;

        Bounded(JsonDeserializer<T> plain, Check<T> check, Clock clock) {
            this.plain = plain;
            this.check = check;
            this.clock = clock;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = plain.deserialize(p, ctxt);
            if (value != null) {
                Message reason = check.reason(value, LocalDate.now(clock));
                if (reason != null) {
                    throw OutOfRangeException.of(p.currentName(), reason);
                }
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return plain.handledType();
        }
    }
}
