package com.timebank.wfm.timebank;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.api.UploadBody;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerEntry;
import com.timebank.wfm.ledger.LedgerService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api")
@Tag(name = "Time bank", description = "Balances, statements, activity, emergency overtime and time bonuses")
class TimebankController {

    private final StatementService statements;
    private final ActivityService activity;
    private final EmergencyService emergencies;
    private final TimeBonusService bonuses;
    private final CorrectionService corrections;

    TimebankController(StatementService statements, ActivityService activity, EmergencyService emergencies,
            TimeBonusService bonuses, CorrectionService corrections) {
        this.corrections = corrections;
        this.statements = statements;
        this.activity = activity;
        this.emergencies = emergencies;
        this.bonuses = bonuses;
    }

    record EntryView(long id, LocalDate businessDate, EntryKind kind, long seconds, long balanceAfterSeconds,
            String reference, String actor, java.time.OffsetDateTime createdAt, Long reversesEntryId,
            com.timebank.wfm.api.Message reason) {
        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.businessDate(), e.kind(), e.seconds(), e.balanceAfterSeconds(),
                    e.reference(), e.actor(), e.createdAt().atOffset(ZoneOffset.UTC), e.reversesEntryId(), e.reason());
        }
    }

    @GetMapping("/agents/{employeeNo}/timebank")
    @Operation(summary = "Balance, reserved and available seconds, and outstanding leave of the open month(s)")
    StatementService.Balance balance(@PathVariable String employeeNo, CurrentUser user) {
        return statements.balance(employeeNo, user);
    }

    @GetMapping("/agents/{employeeNo}/timebank/entries")
    @Operation(summary = "The statement, oldest first; from/to are business dates; total in X-Total-Count")
    ResponseEntity<List<EntryView>> entries(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            CurrentUser user) {
        LedgerService.Statement s = statements.entries(employeeNo, from, to, Paging.of(page, size), user);
        return Paging.withTotal(s.entries().stream().map(EntryView::of).toList(), s.total());
    }

    @PostMapping(path = "/activity", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Daily activity per agent and date (planner/admin); the whole file or nothing")
    ActivityService.Imported importJson(@RequestBody List<ActivityFile.JsonRow> rows, CurrentUser user) {
        return activity.importActivity(ActivityFile.fromJson(rows), user);
    }

    @PostMapping(path = "/activity", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Daily activity as CSV: employee_no,date,logged_seconds,aux_seconds")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "text/csv"))
    ActivityService.Imported importCsv(@io.swagger.v3.oas.annotations.Parameter(hidden = true) UploadBody csv,
            CurrentUser user) {
        return activity.importActivity(ActivityFile.parseCsv(csv.reader()), user);
    }

    record EmergencyRequest(@NotBlank String centerCode, @NotNull Integer level, @NotNull LocalDate date,
            @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/emergencies")
    @Operation(summary = "Activate emergency overtime (planner/admin of the center); with an Idempotency-Key once per "
            + "key, a retry answered with the emergency the first one created")
    ResponseEntity<EmergencyService.Emergency> activate(@Valid @RequestBody EmergencyRequest r,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false)
            String idempotencyKey, CurrentUser user) {
        EmergencyService.Emergency e = emergencies.activateWithClientKey(r.centerCode(), r.level(), r.date(),
                r.reason(), idempotencyKey, user);
        return ResponseEntity.created(URI.create("/api/emergencies/" + e.id())).body(e);
    }

    @GetMapping("/emergencies/{id}")
    EmergencyService.Emergency emergency(@PathVariable long id, CurrentUser user) {
        return emergencies.emergency(id, user);
    }

    @GetMapping("/emergencies")
    @Operation(summary = "The center's emergencies, newest date first; total in X-Total-Count")
    ResponseEntity<List<EmergencyService.Emergency>> emergencies(@RequestParam String center,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            CurrentUser user) {
        Paging paging = Paging.of(page, size);
        EmergencyService.EmergencyPage found = emergencies.emergencies(center, paging.offset(), paging.size(), user);
        return Paging.withTotal(found.items(), found.total());
    }

    @PostMapping("/emergencies/{id}/participants")
    @Operation(summary = "Record who worked and how long; each is credited worked × (1 + rate of the level)")
    List<EmergencyService.Credit> participants(@PathVariable long id,
            @RequestBody List<EmergencyService.Participation> participants, CurrentUser user) {
        return emergencies.addParticipants(id, participants, user);
    }

    record BonusRequest(@NotBlank String employeeNo, @NotNull Long seconds, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/time-bonuses")
    @Operation(summary = "Grant a time bonus (lead of the agent's team, planner, admin); 422 over the monthly cap")
    ResponseEntity<EntryView> grant(@Valid @RequestBody BonusRequest r,
            @io.swagger.v3.oas.annotations.Parameter(description = "A retried grant with the same key posts once")
            @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false)
            String idempotencyKey, CurrentUser user) {
        LedgerEntry e = bonuses.grant(r.employeeNo(), r.seconds(), r.reason(), idempotencyKey, user);
        return ResponseEntity.created(URI.create("/api/agents/" + r.employeeNo() + "/timebank/entries?from="
                + e.businessDate() + "&to=" + e.businessDate())).body(EntryView.of(e));
    }

    record ReversalRequest(String reason) {
    }

    @PostMapping("/ledger-entries/{id}/reversal")
    @Operation(summary = "Correct a time bonus or an emergency credit by a reversal entry {reason} (lead of the "
            + "agent's team, planner, admin); asking again returns the same reversal")
    ResponseEntity<EntryView> reverse(@PathVariable long id, @RequestBody(required = false) ReversalRequest r,
            CurrentUser user) {
        LedgerEntry e = corrections.reverse(id, r == null ? null : r.reason(), user);
        return ResponseEntity.ok(EntryView.of(e));
    }

    @GetMapping("/centers/{center}/time-bonus-budget")
    @Operation(summary = "The month's bonus cap, granted and remaining seconds (default: this month)")
    TimeBonusService.Budget budget(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, CurrentUser user) {
        return bonuses.budget(center, month, user);
    }
}
