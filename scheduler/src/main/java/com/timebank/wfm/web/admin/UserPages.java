package com.timebank.wfm.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.users.UserService;
import com.timebank.wfm.web.Flash;
import com.timebank.wfm.web.FormErrors;

import jakarta.servlet.http.HttpServletResponse;

/** Users and their roles: the list (searched, paged, disabled or enabled) and a new user with the scope the role needs. */
@Controller
class UserPages {

    static final int PAGE_SIZE = 25;
    static final int MAX_SEARCH = 64;

    private final UserService users;
    private final OrganisationService organisation;
    private final Flash flash;
    private final MessageSource messages;

    UserPages(UserService users, OrganisationService organisation, Flash flash, MessageSource messages) {
        this.users = users;
        this.organisation = organisation;
        this.flash = flash;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String search,
            @RequestParam(required = false) String role, CurrentUser user, Model model) {
        model.addAttribute("userForm", new UserForm());
        listModel(page, search, role, user, model);
        return "admin/users";
    }

    @GetMapping("/admin/users/{username}/edit")
    String edit(@PathVariable String username, CurrentUser user, Model model) {
        UserService.UserView u = users.user(username, user);
        UserForm form = new UserForm();
        form.setUsername(u.username());
        form.setRole(u.role().name());
        form.setEmployeeNo(u.employeeNo());
        form.setCenterCodes(new ArrayList<>(u.centerCodes()));
        form.setTeamCodes(new ArrayList<>(u.teamCodes()));
        model.addAttribute("userForm", form);
        return editModel(u, user, model);
    }

    /** Changes role and scope; only the scope the role uses is kept. Password reset stays its own action. */
    @PostMapping("/admin/users/{username}/edit")
    String change(@PathVariable String username, @ModelAttribute UserForm userForm, BindingResult binding,
            CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        UserService.UserView before = users.user(username, user);
        userForm.setUsername(before.username());
        Role role = role(userForm, binding);
        String employeeNo = employeeNo(userForm);
        List<String> centerCodes = codes(userForm.getCenterCodes());
        List<String> teamCodes = codes(userForm.getTeamCodes());
        if (!binding.hasErrors()) {
            try {
                users.change(username, new UserService.UserChange(role, role == Role.AGENT ? employeeNo : null,
                        role == Role.PLANNER ? centerCodes : List.of(), role == Role.TEAM_LEAD ? teamCodes : List.of()),
                        user);
                flash.success(redirect, "admin.user.changed", username);
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of(), "admin.invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return editModel(before, user, model);
    }

    private String editModel(UserService.UserView edited, CurrentUser user, Model model) {
        model.addAttribute("edited", edited);
        model.addAttribute("roles", Role.values());
        List<Center> centers = organisation.centers(user);
        List<Team> teams = new ArrayList<>();
        centers.forEach(c -> teams.addAll(organisation.teams(c.code(), user)));
        model.addAttribute("allCenters", centers);
        model.addAttribute("allTeams", teams);
        return "admin/user-edit";
    }

    /** Disables or enables a user; a disabled user cannot sign in. The list keeps its search and page. */
    @PostMapping("/admin/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, CurrentUser user,
            RedirectAttributes redirect) {
        try {
            users.setEnabled(username, enabled, user);
            flash.success(redirect, enabled ? "admin.user.enabled" : "admin.user.disabled", username);
        } catch (InvalidInputException e) {
            flash.error(redirect, "admin.user.error.self");
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute UserForm userForm, BindingResult binding, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        String username = Forms.trim(userForm.getUsername());
        if (username == null || username.isEmpty()) {
            binding.rejectValue("username", "admin.error.required");
        } else if (!Forms.USERNAME.matcher(username).matches()) {
            binding.rejectValue("username", "admin.user.error.username");
        }
        String password = userForm.getPassword();
        // the same rules the service applies, shown with the other fields' errors at once
        users.passwordProblems("password", username, password).forEach(e ->
                binding.rejectValue("password", e.code(), e.getArguments(), e.message()));
        Role role = role(userForm, binding);
        String employeeNo = employeeNo(userForm);
        List<String> centerCodes = codes(userForm.getCenterCodes());
        List<String> teamCodes = codes(userForm.getTeamCodes());
        if (role == Role.AGENT && employeeNo == null) {
            binding.rejectValue("employeeNo", "admin.user.error.agent");
        }
        if (role == Role.TEAM_LEAD && teamCodes.isEmpty()) {
            binding.rejectValue("teamCodes", "admin.user.error.teams");
        }
        if (role == Role.PLANNER && centerCodes.isEmpty()) {
            binding.rejectValue("centerCodes", "admin.user.error.centers");
        }
        if (!binding.hasErrors()) {
            try {
                // only the scope the role uses is stored
                var created = users.create(new UserService.NewUser(username, password, role,
                        role == Role.AGENT ? employeeNo : null, role == Role.PLANNER ? centerCodes : List.of(),
                        role == Role.TEAM_LEAD ? teamCodes : List.of()), user);
                flash.success(redirect, "admin.user.created", created.username(), messages.getMessage(
                        "role." + created.role().name(), null, LocaleContextHolder.getLocale()));
                return "redirect:/admin/users";
            } catch (ConflictException e) {
                binding.rejectValue("username", "admin.user.error.exists");
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of(), "admin.invalid");
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        userForm.setPassword(null);
        listModel(null, null, null, user, model);
        return "admin/users";
    }

    private void listModel(Integer page, String search, String role, CurrentUser user, Model model) {
        Paging paging = Paging.of(page == null || page < 0 ? 0 : page, PAGE_SIZE);
        String term = search == null || search.isBlank() ? null : search.trim();
        if (term != null && term.length() > MAX_SEARCH) {
            term = term.substring(0, MAX_SEARCH);
        }
        Role filter = null;
        try {
            filter = role == null || role.isBlank() ? null : Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            filter = null;
        }
        int total = users.count(term, filter);
        model.addAttribute("users", users.users(term, filter, paging.offset(), paging.size(), user));
        model.addAttribute("search", term);
        model.addAttribute("roleFilter", filter == null ? null : filter.name());
        model.addAttribute("total", total);
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("roles", Role.values());
        List<Center> centers = organisation.centers(user);
        List<Team> teams = new ArrayList<>();
        centers.forEach(c -> teams.addAll(organisation.teams(c.code(), user)));
        model.addAttribute("allCenters", centers);
        model.addAttribute("allTeams", teams);
    }

    /** The form's role; a field error when it names none. */
    private static Role role(UserForm form, BindingResult binding) {
        try {
            if (form.getRole() != null) {
                return Role.valueOf(form.getRole());
            }
        } catch (IllegalArgumentException e) {
            // reported below like a missing role
        }
        binding.rejectValue("role", "admin.user.error.role");
        return null;
    }

    /** The agent's employee number, null when left empty. */
    private static String employeeNo(UserForm form) {
        String employeeNo = Forms.trim(form.getEmployeeNo());
        return employeeNo == null || employeeNo.isEmpty() ? null : employeeNo;
    }

    private static List<String> codes(List<String> values) {
        return values.stream().filter(s -> !s.isBlank()).toList();
    }
}
