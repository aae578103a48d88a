package com.timebank.wfm.web.admin;

/**
 * Paying out or transferring a disabled agent's balance: the target (empty for a payout), the reason, and a key
 * made when the form was shown, so a form sent twice moves the balance once.
 */
public class BalanceMoveForm {

    private String toEmployeeNo;
    private String reason;
    private String key;

    public String getToEmployeeNo() {
        return toEmployeeNo;
    }

    public void setToEmployeeNo(String toEmployeeNo) {
        this.toEmployeeNo = toEmployeeNo;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
