package com.timebank.wfm.leave;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Time off", description = "Time-off requests paid from the balance, daily quotas and the waitlist")
class TimeOffController {

    private final TimeOffService timeOff;
    private final TimeOffQuotaService quotas;

    TimeOffController(TimeOffService timeOff, TimeOffQuotaService quotas) {
        this.timeOff = timeOff;
        this.quotas = quotas;
    }

    record NewRequest(String employeeNo, LocalDate date, Long seconds, String from, String to) {
    }

    record Decision(String note) {
    }

    @PostMapping("/time-off-requests")
    @Operation(summary = "Request time off {employeeNo, date, seconds, from?, to?} (the agent or their lead); seconds "
            + "left out = the whole scheduled shift, or the length of from..to (HH:mm) for part of the day, which then "
            + "blocks only those hours for rosters; reserves the seconds at once; 422 when the balance or the notice is short")
    ResponseEntity<TimeOffService.View> request(@RequestBody NewRequest r, CurrentUser user) {
        TimeOffService.View v = timeOff.request(r.employeeNo(), r.date(), r.seconds(), r.from(), r.to(), user);
        return ResponseEntity.created(URI.create("/api/time-off-requests/" + v.id())).body(v);
    }

    @GetMapping("/time-off-requests/{id}")
    TimeOffService.View get(@PathVariable long id, CurrentUser user) {
        return timeOff.request(id, user);
    }

    @PostMapping("/time-off-requests/{id}/approve")
    @Operation(summary = "Approve (lead of the agent's team); 422 when the date's quota is full")
    TimeOffService.View approve(@PathVariable long id, CurrentUser user) {
        return timeOff.approve(id, user);
    }

    @PostMapping("/time-off-requests/{id}/reject")
    @Operation(summary = "Reject a pending or waitlisted request (lead); the reservation is released; body {note} optional")
    TimeOffService.View reject(@PathVariable long id, @RequestBody(required = false) Decision d, CurrentUser user) {
        return timeOff.reject(id, d == null ? null : d.note(), user);
    }

    @PostMapping("/time-off-requests/{id}/cancel")
    @Operation(summary = "Cancel (the agent or their lead); approved time off only before its day; the reservation is released")
    TimeOffService.View cancel(@PathVariable long id, CurrentUser user) {
        return timeOff.cancel(id, user);
    }

    @PostMapping("/time-off-requests/{id}/revoke")
    @Operation(summary = "Revoke approved time off before its day (lead), body {note} required: the reservation is "
            + "released and the freed slot offered to the date's waitlist")
    TimeOffService.View revoke(@PathVariable long id, @RequestBody(required = false) Decision d, CurrentUser user) {
        return timeOff.revoke(id, d == null ? null : d.note(), user);
    }

    @PostMapping("/time-off-requests/{id}/waitlist")
    @Operation(summary = "Put a pending request on the waitlist of its full date (lead); a freed slot is offered to "
            + "the first waiting request, which the lead then approves")
    TimeOffService.View waitlist(@PathVariable long id, CurrentUser user) {
        return timeOff.waitlist(id, user);
    }

    @GetMapping("/time-off-requests")
    @Operation(summary = "The lead's queue (default status PENDING and WAITLISTED; status may repeat), each with the "
            + "agent's available balance and the date's quota; team = team code (CENTER/TEAM when centers in "
            + "scope share it); total in X-Total-Count")
    ResponseEntity<List<TimeOffService.View>> queue(@RequestParam(required = false) List<TimeOffStatus> status,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            CurrentUser user) {
        TimeOffService.Page p = timeOff.queue(status, team, from, to, Paging.of(page, size), user);
        return Paging.withTotal(p.requests(), p.total());
    }

    @GetMapping("/agents/{employeeNo}/time-off-requests")
    @Operation(summary = "The agent's requests (default from today on) with waitlist positions")
    List<TimeOffService.View> ofAgent(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        return timeOff.requestsOf(employeeNo, from, to, user);
    }

    @GetMapping("/centers/{center}/time-off-quota")
    @Operation(summary = "The date's quota {date, busy, slots, used} (default today)")
    TimeOffQuotaService.Quota quota(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            CurrentUser user) {
        return quotas.quota(center, date, user);
    }

    @GetMapping("/centers/{center}/time-off-quotas")
    @Operation(summary = "The quota of every date from..to (default the next 31 days, at most 92), for a calendar")
    List<TimeOffQuotaService.Quota> quotas(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        return quotas.quotas(center, from, to, user);
    }
}
