package com.timebank.wfm.api;

import java.text.ParseException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Dates in query parameters, path variables and form fields are checked against {@link DateBounds} as they are
 * converted, whether they carry {@code @DateTimeFormat} or not: one rule for every controller and page, answered
 * with 422 naming the parameter (pages show it next to the field).
 */
@Configuration(proxyBeanMethods = false)
class DateParamsConfig implements WebMvcConfigurer {

    private static final Parser<YearMonth> YEAR_MONTH = (text, locale) -> YearMonth.parse(text);

    private final Clock clock;

    DateParamsConfig(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, bounded(new org.springframework.format.datetime.standard
                .TemporalAccessorParser(LocalDate.class, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE)));
        registry.addFormatterForFieldType(YearMonth.class, bounded(YEAR_MONTH));
        registry.addFormatterForFieldAnnotation(new BoundedAnnotated());
    }

    private <T> Formatter<T> bounded(Parser<T> parser) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) throws ParseException {
                return check(parser.parse(text, locale));
            }

            @Override
            public String print(T value, Locale locale) {
                return value.toString();
            }
        };
    }

    @SuppressWarnings("unchecked")
    <T> T check(T value) {
        LocalDate today = LocalDate.now(clock);
        Message reason = null;
        if (value instanceof LocalDate d) {
            reason = DateBounds.check(d, today).orElse(null);
        } else if (value instanceof LocalDateTime t) {
            reason = DateBounds.check(t.toLocalDate(), today).orElse(null);
        } else if (value instanceof YearMonth m) {
            reason = DateBounds.check(m, today).orElse(null);
        }
        if (reason != null) {
            throw OutOfRangeException.of("value", reason);
        }
        return value;
    }

    /** {@code @DateTimeFormat} as Spring reads it, with the range check after parsing. */
    private final class BoundedAnnotated implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory plain =
                new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class, LocalDateTime.class, YearMonth.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return fieldType == YearMonth.class ? (Printer<YearMonth>) (m, l) -> m.toString() : plain.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            Parser<?> parser = fieldType == YearMonth.class && annotation.pattern().isEmpty()
                    ? YEAR_MONTH : plain.getParser(annotation, fieldType);
            return (text, locale) -> check(parser.parse(text, locale));
        }
    }
}
