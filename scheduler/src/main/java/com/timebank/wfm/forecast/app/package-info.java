/**
 * The forecast capability's application services (HTTP API, stored calendars, forecasts and backtests) over the
 * pure forecasting code of {@code forecast}. Other modules use its services, so it is a named interface.
 */
@NamedInterface("app")
package com.timebank.wfm.forecast.app;

import org.springframework.modulith.NamedInterface;
