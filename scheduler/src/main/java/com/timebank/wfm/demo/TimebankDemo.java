package com.timebank.wfm.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.schedule.PublishedShift;
import com.timebank.wfm.schedule.ShiftService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.ActivityFile;
import com.timebank.wfm.timebank.ActivityService;
import com.timebank.wfm.timebank.AuxSettlementService;
import com.timebank.wfm.timebank.EmergencyService;
import com.timebank.wfm.timebank.TimeBonusService;

/**
 * The time bank's part of the demo: published weekday shifts up to yesterday (the roster demo publishes from today),
 * three weeks of activity settled nightly (so balances and statements are non-trivial, with some overdraft leave),
 * one emergency with participants and a few bonuses.
 */
@Component
@ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
class TimebankDemo implements DemoData.DemoStep {

    private final ShiftService shifts;
    private final ActivityService activity;
    private final AuxSettlementService settlement;
    private final EmergencyService emergencies;
    private final TimeBonusService bonuses;
    private final Clock clock;

    TimebankDemo(ShiftService shifts, ActivityService activity, AuxSettlementService settlement,
            EmergencyService emergencies, TimeBonusService bonuses, Clock clock) {
        this.shifts = shifts;
        this.activity = activity;
        this.settlement = settlement;
        this.emergencies = emergencies;
        this.bonuses = bonuses;
        this.clock = clock;
    }

    @Override
    public void seed(Center center, List<Agent> agents, CurrentUser admin) {
        LocalDate today = center.today(clock);
        LocalDate from = today.minusDays(21);
        List<PublishedShift> published = new ArrayList<>();
        for (LocalDate d = today.withDayOfMonth(1).minusMonths(1); d.isBefore(today); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (Agent a : agents) {
                boolean partTime = a.weeklyMaxMinutes() < 2000;
                published.add(new PublishedShift(a.id(), d, d.atTime(9, 0), d.atTime(partTime ? 13 : 18, 0),
                        partTime ? 0 : 60, ShiftService.IMPORTED));
            }
        }
        shifts.publish(center.id(), published, "demo");

        Random random = new Random(11);
        // the phone system also sends sign-ins and handled time (own generator: the aux figures stay as they were)
        Random phone = new Random(12);
        List<ActivityFile.JsonRow> rows = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (Agent a : agents) {
                long logged = (a.weeklyMaxMinutes() < 2000 ? 13_500 : 27_000) + random.nextInt(1_800);
                long aux = random.nextInt(6) == 0 ? (long) (logged * (0.04 + random.nextDouble() * 0.04))
                        : (long) (logged * random.nextDouble() * 0.035);
                long signIns = 1 + phone.nextInt(3);
                long handled = (long) ((logged - aux) * (0.78 + phone.nextDouble() * 0.08));
                rows.add(new ActivityFile.JsonRow(a.employeeNo(), d.toString(), logged, aux, signIns, handled));
            }
        }
        activity.importActivity(ActivityFile.fromJson(rows), admin);
        settlement.settleUpTo(center.id(), today.minusDays(1), AuxSettlementService.BatchObserver.NONE);

        EmergencyService.Emergency e = emergencies.activate(center.code(), 2, today.minusDays(3),
                "Network outage: callback queue overflow", admin);
        List<EmergencyService.Participation> came = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            came.add(new EmergencyService.Participation(agents.get(i * 7).employeeNo(), 3_600 + i * 900));
        }
        emergencies.addParticipants(e.id(), came, admin);
        bonuses.grant(agents.get(2).employeeNo(), 1_800L, "Won the monthly quality contest", admin);
        bonuses.grant(agents.get(11).employeeNo(), 1_200L, "Suggestion adopted: shorter wrap-up script", admin);
        bonuses.grant(agents.get(25).employeeNo(), 900L, "Joined the weekend training", admin);
    }
}
