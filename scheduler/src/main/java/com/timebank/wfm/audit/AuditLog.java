package com.timebank.wfm.audit;

import static com.timebank.wfm.db.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who changed what, when and why. Joins the caller's transaction so a change and its audit commit together. */
@Service
public class AuditLog {

    private final DSLContext db;
    private final Clock clock;

    public AuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.SUBJECT, subject)
                .set(AUDIT_EVENT.DETAIL, detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .execute();
    }

    /** One change as recorded: when (UTC), who, what, of which record, and the detail (e.g. the old and new value). */
    public record Event(long id, LocalDateTime at, String actor, String action, String subject, String detail) {
    }

    /** Newest first; {@code search} (optional) is part of the actor, the action or the subject. */
    @Transactional(readOnly = true)
    public List<Event> recent(String search, int offset, int limit) {
        return db.selectFrom(AUDIT_EVENT).where(matching(search)).orderBy(AUDIT_EVENT.ID.desc()).offset(offset)
                .limit(limit).fetch(r -> new Event(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getSubject(),
                        r.getDetail()));
    }

    @Transactional(readOnly = true)
    public long count(String search) {
        return db.fetchCount(AUDIT_EVENT, matching(search));
    }

    private static Condition matching(String search) {
        if (search == null || search.isBlank()) {
            return DSL.trueCondition();
        }
        String like = "%" + search.trim().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return AUDIT_EVENT.ACTOR.like(like, '!').or(AUDIT_EVENT.ACTION.like(like, '!'))
                .or(AUDIT_EVENT.SUBJECT.like(like, '!'));
    }
}
