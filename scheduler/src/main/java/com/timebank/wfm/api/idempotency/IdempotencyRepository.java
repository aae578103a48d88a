package com.timebank.wfm.api.idempotency;

import static com.timebank.wfm.db.Tables.IDEMPOTENCY_KEY;

import java.time.LocalDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** The stored keys; every statement commits on its own, outside the request's own transactions. */
@Repository
class IdempotencyRepository {

    /** The longest request path with its query a key's record holds. */
    static final int MAX_PATH = IDEMPOTENCY_KEY.PATH.getDataType().length();

    private final DSLContext db;

    IdempotencyRepository(DSLContext db) {
        this.db = db;
    }

    /** A key as stored: {@code requestHash} is null while its first request runs. */
    record Stored(long id, String method, String path, String requestHash, Integer status, String contentType,
            String location, byte[] body) {

        boolean completed() {
            return requestHash != null;
        }
    }

    /** Claims the key for a request about to run; false when it is taken. */
    boolean claim(String username, String key, String method, String path, LocalDateTime now) {
        try {
            return db.insertInto(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.USERNAME, username)
                    .set(IDEMPOTENCY_KEY.IDEM_KEY, key).set(IDEMPOTENCY_KEY.METHOD, method)
                    .set(IDEMPOTENCY_KEY.PATH, path).set(IDEMPOTENCY_KEY.CREATED_AT, now).execute() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Stored> find(String username, String key) {
        return db.select(IDEMPOTENCY_KEY.ID, IDEMPOTENCY_KEY.METHOD, IDEMPOTENCY_KEY.PATH, IDEMPOTENCY_KEY.REQUEST_HASH,
                        IDEMPOTENCY_KEY.STATUS_CODE, IDEMPOTENCY_KEY.CONTENT_TYPE, IDEMPOTENCY_KEY.LOCATION,
                        IDEMPOTENCY_KEY.BODY)
                .from(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.USERNAME.eq(username).and(IDEMPOTENCY_KEY.IDEM_KEY.eq(key)))
                .fetchOptional(org.jooq.Records.mapping(Stored::new));
    }

    void complete(long id, String requestHash, int status, String contentType, String location, byte[] body,
            LocalDateTime now) {
        db.update(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.STATUS_CODE, status).set(IDEMPOTENCY_KEY.CONTENT_TYPE, contentType)
                .set(IDEMPOTENCY_KEY.LOCATION, location).set(IDEMPOTENCY_KEY.BODY, body)
                .set(IDEMPOTENCY_KEY.COMPLETED_AT, now).where(IDEMPOTENCY_KEY.ID.eq(id)).execute();
    }

    /** Frees a key whose request was refused or failed: nothing was written, so a retry may run again. */
    void release(long id) {
        db.deleteFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.ID.eq(id)).execute();
    }

    /** Forgets keys older than {@code before} (a few at a time, so that no request pays for a backlog). */
    void expire(LocalDateTime before) {
        db.deleteFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.CREATED_AT.lt(before)).limit(100).execute();
    }
}
