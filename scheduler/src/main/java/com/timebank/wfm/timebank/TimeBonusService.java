package com.timebank.wfm.timebank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.ledger.PostingKeys;

/**
 * Service 4: a lead (own team) or a planner/admin grants a time bonus. The center's grants of a calendar month may
 * not exceed {@code bonusCapRatio} of its published scheduled work time that month; the budget row is locked for
 * each grant, so concurrent grants cannot pass the cap together.
 */
@Service
public class TimeBonusService {

    /** The largest bonus: a day. */
    public static final long MAX_SECONDS = ActivityFile.DAY_SECONDS;
    public static final int MAX_REASON = 500;

    private final TimeBonusRepository repository;
    private final LedgerService ledger;
    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final ShiftService shifts;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    TimeBonusService(TimeBonusRepository repository, LedgerService ledger, OrganisationService organisation,
            CenterSettingsService settings, ShiftService shifts, Transactions transactions, AuditLog audit,
                    Clock clock) {
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
        return grant(employeeNo, seconds, reason, null, user);
    }

    /**
     * Grants a bonus within the month's cap. With a client's key (the API's {@code Idempotency-Key}) a retry of the
     * same grant by the same user returns the first entry and grants nothing more, even after the cap was reached.
     */
    public LedgerEntry grant(String employeeNo, Long seconds, String reason, String clientKey, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        if (!user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw ForbiddenException.of("bonus.forbidden");
        }
        new Validation()
                .require(seconds != null && seconds > 0 && seconds <= MAX_SECONDS, "seconds",
                        "number.between", "seconds", 1, MAX_SECONDS)
                .require(reason != null && !reason.isBlank() && reason.length() <= MAX_REASON, "reason",
                        "bonus.reason.required", MAX_REASON)
                .throwIfInvalid();
        Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        YearMonth month = YearMonth.from(today);
        String key = clientKey == null ? PostingKeys.timeBonus() : PostingKeys.timeBonus(user.actor(), clientKey);
        return transactions.write(() -> {
            long granted = repository.lockGranted(center.id(), month.atDay(1));
            Posting posting = Posting.of(agent.id(), today, EntryKind.TIME_BONUS, seconds, user.actor(),
                    reference(reason.trim()), key).withReason(Message.of("reason.time-bonus", reason.trim()));
            ledger.lock(List.of(agent.id()));
            Optional<LedgerEntry> already = ledger.existing(posting);
            if (already.isPresent()) {
                return already.get();
            }
            BonusBudget budget = budget(center.id(), month, capRatio(center.id(), month), granted);
            if (budget.scheduledSeconds() == 0) {
                throw BusinessRuleException.of("bonus.no-shifts", center.code(), month);
            }
            if (!budget.allows(seconds)) {
                throw BusinessRuleException.of("bonus.over-cap", Message.duration(seconds), seconds, center.code(),
                        month, Message.duration(budget.remainingSeconds()), budget.remainingSeconds());
            }
            LedgerEntry entry = ledger.postWithin(posting).entry();
            repository.insertBonus(center.id(), agent.id(), today, seconds, reason.trim(), entry.id(), user.actor(),
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            repository.addGranted(center.id(), month.atDay(1), seconds);
            audit.record(user.actor(), AuditAction.TIME_BONUS_GRANTED, "agent:" + agent.employeeNo(),
                    Message.of("audit.time-bonus-granted", AuditDetail.amount(seconds), reason.trim()));
            return entry;
        });
    }

    /** The entry's English reference: the whole reason (ledger_entry.reference holds the longest). */
    static String reference(String reason) {
        return "time bonus: " + reason;
    }

    /** The month's budget; {@code capRatio} is the ratio the whole month's cap is taken at (see below). */
    public record Budget(String centerCode, YearMonth month, java.math.BigDecimal capRatio, long scheduledSeconds,
            long capSeconds, long grantedSeconds, long remainingSeconds) {
    }

    @Transactional(readOnly = true)
    public Budget budget(String centerCode, YearMonth month, CurrentUser user) {
        // the center's grants are the leads' and planners' to see, not an agent's (their own bonuses are in their
        // statement): unknown to an agent, as the balance sheet is
        if (user.role() == Role.AGENT) {
            throw new NotFoundException("Center", centerCode);
        }
        Center center = organisation.center(centerCode, user);
        YearMonth m = month == null ? YearMonth.from(center.today(clock)) : month;
        java.math.BigDecimal ratio = capRatio(center.id(), m);
        BonusBudget b = budget(center.id(), m, ratio, repository.granted(center.id(), m.atDay(1)));
        return new Budget(center.code(), m, ratio, b.scheduledSeconds(), b.capSeconds(), b.grantedSeconds(),
                b.remainingSeconds());
    }

    private BonusBudget budget(long centerId, YearMonth month, java.math.BigDecimal ratio, long granted) {
        long scheduled = shifts.scheduledWorkSeconds(centerId, month.atDay(1), month.atEndOfMonth());
        return BonusBudget.of(scheduled, ratio, granted);
    }

    /**
     * The cap is one amount per center per calendar month (timebank.md §4), so one ratio holds for the whole month:
     * the one in force on its first day. A grant is checked and the sheet reports against that same ratio; a change
     * of {@code bonusCapRatio} effective mid-month applies from the next month's cap on.
     */
    private java.math.BigDecimal capRatio(long centerId, YearMonth month) {
        return settings.on(centerId, month.atDay(1)).bonusCapRatio();
    }
}
