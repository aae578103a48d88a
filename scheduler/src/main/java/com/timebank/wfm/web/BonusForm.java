package com.timebank.wfm.web;

/** The time-bonus form: the agent, the amount as hours and minutes, and the reason. */
public class BonusForm extends DurationForm {

    private String employeeNo;
    private String reason;
    private String grantKey = FormKey.fresh();

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

    public String getGrantKey() {
        return grantKey;
    }

    public void setGrantKey(String grantKey) {
        this.grantKey = grantKey;
    }

    String grantKeyOrNull() {
        return FormKey.orNull(grantKey);
    }

    long seconds() {
        return durationSeconds();
    }
}
