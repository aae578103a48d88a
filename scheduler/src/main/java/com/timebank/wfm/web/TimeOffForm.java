package com.timebank.wfm.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The time-off request form: a date, and the whole shift or hours and minutes of it. */
public class TimeOffForm extends DurationForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    /** "shift" (the whole shift) or "hours". */
    private String length = "shift";
    /** Optional start (HH:mm) of part of the shift: rosters then keep the agent off only those hours. */
    private String from;
    /** Optional end (HH:mm, after from, 24:00 at most); left out, the end is the start plus the hours and minutes. */
    private String to;

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

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    /** The start of part of the shift, or null (the whole shift, or hours with no time of day). */
    String partFrom() {
        return wholeShift() ? null : PartOfDay.from(from);
    }

    /** The end of part of the shift: the given end, else the start plus the hours and minutes; or null. */
    String partTo() {
        return wholeShift() ? null : PartOfDay.to(from, to, durationSeconds());
    }

    boolean wholeShift() {
        return !"hours".equals(length);
    }

    /** Null for the whole shift; from..to's length when only they are given; else the hours and minutes. */
    Long seconds() {
        return wholeShift() ? null : PartOfDay.seconds(from, to, durationSeconds());
    }
}
