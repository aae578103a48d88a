package com.timebank.wfm.timebank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/**
 * Imports daily activity. A file is written whole or not at all; a re-sent agent-day replaces the earlier one and,
 * if its values changed, gets a new revision that the next settlement corrects with a reversal and a new entry.
 */
@Service
public class ActivityService {

    private final ActivityRepository repository;
    private final OrganisationService organisation;
    private final LeaveService leave;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    ActivityService(ActivityRepository repository, OrganisationService organisation, LeaveService leave,
            Transactions transactions, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.leave = leave;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** An agent-day of activity as imported: logged and aux seconds; sign-ins and handled seconds when sent. */
    public record Day(long agentId, LocalDate date, int loggedSeconds, int auxSeconds, Integer signIns,
            Integer handleSeconds) {
    }

    /** The center's activity days in the range (system use: reports apply the caller's scope). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<Day> days(long centerId, LocalDate from, LocalDate to) {
        return repository.days(centerId, from, to);
    }

    /** One agent's activity days in the range (system use: the caller checks the agent is in scope). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<Day> daysOfAgent(long agentId, LocalDate from, LocalDate to) {
        return repository.daysOfAgent(agentId, from, to);
    }

    public record Imported(int accepted, int replaced) {
    }

    public Imported importActivity(ActivityFile file, CurrentUser user) {
        if (user.role() != Role.PLANNER && user.role() != Role.ADMIN) {
            throw ForbiddenException.of("activity.forbidden");
        }
        Map<String, Agent> agents = organisation.agentsByEmployeeNo(
                file.rows().stream().map(ActivityRow::employeeNo).distinct().toList());
        List<ActivityRepository.NewActivity> rows = new ArrayList<>();
        List<ActivityRow> lines = new ArrayList<>();
        Map<Long, LocalDate> todayOf = new HashMap<>();
        for (ActivityRow row : file.rows()) {
            Agent agent = agents.get(row.employeeNo());
            if (agent == null || !user.plansCenter(agent.centerId())) {
                file.reject(row, "employee_no", Message.of("upload.agent.unknown", row.employeeNo()));
                continue;
            }
            LocalDate today = todayOf.computeIfAbsent(agent.centerId(), id -> organisation.centerById(id).today(clock));
            Optional<Message> outOfRange = DateBounds.check(row.date(), today);
            if (outOfRange.isPresent()) {
                file.reject(row, "date", outOfRange.get());
                continue;
            }
            // today is not over yet in the center's zone: its figures are still growing
            if (!row.date().isBefore(today)) {
                file.reject(row, "date", Message.of("range.activity.day-not-over", row.date(), today));
                continue;
            }
            rows.add(new ActivityRepository.NewActivity(agent.id(), agent.centerId(), row.date(), row.loggedSeconds(),
                    row.auxSeconds(), row.signIns(), row.handleSeconds()));
            lines.add(row);
        }
        rejectClosedMonths(file, rows, lines);
        file.problems().throwIfAny();
        if (rows.isEmpty()) {
            throw InvalidInputException.of("rows", "activity.file.empty");
        }
        return transactions.write(() -> {
            Map<String, ActivityRepository.Stored> existing = repository.lockExisting(rows);
            Map<String, Integer> revisions = new HashMap<>();
            int replaced = 0;
            for (ActivityRepository.NewActivity r : rows) {
                String key = ActivityRepository.key(r.agentId(), r.date());
                ActivityRepository.Stored old = existing.get(key);
                if (old == null) {
                    revisions.put(key, 1);
                } else {
                    replaced++;
                    boolean changed = old.loggedSeconds() != r.loggedSeconds() || old.auxSeconds() != r.auxSeconds();
                    revisions.put(key, changed ? old.revision() + 1 : old.revision());
                }
            }
            repository.upsert(rows, revisions, user.actor(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            audit.record(user.actor(), AuditAction.ACTIVITY_IMPORTED, "activity",
                    Message.of("audit.activity-imported", rows.size(), replaced));
            return new Imported(rows.size(), replaced);
        });
    }

    /**
     * A month closed for the agent (attendance written, offsets posted) is not settled again: its corrected
     * activity would change leave that month close has counted, and the month's balances and attendance are final
     * (as the refusal says; the product has no correction of a closed month's aux).
     */
    private void rejectClosedMonths(ActivityFile file, List<ActivityRepository.NewActivity> rows,
            List<ActivityRow> lines) {
        Map<YearMonth, Map<Long, Long>> agentsOfMonth = new HashMap<>();
        rows.forEach(r -> agentsOfMonth.computeIfAbsent(YearMonth.from(r.date()), m -> new HashMap<>())
                .put(r.agentId(), r.centerId()));
        Map<YearMonth, Set<Long>> closed = new HashMap<>();
        agentsOfMonth.forEach((month, agents) -> closed.put(month, leave.closedFor(month, agents)));
        for (int i = 0; i < rows.size(); i++) {
            ActivityRepository.NewActivity r = rows.get(i);
            YearMonth month = YearMonth.from(r.date());
            if (closed.get(month).contains(r.agentId())) {
                file.reject(lines.get(i), "date", Message.of("activity.month-closed", month, r.date()));
            }
        }
    }
}
