package com.timebank.wfm.web.planner;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Running a nightly job now for one business date of the center. Without a date each job takes its own default:
 * yesterday (aux settlement), today (time-off posting), the latest month past its close deadline (month close).
 */
public class JobForm {

    private String job;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }
}
