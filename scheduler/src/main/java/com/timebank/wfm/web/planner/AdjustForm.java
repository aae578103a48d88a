package com.timebank.wfm.web.planner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A manual change of a forecast: a day, or the intervals from {@code fromTime} to {@code toTime} of it, by a
 * percentage or to a total of contacts ({@code how}), with a reason. Limits are {@code ForecastService}'s.
 */
public class AdjustForm {

    public static final String PERCENT = "percent";
    public static final String CONTACTS = "contacts";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime fromTime;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime toTime;
    private String how = PERCENT;
    private BigDecimal amount;
    private String reason;

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalTime getFromTime() {
        return fromTime;
    }

    public void setFromTime(LocalTime fromTime) {
        this.fromTime = fromTime;
    }

    public LocalTime getToTime() {
        return toTime;
    }

    public void setToTime(LocalTime toTime) {
        this.toTime = toTime;
    }

    public String getHow() {
        return how;
    }

    public void setHow(String how) {
        this.how = how;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
