package com.timebank.wfm.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.leave.LeaveCalendar;
import com.timebank.wfm.leave.LeaveMonth;
import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.leave.LeaveType;
import com.timebank.wfm.leave.MonthCloseService;
import com.timebank.wfm.leave.TimeOffService;

/**
 * Leave and time off in the demo: a closed month with offsets posted and attendance written, the open month with
 * outstanding leave and some offsets chosen, and time-off requests that are pending, approved, waitlisted and
 * rejected on idle days of the coming two weeks (team T1, so lead1 sees them all).
 */
@Component
@ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
class LeaveDemo implements DemoData.DemoStep {

    private static final Logger log = LoggerFactory.getLogger(LeaveDemo.class);

    private final LeaveService leave;
    private final LeaveCalendar calendar;
    private final MonthCloseService monthClose;
    private final TimeOffService timeOff;
    private final LedgerService ledger;
    private final ShiftService shifts;
    private final Clock clock;

    LeaveDemo(LeaveService leave, LeaveCalendar calendar, MonthCloseService monthClose,
            TimeOffService timeOff, LedgerService ledger, ShiftService shifts, Clock clock) {
        this.leave = leave;
        this.calendar = calendar;
        this.monthClose = monthClose;
        this.timeOff = timeOff;
        this.ledger = ledger;
        this.shifts = shifts;
        this.clock = clock;
    }

    @Override
    public void seed(Center center, List<Agent> agents, CurrentUser admin) {
        LocalDate today = center.today(clock);
        YearMonth closed = LeaveMonth.latestDue(calendar.now(center),
                calendar.month(center.id(), YearMonth.from(today).minusMonths(1)).closeDay());
        seedClosedMonth(center, agents, closed);
        monthClose.closeDue(center.id(), MonthCloseService.BatchObserver.NONE);
        seedOpenMonth(center, agents, YearMonth.from(today), admin);
        seedRequests(center, agents, today, admin);
    }

    /** Leave of a month already past its deadline, migrated as HR kept it, with the agents' choices. */
    private void seedClosedMonth(Center center, List<Agent> agents, YearMonth month) {
        Map<LocalDate, Boolean> busy = calendar.busyDays(center.id(), month.atDay(1), month.atEndOfMonth());
        List<LocalDate> idle = busy.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        LocalDate busyDay = month.atDay(2);
        List<LeaveService.MigratedLeave> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Agent a = agents.get(i * 3);
            boolean choosesOffsets = i % 5 != 4;
            items.add(new LeaveService.MigratedLeave(a.id(), idle.get(i % idle.size()), 1_800L + i * 300,
                    LeaveType.PERSONAL, choosesOffsets));
            if (i % 3 == 0) {
                items.add(new LeaveService.MigratedLeave(a.id(), idle.get((i + 7) % idle.size()), 3_600, LeaveType.SICK,
                        choosesOffsets));
            }
            if (i % 4 == 1) {
                items.add(new LeaveService.MigratedLeave(a.id(), busyDay, 7_200, LeaveType.PERSONAL, false));
            }
        }
        leave.migrate(center.id(), month, items, "demo:hr");
    }

    /** The current month: leave recorded by leads on idle days, some chosen for offset, some still outstanding. */
    private void seedOpenMonth(Center center, List<Agent> agents, YearMonth month, CurrentUser admin) {
        Map<LocalDate, Boolean> busy = calendar.busyDays(center.id(), month.atDay(1), month.atEndOfMonth());
        List<LocalDate> idle = busy.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        for (int i = 0; i < 8; i++) {
            Agent a = agents.get(i * 3);
            LeaveService.Item item = leave.record(new LeaveService.NewLeave(a.employeeNo(), idle.get((i * 2) % idle.size()),
                    1_200L + i * 600, i % 2 == 0 ? "PERSONAL" : "SICK"), admin);
            if (i % 2 == 0) {
                leave.chooseOffsets(a.employeeNo(), month, List.of(item.id()), admin);
            }
        }
    }

    /**
     * Requests on the first idle weekdays at least two days ahead, by the T1 agents with a published shift that day
     * and the largest balances: two approved (the idle-day quota), one waitlisted, one rejected, two pending.
     */
    private void seedRequests(Center center, List<Agent> agents, LocalDate today, CurrentUser admin) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today.plusDays(2); d.isBefore(today.plusDays(14)) && days.size() < 2; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !calendar.busyDays(center.id(), d, d).get(d) && teamOneOnShift(center, agents, d).size() >= 4) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            log.warn("No idle weekday with shifts in the next two weeks: the demo has no time-off requests");
            return;
        }
        LocalDate day = days.get(0);
        LocalDate later = days.get(days.size() - 1);
        List<Agent> first = teamOneOnShift(center, agents, day);
        List<Agent> second = teamOneOnShift(center, agents, later).stream().filter(a -> !first.subList(0, 4).contains(a))
                .toList();
        Long approved1 = request(first.get(0), day, 3_600, admin);
        Long approved2 = request(first.get(1), day, 1_800, admin);
        Long waiting = request(first.get(2), day, 1_800, admin);
        Long rejected = request(first.get(3), day, 900, admin);
        for (Agent a : second.subList(0, Math.min(2, second.size()))) {
            request(a, later, 1_800, admin);
        }
        if (approved1 != null && approved2 != null) {
            timeOff.approve(approved1, admin);
            timeOff.approve(approved2, admin);
            if (waiting != null) {
                timeOff.waitlist(waiting, admin);
            }
        }
        if (rejected != null) {
            timeOff.reject(rejected, "Team training that afternoon", admin);
        }
        log.info("Demo time off on {} and {}: approved, waitlisted, rejected and pending requests", day, later);
    }

    private List<Agent> teamOneOnShift(Center center, List<Agent> agents, LocalDate day) {
        Set<Long> working = shifts.ofCenter(center.id(), day, day).stream().map(PublishedShift::agentId)
                .collect(Collectors.toSet());
        return agents.stream().filter(a -> a.teamCode().equals("T1") && working.contains(a.id()))
                .sorted(Comparator.comparingLong((Agent a) -> ledger.account(a.id()).availableSeconds()).reversed())
                .toList();
    }

    /** Asks for up to {@code seconds}, in whole quarter hours the agent's balance covers; none if it covers none. */
    private Long request(Agent a, LocalDate day, long seconds, CurrentUser admin) {
        long amount = Math.min(seconds, ledger.account(a.id()).availableSeconds() / 900 * 900);
        return amount <= 0 ? null : timeOff.request(a.employeeNo(), day, amount, admin).id();
    }
}
