package com.timebank.wfm.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The "start a roster" form: typed fields; a date or number that does not parse is refused by the binder with a
 * message by its field ({@code typeMismatch.rosterStartForm.*}).
 */
public class RosterStartForm {

    private String center;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Long forecastId;
    private Integer solveSeconds;

    public String getCenter() {
        return center;
    }

    public void setCenter(String center) {
        this.center = center;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getForecastId() {
        return forecastId;
    }

    public void setForecastId(Long forecastId) {
        this.forecastId = forecastId;
    }

    public Integer getSolveSeconds() {
        return solveSeconds;
    }

    public void setSolveSeconds(Integer solveSeconds) {
        this.solveSeconds = solveSeconds;
    }
}
