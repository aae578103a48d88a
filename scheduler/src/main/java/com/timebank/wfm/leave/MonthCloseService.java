package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.timebank.wfm.WfmProperties;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.ledger.PostingKeys;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerBatch;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;

/**
 * Month close (interest-free loan): for every agent of the center, posts the chosen offsets (oldest first, whole
 * items, as far as the available balance goes) and writes the month's attendance. Agents are closed in batches that each
 * commit on their own; an agent with attendance is done, so a re-run or a run after a crash only finishes the rest,
 * and the month is marked closed when every agent is. Due months left behind by downtime are closed oldest first.
 */
@Service
public class MonthCloseService {

    public static final String ACTOR = "job:month-close";
    private static final Logger log = LoggerFactory.getLogger(MonthCloseService.class);

    private final LeaveRepository repository;
    private final LeaveCalendar calendar;
    private final OrganisationService organisation;
    private final LedgerService ledger;
    private final SettlementProgress settlement;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final int batchSize;

    MonthCloseService(LeaveRepository repository, LeaveCalendar calendar, OrganisationService organisation,
            LedgerService ledger, SettlementProgress settlement, Transactions transactions, AuditLog audit,
            Clock clock, WfmProperties wfm) {
        this.repository = repository;
        this.calendar = calendar;
        this.organisation = organisation;
        this.ledger = ledger;
        this.settlement = settlement;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.batchSize = wfm.monthClose().batchSize();
    }

    /** Called after each committed batch; tests use it to stop a run part-way, as a crash would. */
    public interface BatchObserver {
        BatchObserver NONE = (month, closed) -> { };

        void committed(YearMonth month, int agentsInBatch);
    }

    public record Result(List<YearMonth> months, int processed, int posted, List<AgentFailure> failures) {

        public Result(List<YearMonth> months, int processed, int posted) {
            this(months, processed, posted, List.of());
        }
    }

    /** An agent whose month could not be closed: the others are, and the month is marked closed once it is too. */
    public record AgentFailure(YearMonth month, long agentId, RuntimeException error) {
    }

