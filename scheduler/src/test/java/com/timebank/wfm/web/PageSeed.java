package com.timebank.wfm.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.timebank.ActivityFile;
import com.timebank.wfm.timebank.ActivityService;
import com.timebank.wfm.timebank.AuxSettlementService;

/** Data for the page tests, written through the services as the product writes it. */
@TestComponent
class PageSeed {

    private final Org org;
    private final OrganisationService organisation;
    private final ShiftService shifts;
    private final ActivityService activity;
    private final AuxSettlementService settlement;
    private final Clock clock;

    PageSeed(Org org, OrganisationService organisation, ShiftService shifts, ActivityService activity,
            AuxSettlementService settlement, Clock clock) {
        this.org = org;
        this.organisation = organisation;
        this.shifts = shifts;
        this.activity = activity;
        this.settlement = settlement;
        this.clock = clock;
    }

    Agent agent(Team team, String name) {
        return organisation.createAgent(new OrganisationService.NewAgent(Org.unique("E"), name, team.centerCode(),
                team.code(), 2400, 2400, List.of("voice")), org.admin());
    }

    /** 09:00–17:30 with a 30-minute break (8 h of work) for each agent on the first {@code days} days of this month. */
    void shiftsThisMonth(Center center, List<Agent> agents, int days) {
        LocalDate first = YearMonth.from(center.today(clock)).atDay(1);
        List<PublishedShift> list = new ArrayList<>();
        for (Agent a : agents) {
            for (int d = 0; d < days; d++) {
                LocalDate date = first.plusDays(d);
                list.add(new PublishedShift(a.id(), date, date.atTime(9, 0), date.atTime(17, 30), 30,
                        ShiftService.IMPORTED));
            }
        }
        shifts.publish(center.id(), list, "test");
    }

    /** Upcoming shifts from today on. */
    void shiftsFromToday(Center center, Agent agent, int days) {
        LocalDate today = center.today(clock);
        List<PublishedShift> list = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = today.plusDays(d);
            list.add(new PublishedShift(agent.id(), date, date.atTime(8, 0), date.atTime(16, 45), 45, ShiftService.IMPORTED));
        }
        shifts.publish(center.id(), list, "test");
    }

    /** Imports a day of activity (logged, aux seconds per agent) and settles it, as the nightly job does. */
    void settledDay(Center center, LocalDate date, Map<Agent, long[]> loggedAndAux) {
        StringBuilder csv = new StringBuilder("employee_no,date,logged_seconds,aux_seconds\n");
        loggedAndAux.forEach((a, la) -> csv.append(a.employeeNo()).append(',').append(date).append(',')
                .append(la[0]).append(',').append(la[1]).append('\n'));
        CurrentUser planner = org.as(org.plannerUser(center));
        activity.importActivity(ActivityFile.parseCsv(csv.toString()), planner);
        settlement.settleDate(center.id(), date, AuxSettlementService.BatchObserver.NONE);
    }

    LocalDate today(Center center) {
        return center.today(clock);
    }
}
