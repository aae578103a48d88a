package com.timebank.wfm.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.users.UserService;
import com.timebank.wfm.security.WfmPrincipal;

/** Builds organisation data with unique codes through the real services, as an admin would. */
@TestComponent
public class Org {

    public static final String PASSWORD = "password-123";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    private final OrganisationService organisation;
    private final UserService users;

    public Org(OrganisationService organisation, UserService users) {
        this.organisation = organisation;
        this.users = users;
    }

    public static String unique(String prefix) {
        return prefix + RUN + SEQ.incrementAndGet();
    }

    public CurrentUser admin() {
        return as("admin");
    }

    public CurrentUser as(String username) {
        return ((WfmPrincipal) users.loadUserByUsername(username)).currentUser();
    }

    public Center center() {
        return center("Asia/Shanghai", 30);
    }

    public Center center(String zone, int intervalMinutes) {
        return organisation.createCenter(new OrganisationService.NewCenter(unique("C"), "Center", zone, intervalMinutes),
                admin());
    }

    public Team team(Center center) {
        return organisation.createTeam(center.code(), unique("T"), "Team", admin());
    }

    public Agent agent(Team team) {
        return organisation.createAgent(new OrganisationService.NewAgent(unique("E"), "Agent", team.centerCode(),
                team.code(), 2400, 2400, List.of("voice")), admin());
    }

    /** An AGENT login for the agent; returns the username. */
    public String agentUser(Agent agent) {
        return user(Role.AGENT, agent.employeeNo(), List.of(), List.of());
    }

    public String leadUser(Team... teams) {
        return user(Role.TEAM_LEAD, null, List.of(),
                java.util.Arrays.stream(teams).map(t -> t.centerCode() + "/" + t.code()).toList());
    }

    public String plannerUser(Center... centers) {
        return user(Role.PLANNER, null, java.util.Arrays.stream(centers).map(Center::code).toList(), List.of());
    }

    public String user(Role role, String employeeNo, List<String> centers, List<String> teams) {
        String username = unique("u").toLowerCase();
        users.createUser(new UserService.NewUser(username, PASSWORD, role, employeeNo, centers, teams), "test");
        return username;
    }
}
