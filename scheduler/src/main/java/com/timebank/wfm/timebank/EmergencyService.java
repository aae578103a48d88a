package com.timebank.wfm.timebank;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.ClientKey;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.PostingKeys;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;

/** Service 3: a planner activates emergency overtime and records who came in; each is credited with interest. */
@Service
public class EmergencyService {

    /** The most participants one request records: a whole large center's agents. */
    public static final int MAX_PARTICIPANTS = 10_000;

    private final EmergencyRepository repository;
    private final LedgerService ledger;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    EmergencyService(EmergencyRepository repository, LedgerService ledger, OrganisationService organisation,
            CenterSettingsService settings, Transactions transactions, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.organisation = organisation;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public record Emergency(long id, String centerCode, int level, LocalDate date, String reason, BigDecimal rate,
            String createdBy, List<Credit> participants) {
    }

    public record Credit(String employeeNo, int workedSeconds, long creditedSeconds, long entryId) {
    }

    public record Participation(String employeeNo, Integer workedSeconds) {
    }

    /**
     * Worked seconds per agent of the center's emergencies dated in the range (system use: reports split the
     * credited overtime into worked time and interest).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Map<Long, Long> workedSecondsByAgent(long centerId, LocalDate from, LocalDate to) {
        return repository.workedByAgent(centerId, from, to);
    }

    public Emergency activate(String centerCode, int level, LocalDate date, String reason, CurrentUser user) {
        return activate(centerCode, level, date, reason, null, new Validation(), user);
    }

    /**
     * As {@link #activate(String, int, LocalDate, String, CurrentUser)}, once per user and {@code clientKey} (the
     * API's {@code Idempotency-Key}): a retry creates nothing more and answers with the emergency the first one
     * created, also when the first answer was lost after its commit and the stored answer with it. The key used
     * before with other values is a conflict ({@code emergency.key-used-other}).
     */
    public Emergency activateWithClientKey(String centerCode, int level, LocalDate date, String reason,
            String clientKey, CurrentUser user) {
        Validation v = new Validation();
        ClientKey.check(v, clientKey);
        return activate(centerCode, level, date, reason, clientKey == null ? null : "API:" + user.actor() + ":"
                + clientKey, v, user);
    }

    /** As {@link #activateWithClientKey}, once per {@code formKey} (a key the page chose when it showed the form). */
    public Emergency activateWithFormKey(String centerCode, int level, LocalDate date, String reason, String formKey,
            CurrentUser user) {
        return activate(centerCode, level, date, reason, formKey == null ? null : "FORM:" + user.actor() + ":"
                + formKey, new Validation(), user);
    }

    private Emergency activate(String centerCode, int level, LocalDate date, String reason, String clientKey,
            Validation v, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        v.require(level >= 1 && level <= 3, "level", "emergency.level");
        v.require(!date.isAfter(center.today(clock)), "date", "emergency.emergency-cannot-recorded-future", date,
                center.today(clock));
        v.throwIfInvalid();
        BigDecimal rate = settings.on(center.id(), date).overtimeRate(level);
        // with a client key a re-run finds what its first run committed, so a lost commit answer is retried too
        Supplier<Long> work = () -> {
            long created;
            try {
                created = repository.insert(center.id(), level, date, reason, rate, clientKey, user.actor(), now());
            } catch (DuplicateKeyException e) {
                // the same request or form sent again (or twice at once): its emergency exists already
                long first = repository.idOfClientKey(clientKey).orElseThrow(() -> e);
                EmergencyRepository.Stored stored = repository.find(first).orElseThrow(() -> e);
                if (stored.centerId() != center.id() || stored.level() != level || !stored.date().equals(date)
                        || !stored.reason().equals(reason)) {
                    throw ConflictException.of("emergency.key-used-other", first);
                }
                return first;
            }
            audit.record(user.actor(), AuditAction.EMERGENCY_ACTIVATED, "emergency:" + created,
                    Message.of("audit.emergency-activated", center.code(), level, date, AuditDetail.orNone(reason)));
            return created;
        };
        long id = clientKey == null ? transactions.write(work) : transactions.writeIdempotent(work);
        return emergency(id, user);
    }

    @Transactional(readOnly = true)
    public Emergency emergency(long id, CurrentUser user) {
        EmergencyRepository.Stored e = visible(id, user);
        Center center = organisation.centerById(e.centerId());
        List<EmergencyRepository.Participant> participants = repository.participants(id);
        Map<Long, Agent> agents = organisation.agentsById(participants.stream().map(EmergencyRepository.Participant::agentId).toList());
        List<Credit> credits = participants.stream()
                .map(p -> new Credit(agents.get(p.agentId()).employeeNo(), p.workedSeconds(), p.creditedSeconds(),
                        p.entryId()))
                .toList();
        return new Emergency(e.id(), center.code(), e.level(), e.date(), e.reason(), e.rate(), e.createdBy(), credits);
    }

    /** A page of a center's emergencies and how many it has in all. */
    public record EmergencyPage(List<Emergency> items, long total) {
    }

    @Transactional(readOnly = true)
    public EmergencyPage emergencies(String centerCode, int offset, int limit, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        return new EmergencyPage(
                repository.ofCenter(center.id(), offset, limit).stream().map(e -> emergency(e.id(), user)).toList(),
                repository.countOfCenter(center.id()));
    }

    /**
     * Credits each participant {@code round_half_up(worked × (1 + rate))}. The list is checked whole first; each
     * credit commits together with its participant record. Recording the same agent again with the same worked
     * time returns the existing credit; with another worked time it is a conflict.
     */
    public List<Credit> addParticipants(long emergencyId, List<Participation> participations, CurrentUser user) {
        EmergencyRepository.Stored e = visible(emergencyId, user);
        Validation v = new Validation();
        v.require(!participations.isEmpty(), "participants", "emergency.name-least-one-participant");
        v.require(participations.size() <= MAX_PARTICIPANTS, "participants", "emergency.most-participants",
                MAX_PARTICIPANTS);
        v.throwIfInvalid();
        Map<String, Agent> agents = organisation.agentsByEmployeeNo(participations.stream()
                .filter(java.util.Objects::nonNull).map(Participation::employeeNo).filter(java.util.Objects::nonNull)
                .distinct().toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < participations.size(); i++) {
            Participation p = participations.get(i);
            if (p == null) {
                v.add(FieldError.of("[" + i + "]", "emergency.participant-required"));
                continue;
            }
            String field = "[" + i + "]";
            Agent a = p.employeeNo() == null ? null : agents.get(p.employeeNo());
            v.require(a != null && a.centerId() == e.centerId(), field + ".employeeNo",
                    "emergency.unknown-agent-emergency-center", p.employeeNo());
            v.require(p.workedSeconds() != null && p.workedSeconds() > 0
                    && p.workedSeconds() <= ActivityFile.DAY_SECONDS, field + ".workedSeconds",
                            "emergency.workedseconds-between");
            v.require(p.employeeNo() == null || seen.add(p.employeeNo()), field + ".employeeNo",
                    "emergency.agent-listed-twice", p.employeeNo());
        }
        v.throwIfInvalid();
        return transactions.write(() -> {
            // two lists naming the same agent at once: the second waits here and then reads the first one's
            // participants (an existing credit), instead of inserting the participant again (409, list rolled back)
            repository.lock(emergencyId);
            Map<Long, EmergencyRepository.Participant> existing = new HashMap<>();
            repository.participants(emergencyId).forEach(p -> existing.put(p.agentId(), p));
            List<Credit> credits = new ArrayList<>();
            for (Participation p : participations) {
                Agent a = agents.get(p.employeeNo());
                EmergencyRepository.Participant before = existing.get(a.id());
                if (before != null) {
                    if (before.workedSeconds() != p.workedSeconds()) {
                        throw ConflictException.of("emergency.agent-already-recorded-emergency", a.employeeNo(),
                                emergencyId, before.workedSeconds());
                    }
                    credits.add(new Credit(a.employeeNo(), before.workedSeconds(), before.creditedSeconds(),
                            before.entryId()));
                    continue;
                }
                long credit = EmergencyOvertime.credit(p.workedSeconds(), e.rate());
                LedgerEntry entry = ledger.postWithin(Posting.of(a.id(), e.date(), EntryKind.EMERGENCY_OVERTIME, credit,
                        user.actor(), "emergency " + emergencyId + " (level " + e.level() + ", rate "
                                + e.rate().stripTrailingZeros().toPlainString() + "): worked " + p.workedSeconds() + " s",
                        PostingKeys.emergencyOvertime(emergencyId, a.id())).withReason(Message.of("reason.emergency",
                                emergencyId, e.level(), Message.duration(p.workedSeconds()), e.rate()))).entry();
                repository.insertParticipant(emergencyId,
                        new EmergencyRepository.Participant(a.id(), p.workedSeconds(), credit, entry.id()),
                                user.actor(), now());
                credits.add(new Credit(a.employeeNo(), p.workedSeconds(), credit, entry.id()));
            }
            audit.record(user.actor(), AuditAction.EMERGENCY_PARTICIPANTS, "emergency:" + emergencyId,
                    Message.of("audit.emergency-participants", credits.size()));
            return credits;
        });
    }

    private EmergencyRepository.Stored visible(long id, CurrentUser user) {
        return repository.find(id).filter(e -> user.plansCenter(e.centerId()))
                .orElseThrow(() -> new NotFoundException("Emergency", id));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
