package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ClientKey;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.TimeOfDay;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.LedgerService;

/**
 * Leave records (attendance, not money) and the agents' choices of which to offset from the balance at month end.
 * Overdraft leave is written in the aux settlement's own transaction; leads, planners and HR record the rest.
 */
@Service
public class LeaveService {

    public static final long DAY_SECONDS = 86_400;
    /** The most leave items one choice may name: a month has far fewer. */
    public static final int MAX_OFFSETS = 100;

    private final LeaveRepository repository;
    private final LeaveCalendar calendar;
    private final OrganisationService organisation;
    private final LedgerService ledger;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    LeaveService(LeaveRepository repository, LeaveCalendar calendar, OrganisationService organisation,
            LedgerService ledger, Transactions transactions, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.organisation = organisation;
        this.ledger = ledger;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Personal leave for overdrafts the balance could not cover; {@code reference} names the settlement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOverdraftLeave(long centerId, List<LeaveRecord> records, String actor) {
        repository.insertOverdraftLeave(records, centerId, actor, now());
        Set<String> carried = carriedChoices();
        for (LeaveRecord r : records) {
            if (carried.remove(r.agentId() + "|" + r.date())) {
                repository.chooseOverdraftLeave(r.agentId(), r.date(),
                        actor + " (choice kept from the corrected leave)",
                        now());
            }
        }
    }

    /**
     * A corrected settlement replaces the overdraft leave the earlier one created on that date. An offset the agent
     * chose for it carries over to the replacement written in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeOverdraftLeave(long agentId, LocalDate date) {
        // month close debited the balance for it: deleting it would leave that debit offsetting nothing
        if (repository.overdraftOffsetPosted(agentId, date)) {
            throw BusinessRuleException.of("leave.overdraft.offset-posted", date.toString());
        }
        if (repository.overdraftOffsetChosen(agentId, date)) {
            carriedChoices().add(agentId + "|" + date);
        }
        repository.deleteOverdraftLeave(agentId, date);
    }

    /** One leave item kept before this service, with the offset its agent chose then. */
    public record MigratedLeave(long agentId, LocalDate date, long seconds, LeaveType type, boolean offsetChosen) {
    }

    /**
     * Leave of a month kept before this service (HR's earlier system), written with the offsets the agents chose
     * then. Unlike {@link #record} and {@link #chooseOffsets} it takes months already past their close, so that the
     * month-close job can post them; a repeated call adds the items again.
     */
    public void migrate(long centerId, YearMonth month, List<MigratedLeave> items, String actor) {
        LocalDateTime at = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        Map<Long, List<MigratedLeave>> byAgent = new LinkedHashMap<>();
        items.forEach(i -> byAgent.computeIfAbsent(i.agentId(), k -> new ArrayList<>()).add(i));
        transactions.write(() -> {
            byAgent.forEach((agentId, agentItems) -> {
                List<LeaveRecord> records = agentItems.stream().map(i -> new LeaveRecord(0, agentId, i.date(),
                        i.seconds(), i.type(), LeaveSource.LEAVE, null)).toList();
                List<Long> ids = repository.insertLeave(records, Map.of(agentId, centerId), actor, at);
                List<Long> chosen = new ArrayList<>();
                for (int k = 0; k < agentItems.size(); k++) {
                    if (agentItems.get(k).offsetChosen()) {
                        chosen.add(ids.get(k));
                    }
                }
                repository.replaceOffsets(agentId, month.atDay(1), chosen, actor, at);
            });
            audit.record(actor, AuditAction.LEAVE_MIGRATED, "center " + centerId,
                    Message.of("audit.leave-migrated", month, items.size()));
            return null;
        });
    }

    private static final Object CARRIED_CHOICES = new Object();

    /** Offset choices of overdraft leave being replaced, bound to the current transaction. */
    @SuppressWarnings("unchecked")
    private static Set<String> carriedChoices() {
        Set<String> carried = (Set<String>) TransactionSynchronizationManager.getResource(CARRIED_CHOICES);
        if (carried == null) {
            carried = new java.util.HashSet<>();
            TransactionSynchronizationManager.bindResource(CARRIED_CHOICES, carried);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CARRIED_CHOICES);
                }
            });
        }
        return carried;
    }

    /**
     * Of the agents (agent id → center id), those whose month is closed: month close wrote their attendance or
     * closed their center's month. Their leave, offsets and activity of that month no longer change.
     */
    @Transactional(readOnly = true)
    public Set<Long> closedFor(YearMonth month, Map<Long, Long> centerOfAgent) {
        Set<Long> closed = new java.util.HashSet<>(repository.attendedOf(centerOfAgent.keySet(), month.atDay(1)));
        Map<Long, Boolean> centerClosed = new HashMap<>();
        centerOfAgent.forEach((agentId, centerId) -> {
            if (centerClosed.computeIfAbsent(centerId, c -> repository.monthClosed(c, month.atDay(1)))) {
                closed.add(agentId);
            }
        });
        return closed;
    }

    @Transactional(readOnly = true)
    public List<LeaveRecord> leave(long agentId, LocalDate from, LocalDate to) {
        return repository.ofAgent(agentId, from, to);
    }

    /** Overdraft leave of the period; it stays outstanding until offset at a month close. */
    @Transactional(readOnly = true)
    public long overdraftLeaveSeconds(long agentId, LocalDate from, LocalDate to) {
        return repository.sumOverdraftLeave(agentId, from, to);
    }

    /**
     * Eligible leave of the period that no month close has offset yet (what the statement shows as outstanding), of
     * each month that has some, oldest first: one query when the agent has no leave in the period, four when they have.
     */
    @Transactional(readOnly = true)
    public java.util.SortedMap<YearMonth, Long> outstandingLeaveByMonth(long agentId, long centerId, LocalDate from,
            LocalDate to) {
        java.util.SortedMap<YearMonth, Long> months = new java.util.TreeMap<>();
        List<LeaveRecord> records = repository.ofAgent(agentId, from, to);
        if (records.isEmpty()) {
            return months;
        }
        Map<LocalDate, Boolean> busy = calendar.busyDays(centerId, from, to);
        List<LocalDate> monthStarts = new java.util.ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            monthStarts.add(m.atDay(1));
        }
        Map<Long, Long> offsets = repository.offsets(List.of(agentId), monthStarts);
        records.stream()
                .filter(r -> LeaveEligibility.eligible(r.source(), busy.get(r.date())))
                .filter(r -> offsets.get(r.id()) == null)
                .forEach(r -> months.merge(YearMonth.from(r.date()), r.seconds(), Long::sum));
        months.values().removeIf(seconds -> seconds <= 0);
        return months;
    }

    public record NewLeave(String employeeNo, LocalDate date, Long seconds, String type, String from, String to) {

        /** Leave without a time of day (the whole day for rosters). */
        public NewLeave(String employeeNo, LocalDate date, Long seconds, String type) {
            this(employeeNo, date, seconds, type, null, null);
        }
    }

    /**
     * One leave item as the agent's month shows it; {@code offset} is chosen (open month) or posted (closed);
     * {@code from}..{@code to} ({@code HH:mm}) for part of a day, else both null.
     */
    public record Item(long id, LocalDate date, long seconds, LeaveType type, LeaveSource source, boolean busy,
            boolean eligible, boolean offset, String from, String to) {
    }

    /**
     * An agent's leave of a month: the items, whether the month is still open for offset choices and until when
     * (center local time), the chosen seconds against the available balance, and the attendance once closed.
     */
    public record MonthView(String employeeNo, YearMonth month, LocalDateTime deadline, String timeZone,
            boolean closed, boolean open, List<Item> items, long leaveSeconds, long eligibleSeconds,
            long chosenSeconds, long availableSeconds, Attendance attendance) {
    }

    /** POST /api/leave: by the agent's lead, a planner of the center or an admin. */
    public Item record(NewLeave l, CurrentUser user) {
        return record(l, null, user);
    }

    /**
     * As {@link #record(NewLeave, CurrentUser)}, once per {@code formKey} (a key the lead's form chose when it was
     * shown): the same form sent twice records the leave once.
     */
    public Item record(NewLeave l, String formKey, CurrentUser user) {
        return record(l, formKey == null ? null : "FORM:" + user.actor() + ":" + formKey, new Validation(), user);
    }

    /** The refusal of a key (a form's or the API's) used before for other leave. */
    public static final String KEY_USED_OTHER = "leave.key-used-other";

    /**
     * As {@link #record(NewLeave, CurrentUser)}, once per user and {@code clientKey} (the API's
     * {@code Idempotency-Key}): a retry records nothing more and answers with the leave the first one recorded, also
     * when the first answer was lost after its commit and the stored answer with it.
     */
    public Item recordWithClientKey(NewLeave l, String clientKey, CurrentUser user) {
        Validation v = new Validation();
        ClientKey.check(v, clientKey);
        return record(l, clientKey == null ? null : "API:" + user.actor() + ":" + clientKey, v, user);
    }

    /** Records the leave; a {@code reference} already stored names the same leave recorded before, which answers. */
    private Item record(NewLeave l, String reference, Validation v, CurrentUser user) {
        v.require(l.employeeNo() != null && !l.employeeNo().isBlank(), "employeeNo", "leave.employeeno-required");
        v.require(l.date() != null, "date", "leave.date-required-yyyy-mm");
        v.require(l.seconds() != null && l.seconds() > 0 && l.seconds() <= DAY_SECONDS, "seconds",
                "leave.seconds-between");
        LeaveType type = parseType(l.type());
        v.require(type != null, "type", "leave.type-personal-sick-annual");
        // part of a day (from..to): rosters keep the agent off only those hours
        Integer[] part = TimeOfDay.partOfDay(l.from(), l.to(), "from", "to", v);
        if (part[0] != null && part[1] != null && l.seconds() != null) {
            long length = (part[1] - part[0]) * 60L;
            v.require(l.seconds() == length, "seconds", "range.timeoff.part-of-day-seconds", length);
        }
        v.throwIfInvalid();
        Agent agent = organisation.agent(l.employeeNo().trim(), user);
        if (!user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw ForbiddenException.of("leave.only-agent-team-lead");
        }
        Center center = organisation.centerById(agent.centerId());
        requireOpen(center, YearMonth.from(l.date()), agent.id());
        LeaveRecord record = new LeaveRecord(0, agent.id(), l.date(), l.seconds(), type, LeaveSource.LEAVE, reference,
                part[0], part[1]);
        // with a reference a re-run finds what its first run committed, so a lost commit answer is retried too
        java.util.function.Supplier<Long> work = () -> {
            // again under the lock month close takes: a close that handled the agent since would never count it
            ledger.lockAccounts(List.of(agent.id()));
            requireOpen(center, YearMonth.from(l.date()), agent.id());
            long inserted;
            try {
                inserted = repository.insertLeave(List.of(record), Map.of(agent.id(), center.id()), user.actor(),
                        now()).get(0);
            } catch (DuplicateKeyException e) {
                // the same form or request sent again (or twice at once): its leave is recorded already
                return repository.idOfReference(reference).orElseThrow(() -> e);
            }
            // the type by the name the agent's pages give it
            Message typeName = Message.of("agent.leave.type." + type);
            audit.record(user.actor(), AuditAction.LEAVE_RECORDED, "agent:" + agent.employeeNo(), part[0] == null
                    ? Message.of("audit.leave-recorded", typeName, l.date(), AuditDetail.amount(l.seconds()), inserted)
                    : Message.of("audit.leave-recorded.part", typeName, l.date(), AuditDetail.amount(l.seconds()),
                            inserted, TimeOfDay.format(part[0]), TimeOfDay.format(part[1])));
            return inserted;
        };
        long id = reference == null ? transactions.write(work) : transactions.writeIdempotent(work);
        // the stored record answers: a retry gets what the first request recorded; the key (a form's, a request's)
        // used before for other leave is refused, so that a lead who changed the form is not told it was recorded
        LeaveRecord stored = reference == null ? record : repository.find(List.of(id)).get(id);
        if (stored.agentId() != record.agentId() || !stored.date().equals(record.date())
                || stored.seconds() != record.seconds() || stored.type() != record.type()
                || !java.util.Objects.equals(stored.startMinute(), record.startMinute())
                || !java.util.Objects.equals(stored.endMinute(), record.endMinute())) {
            throw ConflictException.of(KEY_USED_OTHER, id);
        }
        boolean busy = calendar.busyDays(center.id(), stored.date(), stored.date()).get(stored.date());
        return new Item(id, stored.date(), stored.seconds(), stored.type(), LeaveSource.LEAVE, busy,
                LeaveEligibility.eligible(LeaveSource.LEAVE, busy), false, timeOfDay(stored.startMinute()),
                timeOfDay(stored.endMinute()));
    }

    private static String timeOfDay(Integer minute) {
        return minute == null ? null : TimeOfDay.format(minute);
    }

    /** What an HR file did: its lines, of which {@code replaced} were sent before (their leave is replaced). */
    public record Imported(int accepted, int replaced) {
    }

    /**
     * The HR file: every line checked, including agents and closed months; the whole file or nothing. A line names
     * its leave by agent, date and type (a file holds one line for each), so a line sent again replaces what it sent
     * before: a re-sent file adds nothing, a corrected one corrects.
     */
    public Imported importLeave(LeaveFile file, CurrentUser user) {
        if (user.role() != com.timebank.wfm.security.Role.ADMIN
                && user.role() != com.timebank.wfm.security.Role.PLANNER) {
            throw ForbiddenException.of("leave.import.forbidden");
        }
        Map<String, Agent> agents = organisation.agentsByEmployeeNo(
                file.rows().stream().map(LeaveFile.Row::employeeNo).collect(java.util.stream.Collectors.toSet()));
        List<LeaveFile.Row> rows = new ArrayList<>();
        List<LeaveRecord> records = new ArrayList<>();
        Map<Long, Long> centerOfAgent = new HashMap<>();
        for (LeaveFile.Row row : file.rows()) {
            Agent a = agents.get(row.employeeNo());
            if (a == null || !user.plansCenter(a.centerId())) {
                file.reject(row, "employee_no", Message.of("upload.agent.unknown", row.employeeNo()));
                continue;
            }
            Center center = organisation.centerById(a.centerId());
            java.util.Optional<Message> outOfRange = DateBounds.check(row.date(), center.today(clock));
            if (outOfRange.isPresent()) {
                file.reject(row, "date", outOfRange.get());
                continue;
            }
            rows.add(row);
            records.add(new LeaveRecord(0, a.id(), row.date(), row.seconds(), row.type(), LeaveSource.LEAVE,
                    hrReference(a, row)));
            centerOfAgent.put(a.id(), a.centerId());
        }
        rejectClosed(file, rows, records, centerOfAgent);
        file.problems().throwIfAny();
        return transactions.write(() -> {
            // again under the lock month close takes: a close that handled an agent since would never count it
            ledger.lockAccounts(centerOfAgent.keySet());
            rejectClosed(file, rows, records, centerOfAgent);
            file.problems().throwIfAny();
            int replaced = repository.replaceLeave(records, centerOfAgent, user.actor(), now());
            audit.record(user.actor(), AuditAction.LEAVE_IMPORTED, "leave",
                    Message.of("audit.leave-imported", records.size(), replaced));
            return new Imported(records.size(), replaced);
        });
    }

    /** Refuses the lines whose month is closed for their agent (past its deadline, or closed by month close). */
    private void rejectClosed(LeaveFile file, List<LeaveFile.Row> rows, List<LeaveRecord> records,
            Map<Long, Long> centerOfAgent) {
        Map<YearMonth, Map<Long, Long>> agentsOfMonth = new HashMap<>();
        records.forEach(r -> agentsOfMonth.computeIfAbsent(YearMonth.from(r.date()), m -> new HashMap<>())
                .put(r.agentId(), centerOfAgent.get(r.agentId())));
        Map<YearMonth, Set<Long>> closed = new HashMap<>();
        Map<String, Boolean> pastDeadline = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            LeaveRecord r = records.get(i);
            YearMonth month = YearMonth.from(r.date());
            long centerId = centerOfAgent.get(r.agentId());
            boolean past = pastDeadline.computeIfAbsent(centerId + "|" + month,
                    k -> !calendar.month(centerId, month).openAt(calendar.now(organisation.centerById(centerId))));
            if (past || closed.computeIfAbsent(month, m -> closedFor(m, agentsOfMonth.get(m))).contains(r.agentId())) {
                file.reject(rows.get(i), "date", Message.of("leave.month.closed", month, r.date()));
            }
        }
    }

    /** The reference that names an HR line's leave: the agent, the date and the type. */
    private static String hrReference(Agent agent, LeaveFile.Row row) {
        return "HR:" + agent.id() + ":" + row.date() + ":" + row.type().name();
    }

    @Transactional(readOnly = true)
    public MonthView month(String employeeNo, YearMonth month, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        Center center = organisation.centerById(agent.centerId());
        YearMonth m = month == null ? YearMonth.from(center.today(clock)) : month;
        return monthView(agent, center, m);
    }

    /**
     * Replaces the agent's offset choice for a month with {@code leaveIds} (empty: none). The agent or their lead,
     * while the month is open; every id must be an eligible item of that month.
     */
    public MonthView chooseOffsets(String employeeNo, YearMonth month, List<Long> leaveIds, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        boolean self = user.agentId() != null && user.agentId() == agent.id();
        if (!self && !user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw ForbiddenException.of("leave.only-agent-their-team");
        }
        if (leaveIds == null) {
            throw InvalidInputException.of("leaveIds", "leave.leaveids-required-empty-list");
        }
        if (leaveIds.size() > MAX_OFFSETS) {
            throw InvalidInputException.of("leaveIds", "leave.offsets.too-many", MAX_OFFSETS);
        }
        Set<Long> ids = new LinkedHashSet<>(leaveIds);
        Center center = organisation.centerById(agent.centerId());
        Map<Long, LeaveRecord> found = repository.find(ids);
        List<LeaveRecord> chosen = new ArrayList<>();
        Validation v = new Validation();
        for (Long id : ids) {
            LeaveRecord r = found.get(id);
            boolean own = r != null && r.agentId() == agent.id();
            v.require(own, "leaveIds", "leave.leave-number-not-leave", id, agent.employeeNo());
            if (own) {
                chosen.add(r);
            }
        }
        v.throwIfInvalid();
        Set<YearMonth> months = new java.util.TreeSet<>();
        chosen.forEach(r -> months.add(YearMonth.from(r.date())));
        if (month != null) {
            months.add(month);
        }
        if (months.isEmpty()) {
            throw InvalidInputException.of("month", "leave.name-month-yyyy-mm");
        }
        if (months.size() > 1) {
            throw InvalidInputException.of("leaveIds", "leave.choose-offsets-one-month", months);
        }
        YearMonth m = months.iterator().next();
        requireOpen(center, m, agent.id());
        Map<LocalDate, Boolean> busy = calendar.busyDays(center.id(), m.atDay(1), m.atEndOfMonth());
        for (LeaveRecord r : chosen) {
            if (!LeaveEligibility.eligible(r.source(), busy.get(r.date()))) {
                throw BusinessRuleException.of("leave.leave-number-cannot-offset", r.id(), r.date(),
                        LeaveEligibility.reason(r.source(), true));
            }
        }
        writeOffsets(agent, center, m, ids, user);
        return monthView(agent, center, m);
    }

    /**
     * The write of {@link #chooseOffsets}: checks again under the account lock that month close takes, so that a
     * choice never lands in a month closed for the agent since the caller's check.
     */
    void writeOffsets(Agent agent, Center center, YearMonth m, Set<Long> ids, CurrentUser user) {
        transactions.write(() -> {
            ledger.lockAccounts(List.of(agent.id()));
            requireOpen(center, m, agent.id());
            repository.replaceOffsets(agent.id(), m.atDay(1), ids, user.actor(), now());
            audit.record(user.actor(), AuditAction.LEAVE_OFFSETS_CHOSEN, "agent:" + agent.employeeNo(),
                    Message.of("audit.leave-offsets-chosen", m, AuditDetail.list(ids)));
            return null;
        });
    }

    private MonthView monthView(Agent agent, Center center, YearMonth m) {
        LeaveMonth lm = calendar.month(center.id(), m);
        List<LeaveRecord> records = repository.ofAgent(agent.id(), lm.first(), lm.last());
        Map<LocalDate, Boolean> busy = calendar.busyDays(center.id(), lm.first(), lm.last());
        Map<Long, Long> offsets = repository.offsets(List.of(agent.id()), lm.first());
        Attendance attendance = repository.attendance(agent.id(), lm.first()).orElse(null);
        boolean closed = attendance != null || repository.monthClosed(center.id(), lm.first());
        List<Item> items = new ArrayList<>();
        long leaveSeconds = 0;
        long eligibleSeconds = 0;
        long chosenSeconds = 0;
        for (LeaveRecord r : records) {
            boolean b = busy.get(r.date());
            boolean eligible = LeaveEligibility.eligible(r.source(), b);
            boolean offset = closed ? offsets.get(r.id()) != null : offsets.containsKey(r.id());
            items.add(new Item(r.id(), r.date(), r.seconds(), r.type(), r.source(), b, eligible, offset,
                    timeOfDay(r.startMinute()), timeOfDay(r.endMinute())));
            leaveSeconds += r.seconds();
            eligibleSeconds += eligible ? r.seconds() : 0;
            chosenSeconds += offsets.containsKey(r.id()) ? r.seconds() : 0;
        }
        boolean open = !closed && lm.openAt(calendar.now(center));
        return new MonthView(agent.employeeNo(), m, lm.deadline(), center.timeZone().getId(), closed, open, items,
                leaveSeconds, eligibleSeconds, chosenSeconds, ledger.account(agent.id()).availableSeconds(),
                        attendance);
    }

    /** Open for the agent: before its deadline and not closed for them ({@link #closedFor}). */
    private void requireOpen(Center center, YearMonth month, long agentId) {
        LeaveMonth lm = calendar.month(center.id(), month);
        if (!lm.openAt(calendar.now(center)) || !closedFor(month, Map.of(agentId, center.id())).isEmpty()) {
            throw ConflictException.of("leave.month-closed-leave-offset", month, lm.deadline(), center.timeZone());
        }
    }

    static LeaveType parseType(String type) {
        if (type == null) {
            return null;
        }
        try {
            return LeaveType.valueOf(type.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
