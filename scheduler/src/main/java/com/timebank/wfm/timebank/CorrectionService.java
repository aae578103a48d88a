package com.timebank.wfm.timebank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

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
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.ledger.PostingKeys;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/**
 * Corrects a time bonus or an emergency-overtime credit given by mistake: the entry stays and a REVERSAL entry of the
 * opposite amount, with the reason, cancels it (entries are never changed). One reversal per entry: asking again
 * returns the first. A reversed bonus gives its seconds back to the month's bonus budget. The lead of the agent's
 * team (or a planner or admin of the center) corrects; the agent's available balance must cover the reversal.
 */
@Service
public class CorrectionService {

    public static final int MAX_REASON = 500;
    /** Two months of an agent's entries are far fewer. */
    private static final int MAX_LISTED = 5_000;
    static final Set<EntryKind> CORRECTABLE = Set.of(EntryKind.TIME_BONUS, EntryKind.EMERGENCY_OVERTIME);

    private final LedgerService ledger;
    private final TimeBonusRepository bonuses;
    private final OrganisationService organisation;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    CorrectionService(LedgerService ledger, TimeBonusRepository bonuses, OrganisationService organisation,
            Transactions transactions, AuditLog audit, Clock clock) {
        this.ledger = ledger;
        this.bonuses = bonuses;
        this.organisation = organisation;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** An entry a lead may correct, and whether a reversal already cancelled it. */
    public record Correctable(LedgerEntry entry, boolean reversed) {
    }

    /** The agent's time bonuses and emergency credits of this and last month, newest first. */
    @Transactional(readOnly = true)
    public List<Correctable> correctable(String employeeNo, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        LocalDate from = YearMonth.from(organisation.centerById(agent.centerId()).today(clock)).minusMonths(1).atDay(1);
        List<LedgerEntry> entries = ledger.statement(agent.id(), from, null, 0, MAX_LISTED).entries();
        Set<Long> reversed = entries.stream().map(LedgerEntry::reversesEntryId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        return entries.stream().filter(e -> correctable(e.kind()))
                .sorted(java.util.Comparator.comparingLong(LedgerEntry::id).reversed())
                .map(e -> new Correctable(e, reversed.contains(e.id()))).toList();
    }

    /** The reversal's English reference: the whole reason (ledger_entry.reference holds the longest). */
    static String reference(long entryId, String reason) {
        return "corrects entry " + entryId + ": " + reason;
    }

    public static boolean correctable(EntryKind kind) {
        return CORRECTABLE.contains(kind);
    }

    public LedgerEntry reverse(long entryId, String reason, CurrentUser user) {
        LedgerEntry entry = ledger.entry(entryId).orElseThrow(() -> new NotFoundException("Ledger entry", entryId));
        Agent agent = organisation.agentById(entry.agentId());
        if (!user.seesAgent(agent.id(), agent.centerId(), agent.teamId())) {
            throw new NotFoundException("Ledger entry", entryId);
        }
        if (!user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw ForbiddenException.of("correction.forbidden");
        }
        new Validation()
                .require(reason != null && !reason.isBlank() && reason.length() <= MAX_REASON, "reason",
                        "correction.reason-required", MAX_REASON)
                .throwIfInvalid();
        if (!correctable(entry.kind())) {
            throw BusinessRuleException.of("correction.kind-not-correctable", entryId,
                    Message.of("correction.kind." + entry.kind()));
        }
        LocalDate today = organisation.centerById(agent.centerId()).today(clock);
        String text = reason.trim();
        Posting reversal = new Posting(agent.id(), today, EntryKind.REVERSAL, -entry.seconds(), user.actor(),
                reference(entryId, text), PostingKeys.correction(entryId), entryId,
                Message.of("reason.correction", entryId, text));
        return transactions.write(() -> {
            // the budget row first, as a grant locks it, so a correction and a grant cannot deadlock
            LocalDate budgetMonth = YearMonth.from(entry.businessDate()).atDay(1);
            if (entry.kind() == EntryKind.TIME_BONUS) {
                bonuses.lockGranted(agent.centerId(), budgetMonth);
            }
            ledger.lock(List.of(agent.id()));
            var already = ledger.existing(reversal);
            if (already.isPresent()) {
                return already.get();
            }
            LedgerEntry posted = ledger.postWithin(reversal).entry();
            if (entry.kind() == EntryKind.TIME_BONUS) {
                bonuses.addGranted(agent.centerId(), budgetMonth, -entry.seconds());
            }
            audit.record(user.actor(), AuditAction.LEDGER_ENTRY_REVERSED, "agent:" + agent.employeeNo(),
                    Message.of("audit.ledger-entry-reversed", entryId, Message.of("correction.kind." + entry.kind()),
                            AuditDetail.amount(entry.seconds()), posted.id(), text));
            return posted;
        });
    }
}
