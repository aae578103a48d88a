package com.timebank.wfm.forecast;

import java.time.LocalDateTime;

/**
 * Forecast of one open interval: expected contacts, AHT, and the bounds of the central 80% and 95%
 * prediction intervals for the contacts that will actually be offered.
 */
public record IntervalForecast(LocalDateTime start, double contacts, double ahtSeconds,
                               double lower80, double upper80, double lower95, double upper95) {

    /** The same interval with contacts and bounds scaled (used by the intraday reforecast). */
    public IntervalForecast scaled(double factor) {
        return new IntervalForecast(start, contacts * factor, ahtSeconds, lower80 * factor, upper80 * factor,
                lower95 * factor, upper95 * factor);
    }
}
