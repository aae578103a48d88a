package com.timebank.wfm.schedule;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.api.UploadBody;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/centers/{center}/shifts")
@Tag(name = "Roster")
class ShiftController {

    private final ShiftService shifts;
    private final OrganisationService organisation;

    ShiftController(ShiftService shifts, OrganisationService organisation) {
        this.shifts = shifts;
        this.organisation = organisation;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import published shifts from another scheduling system (planner/admin)")
    ShiftService.Imported importJson(@PathVariable String center, @RequestBody List<ShiftFile.JsonRow> rows,
            CurrentUser user) {
        return shifts.importShifts(center, ShiftFile.fromJson(rows), user);
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import shifts as CSV: employee_no,date,start,end,break_minutes")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "text/csv"))
    ShiftService.Imported importCsv(@PathVariable String center,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) UploadBody csv, CurrentUser user) {
        return shifts.importShifts(center, ShiftFile.parseCsv(csv.reader()), user);
    }

    record ShiftView(String employeeNo, LocalDate date, String start, String end, int breakMinutes, String source) {
    }

    @GetMapping
    @Operation(summary = "Published shifts between two dates that the caller may see")
    List<ShiftView> list(@PathVariable String center,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, CurrentUser user) {
        List<PublishedShift> found = shifts.shifts(center, from, to, user);
        java.util.Map<Long, Agent> agents = organisation.agentsById(found.stream().map(PublishedShift::agentId).distinct().toList());
        return found.stream().map(s -> new ShiftView(agents.get(s.agentId()).employeeNo(), s.date(),
                s.start().toString(), s.end().toString(), s.breakMinutes(), s.source())).toList();
    }
}
