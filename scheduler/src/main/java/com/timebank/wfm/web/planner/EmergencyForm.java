package com.timebank.wfm.web.planner;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Activating emergency overtime: the level (1–3, each with its rate), the business date and the reason. A date that
 * does not parse is refused by the binder ({@code typeMismatch.emergencyForm.date}).
 */
public class EmergencyForm {

    private Integer level;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String reason;

    public Integer getLevel() {
        return level;
    }

    public void setLevel(Integer level) {
        this.level = level;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
