package com.timebank.wfm.timebank;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.timebank.wfm.WfmProperties;
import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.leave.LeaveRecord;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.SettlementProgress;
import com.timebank.wfm.leave.LeaveSource;
import com.timebank.wfm.leave.LeaveType;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.ledger.PostingKeys;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerBatch;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;

/**
 * Nightly services 1 and 2: settles every unsettled agent-day of a center up to a date, oldest date first, in
 * batches of agents that each commit on their own. Idempotent (settled revisions are skipped, keys are unique)
 * and restartable: a run killed mid-way leaves whole batches behind, and the next run finishes the rest.
 */
@Service
public class AuxSettlementService implements SettlementProgress {

    public static final String ACTOR = "job:aux-settlement";
    private static final Logger log = LoggerFactory.getLogger(AuxSettlementService.class);

    private final ActivityRepository activity;
    private final LedgerService ledger;
    private final LeaveService leave;
    private final CenterSettingsService settings;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;
    private final int threads;

    AuxSettlementService(ActivityRepository activity, LedgerService ledger, LeaveService leave,
            CenterSettingsService settings, Transactions transactions, Clock clock,
            WfmProperties wfm) {
        this.activity = activity;
        this.ledger = ledger;
        this.leave = leave;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = wfm.settlement().batchSize();
        this.threads = Math.max(1, wfm.settlement().threads());
    }

    /** Called after each committed batch; tests use it to stop a run part-way, as a crash would. */
    public interface BatchObserver {
        BatchObserver NONE = (date, settled) -> { };

        void committed(LocalDate date, int settledInBatch);
    }

    public record Result(List<LocalDate> dates, int processed, int posted, List<AgentFailure> failures) {

        public Result(List<LocalDate> dates, int processed, int posted) {
            this(dates, processed, posted, List.of());
        }
    }

    /** An agent-day that could not be settled; the other agents of its date were settled all the same. */
    public record AgentFailure(LocalDate date, long agentId, RuntimeException error) {
    }

    @Override
    public List<LocalDate> unsettledDates(long centerId, LocalDate upTo) {
        return activity.unsettledDates(centerId, upTo);
    }

    /** Settles every unsettled business date of the center up to {@code upTo} (catch-up after downtime). */
    public Result settleUpTo(long centerId, LocalDate upTo, BatchObserver observer) {
        List<LocalDate> dates = activity.unsettledDates(centerId, upTo);
        int processed = 0;
        int posted = 0;
        List<AgentFailure> failures = new ArrayList<>();
        for (LocalDate date : dates) {
            Result r = settleDate(centerId, date, observer);
            processed += r.processed();
            posted += r.posted();
            failures.addAll(r.failures());
        }
        return new Result(dates, processed, posted, failures);
    }

    /**
     * Settles one date in batches of agents. Up to {@code threads} batches run at once, each in its own transaction:
     * their agents are disjoint, so they never wait for each other's locks, and the database works on one batch
     * while the service computes another. A batch that fails is settled again agent by agent, so an agent whose
     * day cannot be settled (its failure is in the result) holds back no other agent; a failure outside the agents
     * (the paging itself) stops the date, and batches already running still commit.
     */
    public Result settleDate(long centerId, LocalDate date, BatchObserver observer) {
        BigDecimal auxTarget = settings.on(centerId, date).auxTarget();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        Deque<Future<BatchOutcome>> running = new ArrayDeque<>();
        int[] totals = new int[2];
        List<AgentFailure> failures = new ArrayList<>();
        RuntimeException failure = null;
        try {
            long after = 0;
            while (failure == null) {
                List<Long> agents = activity.unsettledAgents(centerId, date, after, batchSize);
                if (agents.isEmpty()) {
                    break;
                }
                after = agents.get(agents.size() - 1);
                running.add(workers.submit(() -> settleAgents(centerId, date, agents, auxTarget, observer)));
                if (running.size() >= threads) {
                    failure = collect(running.poll(), totals, failures);
                }
            }
            while (!running.isEmpty()) {
                RuntimeException f = collect(running.poll(), totals, failures);
                failure = failure == null ? f : failure;
            }
        } finally {
            workers.shutdown();
        }
        if (failure != null) {
            throw failure;
        }
        return new Result(List.of(date), totals[0], totals[1], failures);
    }

    private record BatchOutcome(int settled, int posted, List<AgentFailure> failures) {
    }

    /** One batch in one transaction; if it fails, each of its agents in a transaction of its own. */
    private BatchOutcome settleAgents(long centerId, LocalDate date, List<Long> agents, BigDecimal auxTarget,
            BatchObserver observer) {
        // a write whose commit answer was lost settles nothing more: its agents' revisions are settled
        Transactions.Batch<Long, int[]> batch = transactions.writeBatchIdempotent(agents,
                some -> settleBatch(centerId, date, some, auxTarget));
        int settled = 0;
        int posted = 0;
        for (int[] counts : batch.committed()) {
            observer.committed(date, counts[0]);
            settled += counts[0];
            posted += counts[1];
        }
        List<AgentFailure> failures = new ArrayList<>();
        batch.failed().forEach((agent, e) -> {
            log.warn("Agent {} of center {}: {} not settled", agent, centerId, date, e);
            failures.add(new AgentFailure(date, agent, e));
        });
        return new BatchOutcome(settled, posted, failures);
    }

    private static RuntimeException collect(Future<BatchOutcome> batch, int[] totals, List<AgentFailure> failures) {
        try {
            BatchOutcome outcome = batch.get();
            totals[0] += outcome.settled();
            totals[1] += outcome.posted();
            failures.addAll(outcome.failures());
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Interrupted while settling", e);
        }
    }

