package com.timebank.wfm.web;

/**
 * The "start a roster" form as typed (strings: a date or number that does not parse gets a message by its field,
 * not Spring's type-mismatch text).
 */
public class RosterStartForm {

    private String center;
    private String from;
    private String to;
    private String forecastId;
    private String solveSeconds;

    public String getCenter() {
        return center;
    }

    public void setCenter(String center) {
        this.center = center;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getForecastId() {
        return forecastId;
    }

    public void setForecastId(String forecastId) {
        this.forecastId = forecastId;
    }

    public String getSolveSeconds() {
        return solveSeconds;
    }

    public void setSolveSeconds(String solveSeconds) {
        this.solveSeconds = solveSeconds;
    }
}
