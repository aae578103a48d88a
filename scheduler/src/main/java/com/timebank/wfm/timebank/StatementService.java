package com.timebank.wfm.timebank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.AgentRef;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.Account;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;

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

    /** {@code outstandingLeaveMonths}: the months the outstanding leave belongs to, each with its part. */
    public record Balance(String employeeNo, long balanceSeconds, long reservedSeconds, long availableSeconds,
            long outstandingLeaveSeconds, List<MonthLeave> outstandingLeaveMonths) {
    }

    public record MonthLeave(YearMonth month, long seconds) {
    }

    /**
     * Four queries in one read-only transaction (a consistent snapshot: a month close running meanwhile is either
     * wholly in the balance and outstanding leave or not at all): the agent with their center, the settings in force,
     * the account, the leave of the open months (three more when the agent has leave in them).
     */
    @Transactional(readOnly = true)
    public Balance balance(String employeeNo, CurrentUser user) {
        AgentRef agent = organisation.agentRef(employeeNo, user);
        List<MonthLeave> months = outstandingLeave(agent);
        Account account = ledger.account(agent.id());
        return new Balance(agent.employeeNo(), account.balanceSeconds(), account.reservedSeconds(),
                account.availableSeconds(), months.stream().mapToLong(MonthLeave::seconds).sum(), months);
    }

    /** Eligible leave not yet offset of the months still open (this month, and last month until its close day). */
    private List<MonthLeave> outstandingLeave(AgentRef agent) {
        Center center = agent.center();
        LocalDate today = center.today(clock);
        YearMonth current = YearMonth.from(today);
        int closeDay = settings.on(center.id(), today).monthCloseDay();
        YearMonth from = today.getDayOfMonth() <= closeDay ? current.minusMonths(1) : current;
        return leave.outstandingLeaveByMonth(agent.id(), center.id(), from.atDay(1), current.atEndOfMonth()).entrySet()
                .stream().map(m -> new MonthLeave(m.getKey(), m.getValue())).toList();
    }

    /** The newest {@code count} entries, newest first (the statement itself reads oldest first). */
    @Transactional(readOnly = true)
    public List<LedgerEntry> recentEntries(String employeeNo, int count, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        long total = ledger.statement(agent.id(), null, null, 0, 0).total();
        List<LedgerEntry> last = new ArrayList<>(ledger.statement(agent.id(), null, null,
                (int) Math.max(0, total - count), count).entries());
        Collections.reverse(last);
        return last;
    }

    public record AgentBalance(Agent agent, long balanceSeconds, long reservedSeconds, long availableSeconds) {
    }

    /** At most this many agents are listed at once; a larger scope is narrowed by center or team. */
    public static final int MAX_BALANCES = Paging.MAX_SIZE;

    public record Balances(List<AgentBalance> balances, long totalAgents) {
    }

    /**
     * The accounts of the agents the user sees, optionally of one center or team (a lead's teams, a planner's
     * centers), ordered by name; at most {@link #MAX_BALANCES}, with the number of agents in scope.
     */
    @Transactional(readOnly = true)
    public Balances balances(String centerCode, String teamCode, CurrentUser user) {
        OrganisationService.AgentPage page = organisation.agents(centerCode, teamCode, Paging.of(0, MAX_BALANCES),
                user);
        Map<Long, Account> accounts = ledger.accounts(page.agents().stream().map(Agent::id).toList());
        List<AgentBalance> rows = page.agents().stream().map(a -> {
            Account acc = accounts.getOrDefault(a.id(), Account.empty(a.id()));
            return new AgentBalance(a, acc.balanceSeconds(), acc.reservedSeconds(), acc.availableSeconds());
        }).toList();
        return new Balances(rows, page.total());
    }

    /** More entries than any agent collects in a month (a few a day); the month is read at once. */
    static final int MAX_MONTH_ENTRIES = 5_000;

    /** A month that adds up: opening balance, rows with their running balance, totals per service, closing. */
    @Transactional(readOnly = true)
    public MonthStatement month(String employeeNo, YearMonth month, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        long opening = ledger.balanceBefore(agent.id(), month.atDay(1));
        List<LedgerEntry> entries = ledger.statement(agent.id(), month.atDay(1), month.atEndOfMonth(), 0,
                MAX_MONTH_ENTRIES).entries();
        return MonthStatement.of(month, opening, entries);
    }

    @Transactional(readOnly = true)
    public LedgerService.Statement entries(String employeeNo, LocalDate from, LocalDate to, Paging paging,
            CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        if (from != null && to != null && to.isBefore(from)) {
            throw com.timebank.wfm.api.InvalidInputException.of("to", "statement.not-before-from");
        }
        return ledger.statement(agent.id(), from, to, paging.offset(), paging.size());
    }
}
