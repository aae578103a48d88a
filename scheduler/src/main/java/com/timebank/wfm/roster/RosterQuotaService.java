package com.timebank.wfm.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.Validation;
import com.timebank.wfm.leave.RosterQuota;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;

/**
 * The time-off quota derived from the published roster: on a date covered by a published roster, how many more of
 * the day's working agents could take the day off while every interval keeps the service-level target (Erlang C
 * with the roster's service-level target, seconds and shrinkage, agents net of their breaks; see
 * {@link RosterCoverage#timeOffSlots}). The
 * shifts counted are the published shifts (so hand imports and later re-solves count); the requirement is the one
 * of the newest published roster covering the date.
 */
@Service
public class RosterQuotaService implements RosterQuota {

    static final int MAX_DAYS = 62;

    private final RosterRepository repository;
    private final ShiftService shifts;
    private final OrganisationService organisation;
    private final ShiftTemplateService templates;

    RosterQuotaService(RosterRepository repository, ShiftService shifts, OrganisationService organisation,
            ShiftTemplateService templates) {
        this.repository = repository;
        this.shifts = shifts;
        this.organisation = organisation;
        this.templates = templates;
    }

    /** A date's derived quota; {@code slots} null when no published roster covers it. */
    public record DayQuota(LocalDate date, Integer slots, Long rosterId) {
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalInt slots(long centerId, LocalDate date) {
        DayQuota q = quota(organisation.centerById(centerId), date);
        return q.slots() == null ? OptionalInt.empty() : OptionalInt.of(q.slots());
    }

    /** The derived quota of every date of the period, for anyone who sees the center. */
    @Transactional(readOnly = true)
    public List<DayQuota> quotas(String centerCode, LocalDate from, LocalDate to, CurrentUser user) {
        Center center = organisation.center(centerCode, user);
        Validation v = new Validation();
        v.require(from != null, "from", "quota.from-required").require(to != null, "to", "quota.required");
        v.throwIfInvalid();
        v.require(!to.isBefore(from), "to", "quota.not-before-from");
        v.require(to.toEpochDay() - from.toEpochDay() < MAX_DAYS, "to", "quota.most-days-time", MAX_DAYS);
        v.throwIfInvalid();
        List<DayQuota> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(quota(center, d));
        }
        return out;
    }

    private DayQuota quota(Center center, LocalDate date) {
        List<RosterRun> published = repository.published(center.id(), date, date);
        if (published.isEmpty()) {
            return new DayQuota(date, null, null);
        }
        RosterRun run = published.get(0);
        Set<Long> agents = new HashSet<>(repository.agentIds(run.id()));
        List<RosterCoverage.Span> removable = new ArrayList<>();
        List<RosterCoverage.Span> others = new ArrayList<>();
        List<ShiftTemplate> centerTemplates = templates.templatesOf(center.id());
        for (PublishedShift s : shifts.ofCenter(center.id(), date.minusDays(1), date)) {
            if (!agents.contains(s.agentId())) {
                continue;
            }
            (s.date().equals(date) ? removable : others).add(RosterCoverage.span(s, centerTemplates));
        }
        int slots = RosterCoverage.timeOffSlots(repository.intervals(run.id(), date), removable, others,
                RosterService.policy(run, center));
        return new DayQuota(date, slots, run.id());
    }
}
