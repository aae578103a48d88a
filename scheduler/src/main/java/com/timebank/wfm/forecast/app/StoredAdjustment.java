package com.timebank.wfm.forecast.app;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.timebank.wfm.forecast.ForecastAdjustment;

/** How forecast {@code forecastId} was made from forecast {@code basedOnId} by hand, and why. */
public record StoredAdjustment(long forecastId, long basedOnId, LocalDateTime from, LocalDateTime to,
        BigDecimal percent, BigDecimal contacts, String reason) {

    public ForecastAdjustment adjustment() {
        return new ForecastAdjustment(from, to, percent, contacts);
    }
}
