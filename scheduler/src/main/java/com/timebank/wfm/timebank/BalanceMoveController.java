package com.timebank.wfm.timebank;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A disabled agent's balance paid out or transferred (admin), by recorded ledger entries with a reason. */
@RestController
@RequestMapping("/api/agents/{employeeNo}/timebank")
@Tag(name = "Time bank")
class BalanceMoveController {

    private final BalanceMoveService moves;

    BalanceMoveController(BalanceMoveService moves) {
        this.moves = moves;
    }

    record PayoutRequest(String reason) {
    }

    record TransferRequest(String toEmployeeNo, String reason) {
    }

    /** The entries posted: {@code in} is null for a payout. */
    record MoveView(TimebankController.EntryView out, TimebankController.EntryView in) {

        static MoveView of(BalanceMoveService.Moved m) {
            return new MoveView(TimebankController.EntryView.of(m.entries().out()),
                    m.entries().in() == null ? null : TimebankController.EntryView.of(m.entries().in()));
        }
    }

    @PostMapping("/payout")
    @Operation(summary = "Pay out a disabled agent's available balance {reason} (admin); needs an Idempotency-Key")
    MoveView payOut(@PathVariable String employeeNo, @RequestBody PayoutRequest r,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, CurrentUser user) {
        return MoveView.of(moves.payOut(employeeNo, r.reason(), key, user));
    }

    @PostMapping("/transfer")
    @Operation(summary = "Transfer a disabled agent's available balance to another agent {toEmployeeNo, reason} "
            + "(admin); needs an Idempotency-Key")
    MoveView transfer(@PathVariable String employeeNo, @RequestBody TransferRequest r,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, CurrentUser user) {
        return MoveView.of(moves.transfer(employeeNo, r.toEmployeeNo(), r.reason(), key, user));
    }
}
