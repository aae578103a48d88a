package com.timebank.wfm.reports;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reports", description = "The time bank's balance sheet and the center's efficiency (reports.md)")
class AgentReportsController {

    private final EfficiencyService efficiency;

    AgentReportsController(EfficiencyService efficiency) {
        this.efficiency = efficiency;
    }

    @GetMapping("/api/agents/{employeeNo}/reports/efficiency")
    @Operation(summary = "An agent's own aux share, aux minutes, sign-ins and online utilisation per day (the agent, "
            + "their lead, planners and admins; default: this month so far)")
    AgentEfficiency agentEfficiency(@PathVariable String employeeNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        return efficiency.agent(employeeNo, from, to, user);
    }
}
