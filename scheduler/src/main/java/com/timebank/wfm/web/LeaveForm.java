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

    long seconds() {
        return durationSeconds();
    }
}
