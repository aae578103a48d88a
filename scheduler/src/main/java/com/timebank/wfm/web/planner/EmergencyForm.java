package com.timebank.wfm.web.planner;

/** Activating emergency overtime: the level (1–3, each with its rate), the business date and the reason. */
public class EmergencyForm {

    private Integer level;
    private String date;
    private String reason;

    public Integer getLevel() {
        return level;
    }

    public void setLevel(Integer level) {
        this.level = level;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
