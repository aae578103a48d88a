package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;

/** Busy and idle days, and each month's close, from the center's effective-dated settings. */
@Component
public class LeaveCalendar {

    private final CenterSettingsService settings;
    private final Clock clock;

    LeaveCalendar(CenterSettingsService settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Map<LocalDate, Boolean> busyDays(long centerId, LocalDate from, LocalDate to) {
        Set<LocalDate> special = settings.specialBusyDates(centerId, from, to);
        Map<LocalDate, Boolean> busy = new TreeMap<>();
        settings.onEach(centerId, from, to).forEach((d, s) -> busy.put(d, s.isBusyDay(d, special)));
        return busy;
    }

    /** The close of a month follows the settings in force on its last day. */
    public LeaveMonth month(long centerId, YearMonth month) {
        return new LeaveMonth(month, settings.on(centerId, month.atEndOfMonth()).monthCloseDay());
    }

    public LocalDateTime now(Center center) {
        return LocalDateTime.now(clock.withZone(center.timeZone()));
    }
}
