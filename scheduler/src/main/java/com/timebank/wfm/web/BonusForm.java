package com.timebank.wfm.web;

/** The time-bonus form: the agent, the amount as hours and minutes, and the reason. */
public class BonusForm {

    private String employeeNo;
    private Integer hours;
    private Integer minutes;
    private String reason;

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

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

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The amount in seconds; empty fields count as 0. */
    long seconds() {
        return (hours == null ? 0L : hours) * 3600L + (minutes == null ? 0L : minutes) * 60L;
    }
}
