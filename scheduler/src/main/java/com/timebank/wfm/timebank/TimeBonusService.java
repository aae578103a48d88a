package com.timebank.wfm.timebank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.ledger.Seconds;

/**
 * Service 4: a lead (own team) or a planner/admin grants a time bonus. The center's grants of a calendar month may
 * not exceed {@code bonusCapRatio} of its published scheduled work time that month; the budget row is locked for
 * each grant, so concurrent grants cannot pass the cap together.
 */
@Service
public class TimeBonusService {

    private final TimeBonusRepository repository;
    private final LedgerService ledger;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final ShiftService shifts;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    TimeBonusService(TimeBonusRepository repository, LedgerService ledger, OrganisationService organisation,
            CenterSettingsService settings, ShiftService shifts, Transactions transactions, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.organisation = organisation;
        this.settings = settings;
        this.shifts = shifts;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public LedgerEntry grant(String employeeNo, Long seconds, String reason, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        if (!user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw new ForbiddenException("Only the agent's team lead, a planner or an admin may grant a time bonus");
        }
        new Validation()
                .require(seconds != null && seconds > 0 && seconds <= ActivityFile.DAY_SECONDS, "seconds",
                        "seconds must be between 1 and 86400")
                .require(reason != null && !reason.isBlank() && reason.length() <= 500, "reason",
                        "Give a reason (at most 500 characters)")
                .throwIfInvalid();
        Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        YearMonth month = YearMonth.from(today);
        return transactions.write(() -> {
            long granted = repository.lockGranted(center.id(), month.atDay(1));
            BonusBudget budget = budget(center.id(), month, today, granted);
            if (budget.scheduledSeconds() == 0) {
                throw new BusinessRuleException("No shifts are published for " + center.code() + " in " + month
                        + ", so the monthly time-bonus budget is 0; publish a roster or import shifts first");
            }
            if (!budget.allows(seconds)) {
                throw new BusinessRuleException("The bonus of " + Seconds.format(seconds) + " (" + seconds
                        + " s) is over the monthly cap: the remaining budget of " + center.code() + " for " + month
                        + " is " + Seconds.format(budget.remainingSeconds()) + " (" + budget.remainingSeconds() + " s)");
            }
            LedgerEntry entry = ledger.postWithin(Posting.of(agent.id(), today, EntryKind.TIME_BONUS, seconds,
                    user.actor(), "time bonus: " + reason.trim(), "BONUS:" + UUID.randomUUID())).entry();
            repository.insertBonus(center.id(), agent.id(), today, seconds, reason.trim(), entry.id(), user.actor(),
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            repository.addGranted(center.id(), month.atDay(1), seconds);
            audit.record(user.actor(), "TIME_BONUS_GRANTED", "agent:" + agent.employeeNo(), seconds + " s: " + reason);
            return entry;
        });
    }

    public record Budget(String centerCode, YearMonth month, long scheduledSeconds, long capSeconds,
            long grantedSeconds, long remainingSeconds) {
    }

    @Transactional(readOnly = true)
    public Budget budget(String centerCode, YearMonth month, CurrentUser user) {
        Center center = organisation.center(centerCode, user);
        YearMonth m = month == null ? YearMonth.from(center.today(clock)) : month;
        BonusBudget b = budget(center.id(), m, m.atDay(1), repository.granted(center.id(), m.atDay(1)));
        return new Budget(center.code(), m, b.scheduledSeconds(), b.capSeconds(), b.grantedSeconds(), b.remainingSeconds());
    }

    private BonusBudget budget(long centerId, YearMonth month, LocalDate settingsDate, long granted) {
        long scheduled = shifts.scheduledWorkSeconds(centerId, month.atDay(1), month.atEndOfMonth());
        return BonusBudget.of(scheduled, settings.on(centerId, settingsDate).bonusCapRatio(), granted);
    }
}
