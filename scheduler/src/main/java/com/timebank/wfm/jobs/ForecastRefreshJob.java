package com.timebank.wfm.jobs;

/**
 * Quartz entry point of the weekly forecast refresh: hourly, so each center's week (from Monday) gets its forecast
 * shortly after Monday's local midnight in the center's zone, and a week missed during downtime gets it at the next
 * run. Idempotent: one forecast per center and week.
 */
public class ForecastRefreshJob extends ClusteredJob {

    private final NightlyJobs jobs;

    public ForecastRefreshJob(NightlyJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void run(String instance) {
        jobs.refreshForecastsAllCenters(instance);
    }
}
