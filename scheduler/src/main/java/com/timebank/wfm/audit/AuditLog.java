package com.timebank.wfm.audit;

import static com.timebank.wfm.db.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.ReasonArgs;

/**
 * Who changed what, when and why. Joins the caller's transaction so a change and its audit commit together. The
 * detail is a message (code and arguments, {@code audit.*} of the service bundle) that the audit page renders in the
 * reader's language; user data (names, codes, counts, dates, reasons) are its arguments.
 */
@Service
public class AuditLog {

    /** A text argument longer than this is cut (reasons are at most 500 characters; names and codes fewer). */
    static final int MAX_TEXT = 500;
    /** A list argument longer than this keeps its first items and says how many more there were. */
    static final int MAX_ITEMS = 50;

    private final DSLContext db;
    private final Clock clock;

    public AuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@code detail} may be null when the action says it all (a password changed, a roster stopped). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AuditAction action, String subject, Message detail) {
        Message bounded = detail == null ? null : bounded(detail);
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ACTION, action.code())
                .set(AUDIT_EVENT.SUBJECT, subject)
                .set(AUDIT_EVENT.DETAIL_CODE, bounded == null ? null : bounded.code())
                .set(AUDIT_EVENT.DETAIL_ARGS, bounded == null ? null : ReasonArgs.write(bounded))
                .execute();
    }

    /**
     * One change as recorded: when (UTC), who, what, of which record, and the detail (e.g. the old and new value).
     * {@code detail} is the message to render; {@code text} the English text that events recorded before V162 kept
     * instead (there is no code to translate it from, so it is shown as it is). At most one of them is set.
     */
    public record Event(long id, LocalDateTime at, String actor, String action, String subject, Message detail,
            String text) {
    }

    /** Newest first; {@code search} (optional) is part of the actor, the action or the subject. */
    @Transactional(readOnly = true)
    public List<Event> recent(String search, int offset, int limit) {
        return recent(search, List.of(), offset, limit);
    }

    /**
     * As {@link #recent(String, int, int)}, also matching the events of {@code actions} (the actions whose name in the
     * reader's language holds the search: the page finds "中心改名" as well as {@code CENTER_RENAMED}).
     */
    @Transactional(readOnly = true)
    public List<Event> recent(String search, Collection<AuditAction> actions, int offset, int limit) {
        return db.selectFrom(AUDIT_EVENT).where(matching(search, actions)).orderBy(AUDIT_EVENT.ID.desc()).offset(offset)
                .limit(limit).fetch(r -> new Event(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getSubject(),
                        r.getDetailCode() == null ? null : ReasonArgs.read(r.getDetailCode(), r.getDetailArgs()),
                        r.getDetailCode() == null ? r.getDetail() : null));
    }

    @Transactional(readOnly = true)
    public long count(String search) {
        return count(search, List.of());
    }

    @Transactional(readOnly = true)
    public long count(String search, Collection<AuditAction> actions) {
        return db.fetchCount(AUDIT_EVENT, matching(search, actions));
    }

    private static Condition matching(String search, Collection<AuditAction> actions) {
        if (search == null || search.isBlank()) {
            return DSL.trueCondition();
        }
        String like = "%" + search.trim().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        Condition text = AUDIT_EVENT.ACTOR.like(like, '!').or(AUDIT_EVENT.ACTION.like(like, '!'))
                .or(AUDIT_EVENT.SUBJECT.like(like, '!'));
        return actions.isEmpty() ? text
                : text.or(AUDIT_EVENT.ACTION.in(actions.stream().map(AuditAction::code).toList()));
    }

    /** The detail with every text and list argument, nested ones too, cut to its bound, so that the row is stored. */
    static Message bounded(Message detail) {
        return new Message(detail.code(), bounded(detail.args()));
    }

    private static List<Object> bounded(Collection<?> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (out.size() == MAX_ITEMS) {
                out.add(Message.of("audit.more", values.size() - MAX_ITEMS));
                break;
            }
            out.add(bounded(v));
        }
        return out;
    }

    private static Object bounded(Object v) {
        if (v instanceof Message m) {
            return bounded(m);
        }
        if (v instanceof Collection<?> c) {
            return bounded(c);
        }
        if (v instanceof CharSequence text && text.length() > MAX_TEXT) {
            return text.subSequence(0, MAX_TEXT - 1) + "…";
        }
        return v;
    }
}
