package com.timebank.wfm.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.users.UserService;

@Controller
class HomePage {

    private final UserService users;
    private final LeadDashboard dashboard;

    HomePage(UserService users, LeadDashboard dashboard) {
        this.users = users;
        this.dashboard = dashboard;
    }

    @GetMapping("/login")
    String login() {
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
