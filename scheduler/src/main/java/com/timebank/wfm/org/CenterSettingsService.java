package com.timebank.wfm.org;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.security.CurrentUser;

/** Effective-dated center settings: a change applies from a date on, never to days already past. */
@Service
public class CenterSettingsService {

    private final CenterSettingsRepository repository;
    private final OrganisationRepository organisation;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    CenterSettingsService(CenterSettingsRepository repository, OrganisationRepository organisation, AuditLog audit,
            Transactions transactions, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    void createDefaults(long centerId, String actor) {
        repository.save(centerId, CenterSettings.defaults(), actor, now());
    }

    /** The settings in force on a business date of the center. */
    @Transactional(readOnly = true)
    public CenterSettings on(long centerId, LocalDate date) {
        return repository.inForce(centerId, date)
                .orElseThrow(() -> new IllegalStateException("Center " + centerId + " has no settings on " + date));
    }

    /** The settings in force on each business date of the period (one query, however many dates). */
    @Transactional(readOnly = true)
    public java.util.NavigableMap<LocalDate, CenterSettings> onEach(long centerId, LocalDate from, LocalDate to) {
        java.util.NavigableMap<LocalDate, CenterSettings> byStart = new java.util.TreeMap<>();
        repository.inForceBetween(centerId, from, to).forEach(s -> byStart.put(s.effectiveFrom(), s));
        java.util.NavigableMap<LocalDate, CenterSettings> each = new java.util.TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            var inForce = byStart.floorEntry(d);
            if (inForce == null) {
                throw new IllegalStateException("Center " + centerId + " has no settings on " + d);
            }
            each.put(d, inForce.getValue());
        }
        return each;
    }

    @Transactional(readOnly = true)
    public Set<LocalDate> specialBusyDates(long centerId, LocalDate from, LocalDate to) {
        return new HashSet<>(repository.specialBusyDates(centerId, from, to));
    }

    @Transactional(readOnly = true)
    public boolean isBusyDay(long centerId, LocalDate date) {
        return on(centerId, date).isBusyDay(date, specialBusyDates(centerId, date, date));
    }

    @Transactional(readOnly = true)
    public SettingsChange.View view(String centerCode, LocalDate date, CurrentUser user) {
        Center center = visibleCenter(centerCode, user);
        LocalDate on = date == null ? center.today(clock) : date;
        CenterSettings s = on(center.id(), on);
        return SettingsChange.View.of(center.code(), s,
                repository.specialBusyDates(center.id(), on.withDayOfMonth(1), on.plusYears(1)));
    }

    @Transactional(readOnly = true)
    public List<SettingsChange.View> history(String centerCode, CurrentUser user) {
        Center center = visibleCenter(centerCode, user);
        return repository.all(center.id()).stream()
                .map(s -> SettingsChange.View.of(center.code(), s, List.of())).toList();
    }

    public SettingsChange.View change(String centerCode, SettingsChange change, CurrentUser user) {
        return transactions.write(() -> {
            Center center = visibleCenter(centerCode, user);
            if (!user.isAdmin()) {
                if (!user.plansCenter(center.id())) {
                    throw ForbiddenException.of("settings.only-admin-planner-center");
                }
                List<String> adminOnly = change.adminOnlyFields();
                if (!adminOnly.isEmpty()) {
                    throw ForbiddenException.of("settings.only-admin-changes-planners", String.join(", ", adminOnly));
                }
            }
            LocalDate today = center.today(clock);
            LocalDate from = change.effectiveFrom() == null ? today : change.effectiveFrom();
            if (from.isBefore(today)) {
                throw BusinessRuleException.of("settings.settings-cannot-change-retroactively", from, today,
                        center.timeZone());
            }
            Validation v = new Validation();
            CenterSettings next = change.applyTo(on(center.id(), from), from, v);
            if (change.specialBusyDates() != null) {
                // an empty entry of the list ([..., null]) is the client's mistake, not a date before effectiveFrom
                v.require(!change.specialBusyDates().contains(null), "specialBusyDates", "validation.NotNull");
                v.require(change.specialBusyDates().stream().noneMatch(d -> d != null && d.isBefore(from)),
                        "specialBusyDates", "settings.special-busy-dates-after", from);
            }
            v.throwIfInvalid();
            repository.save(center.id(), next, user.actor(), now());
            if (change.specialBusyDates() != null) {
                repository.replaceSpecialBusyDatesFrom(center.id(), from, new TreeSet<>(change.specialBusyDates()));
            }
            audit.record(user.actor(), AuditAction.SETTINGS_CHANGED, "center:" + center.code(),
                    Message.of("audit.settings-changed", from, AuditDetail.list(change.audited())));
            return SettingsChange.View.of(center.code(), next,
                    repository.specialBusyDates(center.id(), from.withDayOfMonth(1), from.plusYears(1)));
        });
    }

    private Center visibleCenter(String code, CurrentUser user) {
        return organisation.centerByCode(code).filter(c -> user.seesCenter(c.id()))
                .orElseThrow(() -> new NotFoundException("Center", code));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