    private int[] settleBatch(long centerId, LocalDate date, List<Long> agentIds, BigDecimal auxTarget) {
        LedgerBatch batch = ledger.lock(agentIds);
        // under the locks month close takes: an agent it has closed since the import is not settled again
        Map<Long, Long> centerOfAgent = new HashMap<>();
        agentIds.forEach(id -> centerOfAgent.put(id, centerId));
        java.util.Set<Long> closed = leave.closedFor(YearMonth.from(date), centerOfAgent);
        List<ActivityRepository.Work> work = activity.work(date, agentIds);
        Map<Long, LedgerEntry> corrected = earlierEntries(date, work);
        Map<Long, Long> leaveOfAgent = new HashMap<>();
        List<ActivityRepository.Work> settledNow = new ArrayList<>();
        for (ActivityRepository.Work w : work) {
            if (w.settledRevision() != null && w.settledRevision() >= w.revision()) {
                continue;
            }
            if (closed.contains(w.agentId())) {
                // fails this agent-day alone (the batch is written again agent by agent), named in the job run
                throw BusinessRuleException.of("settlement.month-closed", date.toString(),
                        YearMonth.from(date).toString());
            }
            long uncovered = 0;
            if (w.settledRevision() != null) {
                uncovered = reverse(batch, w, corrected.get(w.agentId()), date);
                leave.removeOverdraftLeave(w.agentId(), date);
            }
            long available = batch.account(w.agentId()).availableSeconds();
            AuxSettlement s = AuxSettlement.settle(w.loggedSeconds(), w.auxSeconds(), auxTarget, available);
            if (s.entrySeconds() != 0) {
                String key = settlementKey(w.agentId(), date, w.revision());
                batch.post(Posting.of(w.agentId(), date, s.kind(), s.entrySeconds(), ACTOR,
                        "aux " + date + ": logged " + w.loggedSeconds() + " s, aux " + w.auxSeconds()
                                + " s, allowance " + s.allowanceSeconds() + " s (target " + auxTarget.toPlainString() + ")",
                        key).withReason(Message.of(s.entrySeconds() > 0 ? "reason.aux-saving" : "reason.aux-overdraft",
                                date.toString(), Message.duration(w.loggedSeconds()), Message.duration(w.auxSeconds()),
                                Message.duration(s.allowanceSeconds()), auxTarget)));
            }
            leaveOfAgent.put(w.agentId(), s.leaveSeconds() + uncovered);
            settledNow.add(w);
        }
        int written = batch.writeEntries();
        List<ActivityRepository.Settled> settled = new ArrayList<>();
        List<LeaveRecord> overdraftLeave = new ArrayList<>();
        for (ActivityRepository.Work w : settledNow) {
            long leaveSeconds = leaveOfAgent.get(w.agentId());
            settled.add(new ActivityRepository.Settled(w.agentId(), centerId, date, w.revision(), leaveSeconds));
            if (leaveSeconds > 0) {
                overdraftLeave.add(new LeaveRecord(0, w.agentId(), date, leaveSeconds, LeaveType.PERSONAL,
                        LeaveSource.OVERDRAFT, settlementKey(w.agentId(), date, w.revision())));
            }
        }
        leave.recordOverdraftLeave(centerId, overdraftLeave, ACTOR);
        activity.saveSettlements(settled, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return new int[] {settledNow.size(), written};
    }

    /**
     * Reverses the entry an earlier revision posted. A reversed credit the agent already spent cannot take the
     * balance below zero: the part the available balance does not cover becomes personal leave, like an overdraft.
     */
    private long reverse(LedgerBatch batch, ActivityRepository.Work w, LedgerEntry earlier, LocalDate date) {
        if (earlier == null) {
            return 0;
        }
        long amount = -earlier.seconds();
        long uncovered = 0;
        if (amount < 0) {
            long available = batch.account(w.agentId()).availableSeconds();
            uncovered = Math.max(0, -amount - available);
            amount = -Math.min(-amount, available);
        }
        if (amount != 0) {
            batch.post(new Posting(w.agentId(), date, EntryKind.REVERSAL, amount, ACTOR,
                    "reverses entry " + earlier.id() + ": activity of " + date + " corrected"
                            + (uncovered > 0 ? "; " + uncovered + " s not covered became personal leave" : ""),
                    PostingKeys.auxReversal(w.agentId(), date, w.settledRevision()), earlier.id(),
                    uncovered > 0 ? Message.of("reason.aux-reversal.uncovered", earlier.id(), date.toString(),
                            Message.duration(uncovered)) : Message.of("reason.aux-reversal", earlier.id(), date.toString())));
        }
        return uncovered;
    }

    /** The entries that earlier revisions posted, found by their settlement keys. */
    private Map<Long, LedgerEntry> earlierEntries(LocalDate date, List<ActivityRepository.Work> work) {
        Map<String, Long> agentOfKey = new HashMap<>();
        for (ActivityRepository.Work w : work) {
            if (w.settledRevision() != null && w.settledRevision() < w.revision()) {
                agentOfKey.put(settlementKey(w.agentId(), date, w.settledRevision()), w.agentId());
            }
        }
        Map<Long, LedgerEntry> entries = new HashMap<>();
        if (!agentOfKey.isEmpty()) {
            ledger.entriesByKey(agentOfKey.keySet()).forEach((key, e) -> entries.put(agentOfKey.get(key), e));
        }
        return entries;
    }

    static String settlementKey(long agentId, LocalDate date, int revision) {
        return PostingKeys.auxSettlement(agentId, date, revision);
    }
}
