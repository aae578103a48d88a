package com.timebank.wfm.org;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api")
@Tag(name = "Organisation", description = "Centers, teams, agents and center settings")
class OrganisationController {

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}";
    private static final String CODE_MESSAGE = "must be 1-32 letters, digits, '-' or '_'";

    private final OrganisationService organisation;
    private final CenterSettingsService settings;

    OrganisationController(OrganisationService organisation, CenterSettingsService settings) {
        this.organisation = organisation;
        this.settings = settings;
    }

    record CenterRequest(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String timeZone,
            @NotNull Integer intervalMinutes) {
    }

    record CenterView(String code, String name, String timeZone, int intervalMinutes) {
        static CenterView of(Center c) {
            return new CenterView(c.code(), c.name(), c.timeZone().getId(), c.intervalMinutes());
        }
    }

    record TeamRequest(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name) {
    }

    record TeamView(String centerCode, String code, String name) {
        static TeamView of(Team t) {
            return new TeamView(t.centerCode(), t.code(), t.name());
        }
    }

    record AgentRequest(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String employeeNo,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String centerCode,
            @NotBlank String teamCode,
            @NotNull @Min(0) @Max(7 * 24 * 60) Integer weeklyMinMinutes,
            @NotNull @Min(0) @Max(7 * 24 * 60) Integer weeklyMaxMinutes,
            List<@NotBlank @Size(max = 64) String> skills) {
    }

    record AgentView(String employeeNo, String name, String centerCode, String teamCode, int weeklyMinMinutes,
            int weeklyMaxMinutes, List<String> skills, boolean active) {
        static AgentView of(Agent a) {
            return new AgentView(a.employeeNo(), a.name(), a.centerCode(), a.teamCode(), a.weeklyMinMinutes(),
                    a.weeklyMaxMinutes(), a.skills(), a.active());
        }
    }

    @PostMapping("/centers")
    @Operation(summary = "Create a center (admin)")
    ResponseEntity<CenterView> createCenter(@Valid @RequestBody CenterRequest r, CurrentUser user) {
        Center c = organisation.createCenter(
                new OrganisationService.NewCenter(r.code(), r.name(), r.timeZone(), r.intervalMinutes()), user);
        return ResponseEntity.created(URI.create("/api/centers/" + c.code())).body(CenterView.of(c));
    }

    @GetMapping("/centers")
    @Operation(summary = "Centers in the caller's scope")
    List<CenterView> centers(CurrentUser user) {
        return organisation.centers(user).stream().map(CenterView::of).toList();
    }

    @GetMapping("/centers/{center}")
    CenterView center(@PathVariable String center, CurrentUser user) {
        return CenterView.of(organisation.center(center, user));
    }

    /** The fields an admin may change after creation; codes stay, as links, files and the ledger refer to them. */
    record RenameRequest(String name) {
    }

    @PatchMapping("/centers/{center}")
    @Operation(summary = "Rename a center (admin); the code stays; audited with the old and new name")
    CenterView renameCenter(@PathVariable String center, @RequestBody RenameRequest r, CurrentUser user) {
        return CenterView.of(organisation.renameCenter(center, r.name(), user));
    }

    @PatchMapping("/centers/{center}/teams/{team}")
    @Operation(summary = "Rename a team (admin); the code stays; audited with the old and new name")
    TeamView renameTeam(@PathVariable String center, @PathVariable String team, @RequestBody RenameRequest r,
            CurrentUser user) {
        return TeamView.of(organisation.renameTeam(center, team, r.name(), user));
    }

    @PostMapping("/centers/{center}/teams")
    @Operation(summary = "Create a team in a center (admin)")
    ResponseEntity<TeamView> createTeam(@PathVariable String center, @Valid @RequestBody TeamRequest r,
            CurrentUser user) {
        Team t = organisation.createTeam(center, r.code(), r.name(), user);
        return ResponseEntity.created(URI.create("/api/centers/" + center + "/teams/" + t.code())).body(TeamView.of(t));
    }

    @GetMapping("/centers/{center}/teams")
    List<TeamView> teams(@PathVariable String center, CurrentUser user) {
        return organisation.teams(center, user).stream().map(TeamView::of).toList();
    }

    @GetMapping("/centers/{center}/teams/{team}")
    TeamView team(@PathVariable String center, @PathVariable String team, CurrentUser user) {
        return TeamView.of(organisation.team(center, team, user));
    }

    @PutMapping("/centers/{center}/settings")
    @Operation(summary = "Change center settings from a date on (admin); fields left out keep their value")
    SettingsChange.View changeSettings(@PathVariable String center, @RequestBody SettingsChange change,
            CurrentUser user) {
        return settings.change(center, change, user);
    }

    @GetMapping("/centers/{center}/settings")
    @Operation(summary = "Settings in force on a date (default: today in the center's zone)")
    SettingsChange.View settings(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            CurrentUser user) {
        return settings.view(center, date, user);
    }

    @GetMapping("/centers/{center}/settings/history")
    @Operation(summary = "Every settings change of the center, oldest first")
    List<SettingsChange.View> settingsHistory(@PathVariable String center, CurrentUser user) {
        return settings.history(center, user);
    }

    @PostMapping("/agents")
    @Operation(summary = "Create an agent (admin)")
    ResponseEntity<AgentView> createAgent(@Valid @RequestBody AgentRequest r, CurrentUser user) {
        Agent a = organisation.createAgent(new OrganisationService.NewAgent(r.employeeNo(), r.name(), r.centerCode(),
                r.teamCode(), r.weeklyMinMinutes(), r.weeklyMaxMinutes(), r.skills()), user);
        return ResponseEntity.created(URI.create("/api/agents/" + a.employeeNo())).body(AgentView.of(a));
    }

    @GetMapping("/agents")
    @Operation(summary = "Agents in the caller's scope, by employee number; total in X-Total-Count")
    ResponseEntity<List<AgentView>> agents(@RequestParam(required = false) String center,
            @RequestParam(required = false) String team, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, CurrentUser user) {
        OrganisationService.AgentPage result = organisation.agents(center, team, Paging.of(page, size), user);
        return Paging.withTotal(result.agents().stream().map(AgentView::of).toList(), result.total());
    }

    @GetMapping("/agents/{employeeNo}")
    AgentView agent(@PathVariable String employeeNo, CurrentUser user) {
        return AgentView.of(organisation.agent(employeeNo, user));
    }

    /** Fields left out keep their value; the service bounds every field and answers 422 with the field. */
    record AgentPatch(String name, String teamCode, Integer weeklyMinMinutes, Integer weeklyMaxMinutes,
            List<String> skills) {
    }

    @PatchMapping("/agents/{employeeNo}")
    @Operation(summary = "Change an agent's name, team (within the center), contract or skills (admin); audited")
    AgentView changeAgent(@PathVariable String employeeNo, @RequestBody AgentPatch r, CurrentUser user) {
        return AgentView.of(organisation.changeAgent(employeeNo, new OrganisationService.AgentChange(r.name(),
                r.teamCode(), r.weeklyMinMinutes(), r.weeklyMaxMinutes(), r.skills()), user));
    }

    @PostMapping("/agents/{employeeNo}/disable")
    @Operation(summary = "Disable an agent (admin): ledger and history stay; left out of new rosters; audited")
    AgentView disableAgent(@PathVariable String employeeNo, CurrentUser user) {
        return AgentView.of(organisation.setAgentActive(employeeNo, false, user));
    }

    @PostMapping("/agents/{employeeNo}/enable")
    @Operation(summary = "Enable a disabled agent again (admin); audited")
    AgentView enableAgent(@PathVariable String employeeNo, CurrentUser user) {
        return AgentView.of(organisation.setAgentActive(employeeNo, true, user));
    }
}
