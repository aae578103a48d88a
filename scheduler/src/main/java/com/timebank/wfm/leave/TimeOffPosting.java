package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;

/**
 * The time-off posting job. When the day comes, approved requests are posted as TIME_OFF debits from their
 * reservation (one approved on its own day is posted by the next run); requests still undecided when their day is
 * over expire and release theirs. Batches commit on their own; re-runs post nothing twice.
 */
@Service
public class TimeOffPosting {

    public static final String ACTOR = "job:time-off-posting";
    private static final int BATCH = 200;

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

    public record PostingResult(List<LocalDate> dates, int processed, int posted) {
    }

    public List<LocalDate> dueDates(long centerId, LocalDate upTo) {
        return repository.dueDates(centerId, upTo);
    }

    public PostingResult postDue(long centerId, LocalDate upTo) {
        List<LocalDate> dates = repository.dueDates(centerId, upTo);
        int processed = 0;
        int posted = 0;
        while (true) {
            List<Long> ids = repository.due(centerId, upTo, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            int[] counts = transactions.write(() -> {
                int p = 0;
                for (long id : ids) {
                    TimeOffRequest r = repository.lock(id).orElseThrow();
                    if (r.status() == TimeOffStatus.APPROVED && r.entryId() == null) {
                        LedgerEntry e = ledger.postReservation(r.reservationId(), EntryKind.TIME_OFF, ACTOR,
                                Message.of("reason.time-off", r.date().toString(), id));
                        repository.setEntry(id, e.id());
                        audit.record(ACTOR, "TIME_OFF_POSTED", "time-off:" + id, r.date() + " " + r.seconds()
                                + " s debited (entry " + e.id() + ")");
                        p++;
                    } else if (r.status() == TimeOffStatus.PENDING || r.status() == TimeOffStatus.WAITLISTED) {
                        ledger.release(r.reservationId(), ACTOR);
                        repository.decide(id, TimeOffStatus.EXPIRED, ACTOR, "undecided when the day came", now());
                        audit.record(ACTOR, "TIME_OFF_EXPIRED", "time-off:" + id, r.date() + " " + r.seconds()
                                + " s released: the day came before a decision");
                    }
                }
                return new int[] {ids.size(), p};
            });
            processed += counts[0];
            posted += counts[1];
        }
        return new PostingResult(dates, processed, posted);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
