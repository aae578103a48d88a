package com.timebank.wfm.web;

import com.timebank.wfm.leave.LeaveType;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A lead records leave for an agent of the team: type, date and duration in hours and minutes. */
public class LeaveForm extends DurationForm {

    private String employeeNo;
    private LeaveType type = LeaveType.PERSONAL;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    /** Optional start (HH:mm) of part of a day: rosters then keep the agent off only those hours. */
    private String from;

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    public LeaveType getType() {
        return type;
    }

    public void setType(LeaveType type) {
        this.type = type;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    /** The start of part of a day, or null (no time of day). */
    String partFrom() {
        return from == null || from.isBlank() ? null : from.trim();
    }

    /** The end of part of a day: the start plus the duration (24:00 at most), or null. */
    String partTo() {
        Integer start = com.timebank.wfm.api.TimeOfDay.parse(partFrom());
        if (start == null) {
            return null;
        }
        long end = start + seconds() / 60;
        return end > 1440 ? "24:01" : com.timebank.wfm.api.TimeOfDay.format((int) end);
    }

    long seconds() {
        return durationSeconds();
    }
}
