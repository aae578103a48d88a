package com.timebank.wfm.staffing.app;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.staffing.StaffingRequirement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/staffing")
@Tag(name = "Staffing", description = "Erlang C / Erlang A calculations")
class StaffingController {

    private final StaffingService staffing;

    StaffingController(StaffingService staffing) {
        this.staffing = staffing;
    }

    @PostMapping("/erlang-c")
    @Operation(summary = "Agents needed for one interval (any signed-in user): Erlang C, or Erlang A when "
            + "patienceSeconds is given; maxOccupancy defaults to 0.85 and shrinkage to 0.30")
    RequirementView erlangC(@RequestBody StaffingService.Calculation request) {
        StaffingRequirement r = staffing.calculate(request);
        return RequirementView.of(r, request.patienceSeconds() != null);
    }
}
