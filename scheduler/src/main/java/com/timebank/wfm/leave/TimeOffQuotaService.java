package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.QuotaMode;
import com.timebank.wfm.security.CurrentUser;

/**
 * The time-off quota of a center's dates: how many agents may be off (by the center's quota rule, or derived from
 * the roster's spare coverage) and how many slots are taken (approved requests plus slots offered to the waitlist).
 */
@Service
public class TimeOffQuotaService {

    static final int MAX_RANGE_DAYS = 92;

    private final TimeOffRepository repository;
    private final LeaveCalendar calendar;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final ObjectProvider<RosterQuota> rosterQuota;
    private final Clock clock;

    TimeOffQuotaService(TimeOffRepository repository, LeaveCalendar calendar, OrganisationService organisation,
            CenterSettingsService settings, ObjectProvider<RosterQuota> rosterQuota, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.organisation = organisation;
        this.settings = settings;
        this.rosterQuota = rosterQuota;
        this.clock = clock;
    }

    /** A date's quota as the API shows it. */
    public record Quota(LocalDate date, boolean busy, int slots, int used) {
    }

    @Transactional(readOnly = true)
    public Quota quota(String centerCode, LocalDate date, CurrentUser user) {
        Center center = organisation.center(centerCode, user);
        return quota(center.id(), date == null ? center.today(clock) : date);
    }

    /** The quota of every date in a range, for a calendar (at most 92 days). */
    @Transactional(readOnly = true)
    public List<Quota> quotas(String centerCode, LocalDate from, LocalDate to, CurrentUser user) {
        Center center = organisation.center(centerCode, user);
        LocalDate start = from == null ? center.today(clock) : from;
        LocalDate end = to == null ? start.plusDays(30) : to;
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_RANGE_DAYS) {
            throw InvalidInputException.of("to", "timeoff.after-from-most-days", MAX_RANGE_DAYS);
        }
        Map<LocalDate, Boolean> busy = calendar.busyDays(center.id(), start, end);
        Map<LocalDate, Integer> used = repository.usedByDate(center.id(), start, end);
        List<Quota> quotas = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            quotas.add(new Quota(d, busy.get(d), slots(center.id(), d, busy.get(d)), used.getOrDefault(d, 0)));
        }
        return quotas;
    }

    /** The quota of a center's date: slots by the quota rule, used = approved plus slots offered to the waitlist. */
    public Quota quota(long centerId, LocalDate date) {
        boolean busy = calendar.busyDays(centerId, date, date).get(date);
        return new Quota(date, busy, slots(centerId, date, busy), repository.used(centerId, date));
    }

    private int slots(long centerId, LocalDate date, boolean busy) {
        CenterSettings s = settings.on(centerId, date);
        OptionalInt derived = OptionalInt.empty();
        if (s.quotaMode() == QuotaMode.DERIVED) {
            RosterQuota roster = rosterQuota.getIfAvailable();
            if (roster != null) {
                derived = roster.slots(centerId, date);
            }
        }
        return TimeOffRules.slots(s, busy, derived);
    }
}
