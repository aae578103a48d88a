package com.timebank.wfm.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/**
 * A form field of whole minutes that people type and read as hours and minutes: {@code 40:00} or {@code 37:30} (a
 * bare number is hours). Text that is neither binds as a type mismatch ({@code typeMismatch.<form>.<field>}).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HoursMinutes {

    /** Registered in {@link WebConfig} for every {@code @HoursMinutes Integer} field. */
    final class Factory implements AnnotationFormatterFactory<HoursMinutes> {

        private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,4})(?:\\s*[:：]\\s*(\\d{1,2}))?\\s*");

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(Integer.class);
        }

        @Override
        public Printer<?> getPrinter(HoursMinutes annotation, Class<?> fieldType) {
            return FORMATTER;
        }

        @Override
        public Parser<?> getParser(HoursMinutes annotation, Class<?> fieldType) {
            return FORMATTER;
        }

        static final Formatter<Integer> FORMATTER = new Formatter<>() {
            @Override
            public String print(Integer minutes, Locale locale) {
                return minutes / 60 + ":" + String.format("%02d", minutes % 60);
            }

            @Override
            public Integer parse(String text, Locale locale) throws ParseException {
                Matcher m = TEXT.matcher(text);
                if (!m.matches()) {
                    throw new ParseException(text, 0);
                }
                int minutes = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                if (minutes > 59) {
                    throw new ParseException(text, m.start(2));
                }
                return Integer.parseInt(m.group(1)) * 60 + minutes;
            }
        };
    }
}
