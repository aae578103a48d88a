package com.timebank.wfm.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.timebank.wfm.availability.AvailabilityService;
import com.timebank.wfm.availability.AvailabilityService.WindowInput;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.WfmPrincipal;
import com.timebank.wfm.users.UserService;

/**
 * The availability part of the demo, before the roster that reads it: a few agents with weekly windows (daytime
 * only, afternoons and evenings, a part-timer's split day), a doctor's appointment, and preferences entered by the
 * agents themselves. Every window covers all seven days, so whatever weekday the two-week roster starts on, each
 * agent can still reach the contract minimum of every (partial) week and the roster stays feasible.
 */
@Component
@ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
class AvailabilityDemo implements DemoData.DemoStep {

    /** Days after today of the demo's doctor's appointment (inside the roster's two weeks). */
    static final int APPOINTMENT_IN_DAYS = 4;
    private static final Logger log = LoggerFactory.getLogger(AvailabilityDemo.class);

    private final AvailabilityService availability;
    private final UserService users;
    private final Clock clock;

    AvailabilityDemo(AvailabilityService availability, UserService users, Clock clock) {
        this.availability = availability;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void seed(Center center, List<Agent> agents, CurrentUser admin) {
        try {
            availability.replaceWeekly(agents.get(1).employeeNo(), everyDay("08:00", "18:00"), admin);
            availability.replaceWeekly(agents.get(2).employeeNo(), everyDay("12:00", "22:00"), admin);
            List<WindowInput> split = new ArrayList<>(everyDay("08:00", "12:00"));
            split.addAll(everyDay("14:00", "18:00"));
            availability.replaceWeekly(agents.get(4).employeeNo(), split, admin);
            LocalDate appointment = center.today(clock).plusDays(APPOINTMENT_IN_DAYS);
            availability.addUnavailability(agents.get(3).employeeNo(), new AvailabilityService.NewUnavailability(
                    appointment, "14:00", "16:00", "Doctor's appointment"), admin);
            preferences(agents.get(0), List.of("SATURDAY", "SUNDAY"), null, null);
            preferences(agents.get(5), List.of(), "EARLY", null);
            preferences(agents.get(6), List.of(), "LATE", null);
            preferences(agents.get(7), List.of("WEDNESDAY"), null, "FULL8");
            log.info("Demo availability: weekly windows of {}, {} and {}, {}'s appointment on {}, preferences of {}, "
                    + "{}, {} and {}", agents.get(1).employeeNo(), agents.get(2).employeeNo(),
                    agents.get(4).employeeNo(), agents.get(3).employeeNo(), appointment, agents.get(0).employeeNo(),
                    agents.get(5).employeeNo(), agents.get(6).employeeNo(), agents.get(7).employeeNo());
        } catch (RuntimeException e) {
            log.warn("Demo availability could not be entered; the rest of the demo is unaffected", e);
        }
    }

    private static List<WindowInput> everyDay(String from, String to) {
        List<WindowInput> windows = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            windows.add(new WindowInput(d.name(), from, to));
        }
        return windows;
    }

    /** Preferences are the agent's own: entered as the agent's demo login. */
    private void preferences(Agent agent, List<String> daysOff, String shiftTime, String shiftTemplate) {
        CurrentUser self = ((WfmPrincipal) users.loadUserByUsername(agent.employeeNo().toLowerCase()))
                .currentUser();
        availability.savePreferences(agent.employeeNo(), new AvailabilityService.PreferencesInput(daysOff, shiftTime,
                shiftTemplate), self);
    }
}
