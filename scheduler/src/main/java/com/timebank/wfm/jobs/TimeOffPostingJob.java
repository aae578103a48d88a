package com.timebank.wfm.jobs;

/**
 * Quartz entry point of time-off posting: every 15 minutes, so each center's approved time off is posted
 * shortly after its own local midnight (undecided requests expire) and a missed run is caught up. Idempotent.
 */
public class TimeOffPostingJob extends ClusteredJob {

    private final NightlyJobs jobs;

    public TimeOffPostingJob(NightlyJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void run(String instance) {
        jobs.postTimeOffAllCenters(instance);
    }
}
