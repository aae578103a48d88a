package com.timebank.wfm.audit;

import static com.timebank.wfm.db.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
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
}
