package com.timebank.wfm.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.users.UserService;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class HomePage {

    private final UserService users;
    private final LeadDashboard dashboard;

    HomePage(UserService users, LeadDashboard dashboard) {
        this.users = users;
        this.dashboard = dashboard;
    }

    /** The sign-in form; after too many failures ({@code throttled}: seconds to wait) it says so with a 429. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model, HttpServletResponse response) {
        if (throttled != null && throttled.matches("[0-9]{1,5}")) {
            model.addAttribute("throttled", Integer.parseInt(throttled));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", throttled);
        }
        return "login";
    }

    /** The start page: an agent's time bank; for the other roles, the links of their role as cards. */
    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        if (user.employeeNo() != null && user.role() == com.timebank.wfm.security.Role.AGENT) {
            return "redirect:" + AgentPages.path(user.employeeNo());
        }
        model.addAttribute("me", users.me(user));
        if (user.role() == com.timebank.wfm.security.Role.TEAM_LEAD) {
            dashboard.fill(user, model);
        }
        return "home";
    }
}
