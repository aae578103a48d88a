package com.timebank.wfm.forecast;

import java.time.LocalDate;

/**
 * Which days are open: the history's own record for past days, a prediction for the others.
 *
 * <p>A future day is open when its weekday has recently been open (at least half of the last
 * {@value #RECENT_WEEKS} non-holiday occurrences), it is not a planner-closed date, and - for holidays -
 * the center has not usually been closed on past holidays that fell on open weekdays. Without any
 * past holiday to learn from, a holiday is predicted open: forecasting nothing would leave it unstaffed.
 */
final class DayOutlook {

    /** Short enough to follow a change of opening days within a month, long enough to shrug off one odd closure. */
    static final int RECENT_WEEKS = 4;

    private final IntervalHistory history;
    private final ForecastCalendar calendar;
    private final boolean[] weekdayOpen = new boolean[7];
    private final boolean holidaysClosed;

    private DayOutlook(IntervalHistory history, ForecastCalendar calendar) {
        this.history = history;
        this.calendar = calendar;
        int[] seen = new int[7];
        int[] open = new int[7];
        for (int i = history.dayCount() - 1; i >= 0; i--) {
            LocalDate d = history.date(i);
            if (calendar.isHoliday(d) || calendar.isClosed(d)) {
                continue;
            }
            int w = history.weekdayIndex(i);
            if (seen[w] < RECENT_WEEKS) {
                seen[w]++;
                if (history.isOpen(i)) {
                    open[w]++;
                }
            }
        }
        for (int w = 0; w < 7; w++) {
            weekdayOpen[w] = seen[w] > 0 && 2 * open[w] >= seen[w] && hasOpenSlot(history.openSlotMask(w));
        }
        int holidayOpen = 0;
        int holidayClosed = 0;
        for (LocalDate d : calendar.holidays().keySet()) {
            int i = history.dayIndex(d);
            if (i < 0 || !weekdayOpen[history.weekdayIndex(i)]) {
                continue;
            }
            if (history.isOpen(i)) {
                holidayOpen++;
            } else {
                holidayClosed++;
            }
        }
        this.holidaysClosed = holidayClosed > holidayOpen;
    }

    static DayOutlook of(IntervalHistory history, ForecastCalendar calendar) {
        return new DayOutlook(history, calendar);
    }

    boolean isOpen(LocalDate date) {
        int i = history.dayIndex(date);
        if (i >= 0) {
            return history.isOpen(i);
        }
        if (calendar.isClosed(date)) {
            return false;
        }
        if (!weekdayOpen[IntervalHistory.weekdayIndex(date)]) {
            return false;
        }
        return !(holidaysClosed && calendar.isHoliday(date));
    }

    boolean holidaysClosed() {
        return holidaysClosed;
    }

    /**
     * A past day the methods may learn from: open, not a planner special day (a one-off), and not a day the clocks
     * change (its skipped hour would be learned as no contacts, its repeated hour as twice as many).
     */
    static boolean learnable(IntervalHistory history, ForecastCalendar calendar, int day) {
        LocalDate date = history.date(day);
        return history.isOpen(day) && !calendar.isSpecial(date) && !calendar.clocksChange(date);
    }

    private static boolean hasOpenSlot(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
