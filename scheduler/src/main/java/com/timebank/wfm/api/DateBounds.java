package com.timebank.wfm.api;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The business dates the service accepts, defined once: from {@link #EARLIEST} (every center has settings from
 * then on, so nothing earlier can be settled, planned or reported) up to {@link #HORIZON} after today (nothing is
 * planned further ahead). Every date a request carries — query parameters, JSON fields, upload lines — is checked
 * against it; a rule may narrow it (activity only for days that are over).
 */
public final class DateBounds {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final Period HORIZON = Period.ofYears(2);

    private DateBounds() {
    }

    public static LocalDate latest(LocalDate today) {
        return today.plus(HORIZON);
    }

    /** Why the date is refused, or empty when it is inside the range. */
    public static Optional<Message> check(LocalDate date, LocalDate today) {
        LocalDate latest = latest(today);
        return date.isBefore(EARLIEST) || date.isAfter(latest)
                ? Optional.of(Message.of("range.date", date.toString(), EARLIEST.toString(), latest.toString()))
                : Optional.empty();
    }

    public static Optional<Message> check(YearMonth month, LocalDate today) {
        YearMonth first = YearMonth.from(EARLIEST);
        YearMonth last = YearMonth.from(latest(today));
        return month.isBefore(first) || month.isAfter(last)
                ? Optional.of(Message.of("range.month", month.toString(), first.toString(), last.toString()))
                : Optional.empty();
    }

    /** Refuses (422) a date outside the range, naming the field; null passes (required is another rule). */
    public static LocalDate require(String field, LocalDate date, LocalDate today) {
        if (date != null) {
            check(date, today).ifPresent(reason -> {
                throw OutOfRangeException.of(field, reason);
            });
        }
        return date;
    }

    public static YearMonth require(String field, YearMonth month, LocalDate today) {
        if (month != null) {
            check(month, today).ifPresent(reason -> {
                throw OutOfRangeException.of(field, reason);
            });
        }
        return month;
    }
}
