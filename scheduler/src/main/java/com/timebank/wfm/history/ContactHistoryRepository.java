package com.timebank.wfm.history;

import static com.timebank.wfm.db.Tables.CONTACT_HISTORY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ContactHistoryRepository {

    private static final int BATCH = 2_000;

    private final DSLContext db;

    ContactHistoryRepository(DSLContext db) {
        this.db = db;
    }

    /** Upserts in multi-row batches; returns how many intervals already existed (and were replaced). */
    int upsert(long centerId, Collection<ContactVolume> rows, String actor, LocalDateTime now) {
        int existing = 0;
        List<ContactVolume> all = List.copyOf(rows);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<ContactVolume> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
            var insert = db.insertInto(CONTACT_HISTORY, CONTACT_HISTORY.CENTER_ID, CONTACT_HISTORY.QUEUE,
                    CONTACT_HISTORY.INTERVAL_START, CONTACT_HISTORY.CONTACTS, CONTACT_HISTORY.AHT_SECONDS,
                    CONTACT_HISTORY.IMPORTED_AT, CONTACT_HISTORY.IMPORTED_BY);
            for (ContactVolume v : chunk) {
                insert = insert.values(centerId, v.queue(), v.intervalStart(), v.contacts(), v.ahtSeconds(), now, actor);
            }
            // MySQL counts 1 per inserted row and 2 per updated row (0 if the values were equal)
            int affected = insert.onDuplicateKeyUpdate()
                    .set(CONTACT_HISTORY.CONTACTS, DSL.excluded(CONTACT_HISTORY.CONTACTS))
                    .set(CONTACT_HISTORY.AHT_SECONDS, DSL.excluded(CONTACT_HISTORY.AHT_SECONDS))
                    .set(CONTACT_HISTORY.IMPORTED_AT, now)
                    .set(CONTACT_HISTORY.IMPORTED_BY, actor)
                    .execute();
            existing += Math.max(0, affected - chunk.size());
        }
        return existing;
    }

    List<ContactVolume> between(long centerId, LocalDate from, LocalDate toInclusive) {
        return between(centerId, null, from, toInclusive);
    }

    /**
     * Contacts per interval summed over queues (or of one queue), with the contact-weighted AHT; for an interval
     * without contacts the plain mean AHT of its rows.
     */
    List<IntervalTotal> totals(long centerId, String queue, LocalDate from, LocalDate toInclusive) {
        var contacts = DSL.sum(CONTACT_HISTORY.CONTACTS);
        var handled = DSL.sum(CONTACT_HISTORY.CONTACTS.mul(CONTACT_HISTORY.AHT_SECONDS));
        var meanAht = DSL.avg(CONTACT_HISTORY.AHT_SECONDS);
        return db.select(CONTACT_HISTORY.INTERVAL_START, contacts, handled, meanAht)
                .from(CONTACT_HISTORY)
                .where(CONTACT_HISTORY.CENTER_ID.eq(centerId)
                        .and(queue == null ? DSL.noCondition() : CONTACT_HISTORY.QUEUE.eq(queue))
                        .and(CONTACT_HISTORY.INTERVAL_START.ge(from.atStartOfDay()))
                        .and(CONTACT_HISTORY.INTERVAL_START.lt(toInclusive.plusDays(1).atStartOfDay())))
                .groupBy(CONTACT_HISTORY.INTERVAL_START)
                .orderBy(CONTACT_HISTORY.INTERVAL_START)
                .fetch(r -> {
                    double c = r.value2().doubleValue();
                    double aht = c > 0 ? r.value3().doubleValue() / c : r.value4().doubleValue();
                    return new IntervalTotal(r.value1(), c, aht);
                });
    }

    /** The last day with any row (of the queue, if given) on or before {@code notAfter}, if any. */
    Optional<LocalDate> lastDate(long centerId, String queue, LocalDate notAfter) {
        LocalDateTime last = db.select(DSL.max(CONTACT_HISTORY.INTERVAL_START))
                .from(CONTACT_HISTORY)
                .where(CONTACT_HISTORY.CENTER_ID.eq(centerId)
                        .and(queue == null ? DSL.noCondition() : CONTACT_HISTORY.QUEUE.eq(queue))
                        .and(CONTACT_HISTORY.INTERVAL_START.lt(notAfter.plusDays(1).atStartOfDay())))
                .fetchOne(0, LocalDateTime.class);
        return Optional.ofNullable(last).map(LocalDateTime::toLocalDate);
    }

    List<ContactVolume> between(long centerId, String queue, LocalDate from, LocalDate toInclusive) {
        return db.select(CONTACT_HISTORY.QUEUE, CONTACT_HISTORY.INTERVAL_START, CONTACT_HISTORY.CONTACTS,
                        CONTACT_HISTORY.AHT_SECONDS)
                .from(CONTACT_HISTORY)
                .where(CONTACT_HISTORY.CENTER_ID.eq(centerId)
                        .and(queue == null ? DSL.noCondition() : CONTACT_HISTORY.QUEUE.eq(queue))
                        .and(CONTACT_HISTORY.INTERVAL_START.ge(from.atStartOfDay()))
                        .and(CONTACT_HISTORY.INTERVAL_START.lt(toInclusive.plusDays(1).atStartOfDay())))
                .orderBy(CONTACT_HISTORY.INTERVAL_START, CONTACT_HISTORY.QUEUE)
                .fetch(r -> new ContactVolume(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    int count(long centerId) {
        return db.fetchCount(CONTACT_HISTORY, CONTACT_HISTORY.CENTER_ID.eq(centerId));
    }
}
