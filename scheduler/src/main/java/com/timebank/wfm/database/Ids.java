package com.timebank.wfm.database;

import org.jooq.DSLContext;

/**
 * The id of the row just inserted on this transaction's connection. jOOQ renders MariaDB's native
 * {@code INSERT … RETURNING}, which MySQL Connector/J refuses to run as a query, so ids are read back instead.
 * Callers must be inside a transaction, so that both statements use one connection.
 */
public final class Ids {

    private Ids() {
    }

    public static long lastInserted(DSLContext db) {
        return db.lastID().longValue();
    }
}
