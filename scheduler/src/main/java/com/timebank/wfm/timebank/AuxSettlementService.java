package com.timebank.wfm.timebank;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.leave.LeaveRecord;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.LeaveSource;
import com.timebank.wfm.leave.LeaveType;
import com.timebank.wfm.org.CenterSettingsService;

/**
 * Nightly services 1 and 2: settles every unsettled agent-day of a center up to a date, oldest date first, in
 * batches of agents that each commit on their own. Idempotent (settled revisions are skipped, keys are unique)
 * and restartable: a run killed mid-way leaves whole batches behind, and the next run finishes the rest.
 */
@Service
public class AuxSettlementService {

    public static final String ACTOR = "job:aux-settlement";

    private final ActivityRepository activity;
    private final LedgerService ledger;
    private final LeaveService leave;
    private final CenterSettingsService settings;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    AuxSettlementService(ActivityRepository activity, LedgerService ledger, LeaveService leave,
            CenterSettingsService settings, Transactions transactions, Clock clock,
            @Value("${wfm.settlement.batch-size:2000}") int batchSize) {
        this.activity = activity;
        this.ledger = ledger;
        this.leave = leave;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Called after each committed batch; tests use it to stop a run part-way, as a crash would. */
    public interface BatchObserver {
        BatchObserver NONE = (date, settled) -> { };

        void committed(LocalDate date, int settledInBatch);
    }

    public record Result(List<LocalDate> dates, int processed, int posted) {
    }

    public List<LocalDate> unsettledDates(long centerId, LocalDate upTo) {
        return activity.unsettledDates(centerId, upTo);
    }

    /** Settles every unsettled business date of the center up to {@code upTo} (catch-up after downtime). */
    public Result settleUpTo(long centerId, LocalDate upTo, BatchObserver observer) {
        List<LocalDate> dates = activity.unsettledDates(centerId, upTo);
        int processed = 0;
        int posted = 0;
        for (LocalDate date : dates) {
            Result r = settleDate(centerId, date, observer);
            processed += r.processed();
            posted += r.posted();
        }
        return new Result(dates, processed, posted);
    }

    public Result settleDate(long centerId, LocalDate date, BatchObserver observer) {
        BigDecimal auxTarget = settings.on(centerId, date).auxTarget();
        int processed = 0;
        int posted = 0;
        long after = 0;
        while (true) {
            List<Long> agents = activity.unsettledAgents(centerId, date, after, batchSize);
            if (agents.isEmpty()) {
                break;
            }
            after = agents.get(agents.size() - 1);
            int[] counts = transactions.write(() -> settleBatch(centerId, date, agents, auxTarget));
            processed += counts[0];
            posted += counts[1];
            observer.committed(date, counts[0]);
        }
        return new Result(List.of(date), processed, posted);
    }

    private int[] settleBatch(long centerId, LocalDate date, List<Long> agentIds, BigDecimal auxTarget) {
        LedgerBatch batch = ledger.lock(agentIds);
        List<ActivityRepository.Work> work = activity.work(date, agentIds);
        Map<Long, LedgerEntry> corrected = earlierEntries(work);
        Map<Long, String> keyOfAgent = new HashMap<>();
        Map<Long, Long> leaveOfAgent = new HashMap<>();
        List<ActivityRepository.Work> settledNow = new ArrayList<>();
        for (ActivityRepository.Work w : work) {
            if (w.settledRevision() != null && w.settledRevision() >= w.revision()) {
                continue;
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
                        key));
                keyOfAgent.put(w.agentId(), key);
            }
            leaveOfAgent.put(w.agentId(), s.leaveSeconds() + uncovered);
            settledNow.add(w);
        }
        List<LedgerEntry> written = batch.write();
        Map<String, Long> idOfKey = new HashMap<>();
        written.forEach(e -> idOfKey.put(e.idempotencyKey(), e.id()));
        List<ActivityRepository.Settled> settled = new ArrayList<>();
        List<LeaveRecord> overdraftLeave = new ArrayList<>();
        for (ActivityRepository.Work w : settledNow) {
            String key = keyOfAgent.get(w.agentId());
            long leaveSeconds = leaveOfAgent.get(w.agentId());
            settled.add(new ActivityRepository.Settled(w.agentId(), centerId, date, w.revision(),
                    key == null ? null : idOfKey.get(key), leaveSeconds));
            if (leaveSeconds > 0) {
                overdraftLeave.add(new LeaveRecord(0, w.agentId(), date, leaveSeconds, LeaveType.PERSONAL,
                        LeaveSource.OVERDRAFT, settlementKey(w.agentId(), date, w.revision())));
            }
        }
        leave.recordOverdraftLeave(centerId, overdraftLeave, ACTOR);
        activity.saveSettlements(settled, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return new int[] {settledNow.size(), written.size()};
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
                    "AUXREV:" + w.agentId() + ":" + date + ":r" + w.settledRevision(), earlier.id()));
        }
        return uncovered;
    }

    private Map<Long, LedgerEntry> earlierEntries(List<ActivityRepository.Work> work) {
        Map<Long, LedgerEntry> entries = new HashMap<>();
        for (ActivityRepository.Work w : work) {
            if (w.settledEntryId() != null && w.settledRevision() != null && w.settledRevision() < w.revision()) {
                ledger.entry(w.settledEntryId()).ifPresent(e -> entries.put(w.agentId(), e));
            }
        }
        return entries;
    }

    static String settlementKey(long agentId, LocalDate date, int revision) {
        return "AUX:" + agentId + ":" + date + ":r" + revision;
    }
}
