package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * A month of leave and its close: offsets may be chosen until {@code closeDay} of the next month, 23:59 center
 * time (the whole last minute included); the month-close job closes it from the next day on.
 */
public record LeaveMonth(YearMonth month, int closeDay) {

    public LeaveMonth {
        if (closeDay < 1 || closeDay > 28) {
            throw new IllegalArgumentException("closeDay must be between 1 and 28, was " + closeDay);
        }
    }

    /** The last moment choices may change, as shown to users. */
    public LocalDateTime deadline() {
        return month.plusMonths(1).atDay(closeDay).atTime(23, 59);
    }

    /** The first local moment the month is due to close. */
    public LocalDateTime dueAt() {
        return month.plusMonths(1).atDay(closeDay).plusDays(1).atStartOfDay();
    }

    public boolean openAt(LocalDateTime centerNow) {
        return centerNow.isBefore(dueAt());
    }

    public LocalDate first() {
        return month.atDay(1);
    }

    public LocalDate last() {
        return month.atEndOfMonth();
    }

    /** The latest month whose close is due at {@code centerNow}. */
    public static YearMonth latestDue(LocalDateTime centerNow, int closeDay) {
        YearMonth previous = YearMonth.from(centerNow).minusMonths(1);
        return new LeaveMonth(previous, closeDay).openAt(centerNow) ? previous.minusMonths(1) : previous;
    }
}
