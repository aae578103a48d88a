package com.timebank.wfm.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.ListFormatter;

/**
 * How pages write time, dates and numbers in the reader's language; templates call it as {@code @fmt}
 * ({@code ${@fmt.duration(seconds)}}). Amounts are whole seconds shown as hours and minutes, like the API's
 * messages: {@code 7 h 46 min} / {@code 7 小时 46 分钟}, and seconds only under a minute. Timestamps are stored in
 * UTC and shown in the center's zone.
 */
@Component("fmt")
public class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;

    PageFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** A service's message (a refusal, an upload line's problem) in the reader's language. */
    public String text(org.springframework.context.MessageSourceResolvable message) {
        return messages.getMessage(message, locale());
    }

    /** {@code 7 h 46 min}, {@code 45 s}, {@code 0 min}; a negative amount keeps its sign. */
    public String duration(long seconds) {
        Locale locale = locale();
        long abs = Math.abs(seconds);
        long hours = abs / 3600;
        long minutes = (abs % 3600) / 60;
        String text;
        if (hours > 0 && minutes > 0) {
            text = message("duration.hours-minutes", locale, hours, minutes);
        } else if (hours > 0) {
            text = message("duration.hours", locale, hours);
        } else if (minutes > 0 || abs == 0) {
            text = message("duration.minutes", locale, minutes);
        } else {
            text = message("duration.seconds", locale, abs);
        }
        return seconds < 0 ? "−" + text : text;
    }

    /** A ledger amount with its sign always shown: {@code +7 min}, {@code −1 h 2 min}. */
    public String signedDuration(long seconds) {
        return seconds > 0 ? "+" + duration(seconds) : duration(seconds);
    }

    /** The exact amount for a tooltip: {@code 27,976 s}. */
    public String exactSeconds(long seconds) {
        return message("duration.exact", locale(), seconds);
    }

    public String number(Number n) {
        return n == null ? "" : NumberFormat.getNumberInstance(locale()).format(n);
    }

    /**
     * {@code value} with exactly {@code places} decimals in the reader's language, rounded half up as reports.md
     * rounds every figure for display (NumberFormat alone rounds half even: 0.125 → 0.12).
     */
    public static String decimal(BigDecimal value, int places) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(places);
        f.setMaximumFractionDigits(places);
        return f.format(value.setScale(places, RoundingMode.HALF_UP));
    }

    /** A ratio 0..1 as a percentage with one decimal, rounded half up. */
    public String percent(double ratio) {
        return percent(ratio, RoundingMode.HALF_UP);
    }

    /**
     * A ratio as a percentage with one decimal, rounded up: for a claim that a figure is within it ("within 1.1%"),
     * which rounding down would make false (a gap of 1.01% is not within 1%).
     */
    public String percentAtMost(double ratio) {
        return percent(ratio, RoundingMode.CEILING);
    }

    private String percent(double ratio, RoundingMode rounding) {
        // rounded here, on the double's own decimal digits (0.0125 is 1.3%, not 0.01249999… → 1.2%), because
        // DecimalFormat rounds a value below its last digit's half to 0 even when rounding up
        BigDecimal tenths = new BigDecimal(Double.toString(ratio)).movePointRight(2).setScale(1, rounding);
        NumberFormat f = NumberFormat.getPercentInstance(locale());
        f.setMaximumFractionDigits(1);
        return f.format(tenths.movePointLeft(2));
    }

    /** Names or codes as a list of the reader's language: {@code Saturday, Sunday} / {@code 星期六、星期日}. */
    public String list(Collection<?> items) {
        return items == null ? "" : ListFormatter.getInstance(locale(), ListFormatter.Type.AND,
                ListFormatter.Width.NARROW).format(items);
    }

    /** Several reasons in one line, each a message, separated as the reader's language separates sentences. */
    public String reasons(Collection<? extends org.springframework.context.MessageSourceResolvable> reasons) {
        String separator = messages.getMessage("format.reason-separator", null, locale());
        return reasons.stream().map(this::text).collect(java.util.stream.Collectors.joining(separator));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /** A short day label for lists and calendars: {@code Mon 23 Nov} / {@code 11月23日 周一}. */
    public String day(LocalDate date) {
        return date == null ? "" : pattern("format.day").format(date);
    }

    public String month(YearMonth month) {
        return month == null ? "" : pattern("format.month").format(month);
    }

    public String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /** A wall-clock time of the center (shifts are stored in center time). */
    public String time(LocalDateTime centerTime) {
        return centerTime == null ? "" : TIME.format(centerTime);
    }

    /** A UTC timestamp (as stored) shown as date and time in the center's zone. */
    public String dateTime(LocalDateTime utc, ZoneId zone) {
        if (utc == null) {
            return "";
        }
        LocalDateTime local = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .format(local);
    }

    private DateTimeFormatter pattern(String key) {
        Locale locale = locale();
        return DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** Hours and minutes as a clock reads them, for totals such as agent-hours: {@code 160:00}, {@code 7:05}. */
    public String hoursMinutes(long seconds) {
        long minutes = (Math.abs(seconds) + 30) / 60;
        return (seconds < 0 ? "−" : "") + minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }
}
