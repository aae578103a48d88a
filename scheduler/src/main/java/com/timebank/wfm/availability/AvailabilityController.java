package com.timebank.wfm.availability;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.availability.AvailabilityService.NewUnavailability;
import com.timebank.wfm.availability.AvailabilityService.PreferencesInput;
import com.timebank.wfm.availability.AvailabilityService.PreferencesView;
import com.timebank.wfm.availability.AvailabilityService.UnavailabilityView;
import com.timebank.wfm.availability.AvailabilityService.Weekly;
import com.timebank.wfm.availability.AvailabilityService.WindowInput;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/agents/{employeeNo}")
@Tag(name = "Availability", description = "When an agent can work (hard for rosters) and what they prefer (soft)")
class AvailabilityController {

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    record WeeklyInput(List<WindowInput> windows) {
    }

    @GetMapping("/availability")
    @Operation(summary = "The agent's weekly windows {employeeNo, windows: [{day, from, to}]}; none = available at any time")
    Weekly weekly(@PathVariable String employeeNo, CurrentUser user) {
        return availability.weekly(employeeNo, user);
    }

    @PutMapping("/availability")
    @Operation(summary = "Replace the weekly windows {windows: [{day: MONDAY..SUNDAY, from: HH:mm, to: HH:mm (24:00 = "
            + "end of day)}]} (the agent's lead, a planner, an admin); a day without a window is not available")
    Weekly replace(@PathVariable String employeeNo, @RequestBody(required = false) WeeklyInput input,
            CurrentUser user) {
        return availability.replaceWeekly(employeeNo, input == null ? null : input.windows(), user);
    }

    @GetMapping("/availability/unavailability")
    @Operation(summary = "Dated unavailability from..to (default today and the next 92 days, at most 366)")
    List<UnavailabilityView> unavailability(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        return availability.unavailability(employeeNo, from, to, user);
    }

    @PostMapping("/availability/unavailability")
    @Operation(summary = "Add dated unavailability {date, from?, to?, reason} (both times left out = the whole day; "
            + "the agent's lead, a planner, an admin)")
    ResponseEntity<UnavailabilityView> add(@PathVariable String employeeNo,
            @RequestBody(required = false) NewUnavailability input, CurrentUser user) {
        UnavailabilityView v = availability.addUnavailability(employeeNo, input, user);
        return ResponseEntity.created(URI.create("/api/agents/" + employeeNo + "/availability/unavailability/"
                + v.id())).body(v);
    }

    @DeleteMapping("/availability/unavailability/{id}")
    @Operation(summary = "Remove dated unavailability (the agent's lead, a planner, an admin)")
    ResponseEntity<Void> remove(@PathVariable String employeeNo, @PathVariable long id, CurrentUser user) {
        availability.removeUnavailability(employeeNo, id, user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    @Operation(summary = "The agent's preferences {employeeNo, daysOff[], shiftTime: NONE|EARLY|LATE, shiftTemplate}")
    PreferencesView preferences(@PathVariable String employeeNo, CurrentUser user) {
        return availability.preferences(employeeNo, user);
    }

    @PutMapping("/preferences")
    @Operation(summary = "Set the agent's own preferences {daysOff[] (at most 3), shiftTime, shiftTemplate?} (the agent)")
    PreferencesView savePreferences(@PathVariable String employeeNo,
            @RequestBody(required = false) PreferencesInput input, CurrentUser user) {
        return availability.savePreferences(employeeNo, input, user);
    }
}
