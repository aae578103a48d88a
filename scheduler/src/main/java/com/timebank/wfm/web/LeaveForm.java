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
    /** Optional end (HH:mm, after from, 24:00 at most); left out, the end is the start plus the duration. */
    private String to;
    private String recordKey = FormKey.fresh();

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

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    /** The start of part of a day, or null (no time of day). */
    String partFrom() {
        return PartOfDay.from(from);
    }

    /** The end of part of a day: the given end, else the start plus the duration; or null. */
    String partTo() {
        return PartOfDay.to(from, to, durationSeconds());
    }

    /** The duration, or from..to's length when only they are given. */
    long seconds() {
        return PartOfDay.seconds(from, to, durationSeconds());
    }

    public String getRecordKey() {
        return recordKey;
    }

    public void setRecordKey(String recordKey) {
        this.recordKey = recordKey;
    }

    String recordKeyOrNull() {
        return FormKey.orNull(recordKey);
    }
}
