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

    /** The start of part of the shift, or null (the whole shift, or hours with no time of day). */
    String partFrom() {
        return wholeShift() || from == null || from.isBlank() ? null : from.trim();
    }

    /** The end of part of the shift: the start plus its length (24:00 at most), or null. */
    String partTo() {
        Integer start = com.timebank.wfm.api.TimeOfDay.parse(partFrom());
        Long seconds = seconds();
        if (start == null || seconds == null) {
            return null;
        }
        long end = start + seconds / 60;
        return end > 1440 ? "24:01" : com.timebank.wfm.api.TimeOfDay.format((int) end);
    }

    boolean wholeShift() {
        return !"hours".equals(length);
    }

    /** Null for the whole shift; empty fields count as 0. */
    Long seconds() {
        return wholeShift() ? null : durationSeconds();
    }
}
