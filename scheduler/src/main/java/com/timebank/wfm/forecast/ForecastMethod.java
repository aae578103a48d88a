package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A forecasting method. Implementations only produce point forecasts of contacts for open days;
 * everything shared - which days and slots are open, planner special days, AHT, prediction intervals -
 * is done once, in {@link #forecast}, so methods stay small and comparable.
 */
public interface ForecastMethod {

    /** Stable name used in the API and in backtest reports, e.g. {@code "seasonal-naive"}. */
    String name();

    /**
     * Expected contacts for each of {@code days} (all after {@code history.lastDate()}, all predicted open):
     * one row per day, one value per slot of the day. Only the slots open on the day's weekday are read;
     * planner special days are applied afterwards by the caller.
     */
    double[][] predictContacts(IntervalHistory history, ForecastCalendar calendar, List<LocalDate> days);

    /**
     * Forecast of {@code from..to} (at most 42 days, the six-week planning horizon) learning only
     * from history before {@code from}. Closed days and closed intervals are absent from the result.
     */
    default Forecast forecast(IntervalHistory history, ForecastCalendar calendar, LocalDate from, LocalDate to) {
        ForecastAssembler.checkHorizon(from, to);
        return ForecastAssembler.build(this, history, calendar, from, to, true);
    }
}
