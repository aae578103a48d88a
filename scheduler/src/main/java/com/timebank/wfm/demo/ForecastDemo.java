package com.timebank.wfm.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.forecast.app.CalendarService;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.forecast.app.PlannerCalendar;

/**
 * The forecast part of the demo: a calendar with public holidays and a campaign day, a six-week forecast with an
 * automatically chosen method (so its requirements are at {@code /api/forecasts/{id}/requirements}) and a backtest
 * of every method.
 */
@Component
@ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
class ForecastDemo implements DemoData.DemoStep {

    private static final Logger log = LoggerFactory.getLogger(ForecastDemo.class);

    private final ForecastService forecasts;
    private final CalendarService calendars;
    private final Clock clock;

    ForecastDemo(ForecastService forecasts, CalendarService calendars, Clock clock) {
        this.forecasts = forecasts;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public void seed(Center center, List<Agent> agents, CurrentUser admin) {
        LocalDate today = center.today(clock);
        try {
            List<PlannerCalendar.Holiday> holidays = new ArrayList<>();
            for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
                holidays.add(new PlannerCalendar.Holiday(LocalDate.of(year, 1, 1), "New Year's Day"));
                holidays.add(new PlannerCalendar.Holiday(LocalDate.of(year, 5, 1), "Labour Day"));
                holidays.add(new PlannerCalendar.Holiday(LocalDate.of(year, 10, 1), "National Day"));
            }
            calendars.replace(center.code(), new PlannerCalendar(holidays, List.of(), List.of(
                    new PlannerCalendar.SpecialDay(today.plusDays(10), new BigDecimal("1.3"), null, "Marketing campaign"))),
                    admin);
            var forecast = forecasts.create(center.code(),
                    new ForecastService.ForecastRequest(today, today.plusDays(41), null, null, null), admin).value();
            var backtest = forecasts.backtest(center.code(),
                    new ForecastService.BacktestRequest(null, 10, 8, null, null), admin).value();
            log.info("Demo forecast {} for {}..{} by {} ({}); requirements at /api/forecasts/{}/requirements; "
                    + "backtest {} best method: {}", forecast.run().id(), forecast.run().from(), forecast.run().to(),
                    forecast.run().method(), forecast.run().selectionMessage() == null ? "-"
                    : forecast.run().selectionMessage().english(), forecast.run().id(), backtest.id(),
                    backtest.best().orElse("-"));
        } catch (RuntimeException e) {
            log.warn("Demo forecast could not be made; the rest of the demo is unaffected", e);
        }
    }
}
