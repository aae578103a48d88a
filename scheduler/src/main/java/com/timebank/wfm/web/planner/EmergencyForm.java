package com.timebank.wfm.web.planner;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.timebank.wfm.web.FormKey;

/**
 * Activating emergency overtime: the level (1–3, each with its rate), the business date and the reason. A date that
 * does not parse is refused by the binder ({@code typeMismatch.emergencyForm.date}). The form's key makes it
 * activate once however often it is sent.
 */
public class EmergencyForm {

    private Integer level;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String reason;
    private String activateKey = FormKey.fresh();

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

    public String getActivateKey() {
        return activateKey;
    }

    public void setActivateKey(String activateKey) {
        this.activateKey = activateKey;
    }

    String activateKeyOrNull() {
        return FormKey.orNull(activateKey);
    }
}
