package com.timebank.wfm.web.planner;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * One day added to the center's forecast calendar: a public holiday (with its name), a date the center is closed
 * (with a reason), or a special day whose contacts are {@code multiplier} times normal or like a past day.
 */
public class CalendarDayForm {

    public static final String HOLIDAY = "holiday";
    public static final String CLOSED = "closed";
    public static final String SPECIAL = "special";

    private String kind = HOLIDAY;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String text;
    private BigDecimal multiplier;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate likeDate;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public BigDecimal getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(BigDecimal multiplier) {
        this.multiplier = multiplier;
    }

    public LocalDate getLikeDate() {
        return likeDate;
    }

    public void setLikeDate(LocalDate likeDate) {
        this.likeDate = likeDate;
    }
}
