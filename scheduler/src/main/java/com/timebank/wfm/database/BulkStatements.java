package com.timebank.wfm.database;

import org.jooq.DSLContext;
import org.jooq.conf.StatementType;

/**
 * A jOOQ context that inlines values as escaped literals instead of binding them. For statements of thousands of
 * rows, binding costs more than the work itself: jOOQ visits every value twice and Connector/J, which prepares
 * statements on the client, scans the SQL for each placeholder and encodes each value again. Inlined, the
 * statement is rendered once. Same connection and transaction as the context it derives from.
 */
public final class BulkStatements {

    private BulkStatements() {
    }

    public static DSLContext of(DSLContext db) {
        return db.configuration()
                .deriveSettings(s -> s.withStatementType(StatementType.STATIC_STATEMENT))
                .dsl();
    }
}
