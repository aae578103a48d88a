package com.timebank.wfm.web.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.Contract;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.FormErrors;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Centers, their teams, and agents (paged), created through {@link OrganisationService} like the API does; the
 * forms check the same rules first and show each problem next to its field.
 */
@Controller
class OrganisationPages {

    static final int AGENT_PAGE_SIZE = 25;
    /** Time zones offered first in the center form's list; any region id is accepted. */
    static final List<String> COMMON_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore",
            "Asia/Tokyo", "Europe/London", "Europe/Lisbon", "Europe/Berlin", "America/New_York", "America/Chicago",
            "America/Los_Angeles", "America/Sao_Paulo", "Australia/Sydney", "UTC");

    private final OrganisationService organisation;
    private final Flash flash;
    private final com.timebank.wfm.timebank.BalanceMoveService moves;
    private final Clock clock;

    OrganisationPages(OrganisationService organisation, Flash flash, com.timebank.wfm.timebank.BalanceMoveService moves,
            Clock clock) {
        this.clock = clock;
        this.moves = moves;
        this.organisation = organisation;
        this.flash = flash;
    }

    static String centerPath(String code) {
        return "/admin/centers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }

    // ---- centers ----

    static final int CENTER_PAGE_SIZE = 50;

    @GetMapping("/admin/centers")
    String centers(@RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        model.addAttribute("centerForm", new CenterForm());
        centersModel(user, model);
        // centers are few enough to page in memory; the form's refusals show the first page
        List<Center> all = organisation.centers(user);
        Paging paging = Paging.of(page, CENTER_PAGE_SIZE);
        model.addAttribute("centers", paging.slice(all));
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (all.size() + CENTER_PAGE_SIZE - 1) / CENTER_PAGE_SIZE));
        return "admin/centers";
    }

    @PostMapping("/admin/centers")
    String createCenter(@ModelAttribute CenterForm centerForm, BindingResult binding, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Forms.code(centerForm.getCode(), "code", binding);
        Forms.name(centerForm.getName(), "name", binding);
        if (centerForm.getTimeZone() == null || centerForm.getTimeZone().isBlank()) {
            binding.rejectValue("timeZone", "admin.error.required");
        } else if (!ZoneId.getAvailableZoneIds().contains(centerForm.getTimeZone().trim())) {
            binding.rejectValue("timeZone", "admin.center.error.zone");
        }
        if (!binding.hasFieldErrors("intervalMinutes") && (centerForm.getIntervalMinutes() == null
                || !Center.INTERVALS.contains(centerForm.getIntervalMinutes()))) {
            binding.rejectValue("intervalMinutes", "admin.center.error.interval");
        }
        if (!binding.hasErrors()) {
            try {
                Center c = organisation.createCenter(new OrganisationService.NewCenter(centerForm.getCode().trim(),
                        centerForm.getName().trim(), centerForm.getTimeZone().trim(), centerForm.getIntervalMinutes()),
                        user);
                flash.success(redirect, "admin.center.created", c.code());
                return "redirect:" + centerPath(c.code());
            } catch (ConflictException e) {
                binding.rejectValue("code", "admin.center.error.exists");
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of(), "admin.invalid");
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        centersModel(user, model);
        return "admin/centers";
    }

    private void centersModel(CurrentUser user, Model model) {
        List<Center> centers = organisation.centers(user);
        model.addAttribute("centers", centers.subList(0, Math.min(centers.size(), CENTER_PAGE_SIZE)));
        model.addAttribute("page", 0);
        model.addAttribute("pages", Math.max(1, (centers.size() + CENTER_PAGE_SIZE - 1) / CENTER_PAGE_SIZE));
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("intervals", List.of(5, 15, 30, 60));
    }

    // ---- a center and its teams ----

    @GetMapping("/admin/centers/{code}")
    String center(@PathVariable String code, CurrentUser user, Model model) {
        model.addAttribute("teamForm", new TeamForm());
        centerModel(organisation.center(code, user), user, model);
        return "admin/center";
    }

    /** Renames the center; its code stays. A refused name comes back as the page's message. */
    @PostMapping("/admin/centers/{code}/name")
    String renameCenter(@PathVariable String code, @RequestParam(required = false) String name, CurrentUser user,
            RedirectAttributes redirect) {
        try {
            Center c = organisation.renameCenter(code, name, user);
            flash.success(redirect, "admin.rename.center.done", c.code(), c.name());
        } catch (InvalidInputException e) {
            flash.error(redirect, "admin.rename.invalid", e.errors().get(0).reason());
        }
        return "redirect:/admin/centers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }

    @PostMapping("/admin/centers/{code}/teams/{team}/name")
    String renameTeam(@PathVariable String code, @PathVariable String team, @RequestParam(required = false) String name,
            CurrentUser user, RedirectAttributes redirect) {
        try {
            var t = organisation.renameTeam(code, team, name, user);
            flash.success(redirect, "admin.rename.team.done", t.centerCode() + " / " + t.code(), t.name());
        } catch (InvalidInputException e) {
            flash.error(redirect, "admin.rename.invalid", e.errors().get(0).reason());
        }
        return "redirect:/admin/centers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }

    @PostMapping("/admin/centers/{code}/teams")
    String createTeam(@PathVariable String code, @ModelAttribute TeamForm teamForm, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Center center = organisation.center(code, user);
        Forms.code(teamForm.getCode(), "code", binding);
        Forms.name(teamForm.getName(), "name", binding);
        if (!binding.hasErrors()) {
            try {
                Team t = organisation.createTeam(center.code(), teamForm.getCode().trim(), teamForm.getName().trim(),
                        user);
                flash.success(redirect, "admin.team.created", t.code(), center.code());
                return "redirect:" + centerPath(center.code());
            } catch (ConflictException e) {
                binding.rejectValue("code", "admin.team.error.exists", new Object[] {center.code()}, null);
                response.setStatus(HttpStatus.CONFLICT.value());
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        centerModel(center, user, model);
        return "admin/center";
    }

    private void centerModel(Center center, CurrentUser user, Model model) {
        List<Team> teams = organisation.teams(center.code(), user);
        List<TeamRow> rows = new ArrayList<>();
        for (Team t : teams) {
            rows.add(new TeamRow(t, organisation.agents(center.code(), t.code(), Paging.of(0, 1), user).total()));
        }
        model.addAttribute("center", center);
        model.addAttribute("teams", rows);
    }

    record TeamRow(Team team, long agents) {
    }

    // ---- agents ----

    @GetMapping("/admin/agents")
    String agents(@RequestParam(required = false) String team, @RequestParam(required = false) Integer page,
            CurrentUser user, Model model) {
        String centerCode = null;
        String teamCode = null;
        if (team != null && !team.isBlank()) {
            int slash = team.indexOf('/');
            centerCode = slash < 0 ? team : team.substring(0, slash);
            teamCode = slash < 0 ? null : team.substring(slash + 1);
        }
        Paging paging = Paging.of(page, AGENT_PAGE_SIZE);
        OrganisationService.AgentPage found = organisation.agents(centerCode, teamCode, paging, user);
        model.addAttribute("agents", found.agents());
        model.addAttribute("total", found.total());
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (found.total() + AGENT_PAGE_SIZE - 1) / AGENT_PAGE_SIZE));
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("filters", filters(user));
        return "admin/agents";
    }

    @GetMapping("/admin/agents/new")
    String newAgent(@RequestParam(required = false) String team, CurrentUser user, Model model) {
        AgentForm form = new AgentForm();
        form.setTeam(team);
        model.addAttribute("agentForm", form);
        model.addAttribute("teams", allTeams(user));
        return "admin/agent-new";
    }

    @PostMapping("/admin/agents")
    String createAgent(@ModelAttribute AgentForm agentForm, BindingResult binding, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Forms.code(agentForm.getEmployeeNo(), "employeeNo", binding);
        List<String> skills = checkAgent(agentForm, binding);
        String team = Forms.trim(agentForm.getTeam());
        int slash = team == null ? -1 : team.indexOf('/');
        Integer min = agentForm.getWeeklyMinMinutes();
        Integer max = agentForm.getWeeklyMaxMinutes();
        if (!binding.hasErrors()) {
            try {
                var a = organisation.createAgent(new OrganisationService.NewAgent(agentForm.getEmployeeNo().trim(),
                        agentForm.getName().trim(), team.substring(0, slash), team.substring(slash + 1), min, max,
                        skills), user);
                flash.success(redirect, "admin.agent.created", a.name(), a.employeeNo(), a.centerCode(), a.teamCode());
                return "redirect:/admin/agents?team=" + UriUtils.encodeQueryParam(a.centerCode() + "/" + a.teamCode(),
                        StandardCharsets.UTF_8);
            } catch (ConflictException e) {
                binding.rejectValue("employeeNo", "admin.agent.error.exists");
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of("centerCode", "team", "teamCode", "team"), "admin.invalid");
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("teams", allTeams(user));
        return "admin/agent-new";
    }

    /** The checks an agent's form gets on creation and on change: name, team, contract, skills. */
    private static List<String> checkAgent(AgentForm agentForm, BindingResult binding) {
        Forms.name(agentForm.getName(), "name", binding);
        String team = Forms.trim(agentForm.getTeam());
        int slash = team == null ? -1 : team.indexOf('/');
        if (slash <= 0 || slash == team.length() - 1) {
            binding.rejectValue("team", "admin.agent.error.team");
        }
        Integer min = agentForm.getWeeklyMinMinutes();
        Integer max = agentForm.getWeeklyMaxMinutes();
        for (String field : List.of("weeklyMinMinutes", "weeklyMaxMinutes")) {
            Integer v = field.equals("weeklyMinMinutes") ? min : max;
            if (!binding.hasFieldErrors(field) && (v == null || v < 0 || v > 7 * 24 * 60)) {
                binding.rejectValue(field, "admin.agent.error.minutes", new Object[] {"168:00"}, null);
            }
        }
        if (!binding.hasFieldErrors("weeklyMinMinutes") && !binding.hasFieldErrors("weeklyMaxMinutes") && min > max) {
            binding.rejectValue("weeklyMinMinutes", "admin.agent.error.min-max");
        }
        List<String> skills = Forms.list(agentForm.getSkills());
        if (skills.stream().anyMatch(s -> s.length() > 64)) {
            binding.rejectValue("skills", "admin.agent.error.skill");
        }
        return skills;
    }

    @GetMapping("/admin/agents/{employeeNo}/edit")
    String editAgent(@PathVariable String employeeNo, CurrentUser user, Model model) {
        Agent a = organisation.agent(employeeNo, user);
        AgentForm form = new AgentForm();
        form.setEmployeeNo(a.employeeNo());
        form.setName(a.name());
        form.setTeam(a.centerCode() + "/" + a.teamCode());
        form.setWeeklyMinMinutes(a.weeklyMinMinutes());
        form.setWeeklyMaxMinutes(a.weeklyMaxMinutes());
        form.setSkills(String.join(", ", a.skills()));
        model.addAttribute("agentForm", form);
        return editModel(a, user, model);
    }

    /** Changes name, team (within the agent's center), contract and skills; the employee number stays. */
    @PostMapping("/admin/agents/{employeeNo}/edit")
    String changeAgent(@PathVariable String employeeNo, @ModelAttribute AgentForm agentForm, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Agent before = organisation.agent(employeeNo, user);
        agentForm.setEmployeeNo(before.employeeNo());
        List<String> skills = checkAgent(agentForm, binding);
        String team = Forms.trim(agentForm.getTeam());
        if (!binding.hasFieldErrors("team") && !team.startsWith(before.centerCode() + "/")) {
            binding.rejectValue("team", "admin.agent.error.team");
        }
        if (!binding.hasErrors()) {
            try {
                Agent a = organisation.changeAgent(employeeNo, new OrganisationService.AgentChange(
                        agentForm.getName().trim(), team.substring(team.indexOf('/') + 1),
                        agentForm.getWeeklyMinMinutes(), agentForm.getWeeklyMaxMinutes(), skills), user);
                flash.success(redirect, "admin.agent.changed", a.name(), a.employeeNo());
                return "redirect:/admin/agents?team=" + UriUtils.encodeQueryParam(a.centerCode() + "/" + a.teamCode(),
                        StandardCharsets.UTF_8);
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of("teamCode", "team"), "admin.invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return editModel(before, user, model);
    }

    /** Disables (left out of new rosters; ledger and history stay) or enables an agent. */
    @PostMapping("/admin/agents/{employeeNo}/active")
    String setAgentActive(@PathVariable String employeeNo, @RequestParam boolean active, CurrentUser user,
            RedirectAttributes redirect) {
        Agent a = organisation.setAgentActive(employeeNo, active, user);
        flash.success(redirect, active ? "admin.agent.enabled" : "admin.agent.disabled", a.name(), a.employeeNo());
        return "redirect:/admin/agents/" + UriUtils.encodePathSegment(a.employeeNo(), StandardCharsets.UTF_8)
                + "/edit";
    }

    private String editModel(Agent agent, CurrentUser user, Model model) {
        model.addAttribute("agent", agent);
        model.addAttribute("teams", organisation.teams(agent.centerCode(), user));
        // contract history and the balance of a disabled agent (AgentLifecyclePages acts on them)
        List<Contract> contracts = organisation.contracts(agent.employeeNo(), user);
        model.addAttribute("contracts", contracts);
        // when each was entered, in the center's time, and which one holds today
        Center center = organisation.centerById(agent.centerId());
        LocalDate today = center.today(clock);
        model.addAttribute("zone", center.timeZone());
        model.addAttribute("contractToday", contracts.stream().filter(c -> !c.effectiveFrom().isAfter(today))
                .reduce((first, second) -> second).map(Contract::effectiveFrom).orElse(null));
        model.addAttribute("account", moves.account(agent.employeeNo(), user));
        model.addAttribute("moveKey", java.util.UUID.randomUUID().toString());
        return "admin/agent-edit";
    }

    /** Filter choices: each center, then each of its teams. */
    private List<Filter> filters(CurrentUser user) {
        List<Filter> filters = new ArrayList<>();
        for (Center c : organisation.centers(user)) {
            filters.add(new Filter(c.code(), c.code() + " · " + c.name(), false));
            for (Team t : organisation.teams(c.code(), user)) {
                filters.add(new Filter(c.code() + "/" + t.code(), c.code() + " / " + t.code() + " · " + t.name(), true));
            }
        }
        return filters;
    }

    record Filter(String value, String label, boolean team) {
    }

    private List<Team> allTeams(CurrentUser user) {
        List<Team> teams = new ArrayList<>();
        for (Center c : organisation.centers(user)) {
            teams.addAll(organisation.teams(c.code(), user));
        }
        return teams;
    }
}
