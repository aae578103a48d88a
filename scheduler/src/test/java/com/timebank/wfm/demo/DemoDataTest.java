package com.timebank.wfm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.MessageSource;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.forecast.app.CalendarService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.TimeOffService;
import com.timebank.wfm.leave.TimeOffStatus;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.RosterRun;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.roster.RosterStatus;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.support.IntegrationTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.users.UserService;

/**
 * The demo seeding ({@code wfm.demo=true}) end to end on the test database: its roster is published feasible (a
 * reproducible solve, so this holds on a loaded machine too) and every later part of the demo has what it needs.
 * The demo's beans exist only with {@code wfm.demo=true}, so they are created here from the shared test context (a
 * context of its own would share the same database anyway); center DEMO and its users are made by no other test.
 */
@IntegrationTest
class DemoDataTest {

    @Autowired
    AutowireCapableBeanFactory beans;
    @Autowired
    OrganisationService organisation;
    @Autowired
    UserService users;
    @Autowired
    ContactHistoryService history;
    @Autowired
    Clock clock;
    @Autowired
    RosterService rosters;
    @Autowired
    ShiftService shifts;
    @Autowired
    CalendarService calendars;
    @Autowired
    LedgerService ledger;
    @Autowired
    TimeOffService timeOff;
    @Autowired
    LeaveService leave;
    @Autowired
    Org org;
    @Autowired
    com.timebank.wfm.availability.AvailabilityService availability;
    @Autowired
    AuditLog audit;
    @Autowired
    MessageSource messages;

    @Test
    void seedsACenterWithAPublishedFeasibleRosterAndEveryLaterPart() {
        DemoData demo = new DemoData(organisation, users, history, clock, "demo-pass-123",
                beans.createBean(ForecastDemo.class), beans.createBean(AvailabilityDemo.class),
                beans.createBean(RosterDemo.class),
                beans.createBean(TimebankDemo.class), beans.createBean(LeaveDemo.class));
        demo.run(null);

        CurrentUser admin = org.admin();
        Center center = organisation.findCenter(DemoData.CENTER).orElseThrow();
        List<RosterRun> runs = rosters.rosters(DemoData.CENTER, Paging.of(0, 20), admin).items();
        RosterRun published = runs.stream().filter(r -> r.status() == RosterStatus.PUBLISHED).findFirst()
                .orElseThrow(() -> new AssertionError("no published demo roster: " + runs));
        assertThat(published.hardScore()).isZero();

        List<Agent> agents = organisation.agentsOfCenter(center.id());
        assertThat(agents).hasSize(60);
        Set<Long> working = shifts.ofCenter(center.id(), published.from(), published.to()).stream()
                .map(PublishedShift::agentId).collect(Collectors.toSet());
        assertThat(working).as("demo agents with published shifts").hasSizeGreaterThanOrEqualTo(55)
                .isSubsetOf(agents.stream().map(Agent::id).toList());

        assertThat(calendars.calendar(DemoData.CENTER, admin).holidays()).isNotEmpty();

        // availability is entered before the roster, which keeps inside it and reaches every contract minimum
        assertThat(availability.weekly("E1002", admin).windows()).hasSize(7);
        assertThat(availability.weekly("E1005", admin).windows()).hasSize(14);
        assertThat(availability.unavailability("E1004", null, null, admin)).singleElement()
                .satisfies(u -> assertThat(u.wholeDay()).isFalse());
        assertThat(availability.preferences("E1001", admin).daysOff()).containsExactly(java.time.DayOfWeek.SATURDAY,
                java.time.DayOfWeek.SUNDAY);
        assertThat(rosters.roster(published.id(), admin).agentIssues()).as("agents the demo roster could not judge")
                .isEmpty();
        Agent e1002 = agents.stream().filter(a -> a.employeeNo().equals("E1002")).findFirst().orElseThrow();
        assertThat(shifts.shiftsOfAgent(e1002.id(), published.from(), published.to())).isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.start()).isAfterOrEqualTo(s.date().atTime(8, 0));
                    assertThat(s.end()).isBeforeOrEqualTo(s.date().atTime(18, 0));
                });

        Agent e1001 = agents.stream().filter(a -> a.employeeNo().equals("E1001")).findFirst().orElseThrow();
        assertThat(ledger.account(e1001.id()).balanceSeconds()).isPositive();

        assertThat(timeOff.queue(List.of(TimeOffStatus.PENDING), null, null, null, Paging.of(0, 50), admin)
                .requests()).anyMatch(r -> r.teamCode() != null && agentOf(agents, r.employeeNo()));
        assertThat(timeOff.queue(List.of(TimeOffStatus.APPROVED), null, null, null, Paging.of(0, 50), admin)
                .requests()).anyMatch(r -> agentOf(agents, r.employeeNo()));

        YearMonth thisMonth = YearMonth.from(center.today(clock));
        assertThat(List.of(thisMonth.minusMonths(1), thisMonth.minusMonths(2)).stream()
                .map(m -> leave.month("E1001", m, admin).attendance()).filter(Objects::nonNull).toList())
                .as("attendance of E1001's closed month").isNotEmpty();

        // what the demo's changes recorded reads in both languages, every label found (none left as its code)
        List<AuditLog.Event> recorded = audit.recent(null, 0, 2_000).stream().filter(e -> e.detail() != null)
                .toList();
        assertThat(recorded).extracting(AuditLog.Event::action).contains("ROSTER_PUBLISHED", "FORECAST_CREATED",
                "AVAILABILITY_CHANGED", "PREFERENCES_CHANGED", "TIME_OFF_REQUESTED", "TIME_BONUS_GRANTED",
                "EMERGENCY_ACTIVATED", "leave.migrate");
        for (AuditLog.Event e : recorded) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                assertThat(messages.getMessage(e.detail(), locale)).as("%s in %s", e.detail(), locale)
                        .doesNotContainPattern("\\b(audit|role|agent|availability|planner|correction|time)\\.[a-zA-Z]")
                        .doesNotContain("null");
            }
        }
    }

    private static boolean agentOf(List<Agent> agents, String employeeNo) {
        return agents.stream().anyMatch(a -> a.employeeNo().equals(employeeNo));
    }
}
