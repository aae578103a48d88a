package com.timebank.wfm.web;

/** A form with an amount of time entered as hours and minutes, as people say it; the services take seconds. */
public abstract class DurationForm {

    private Integer hours;
    private Integer minutes;

    public Integer getHours() {
        return hours;
    }

    public void setHours(Integer hours) {
        this.hours = hours;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }

    /** The amount in seconds; empty fields count as 0. */
    public long durationSeconds() {
        return (hours == null ? 0L : hours) * 3600L + (minutes == null ? 0L : minutes) * 60L;
    }
}
