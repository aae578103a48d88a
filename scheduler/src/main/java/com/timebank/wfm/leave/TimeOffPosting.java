package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;

/**
 * The time-off posting job. When the day comes, approved requests are posted as TIME_OFF debits from their
 * reservation (one approved on its own day is posted by the next run); requests still undecided when their day is
 * over expire and release theirs. Batches commit on their own; re-runs post nothing twice; one request that cannot
 * be finished holds back no other.
 */
@Service
public class TimeOffPosting {

    public static final String ACTOR = "job:time-off-posting";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(TimeOffPosting.class);

    private final TimeOffRepository repository;
    private final LedgerService ledger;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    TimeOffPosting(TimeOffRepository repository, LedgerService ledger, Transactions transactions, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public record PostingResult(List<LocalDate> dates, int processed, int posted, List<RequestFailure> failures) {
    }

    /** A request the job could not finish; the others were posted all the same, and the next run tries it again. */
    public record RequestFailure(long requestId, LocalDate date, long agentId, RuntimeException error) {
    }

    public List<LocalDate> dueDates(long centerId, LocalDate upTo) {
        return repository.dueDates(centerId, upTo);
    }

    /**
     * Posts or expires every due request of the center in batches, each in one transaction. A batch that fails is
     * done again a request at a time, so a request that cannot be finished (it is in the result, and left out of
     * the rest of this run) holds back no other request, date or agent.
     */
    public PostingResult postDue(long centerId, LocalDate upTo) {
        List<LocalDate> dates = repository.dueDates(centerId, upTo);
        int processed = 0;
        int posted = 0;
        List<RequestFailure> failures = new ArrayList<>();
        Set<Long> failed = new HashSet<>();
        while (true) {
            List<Long> ids = repository.due(centerId, upTo, failed, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            Transactions.Batch<Long, Integer> written = transactions.writeBatch(ids, this::finish);
            for (int p : written.committed()) {
                posted += p;
            }
            processed += ids.size() - written.failed().size();
            written.failed().forEach((id, e) -> {
                TimeOffRequest r = repository.find(id).orElseThrow();
                log.warn("Time-off request {} of {} not finished; the others go on", id, r.date(), e);
                failed.add(id);
                failures.add(new RequestFailure(id, r.date(), r.agentId(), e));
            });
        }
        return new PostingResult(dates, processed, posted, failures);
    }

    /** Posts the approved requests among {@code ids} and expires the undecided ones; returns how many it posted. */
    private int finish(List<Long> ids) {
        int posted = 0;
        for (long id : ids) {
            TimeOffRequest r = repository.lock(id).orElseThrow();
            if (r.status() == TimeOffStatus.APPROVED && r.entryId() == null) {
                LedgerEntry e = ledger.postReservation(r.reservationId(), EntryKind.TIME_OFF, ACTOR,
                        Message.of("reason.time-off", r.date().toString(), id));
                repository.setEntry(id, e.id());
                audit.record(ACTOR, AuditAction.TIME_OFF_POSTED, "time-off:" + id,
                        Message.of("audit.time-off-posted", r.date(), AuditDetail.amount(r.seconds()), e.id()));
                posted++;
            } else if (r.status() == TimeOffStatus.PENDING || r.status() == TimeOffStatus.WAITLISTED) {
                ledger.release(r.reservationId(), ACTOR);
                repository.decide(id, TimeOffStatus.EXPIRED, ACTOR, "undecided when the day came", now());
                audit.record(ACTOR, AuditAction.TIME_OFF_EXPIRED, "time-off:" + id,
                        Message.of("audit.time-off-expired", r.date(), AuditDetail.amount(r.seconds())));
            }
        }
        return posted;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
