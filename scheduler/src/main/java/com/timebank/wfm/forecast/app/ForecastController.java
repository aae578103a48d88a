package com.timebank.wfm.forecast.app;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.forecast.app.ForecastViews.BacktestView;
import com.timebank.wfm.forecast.app.ForecastViews.ForecastSummaryView;
import com.timebank.wfm.forecast.app.ForecastViews.ForecastView;
import com.timebank.wfm.forecast.app.ForecastViews.ReforecastView;
import com.timebank.wfm.forecast.app.ForecastViews.RequirementsView;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Forecast", description = "Interval history, calendar, forecasts, backtests and staffing requirements")
class ForecastController {

    private final ForecastService forecasts;
    private final CalendarService calendars;

    ForecastController(ForecastService forecasts, CalendarService calendars) {
        this.forecasts = forecasts;
        this.calendars = calendars;
    }

    @GetMapping("/centers/{center}/calendar")
    @Operation(summary = "The center's forecast calendar: holidays, closed dates and special days")
    PlannerCalendar calendar(@PathVariable String center, CurrentUser user) {
        return calendars.calendar(center, user);
    }

    @PutMapping("/centers/{center}/calendar")
    @Operation(summary = "Replace the center's forecast calendar (planner); a special day has either a multiplier "
            + "(\"1.4\") or a likeDate")
    PlannerCalendar replaceCalendar(@PathVariable String center, @RequestBody PlannerCalendar calendar,
            CurrentUser user) {
        return calendars.replace(center, calendar, user);
    }

    @PostMapping("/centers/{center}/forecasts")
    @Operation(summary = "Make and store a forecast (planner): at most 6 weeks; without method the method with the "
            + "lowest backtest MASE is chosen and the choice explained; asOf restricts learning to history up to it")
    ResponseEntity<ForecastView> create(@PathVariable String center, @RequestBody ForecastService.ForecastRequest r,
            CurrentUser user) {
        ForecastService.InCenter<StoredForecast> f = forecasts.create(center, r, user);
        ForecastView view = ForecastView.of(f.center(), f.value());
        return ResponseEntity.created(URI.create("/api/forecasts/" + view.id())).body(view);
    }

    @PostMapping("/forecasts/{id}/adjustments")
    @Operation(summary = "Change a forecast by hand (planner) as a new forecast: a day (date), or its intervals from "
            + "fromTime to toTime (exclusive), by percent (+10, -25) or to a total of contacts, with a reason; the "
            + "forecast it is made from is kept")
    ResponseEntity<ForecastView> adjust(@PathVariable long id, @RequestBody ForecastService.AdjustRequest r,
            CurrentUser user) {
        ForecastService.InCenter<StoredForecast> f = forecasts.adjust(id, r, user);
        ForecastView view = ForecastView.of(f.center(), f.value());
        return ResponseEntity.created(URI.create("/api/forecasts/" + view.id())).body(view);
    }

    @GetMapping("/centers/{center}/forecasts")
    @Operation(summary = "The center's forecasts, newest first, without intervals; total in X-Total-Count")
    ResponseEntity<List<ForecastSummaryView>> list(@PathVariable String center,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            CurrentUser user) {
        var result = forecasts.forecasts(center, Paging.of(page, size), user);
        return Paging.withTotal(result.value().items().stream()
                .map(run -> ForecastSummaryView.of(result.center(), run)).toList(), result.value().total());
    }

    @GetMapping("/forecasts/{id}")
    @Operation(summary = "A stored forecast with its intervals")
    ForecastView forecast(@PathVariable long id, CurrentUser user) {
        var f = forecasts.forecast(id, user);
        return ForecastView.of(f.center(), f.value());
    }

    @GetMapping("/forecasts/{id}/requirements")
    @Operation(summary = "Agents required per forecast interval with the center's service-level target, max "
            + "occupancy and shrinkage in force on each date; patienceSeconds switches to Erlang A")
    RequirementsView requirements(@PathVariable long id, @RequestParam(required = false) Double patienceSeconds,
            CurrentUser user) {
        var r = forecasts.requirements(id, patienceSeconds, user);
        return RequirementsView.of(id, r.center(), r.value(), patienceSeconds != null);
    }

    @PostMapping("/forecasts/{id}/reforecast")
    @Operation(summary = "Intraday reforecast: today's actuals so far (given, or else today's stored history) "
            + "rescale the rest of today; nothing is stored")
    ReforecastView reforecast(@PathVariable long id,
            @RequestBody(required = false) ForecastService.ReforecastRequest r, CurrentUser user) {
        var result = forecasts.reforecast(id, r, user);
        return ReforecastView.of(result.center(), result.value());
    }

    @PostMapping("/centers/{center}/backtests")
    @Operation(summary = "Rolling-origin backtest (planner): for each origin learn up to it and forecast the next "
            + "horizonDays open days; MAE, RMSE, wMAPE and MASE per method (all methods without method)")
    ResponseEntity<BacktestView> backtest(@PathVariable String center,
            @RequestBody ForecastService.BacktestRequest r, CurrentUser user) {
        var b = forecasts.backtest(center, r, user);
        BacktestView view = BacktestView.of(b.center(), b.value());
        return ResponseEntity.created(URI.create("/api/backtests/" + view.id())).body(view);
    }

    @GetMapping("/centers/{center}/backtests")
    @Operation(summary = "Backtests planners ran for the center, newest first; total in X-Total-Count")
    ResponseEntity<List<BacktestView>> backtests(@PathVariable String center,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            CurrentUser user) {
        var result = forecasts.backtests(center, Paging.of(page, size), user);
        return Paging.withTotal(result.value().items().stream().map(b -> BacktestView.of(result.center(), b)).toList(),
                result.value().total());
    }

    @GetMapping("/backtests/{id}")
    @Operation(summary = "A stored backtest (also those behind automatic method selection)")
    BacktestView backtest(@PathVariable long id, CurrentUser user) {
        var b = forecasts.backtest(id, user);
        return BacktestView.of(b.center(), b.value());
    }
}
