package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.api.TimeOfDay;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.AgentDisabled;
import com.timebank.wfm.org.AgentMoved;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.leave.TimeOffQuotaService.Quota;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.PostingKeys;
import com.timebank.wfm.ledger.Account;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Reservation;
import com.timebank.wfm.ledger.Seconds;

/**
 * The time-off request lifecycle. A request reserves its seconds at once (a pending debit), so an agent cannot ask
 * for more than the available balance; approval takes one of the date's quota slots ({@link TimeOffQuotaService});
 * {@link TimeOffPosting} turns the reservation into a TIME_OFF debit when the day comes; rejection and cancellation
 * release it.
 * Every decision about a center's date locks that date's quota row first, so the last slot goes to exactly one
 * request however many leads approve at the same moment.
 */
@Service
public class TimeOffService {


    private final TimeOffRepository repository;
    private final TimeOffQuotaService quotas;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final ShiftService shifts;
    private final LedgerService ledger;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    TimeOffService(TimeOffRepository repository, TimeOffQuotaService quotas, OrganisationService organisation,
            CenterSettingsService settings, ShiftService shifts, LedgerService ledger, Transactions transactions,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.quotas = quotas;
        this.organisation = organisation;
        this.settings = settings;
        this.shifts = shifts;
        this.ledger = ledger;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A request as agents and leads see it: the agent's available balance and the date's quota come with it, and
     * {@code waitlistPosition} (1 = next) while it waits for a slot; {@code offered} when a freed slot is held for it.
     */
    public record View(long id, String employeeNo, String agentName, String teamCode, LocalDate date, long seconds,
            String duration, TimeOffStatus status, Integer waitlistPosition, boolean offered, boolean posted,
            long availableSeconds, boolean busy, int slots, int used, OffsetDateTime createdAt, String createdBy,
            String decidedBy, OffsetDateTime decidedAt, String note, String from, String to) {
    }

    public record Page(List<View> requests, long total) {
    }

    // ------------------------------------------------------------------ requests and decisions

    /** The agent (or their lead) asks for {@code seconds} of {@code date}; null seconds = the whole shift. */
    public View request(String employeeNo, LocalDate date, Long seconds, CurrentUser user) {
        return request(employeeNo, date, seconds, null, null, user);
    }

    /**
     * As {@link #request(String, LocalDate, Long, CurrentUser)}, for part of the day from..to ({@code HH:mm}, both or
     * neither): such time off blocks only those hours for rosters. Seconds left out are the length of from..to; given,
     * they must be that length.
     */
    public View request(String employeeNo, LocalDate date, Long seconds, String from, String to, CurrentUser user) {
        Validation check = new Validation()
                .require(employeeNo != null && !employeeNo.isBlank(), "employeeNo", "timeoff.employeeno-required")
                .require(date != null, "date", "timeoff.date-required-yyyy-mm")
                .require(seconds == null || seconds > 0, "seconds", "timeoff.seconds-positive-left-out");
        Integer[] part = TimeOfDay.partOfDay(from, to, "from", "to", check);
        if (part[0] != null && part[1] != null && seconds != null) {
            long length = (part[1] - part[0]) * 60L;
            check.require(seconds == length, "seconds", "range.timeoff.part-of-day-seconds", length);
        }
        check.throwIfInvalid();
        if (part[0] != null && seconds == null) {
            seconds = (part[1] - part[0]) * 60L;
        }
        Agent agent = organisation.agent(employeeNo.trim(), user);
        if (!self(user, agent) && !user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw ForbiddenException.of("timeoff.only-agent-their-team");
        }
        Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        int notice = settings.on(center.id(), date).minNoticeDays();
        if (!TimeOffRules.enoughNotice(today, date, notice)) {
            throw BusinessRuleException.of("timeoff.time-off-requested-least", notice, today,
                    TimeOffRules.earliestDate(today, notice));
        }
        List<PublishedShift> shift = shifts.shiftsOfAgent(agent.id(), date, date);
        if (shift.isEmpty()) {
            throw BusinessRuleException.of("timeoff.agent-has-no-published", agent.employeeNo(), date);
        }
        long shiftSeconds = shift.get(0).workSeconds(center.timeZone());
        long amount = seconds == null ? shiftSeconds : seconds;
        if (!TimeOffRules.withinShift(amount, shiftSeconds)) {
            throw BusinessRuleException.of("timeoff.request-longer-than-scheduled", Message.duration(amount), amount,
                    Message.duration(shiftSeconds), shiftSeconds, date);
        }
        long id = transactions.write(() -> {
            // the account lock serialises the agent's own requests: the duplicate check and the reservation agree
            ledger.lock(List.of(agent.id()));
            if (repository.hasActive(agent.id(), date)) {
                throw ConflictException.of("timeoff.agent-already-has-open", agent.employeeNo(), date);
            }
            long requestId = repository.insert(center.id(), agent.teamId(), agent.id(), date, amount, part[0],
                    part[1], user.actor(), now());
            Reservation r = ledger.reserve(agent.id(), date, amount, "time off request " + requestId,
                    PostingKeys.timeOffReservation(requestId));
            repository.setReservation(requestId, r.id());
            audit.record(user.actor(), AuditAction.TIME_OFF_REQUESTED, "time-off:" + requestId, part[0] == null
                    ? Message.of("audit.time-off-requested", agent.employeeNo(), date, AuditDetail.amount(amount))
                    : Message.of("audit.time-off-requested.part", agent.employeeNo(), date,
                            AuditDetail.amount(amount), TimeOfDay.format(part[0]), TimeOfDay.format(part[1])));
            return requestId;
        });
        return view(id);
    }

    /** The lead approves: 422 when the date's quota is full (the request may then join the waitlist). */
    public View approve(long id, CurrentUser user) {
        TimeOffRequest found = decidable(id, user);
        transactions.write(() -> {
            repository.lockQuotaDay(found.centerId(), found.date());
            TimeOffRequest r = repository.lock(id).orElseThrow();
            if (r.status() != TimeOffStatus.PENDING) {
                throw ConflictException.of("timeoff.request-number-only-pending", id, r.status().label());
            }
            requireNotOver(r, "approved");
            Quota q = quotas.quota(r.centerId(), r.date());
            if (!r.offered() && q.used() >= q.slots()) {
                throw BusinessRuleException.of(q.busy() ? "timeoff.quota-full.busy-day" : "timeoff.quota-full",
                        r.date(), q.used(), q.slots(), id);
            }
            if (ledger.reservation(r.reservationId()).status() != Reservation.Status.HELD) {
                throw ConflictException.of("timeoff.reservation-request-number-no", id);
            }
            repository.decide(id, TimeOffStatus.APPROVED, user.actor(), null, now());
            audit.record(user.actor(), AuditAction.TIME_OFF_APPROVED, "time-off:" + id, r.offered()
                    ? Message.of("audit.time-off-approved.offered", r.date(), AuditDetail.amount(r.seconds()))
                    : Message.of("audit.time-off-approved", r.date(), AuditDetail.amount(r.seconds()), q.used() + 1,
                            q.slots()));
            return null;
        });
        return view(id);
    }

    /** The lead rejects a pending or waitlisted request; the reservation is released. */
    public View reject(long id, String note, CurrentUser user) {
        TimeOffRequest found = decidable(id, user);
        if (note != null && note.length() > 500) {
            throw InvalidInputException.of("note", "timeoff.note-most-characters");
        }
        transactions.write(() -> {
            repository.lockQuotaDay(found.centerId(), found.date());
            TimeOffRequest r = repository.lock(id).orElseThrow();
            if (r.status() != TimeOffStatus.PENDING && r.status() != TimeOffStatus.WAITLISTED) {
                throw ConflictException.of("timeoff.request-number-only-pending-2", id, r.status().label());
            }
            ledger.release(r.reservationId(), user.actor());
            repository.decide(id, TimeOffStatus.REJECTED, user.actor(), note, now());
            audit.record(user.actor(), AuditAction.TIME_OFF_REJECTED, "time-off:" + id, note == null
                    ? Message.of("audit.time-off-rejected", r.date(), AuditDetail.amount(r.seconds()))
                    : Message.of("audit.time-off-rejected.note", r.date(), AuditDetail.amount(r.seconds()), note));
            if (r.offered()) {
                offerFreedSlots(r.centerId(), r.date(), user.actor());
            }
            return null;
        });
        return view(id);
    }

    /**
     * The agent or their lead withdraws the request and the reservation is released; approved time off can be
     * cancelled until its day begins, never after.
     */
    public View cancel(long id, CurrentUser user) {
        TimeOffRequest found = visible(id, user);
        Agent agent = organisation.agentById(found.agentId());
        if (!self(user, agent) && !user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw ForbiddenException.of("timeoff.only-agent-their-team-2");
        }
        transactions.write(() -> {
            repository.lockQuotaDay(found.centerId(), found.date());
            TimeOffRequest r = repository.lock(id).orElseThrow();
            if (!r.status().active()) {
                throw ConflictException.of("timeoff.request-number-cannot-cancelled", id, r.status().label());
            }
            if (r.status() == TimeOffStatus.APPROVED) {
                LocalDate today = organisation.centerById(r.centerId()).today(clock);
                if (r.entryId() != null || !r.date().isAfter(today)) {
                    throw BusinessRuleException.of("timeoff.approved-time-off-cannot", r.date(), today);
                }
            }
            boolean heldSlot = r.status() == TimeOffStatus.APPROVED || r.offered();
            ledger.release(r.reservationId(), user.actor());
            repository.decide(id, TimeOffStatus.CANCELLED, user.actor(), r.note(), now());
            audit.record(user.actor(), AuditAction.TIME_OFF_CANCELLED, "time-off:" + id,
                    Message.of("audit.time-off-cancelled", r.date(), AuditDetail.amount(r.seconds()),
                            r.status().label()));
            if (heldSlot) {
                offerFreedSlots(r.centerId(), r.date(), user.actor());
            }
            return null;
        });
        return view(id);
    }

    /**
     * The lead takes back approved time off before its day (the agent is needed after all), with a reason the agent
     * sees: the reservation is released, and the freed slot is offered to the date's waitlist.
     */
    public View revoke(long id, String reason, CurrentUser user) {
        TimeOffRequest found = decidable(id, user);
        new Validation()
                .require(reason != null && !reason.isBlank() && reason.length() <= 500, "note",
                        "timeoff.revoke-reason", 500)
                .throwIfInvalid();
        transactions.write(() -> {
            repository.lockQuotaDay(found.centerId(), found.date());
            TimeOffRequest r = repository.lock(id).orElseThrow();
            if (r.status() != TimeOffStatus.APPROVED) {
                throw ConflictException.of("timeoff.revoke-only-approved", id, r.status().label());
            }
            LocalDate today = organisation.centerById(r.centerId()).today(clock);
            if (r.entryId() != null || !r.date().isAfter(today)) {
                throw BusinessRuleException.of("timeoff.approved-time-off-cannot", r.date(), today);
            }
            ledger.release(r.reservationId(), user.actor());
            repository.decide(id, TimeOffStatus.CANCELLED, user.actor(), reason.trim(), now());
            audit.record(user.actor(), AuditAction.TIME_OFF_REVOKED, "time-off:" + id,
                    Message.of("audit.time-off-revoked", r.date(), AuditDetail.amount(r.seconds()), reason.trim()));
            offerFreedSlots(r.centerId(), r.date(), user.actor());
            return null;
        });
        return view(id);
    }

    /** The lead puts a pending request on the date's waitlist, which is only for full dates. */
    public View waitlist(long id, CurrentUser user) {
        TimeOffRequest found = decidable(id, user);
        transactions.write(() -> {
            repository.lockQuotaDay(found.centerId(), found.date());
            TimeOffRequest r = repository.lock(id).orElseThrow();
            if (r.status() != TimeOffStatus.PENDING || r.offered()) {
                throw r.offered() ? ConflictException.of("timeoff.request-number-only-pending-3.offered", id)
                        : ConflictException.of("timeoff.request-number-only-pending-3", id, r.status().label());
            }
            requireNotOver(r, "waitlisted");
            Quota q = quotas.quota(r.centerId(), r.date());
            if (q.used() < q.slots()) {
                throw BusinessRuleException.of("timeoff.quota-has-free-slot", r.date(), (q.slots() - q.used()));
            }
            repository.waitlist(id, now());
            audit.record(user.actor(), AuditAction.TIME_OFF_WAITLISTED, "time-off:" + id,
                    Message.of("audit.time-off-waitlisted", r.date(), q.used(), q.slots()));
            return null;
        });
        return view(id);
    }

    /** Under the date's lock: each free slot goes to the head of the waitlist, which the lead still approves. */
    private void offerFreedSlots(long centerId, LocalDate date, String actor) {
        Quota q = quotas.quota(centerId, date);
        int free = q.slots() - q.used();
        while (free > 0) {
            var next = repository.firstWaitlisted(centerId, date);
            if (next.isEmpty()) {
                return;
            }
            repository.offer(next.get().id(), now());
            audit.record(actor, AuditAction.TIME_OFF_OFFERED, "time-off:" + next.get().id(),
                    Message.of("audit.time-off-offered", date));
            free--;
        }
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public View request(long id, CurrentUser user) {
        visible(id, user);
        return view(id);
    }

    /**
     * The lead's queue: PENDING and WAITLISTED requests unless {@code statuses} says otherwise, of the caller's
     * teams (a lead), centers (a planner), or everyone (an admin); an agent sees their own.
     */
    @Transactional(readOnly = true)
    public Page queue(Collection<TimeOffStatus> statuses, String teamCode, LocalDate from, LocalDate to,
            Paging paging, CurrentUser user) {
        Condition where = scope(user).and(TimeOffRepository.statusIn(statuses == null || statuses.isEmpty()
                ? List.of(TimeOffStatus.PENDING, TimeOffStatus.WAITLISTED) : statuses))
                .and(TimeOffRepository.between(from, to));
        if (teamCode != null && !teamCode.isBlank()) {
            where = where.and(TimeOffRepository.inTeams(List.of(visibleTeam(teamCode.trim(), user).id())));
        }
        List<TimeOffRequest> found = repository.search(where, paging.offset(), paging.size());
        return new Page(views(found), repository.count(where));
    }

    /**
     * Requests carry the agent's team for the leads' scope: an agent moved to another team takes them along (in the
     * transaction that moves the agent), so the new lead decides them and the former lead no longer sees them.
     */
    @EventListener
    void agentMoved(AgentMoved e) {
        repository.moveToTeam(e.agentId(), e.toTeamId());
    }

    /**
     * The team a queue filter names: CENTER/TEAM, or a bare code that one team in the user's scope has (two centers
     * may each have a team of that code: then the caller must name the center). Teams outside the scope are unknown.
     */
    private Team visibleTeam(String code, CurrentUser user) {
        int slash = code.indexOf('/');
        if (slash > 0) {
            return organisation.team(code.substring(0, slash), code.substring(slash + 1), user);
        }
        List<Team> matches = organisation.visibleTeams(user).stream().filter(t -> t.code().equals(code)).toList();
        if (matches.isEmpty()) {
            throw new NotFoundException("Team", code);
        }
        if (matches.size() > 1) {
            throw InvalidInputException.of("team", "org.team-code-exists-several", code, code);
        }
        return matches.get(0);
    }

    /**
     * A disabled agent's shifts are gone from {@code from} on, and so is their time off there: requests still open
     * (pending, waitlisted, approved and not yet posted) are cancelled in the admin's transaction, their reservations
     * released so that the payout or transfer can hand over that time, and their slots offered to the date's
     * waitlist. Otherwise the time off of someone who left stayed reserved, was posted on its day and held a slot.
     */
    @EventListener
    void agentDisabled(AgentDisabled e) {
        for (TimeOffRequest found : repository.activeFrom(e.agentId(), e.from())) {
            repository.lockQuotaDay(found.centerId(), found.date());
            TimeOffRequest r = repository.lock(found.id()).orElseThrow();
            if (!r.status().active() || r.entryId() != null) {
                continue;
            }
            boolean heldSlot = r.status() == TimeOffStatus.APPROVED || r.offered();
            ledger.release(r.reservationId(), e.actor());
            repository.decide(r.id(), TimeOffStatus.CANCELLED, e.actor(), r.note(), now());
            audit.record(e.actor(), AuditAction.TIME_OFF_CANCELLED, "time-off:" + r.id(),
                    Message.of("audit.time-off-cancelled.agent-disabled", r.date(), AuditDetail.amount(r.seconds()),
                            r.status().label()));
            if (heldSlot) {
                offerFreedSlots(r.centerId(), r.date(), e.actor());
            }
        }
    }

    /** The agent's own requests (or as their lead sees them), with waitlist positions; default from today on. */
    @Transactional(readOnly = true)
    public List<View> requestsOf(String employeeNo, LocalDate from, LocalDate to, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        LocalDate start = from == null ? organisation.centerById(agent.centerId()).today(clock) : from;
        return views(repository.search(TimeOffRepository.ofAgent(agent.id()).and(TimeOffRepository.between(start, to)),
                0, 1000));
    }

    /**
     * Approved requests of a center's agents dated {@code from..to} (posted or not), for rosters: an approved time
     * off keeps the agent off that day. No user scope: callers are services that already checked theirs.
     */
    @Transactional(readOnly = true)
    public List<TimeOffRequest> approved(long centerId, LocalDate from, LocalDate to) {
        return repository.all(TimeOffRepository.inCenters(List.of(centerId))
                .and(TimeOffRepository.statusIn(List.of(TimeOffStatus.APPROVED)))
                .and(TimeOffRepository.between(from, to)));
    }

    // ------------------------------------------------------------------ helpers

    private View view(long id) {
        return views(List.of(repository.find(id).orElseThrow())).get(0);
    }

    private List<View> views(List<TimeOffRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<Long, Agent> agents = organisation.agentsById(requests.stream().map(TimeOffRequest::agentId).distinct().toList());
        Map<Long, Account> accounts = ledger.accounts(agents.keySet());
        Map<String, Quota> byDate = new HashMap<>();
        List<View> views = new ArrayList<>();
        for (TimeOffRequest r : requests) {
            Agent a = agents.get(r.agentId());
            Quota q = byDate.computeIfAbsent(r.centerId() + "|" + r.date(), k -> quotas.quota(r.centerId(), r.date()));
            Integer position = r.status() == TimeOffStatus.WAITLISTED ? repository.waitlistPosition(r) : null;
            views.add(new View(r.id(), a.employeeNo(), a.name(), a.teamCode(), r.date(), r.seconds(),
                    Seconds.format(r.seconds()), r.status(), position, r.offered(), r.entryId() != null,
                    accounts.get(r.agentId()).availableSeconds(), q.busy(), q.slots(), q.used(), utc(r.createdAt()),
                    r.createdBy(), r.decidedBy(), utc(r.decidedAt()), r.note(),
                    r.startMinute() == null ? null : TimeOfDay.format(r.startMinute()),
                    r.endMinute() == null ? null : TimeOfDay.format(r.endMinute())));
        }
        return views;
    }

    /** The request if the user may see its agent; otherwise exactly the answer for an unknown request. */
    private TimeOffRequest visible(long id, CurrentUser user) {
        TimeOffRequest r = repository.find(id).orElseThrow(() -> new NotFoundException("Time-off request", id));
        if (!user.seesAgent(r.agentId(), r.centerId(), r.teamId())) {
            throw new NotFoundException("Time-off request", id);
        }
        return r;
    }

    /** Approve, reject and waitlist are for the agent's team lead (planners and admins may act for the center). */
    private TimeOffRequest decidable(long id, CurrentUser user) {
        TimeOffRequest r = visible(id, user);
        if (!user.leadsAgent(r.centerId(), r.teamId())) {
            throw ForbiddenException.of("timeoff.only-team-lead-agent");
        }
        return r;
    }

    private void requireNotOver(TimeOffRequest r, String what) {
        LocalDate today = organisation.centerById(r.centerId()).today(clock);
        if (r.date().isBefore(today)) {
            throw BusinessRuleException.of("timeoff.request-number-can-no", r.id(), r.date(),
                    Message.of("timeoff.decision." + what), today);
        }
    }

    private static Condition scope(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN -> DSL.trueCondition();
            case PLANNER -> user.centerIds().isEmpty() ? DSL.falseCondition() : TimeOffRepository.inCenters(user.centerIds());
            case TEAM_LEAD -> user.teamIds().isEmpty() ? DSL.falseCondition() : TimeOffRepository.inTeams(user.teamIds());
            case AGENT -> user.agentId() == null ? DSL.falseCondition() : TimeOffRepository.ofAgent(user.agentId());
        };
    }

    private static boolean self(CurrentUser user, Agent agent) {
        return user.agentId() != null && user.agentId() == agent.id();
    }

    private static OffsetDateTime utc(LocalDateTime t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
