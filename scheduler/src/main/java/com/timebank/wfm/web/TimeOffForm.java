package com.timebank.wfm.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The time-off request form: a date, and the whole shift or hours and minutes of it. */
public class TimeOffForm extends DurationForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    /** "shift" (the whole shift) or "hours". */
    private String length = "shift";

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getLength() {
        return length;
    }

    public void setLength(String length) {
        this.length = length;
    }

    boolean wholeShift() {
        return !"hours".equals(length);
    }

    /** Null for the whole shift; empty fields count as 0. */
    Long seconds() {
        return wholeShift() ? null : durationSeconds();
    }
}
