package com.timebank.wfm.web.planner;

/** Running a nightly job now for one business date of the center. */
public class JobForm {

    private String job;
    private String date;

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }
}
