package com.timebank.wfm.web;

/** The time-bonus form: the agent, the amount as hours and minutes, and the reason. */
public class BonusForm extends DurationForm {

    private String employeeNo;
    private String reason;

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    long seconds() {
        return durationSeconds();
    }
}
