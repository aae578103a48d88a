package com.timebank.wfm.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.UploadErrors;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/** The center's interval history: the input of forecasting. */
@Service
public class ContactHistoryService {

    /** Longest range one read of raw rows may cover. */
    static final int MAX_READ_DAYS = 93;

    private final ContactHistoryRepository repository;
    private final OrganisationService organisation;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    ContactHistoryService(ContactHistoryRepository repository, OrganisationService organisation, AuditLog audit,
            Transactions transactions, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Stored(int accepted, int replaced) {
    }

    /**
     * What an upload did: {@code accepted} rows, stored as {@code intervals} center intervals (fewer when finer
     * rows were summed), of which {@code replaced} existed before and were overwritten.
     */
    public record Imported(int accepted, int intervals, int replaced) {
    }

    /** Stores already validated rows on the center's grid; a re-sent interval replaces the earlier one. */
    public Stored store(long centerId, Collection<ContactVolume> rows, String actor) {
        return transactions.write(() -> new Stored(rows.size(), repository.upsert(centerId, rows, actor, now())));
    }

    /** A CSV upload ({@code interval_start,contacts,aht_seconds[,queue]}) by a planner of the center. */
    public Imported importCsv(String centerCode, Integer intervalMinutes, String csv, CurrentUser user) {
        return importCsv(centerCode, intervalMinutes, new java.io.StringReader(csv == null ? "" : csv), user);
    }

    /** The same, read as a stream: the file is never held whole. */
    public Imported importCsv(String centerCode, Integer intervalMinutes, java.io.Reader csv, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        UploadErrors structural = new UploadErrors();
        List<HistoryUpload.Row> rows = HistoryUpload.readCsv(csv, structural);
        return importChecked(center, HistoryUpload.check(center.intervalMinutes(), intervalMinutes, rows, structural,
                center.today(clock), center.timeZone()), "CSV", user);
    }

    /** A JSON upload by a planner of the center; rows are located by their index. */
    public Imported importRows(String centerCode, Integer intervalMinutes, List<HistoryUpload.Row> rows,
            CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        return importChecked(center, HistoryUpload.check(center.intervalMinutes(), intervalMinutes, rows,
                new UploadErrors(), center.today(clock), center.timeZone()), "JSON", user);
    }

    private Imported importChecked(Center center, HistoryUpload.Result checked, String format, CurrentUser user) {
        return transactions.write(() -> {
            int replaced = repository.upsert(center.id(), checked.intervals(), user.actor(), now());
            LocalDateTime first = checked.intervals().stream().map(ContactVolume::intervalStart)
                    .min(LocalDateTime::compareTo).orElseThrow();
            LocalDateTime last = checked.intervals().stream().map(ContactVolume::intervalStart)
                    .max(LocalDateTime::compareTo).orElseThrow();
            audit.record(user.actor(), AuditAction.HISTORY_IMPORTED, "center:" + center.code(),
                    Message.of("audit.history-imported", format, checked.rows(), checked.intervals().size(), replaced,
                            first, last));
            return new Imported(checked.rows(), checked.intervals().size(), replaced);
        });
    }

    /** Raw rows of a center for a planner, at most {@value #MAX_READ_DAYS} days at a time. */
    public List<ContactVolume> rows(String centerCode, String queue, LocalDate from, LocalDate to, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        Validation v = new Validation();
        v.require(from != null, "from", "history.from-required");
        v.require(to != null, "to", "history.required");
        v.throwIfInvalid();
        v.require(!to.isBefore(from), "to", "history.not-before-from");
        v.require(ChronoUnit.DAYS.between(from, to) < MAX_READ_DAYS, "to", "history.most-days-can-read", MAX_READ_DAYS);
        v.throwIfInvalid();
        return repository.between(center.id(), queue, from, to);
    }

    @Transactional(readOnly = true)
    public List<ContactVolume> between(long centerId, LocalDate from, LocalDate toInclusive) {
        return repository.between(centerId, from, toInclusive);
    }

    /** Contacts per interval over all queues ({@code queue} null) or of one queue, with contact-weighted AHT. */
    @Transactional(readOnly = true)
    public List<IntervalTotal> totals(long centerId, String queue, LocalDate from, LocalDate toInclusive) {
        return repository.totals(centerId, queue, from, toInclusive);
    }

    /** The last day with history (of the queue, if given) on or before {@code notAfter}. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> lastDate(long centerId, String queue, LocalDate notAfter) {
        return repository.lastDate(centerId, queue, notAfter);
    }

    @Transactional(readOnly = true)
    public int count(long centerId) {
        return repository.count(centerId);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
