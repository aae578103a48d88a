package com.timebank.wfm.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.users.UserService;
import com.timebank.wfm.security.WfmPrincipal;

/**
 * Seeds a realistic demo center once (only with {@code wfm.demo=true}): 3 teams, 60 agents with varied contracts,
 * logins for every role and ten weeks of interval history, then each capability's part in one fixed order.
 */
@Component
@Order(10) // after the first admin exists
@ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
public class DemoData implements ApplicationRunner {

    /** The demo users' password: {@code wfm.demo.password}, by default {@code demo-pass}. */
    static final String PASSWORD = "${wfm.demo.password:demo-pass}";

    public static final String CENTER = "DEMO";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] TEAM_NAMES = {"Aurora", "Bamboo", "Cedar"};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yan", "Jun", "Hui", "Tao", "Xin", "Ying"};

    private final OrganisationService organisation;
    private final UserService users;
    private final ContactHistoryService history;
    private final Clock clock;
    private final String password;
    private final List<DemoStep> steps;

    DemoData(OrganisationService organisation, UserService users, ContactHistoryService history, Clock clock,
            @Value(PASSWORD) String password, ForecastDemo forecast, AvailabilityDemo availability, RosterDemo roster,
            TimebankDemo timebank, LeaveDemo leave) {
        this.organisation = organisation;
        this.users = users;
        this.history = history;
        this.clock = clock;
        this.password = password;
        // the order matters: the calendar before the roster's forecast, the published roster before the time bank
        // (bonus cap, shifts) and time off (a request needs a published shift), settled balances before time off;
        // availability and preferences before the roster that reads them
        this.steps = List.of(forecast, availability, roster, timebank, leave);
    }

    /** A capability's part of the demo, run once after the organisation exists, in the order above. */
    interface DemoStep {
        void seed(Center center, List<Agent> agents, CurrentUser admin);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisation.findCenter(CENTER).isPresent()) {
            log.info("Demo center {} already exists; leaving it as it is", CENTER);
            return;
        }
        CurrentUser admin = ((WfmPrincipal) users.loadUserByUsername("admin")).currentUser();
        Center center = organisation.createCenter(
                new OrganisationService.NewCenter(CENTER, "Demo Contact Center", "Asia/Shanghai", 30), admin);
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < TEAM_NAMES.length; i++) {
            teams.add(organisation.createTeam(CENTER, "T" + (i + 1), "Team " + TEAM_NAMES[i], admin));
        }
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Team team = teams.get(i % teams.size());
            int[] contract = contract(i);
            List<String> skills = i % 4 == 0 ? List.of("voice", "chat") : List.of("voice");
            agents.add(organisation.createAgent(new OrganisationService.NewAgent("E" + (1001 + i),
                    SURNAMES[i % SURNAMES.length] + " " + GIVEN[(i * 7) % GIVEN.length], CENTER, team.code(),
                    contract[0], contract[1], skills), admin));
        }
        user("planner", Role.PLANNER, null, List.of(CENTER), List.of());
        for (Team t : teams) {
            user("lead" + t.code().substring(1), Role.TEAM_LEAD, null, List.of(), List.of(CENTER + "/" + t.code()));
        }
        for (Agent a : agents) {
            user(a.employeeNo().toLowerCase(), Role.AGENT, a.employeeNo(), List.of(), List.of());
        }
        LocalDate today = center.today(clock);
        LocalDate from = today.minusWeeks(12).withDayOfMonth(1);
        history.store(center.id(), DemoHistory.generate(from, today.minusDays(1), center.intervalMinutes(), 42), "demo");
        for (DemoStep step : steps) {
            step.seed(center, agents, admin);
        }
        log.info("Seeded demo center {} with {} teams, {} agents and history from {}", CENTER, teams.size(),
                agents.size(), from);
    }

    private void user(String username, Role role, String employeeNo, List<String> centers, List<String> teams) {
        users.createUser(new UserService.NewUser(username, password, role, employeeNo, centers, teams), "demo");
    }

    /**
     * Full-time 37.5–40 h, flexible 35–40 h, and part-time 20–24 h contracts (minutes a week). Full time is a range,
     * as real contracts allow: with the built-in 9 h (480 paid) and 8 h (450 paid) shifts exactly 2,400 min is only
     * five 9 h shifts, and the roster kept ending infeasible with every full-timer on 8 h shifts below the minimum;
     * 2,250–2,400 is any five full shifts.
     */
    private static int[] contract(int i) {
        return switch (i % 5) {
            case 0, 1 -> new int[] {2250, 2400};
            case 2, 3 -> new int[] {2100, 2400};
            default -> new int[] {1200, 1440};
        };
    }

    @Component
    @ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
    static class Banner {

        private final String password;

        Banner(@Value(PASSWORD) String password) {
            this.password = password;
        }

        @EventListener(ApplicationReadyEvent.class)
        void print(ApplicationReadyEvent event) {
            Environment env = event.getApplicationContext().getEnvironment();
            String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
            // ApplicationRunners (the demo data) have all finished before the application is ready
            log.info("""

                    ================================================================
                      Timebank WFM demo is ready:    http://localhost:{}/login
                      API docs:                      http://localhost:{}/swagger-ui.html
                      Logins (password '{}'):
                        planner              planner of center DEMO
                        lead1, lead2, lead3  team leads of teams T1, T2, T3
                        e1001 … e1060        agents E1001 … E1060
                        admin                WFM_ADMIN_PASSWORD (scripts/demo sets it to
                                             the same demo password on the first start)
                    ================================================================
                    """, port, port, password);
        }
    }
}
