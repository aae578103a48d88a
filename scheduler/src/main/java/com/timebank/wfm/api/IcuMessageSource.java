package com.timebank.wfm.api;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;

/**
 * Spring's bundle-backed message source with ICU's MessageFormat in place of the JDK's, so that patterns can say
 * {@code {0,plural,one{# request} other{# requests}}} and select by argument. Like Spring's own source, a pattern
 * asked for without arguments is returned as written. ICU reads a lone apostrophe as an apostrophe (only
 * {@code '{'} quotes), so patterns write "can't", not "can''t" (which still reads as one apostrophe).
 * Dates and times are shown as ISO text ({@code 2026-11-20}), as everywhere in the API. A list argument is shown as
 * a list of the reader's language ({@code a, b, c} / {@code a、b、c}), its messages rendered in that language.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

    /** The bundle of the service's own messages (problem details, validation, upload lines). */
    public static final String SERVICE_MESSAGES = "i18n/messages";

    private static final IcuMessageSource SERVICE = new IcuMessageSource();

    static {
        SERVICE.setBasenames(SERVICE_MESSAGES);
    }

    private final Map<String, Map<Locale, MessageFormat>> formats = new ConcurrentHashMap<>();

    public IcuMessageSource() {
        setDefaultEncoding("UTF-8");
        setFallbackToSystemLocale(false);
    }

    /** A service message in English without a Spring context (exception messages, logs, unit tests). */
    static String english(MessageSourceResolvable message) {
        return SERVICE.getMessage(message, Locale.ENGLISH);
    }

    /** A service message without a Spring context, in a language (the servlet container's own errors). */
    static String render(MessageSourceResolvable message, Locale locale) {
        return SERVICE.getMessage(message, locale);
    }

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale l = locale == null ? Locale.getDefault() : locale;
        String pattern = resolveCodeWithoutArguments(code, l);
        if (pattern == null) {
            return getMessageFromParent(code, args, l);
        }
        if (ObjectUtils.isEmpty(args) && !isAlwaysUseMessageFormat()) {
            return pattern;
        }
        return format(pattern, args, l);
    }

    @Override
    protected String formatMessage(String msg, Object[] args, Locale locale) {
        if (msg == null || ObjectUtils.isEmpty(args)) {
            return msg;
        }
        return format(msg, args, locale);
    }

    private String format(String pattern, Object[] args, Locale locale) {
        Object[] resolved = resolveArguments(args, locale);
        Object[] plain = new Object[resolved.length];
        for (int i = 0; i < resolved.length; i++) {
            plain[i] = plain(resolved[i], locale);
        }
        MessageFormat format = formats.computeIfAbsent(pattern, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(locale, l -> new MessageFormat(pattern, l));
        // an ICU MessageFormat is not thread-safe; formatting is cheap next to the lock
        synchronized (format) {
            return format.format(plain);
        }
    }

    private Object plain(Object arg, Locale locale) {
        if (arg instanceof TemporalAccessor || arg instanceof Enum<?>) {
            return arg.toString();
        }
        if (arg instanceof Collection<?> items) {
            // narrow: no "and" before the last item, as the lists are values (codes, dates, changes), not prose
            return ListFormatter.getInstance(locale, ListFormatter.Type.AND, ListFormatter.Width.NARROW)
                    .format(items.stream().map(item -> item instanceof MessageSourceResolvable m
                            ? getMessage(m, locale) : plain(item, locale)).toList());
        }
        return arg;
    }
}