    /** Months whose close is due and not done, oldest first. */
    public List<YearMonth> dueMonths(long centerId) {
        Center center = organisation.centerById(centerId);
        LocalDateTime now = calendar.now(center);
        YearMonth previous = YearMonth.from(now).minusMonths(1);
        YearMonth latestDue = calendar.month(centerId, previous).openAt(now) ? previous.minusMonths(1) : previous;
        YearMonth start = repository.latestClosedMonth(centerId).map(d -> YearMonth.from(d).plusMonths(1))
                .orElseGet(() -> repository.earliestLeave(centerId).map(YearMonth::from)
                        .filter(m -> m.isBefore(latestDue)).orElse(latestDue));
        // a month whose activity is not all settled would miss overdraft leave: it waits for aux settlement
        List<LocalDate> unsettled = settlement.unsettledDates(centerId, latestDue.atEndOfMonth());
        YearMonth waitFrom = unsettled.isEmpty() ? null : YearMonth.from(unsettled.get(0));
        List<YearMonth> due = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(latestDue); m = m.plusMonths(1)) {
            if (waitFrom != null && !m.isBefore(waitFrom)) {
                break;
            }
            if (!repository.monthClosed(centerId, m.atDay(1))) {
                due.add(m);
            }
        }
        return due;
    }

    /** Still open for offset choices: its deadline has not passed in the center's time zone. */
    public boolean isOpen(long centerId, YearMonth month) {
        Center center = organisation.centerById(centerId);
        return calendar.month(centerId, month).openAt(calendar.now(center));
    }

    public LocalDateTime deadline(long centerId, YearMonth month) {
        return calendar.month(centerId, month).deadline();
    }

    public Result closeDue(long centerId, BatchObserver observer) {
        List<YearMonth> months = dueMonths(centerId);
        int processed = 0;
        int posted = 0;
        for (YearMonth m : months) {
            Result r = closeMonth(centerId, m, observer);
            processed += r.processed();
            posted += r.posted();
            if (!r.failures().isEmpty()) {
                // later months wait: they close oldest first, and this one is not closed yet
                return new Result(months.subList(0, months.indexOf(m) + 1), processed, posted, r.failures());
            }
        }
        return new Result(months, processed, posted);
    }

    /** Closes one month whose deadline has passed; closing a closed month does nothing. */
    public Result closeMonth(long centerId, YearMonth month, BatchObserver observer) {
        Center center = organisation.centerById(centerId);
        LeaveMonth lm = calendar.month(centerId, month);
        if (lm.openAt(calendar.now(center))) {
            throw BusinessRuleException.of("monthclose.month-still-open-offsets", month, lm.deadline(),
                    center.timeZone());
        }
        if (repository.monthClosed(centerId, lm.first())) {
            return new Result(List.of(month), 0, 0);
        }
        List<LocalDate> unsettled = settlement.unsettledDates(centerId, lm.last());
        if (!unsettled.isEmpty()) {
            throw BusinessRuleException.of("monthclose.month-cannot-close-before", month, unsettled.get(0),
                    unsettled.size() - 1);
        }
        Set<Long> done = repository.attendedAgents(centerId, lm.first());
        List<Long> agents = organisation.agentsOfCenter(centerId).stream().map(Agent::id)
                .filter(id -> !done.contains(id)).sorted().toList();
        Map<LocalDate, Boolean> busy = calendar.busyDays(centerId, lm.first(), lm.last());
        int processed = 0;
        int posted = 0;
        List<AgentFailure> failures = new ArrayList<>();
        for (int from = 0; from < agents.size(); from += batchSize) {
            List<Long> batch = agents.subList(from, Math.min(agents.size(), from + batchSize));
            // one agent that cannot be closed holds back no other
            Transactions.Batch<Long, int[]> written = transactions.writeBatch(batch,
                    some -> closeBatch(centerId, lm, some, busy));
            int[] counts = new int[2];
            for (int[] c : written.committed()) {
                counts[0] += c[0];
                counts[1] += c[1];
            }
            written.failed().forEach((agent, e) -> {
                log.warn("Agent {} of center {}: month {} not closed", agent, centerId, month, e);
                failures.add(new AgentFailure(month, agent, e));
            });
            processed += counts[0];
            posted += counts[1];
            observer.committed(month, counts[0]);
        }
        if (!failures.isEmpty()) {
            return new Result(List.of(month), processed, posted, failures);
        }
        int closedAgents = done.size() + processed;
        int postedNow = posted;
        transactions.write(() -> {
            repository.closeMonth(centerId, lm.first(), closedAgents, ACTOR, now());
            audit.record(ACTOR, AuditAction.MONTH_CLOSED, "center:" + center.code(),
                    Message.of("audit.month-closed", month, closedAgents, postedNow));
            return null;
        });
        return new Result(List.of(month), processed, posted);
    }

    private int[] closeBatch(long centerId, LeaveMonth lm, List<Long> agentIds, Map<LocalDate, Boolean> busy) {
        LedgerBatch batch = ledger.lock(agentIds);
        // re-read under the account locks: a concurrent run may have closed some of these agents meanwhile
        Set<Long> done = repository.attendedAgents(centerId, lm.first());
        List<LeaveRecord> leave = repository.ofAgents(agentIds, lm.first(), lm.last());
        Map<Long, Long> chosen = repository.offsets(agentIds, lm.first());
        Map<Long, List<LeaveRecord>> leaveOfAgent = new HashMap<>();
        leave.forEach(r -> leaveOfAgent.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r));
        LocalDate postingDate = lm.deadline().toLocalDate();
        Map<Long, Attendance> attendance = new LinkedHashMap<>();
        Map<String, Long> leaveOfKey = new HashMap<>();
        for (long agentId : agentIds) {
            if (done.contains(agentId)) {
                continue;
            }
            List<LeaveRecord> records = leaveOfAgent.getOrDefault(agentId, List.of());
            List<LeaveOffsets.Item> items = records.stream()
                    .filter(r -> chosen.containsKey(r.id()) && LeaveEligibility.eligible(r.source(),
                            busy.get(r.date())))
                    .map(r -> new LeaveOffsets.Item(r.id(), r.date(), r.seconds()))
                    .sorted(Comparator.comparing(LeaveOffsets.Item::date)).toList();
            LeaveOffsets.Plan plan = LeaveOffsets.plan(items, batch.account(agentId).availableSeconds());
            for (LeaveOffsets.Item item : plan.offset()) {
                String key = PostingKeys.leaveOffset(item.leaveId());
                batch.post(Posting.of(agentId, postingDate, EntryKind.LEAVE_OFFSET, -item.seconds(), ACTOR,
                        "offsets leave " + item.leaveId() + " of " + item.date() + " (month " + lm.month() + ")", key)
                        .withReason(Message.of("reason.leave-offset", item.date().toString(),
                                lm.month().toString())));
                leaveOfKey.put(key, item.leaveId());
            }
            long leaveSeconds = records.stream().mapToLong(LeaveRecord::seconds).sum();
            attendance.put(agentId, Attendance.of(lm.month(), leaveSeconds, plan.offsetSeconds()));
        }
        List<LedgerEntry> written = batch.write();
        for (LedgerEntry e : written) {
            repository.markOffsetPosted(leaveOfKey.get(e.idempotencyKey()), e.id());
        }
        repository.insertAttendance(centerId, attendance, now());
        return new int[] {attendance.size(), written.size()};
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
