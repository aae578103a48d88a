package com.timebank.wfm.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.AgentDisabled;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/** Published shifts: what the roster publishes or another scheduling system sends; the time-bonus cap reads them. */
@Service
public class ShiftService {

    public static final String IMPORTED = "IMPORT";
    /** A quarter at a time, as stored history is read. */
    static final int MAX_READ_DAYS = 93;

    private final ShiftRepository repository;
    private final OrganisationService organisation;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    ShiftService(ShiftRepository repository, OrganisationService organisation, Transactions transactions, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public record Imported(int accepted, int replaced) {
    }

    public Imported importShifts(String centerCode, ShiftFile file, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        Map<String, Agent> agents = organisation.agentsByEmployeeNo(
                file.rows().stream().map(ShiftFile.Row::employeeNo).distinct().toList());
        List<PublishedShift> shifts = new ArrayList<>();
        LocalDate today = center.today(clock);
        for (ShiftFile.Row r : file.rows()) {
            Agent a = agents.get(r.employeeNo());
            if (a == null || a.centerId() != center.id()) {
                file.reject(r, "employee_no", Message.of("shift.agent.unknown", r.employeeNo(), center.code()));
                continue;
            }
            Optional<Message> outOfRange = DateBounds.check(r.date(), today);
            if (outOfRange.isPresent()) {
                file.reject(r, "date", outOfRange.get());
                continue;
            }
            if (!a.active() && r.date().isAfter(today)) {
                // disabling removed their shifts from tomorrow on: coverage and the bonus cap must not count them again
                file.reject(r, "employee_no", Message.of("shift.agent.inactive", r.employeeNo(), r.date()));
                continue;
            }
            LocalDateTime start = r.date().atTime(r.start());
            LocalDateTime end = r.date().atTime(r.end());
            if (!end.isAfter(start)) {
                end = end.plusDays(1);
            }
            shifts.add(new PublishedShift(a.id(), r.date(), start, end, r.breakMinutes(), IMPORTED));
        }
        file.problems().throwIfAny();
        if (shifts.isEmpty()) {
            throw InvalidInputException.of("rows", "shift.file.empty");
        }
        return transactions.write(() -> {
            int replaced = repository.upsert(center.id(), shifts, user.actor(),
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            audit.record(user.actor(), AuditAction.SHIFTS_IMPORTED, "center:" + center.code(),
                    Message.of("audit.shifts-imported", shifts.size()));
            return new Imported(shifts.size(), replaced);
        });
    }

    /** Publishes shifts on behalf of a roster or the demo (already validated). */
    public int publish(long centerId, List<PublishedShift> shifts, String actor) {
        return transactions.write(
                () -> repository.upsert(centerId, shifts, actor, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
    }

    /**
     * Replaces the published shifts of {@code agentIds} dated within the period by {@code shifts} (a roster's
     * working days): a day the new roster gives off loses its old shift. Returns how many shifts were removed.
     */
    public int replace(long centerId, java.util.Collection<Long> agentIds, LocalDate from, LocalDate to,
            List<PublishedShift> shifts, String actor) {
        return transactions.write(() -> {
            int removed = repository.delete(centerId, agentIds, from, to);
            repository.upsert(centerId, shifts, actor, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            return removed;
        });
    }

    /**
     * A disabled agent leaves the future rosters: their published shifts from the event's date on are removed (in
     * the transaction that disables them), so coverage and requirements no longer count them. Audited.
     */
    @EventListener
    void agentDisabled(AgentDisabled e) {
        int removed = repository.delete(e.centerId(), List.of(e.agentId()), e.from(), FAR_FUTURE);
        if (removed > 0) {
            audit.record(e.actor(), AuditAction.SHIFTS_REMOVED, "agent:" + e.employeeNo(),
                    Message.of("audit.shifts-removed", removed, e.from()));
        }
    }

    /** Later than any published shift (rosters cover weeks ahead, not centuries). */
    private static final LocalDate FAR_FUTURE = LocalDate.of(9999, 12, 31);

    /** Every published shift of the center dated within the period (for services acting without a user). */
    @Transactional(readOnly = true)
    public List<PublishedShift> ofCenter(long centerId, LocalDate from, LocalDate to) {
        return repository.ofCenter(centerId, from, to);
    }

    @Transactional(readOnly = true)
    public long scheduledWorkSeconds(long centerId, LocalDate from, LocalDate to) {
        return repository.workSeconds(centerId, organisation.centerById(centerId).timeZone(), from, to);
    }

    /** The center's shifts the user may see, at most {@value #MAX_READ_DAYS} days at a time. */
    @Transactional(readOnly = true)
    public List<PublishedShift> shifts(String centerCode, LocalDate from, LocalDate to, CurrentUser user) {
        Center center = organisation.center(centerCode, user);
        new Validation()
                .require(!to.isBefore(from), "to", "shift.not-before-from")
                .require(ChronoUnit.DAYS.between(from, to) < MAX_READ_DAYS, "to", "shift.most-days", MAX_READ_DAYS)
                .throwIfInvalid();
        if (user.plansCenter(center.id())) {
            return repository.ofCenter(center.id(), from, to);
        }
        Map<Long, Agent> visible = new java.util.HashMap<>();
        return repository.ofCenter(center.id(), from, to).stream().filter(s -> {
            Agent a = visible.computeIfAbsent(s.agentId(), organisation::agentById);
            return user.seesAgent(a.id(), a.centerId(), a.teamId());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<PublishedShift> shiftsOfAgent(long agentId, LocalDate from, LocalDate to) {
        return repository.ofAgent(agentId, from, to);
    }
}
