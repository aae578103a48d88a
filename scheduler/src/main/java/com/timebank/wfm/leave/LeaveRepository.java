package com.timebank.wfm.leave;

import static com.timebank.wfm.db.Tables.LEAVE_RECORD;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.database.BulkStatements;
import com.timebank.wfm.db.tables.records.LeaveRecordRecord;

@Repository
class LeaveRepository {

    private final DSLContext db;

    LeaveRepository(DSLContext db) {
        this.db = db;
    }

    void insertOverdraftLeave(List<LeaveRecord> records, long centerId, String actor, LocalDateTime now) {
        if (records.isEmpty()) {
            return;
        }
        var insert = BulkStatements.of(db).insertInto(LEAVE_RECORD, LEAVE_RECORD.AGENT_ID, LEAVE_RECORD.CENTER_ID,
                LEAVE_RECORD.BUSINESS_DATE, LEAVE_RECORD.SECONDS, LEAVE_RECORD.TYPE, LEAVE_RECORD.SOURCE,
                LEAVE_RECORD.REFERENCE, LEAVE_RECORD.CREATED_BY, LEAVE_RECORD.CREATED_AT);
        for (LeaveRecord r : records) {
            insert = insert.values(r.agentId(), centerId, r.date(), r.seconds(), LeaveType.PERSONAL.name(),
                    LeaveSource.OVERDRAFT.name(), r.reference(), actor, now);
        }
        insert.execute();
    }

    int deleteOverdraftLeave(long agentId, LocalDate date) {
        return db.deleteFrom(LEAVE_RECORD)
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.eq(date))
                        .and(LEAVE_RECORD.SOURCE.eq(LeaveSource.OVERDRAFT.name())))
                .execute();
    }

    List<LeaveRecord> ofAgent(long agentId, LocalDate from, LocalDate to) {
        return db.selectFrom(LEAVE_RECORD)
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.between(from, to)))
                .orderBy(LEAVE_RECORD.BUSINESS_DATE, LEAVE_RECORD.ID)
                .fetch(LeaveRepository::record);
    }

    long sumOverdraftLeave(long agentId, LocalDate from, LocalDate to) {
        Long sum = db.select(DSL.sum(LEAVE_RECORD.SECONDS).cast(Long.class)).from(LEAVE_RECORD)
                .where(LEAVE_RECORD.AGENT_ID.eq(agentId).and(LEAVE_RECORD.BUSINESS_DATE.between(from, to))
                        .and(LEAVE_RECORD.SOURCE.eq(LeaveSource.OVERDRAFT.name())))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    private static LeaveRecord record(LeaveRecordRecord r) {
        return new LeaveRecord(r.getId(), r.getAgentId(), r.getBusinessDate(), r.getSeconds(),
                LeaveType.valueOf(r.getType()), LeaveSource.valueOf(r.getSource()), r.getReference());
    }
}
