package com.timebank.wfm.timebank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/** What an agent (or their lead, planner, admin) reads: the balance and the statement. */
@Service
public class StatementService {

    private final LedgerService ledger;
    private final LeaveService leave;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final Clock clock;

    StatementService(LedgerService ledger, LeaveService leave, OrganisationService organisation,
            CenterSettingsService settings, Clock clock) {
        this.ledger = ledger;
        this.leave = leave;
        this.organisation = organisation;
        this.settings = settings;
        this.clock = clock;
    }

    public record Balance(String employeeNo, long balanceSeconds, long reservedSeconds, long availableSeconds,
            long outstandingLeaveSeconds) {
    }

    @Transactional(readOnly = true)
    public Balance balance(String employeeNo, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        Account account = ledger.account(agent.id());
        return new Balance(agent.employeeNo(), account.balanceSeconds(), account.reservedSeconds(),
                account.availableSeconds(), outstandingLeave(agent));
    }

    /** Eligible leave not yet offset of the months still open (this month, and last month until its close day). */
    private long outstandingLeave(Agent agent) {
        Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        YearMonth current = YearMonth.from(today);
        int closeDay = settings.on(center.id(), today).monthCloseDay();
        LocalDate from = today.getDayOfMonth() <= closeDay ? current.minusMonths(1).atDay(1) : current.atDay(1);
        return leave.outstandingLeaveSeconds(agent.id(), center.id(), from, current.atEndOfMonth());
    }

    @Transactional(readOnly = true)
    public LedgerService.Statement entries(String employeeNo, LocalDate from, LocalDate to, Paging paging,
            CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        if (from != null && to != null && to.isBefore(from)) {
            throw com.timebank.wfm.api.InvalidInputException.of("to", "to must not be before from");
        }
        return ledger.statement(agent.id(), from, to, paging.offset(), paging.size());
    }
}
