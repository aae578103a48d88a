/**
 * Contact forecasting for one center: history of offered contacts and AHT per interval in, per-interval
 * forecasts with 80% and 95% prediction intervals out.
 *
 * <p>Pure domain code (no Spring, no database): the application adapts it in {@code forecast.app} (HTTP API,
 * storage of calendars, forecasts and backtests). Main entry points:
 * <ul>
 *   <li>{@link com.timebank.wfm.forecast.IntervalHistory} - the history, array-backed, with open/closed days
 *       and open hours per weekday derived from the data (a day with no rows is closed, never "zero").</li>
 *   <li>{@link com.timebank.wfm.forecast.ForecastCalendar} - busy days of the month, holidays, closures and
 *       planner-entered special days.</li>
 *   <li>{@link com.timebank.wfm.forecast.ForecastMethod} and its implementations
 *       ({@link com.timebank.wfm.forecast.SeasonalNaive}, {@link com.timebank.wfm.forecast.HistoricalAverage},
 *       {@link com.timebank.wfm.forecast.DailyVolumeTimesProfile},
 *       {@link com.timebank.wfm.forecast.DoubleSeasonalHoltWinters}), listed by
 *       {@link com.timebank.wfm.forecast.ForecastMethods}.</li>
 *   <li>{@link com.timebank.wfm.forecast.Backtest} (rolling origin) and
 *       {@link com.timebank.wfm.forecast.MethodSelection} (lowest MASE).</li>
 *   <li>{@link com.timebank.wfm.forecast.Forecaster} - the facade the API calls (method or automatic, asOf).</li>
 *   <li>{@link com.timebank.wfm.forecast.IntradayReforecast} - rescales the rest of today from today's actuals.</li>
 * </ul>
 */
package com.timebank.wfm.forecast;
