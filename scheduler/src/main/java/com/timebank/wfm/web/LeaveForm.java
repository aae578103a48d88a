package com.timebank.wfm.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A lead records leave for an agent of the team: type, date and duration in hours and minutes. */
public class LeaveForm extends DurationForm {

    private String employeeNo;
    private String type = "PERSONAL";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
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
