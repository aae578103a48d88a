package com.timebank.wfm.org;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An agent's contracts by date: the history and a change effective from a date (admin). */
@RestController
@RequestMapping("/api/agents/{employeeNo}/contracts")
@Tag(name = "Organisation")
class ContractController {

    private final OrganisationService organisation;

    ContractController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    /** {@code effectiveFrom} 1970-01-01 stands for the contract the agent had before their first dated change. */
    record ContractView(LocalDate effectiveFrom, int weeklyMinMinutes, int weeklyMaxMinutes, String createdBy) {

        static ContractView of(Contract c) {
            return new ContractView(c.effectiveFrom(), c.weeklyMinMinutes(), c.weeklyMaxMinutes(), c.createdBy());
        }
    }

    @GetMapping
    @Operation(summary = "The agent's contracts, oldest first")
    List<ContractView> contracts(@PathVariable String employeeNo, CurrentUser user) {
        return organisation.contracts(employeeNo, user).stream().map(ContractView::of).toList();
    }

    @PostMapping
    @Operation(summary = "A contract effective from a date {effectiveFrom, weeklyMinMinutes, weeklyMaxMinutes} (admin); "
            + "rosters use, for each week, the contract valid on its first day")
    ResponseEntity<List<ContractView>> change(@PathVariable String employeeNo,
            @RequestBody OrganisationService.ContractChange change, CurrentUser user) {
        organisation.changeContract(employeeNo, change, user);
        return ResponseEntity.status(201).body(contracts(employeeNo, user));
    }
}
