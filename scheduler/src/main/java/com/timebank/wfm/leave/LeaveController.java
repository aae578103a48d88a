package com.timebank.wfm.leave;

import java.time.YearMonth;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.api.UploadBody;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Leave", description = "Leave records, outstanding leave and month-end offsets")
class LeaveController {

    private final LeaveService leave;

    LeaveController(LeaveService leave) {
        this.leave = leave;
    }

    @PostMapping(path = "/leave", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record leave {employeeNo, date, seconds, type: PERSONAL|SICK|ANNUAL, from?, to?} (lead of the "
            + "agent's team, planner, admin); from..to (HH:mm, seconds their length) = part of the day, which rosters "
            + "block only for those hours; 409 when the month is closed; with an Idempotency-Key the leave is "
            + "recorded once per key, and a retry is answered with the first record")
    LeaveService.Item record(@RequestBody LeaveService.NewLeave l,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, CurrentUser user) {
        return leave.recordWithClientKey(l, idempotencyKey, user);
    }

    @PostMapping(path = "/leave", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import leave from HR as CSV employee_no,date,seconds,type (planner/admin); the whole file "
            + "or nothing, every bad line listed")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "text/csv"))
    LeaveService.Imported importCsv(@io.swagger.v3.oas.annotations.Parameter(hidden = true) UploadBody csv,
            CurrentUser user) {
        return leave.importLeave(LeaveFile.parseCsv(csv.reader()), user);
    }

    @GetMapping("/agents/{employeeNo}/leave")
    @Operation(summary = "The agent's leave of a month (default this month): items with eligible/offset, the offset "
            + "deadline (center local time), and the attendance once the month is closed")
    LeaveService.MonthView month(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, CurrentUser user) {
        return leave.month(employeeNo, month, user);
    }

    record OffsetRequest(@DateTimeFormat(pattern = "yyyy-MM") YearMonth month, List<Long> leaveIds) {
    }

    @PostMapping("/agents/{employeeNo}/leave-offsets")
    @Operation(summary = "Choose the eligible leave items of one month to offset at month close (the agent or their "
            + "lead); replaces the earlier choice; 409 once the month's deadline has passed")
    LeaveService.MonthView offsets(@PathVariable String employeeNo, @RequestBody OffsetRequest r, CurrentUser user) {
        return leave.chooseOffsets(employeeNo, r.month(), r.leaveIds(), user);
    }
}
