package com.timebank.wfm.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.IntervalTotal;
import com.timebank.wfm.roster.PublishedPlanService;
import com.timebank.wfm.security.CurrentUser;

/** Compares each published forecast with what arrived, for the center (planners, admins, leads of its teams). */
@Service
public class ForecastAccuracyService {

    private final BalanceSheetService sheets;
    private final PublishedPlanService plans;
    private final ContactHistoryService history;
    private final java.time.Clock clock;

    ForecastAccuracyService(BalanceSheetService sheets, PublishedPlanService plans, ContactHistoryService history,
            java.time.Clock clock) {
        this.sheets = sheets;
        this.plans = plans;
        this.history = history;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ForecastAccuracy accuracy(String centerCode, LocalDate from, LocalDate to, CurrentUser user) {
        BalanceSheetService.Scope scope = sheets.scope(centerCode, null, user);
        LocalDate today = scope.center().today(clock);
        LocalDate t = to == null ? today.minusDays(1) : DateBounds.require("to", to, today);
        LocalDate f = from == null ? t.minusDays(27) : DateBounds.require("from", from, today);
        if (t.isBefore(f)) {
            throw InvalidInputException.of("to", "reports.range-reversed", f, t);
        }
        if (f.plusDays(EfficiencyService.MAX_DAYS).isBefore(t)) {
            throw InvalidInputException.of("to", "reports.range-too-long", EfficiencyService.MAX_DAYS);
        }
        long centerId = scope.center().id();
        Map<String, Map<LocalDateTime, IntervalTotal>> arrivedByQueue = new HashMap<>();
        List<ForecastAccuracy.Day> days = new ArrayList<>();
        List<LocalDate> notEvaluated = new ArrayList<>();
        ForecastAccuracy.Errors total = new ForecastAccuracy.Errors();
        TreeMap<LocalTime, ForecastAccuracy.Errors> slots = new TreeMap<>();
        Map<LocalDate, PublishedPlanService.PlanDay> planOf = new HashMap<>();
        plans.days(centerId, f, t).forEach(p -> planOf.put(p.date(), p));
        for (LocalDate d = f; !d.isAfter(t); d = d.plusDays(1)) {
            PublishedPlanService.PlanDay plan = planOf.get(d);
            if (plan == null) {
                notEvaluated.add(d);
                continue;
            }
            Map<LocalDateTime, IntervalTotal> arrived = arrivedByQueue.computeIfAbsent(
                    plan.queue() == null ? "" : plan.queue(), q -> {
                        Map<LocalDateTime, IntervalTotal> m = new HashMap<>();
                        history.totals(centerId, plan.queue(), f.minusDays(7), t)
                                .forEach(i -> m.put(i.intervalStart(), i));
                        return m;
                    });
            Map<LocalDateTime, Double> forecast = new HashMap<>();
            plan.intervals().forEach(i -> forecast.put(i.start(), i.contacts()));
            LocalDate date = d;
            TreeSet<LocalDateTime> starts = new TreeSet<>(forecast.keySet());
            arrived.keySet().stream().filter(s -> s.toLocalDate().equals(date)).forEach(starts::add);
            boolean anyArrived = starts.stream().anyMatch(arrived::containsKey);
            if (!anyArrived) {
                notEvaluated.add(d);
                continue;
            }
            boolean weekBefore = arrived.keySet().stream().anyMatch(s -> s.toLocalDate().equals(date.minusDays(7)));
            ForecastAccuracy.Errors day = new ForecastAccuracy.Errors();
            for (LocalDateTime s : starts) {
                IntervalTotal a = arrived.get(s);
                IntervalTotal naive = arrived.get(s.minusDays(7));
                double actual = a == null ? 0 : a.contacts();
                double fc = forecast.getOrDefault(s, 0.0);
                Double naiveContacts = !weekBefore ? null : naive == null ? 0.0 : naive.contacts();
                day.add(actual, fc, naiveContacts);
                slots.computeIfAbsent(s.toLocalTime(), k -> new ForecastAccuracy.Errors()).add(actual, fc,
                        naiveContacts);
            }
            total.add(day);
            days.add(new ForecastAccuracy.Day(d, plan.rosterId(), plan.forecastId(), day.figures()));
        }
        List<ForecastAccuracy.Slot> slotFigures = new ArrayList<>();
        slots.forEach((time, e) -> slotFigures.add(new ForecastAccuracy.Slot(time, e.figures())));
        return new ForecastAccuracy(scope.center().code(), f, t, total.figures(), days, slotFigures, notEvaluated);
    }
}
