package com.timebank.wfm.timebank;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ClientKey;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.ledger.Account;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/**
 * What happens to the balance of an agent who leaves (admin): it is paid out, or transferred to another agent, by
 * recorded ledger entries with a reason ({@link LedgerService#moveBalance}: one transaction, both sides the same
 * seconds). Only a disabled agent's balance moves, and only what is available (time held for approved time off
 * stays). The client's key makes a retry post nothing more; every move is audited.
 */
@Service
public class BalanceMoveService {

    static final int MAX_REASON = 200;

    private final OrganisationService organisation;
    private final LedgerService ledger;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    BalanceMoveService(OrganisationService organisation, LedgerService ledger, Transactions transactions,
            AuditLog audit, Clock clock) {
        this.organisation = organisation;
        this.ledger = ledger;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code to} is null for a payout; {@code duplicate} when a retry found the entries already posted. */
    public record Moved(Agent from, Agent to, LedgerService.BalanceMove entries) {
    }

    /** The agent's account, for the admin deciding what to do with it. */
    @Transactional(readOnly = true)
    public Account account(String employeeNo, CurrentUser user) {
        requireAdmin(user);
        return ledger.account(organisation.agent(employeeNo, user).id());
    }

    public Moved payOut(String employeeNo, String reason, String clientKey, CurrentUser user) {
        return move(employeeNo, null, reason, clientKey, user);
    }

    public Moved transfer(String employeeNo, String toEmployeeNo, String reason, String clientKey, CurrentUser user) {
        requireAdmin(user);
        Validation v = new Validation();
        v.require(toEmployeeNo != null && !toEmployeeNo.isBlank(), "toEmployeeNo", "balance-move.to-required");
        v.throwIfInvalid();
        return move(employeeNo, toEmployeeNo.trim(), reason, clientKey, user);
    }

    private Moved move(String employeeNo, String toEmployeeNo, String reason, String clientKey, CurrentUser user) {
        requireAdmin(user);
        Agent from = organisation.agent(employeeNo, user);
        Validation v = new Validation();
        v.require(reason != null && !reason.isBlank() && reason.trim().length() <= MAX_REASON, "reason",
                "balance-move.reason-required", MAX_REASON);
        v.require(clientKey != null && !clientKey.isBlank() && clientKey.length() <= ClientKey.MAX_LENGTH, "idempotencyKey",
                "balance-move.key-required", ClientKey.MAX_LENGTH);
        Agent to = null;
        if (toEmployeeNo != null) {
            Optional<Agent> target = organisation.findAgent(toEmployeeNo);
            v.require(target.isPresent(), "toEmployeeNo", "balance-move.to-unknown", toEmployeeNo);
            if (target.isPresent()) {
                to = target.get();
                v.require(to.id() != from.id(), "toEmployeeNo", "balance-move.to-self");
                v.require(to.active(), "toEmployeeNo", "balance-move.to-disabled", to.employeeNo());
            }
        }
        v.throwIfInvalid();
        if (from.active()) {
            throw BusinessRuleException.of("balance-move.agent-active", from.employeeNo());
        }
        String why = reason.trim();
        LocalDate today = organisation.centerById(from.centerId()).today(clock);
        Agent target = to;
        LedgerService.BalanceMove m = transactions.writeIdempotent(() -> {
            LedgerService.BalanceMove done = target == null
                    ? ledger.moveBalance(from.id(), null, today, user.actor(), clientKey,
                            payoutReference(why), Message.of("reason.payout", why), null)
                    : ledger.moveBalance(from.id(), target.id(), today, user.actor(), clientKey,
                            transferReference(from.employeeNo(), target.employeeNo(), why),
                            Message.of("reason.transfer-out", target.employeeNo(), target.name(), why),
                            Message.of("reason.transfer-in", from.employeeNo(), from.name(), why));
            if (!done.duplicate()) {
                long seconds = -done.out().seconds();
                audit.record(user.actor(), target == null ? AuditAction.BALANCE_PAID_OUT
                        : AuditAction.BALANCE_TRANSFERRED, "agent:" + from.employeeNo(), target == null
                        ? Message.of("audit.balance-paid-out", AuditDetail.amount(seconds), why)
                        : Message.of("audit.balance-transferred", AuditDetail.amount(seconds), target.employeeNo(),
                                why));
            }
            return done;
        });
        return new Moved(from, to, m);
    }

    /** The English references of the entries: the whole reason (ledger_entry.reference holds the longest). */
    static String payoutReference(String reason) {
        return "paid out: " + reason;
    }

    static String transferReference(String fromEmployeeNo, String toEmployeeNo, String reason) {
        return "transferred " + fromEmployeeNo + " → " + toEmployeeNo + ": " + reason;
    }

    private static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw ForbiddenException.of("balance-move.forbidden");
        }
    }
}
