package com.timebank.wfm.web;

import java.util.UUID;

/** The time-bonus form: the agent, the amount as hours and minutes, and the reason. */
public class BonusForm extends DurationForm {

    private String employeeNo;
    private String reason;
    /** Chosen when the form is shown: a form sent twice (a double click, a resend) grants once. */
    private String grantKey = UUID.randomUUID().toString();

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

    /** The form's key when it is one this page chose (a UUID); otherwise none, and the grant is its own. */
    String grantKeyOrNull() {
        try {
            return grantKey == null ? null : UUID.fromString(grantKey).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    long seconds() {
        return durationSeconds();
    }
}
