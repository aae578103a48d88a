package com.timebank.wfm.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Leave records: attendance, not money. Overdraft leave is written in the settlement's own transaction. */
@Service
public class LeaveService {

    private final LeaveRepository repository;
    private final Clock clock;

    LeaveService(LeaveRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Personal leave for overdrafts the balance could not cover; {@code reference} names the settlement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOverdraftLeave(long centerId, List<LeaveRecord> records, String actor) {
        repository.insertOverdraftLeave(records, centerId, actor, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** A corrected settlement replaces the overdraft leave the earlier one created on that date. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeOverdraftLeave(long agentId, LocalDate date) {
        repository.deleteOverdraftLeave(agentId, date);
    }

    @Transactional(readOnly = true)
    public List<LeaveRecord> leave(long agentId, LocalDate from, LocalDate to) {
        return repository.ofAgent(agentId, from, to);
    }

    /** Overdraft leave of the period; it stays outstanding until offset (service 5). */
    @Transactional(readOnly = true)
    public long overdraftLeaveSeconds(long agentId, LocalDate from, LocalDate to) {
        return repository.sumOverdraftLeave(agentId, from, to);
    }
}
