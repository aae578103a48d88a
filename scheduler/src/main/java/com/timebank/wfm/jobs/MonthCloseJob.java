package com.timebank.wfm.jobs;

/**
 * Quartz entry point of month close (outstanding leave offset from the balance as an interest-free loan):
 * hourly, so each center's month closes shortly after its deadline and months missed during downtime are closed,
 * oldest first. Idempotent.
 */
public class MonthCloseJob extends ClusteredJob {

    private final NightlyJobs jobs;

    public MonthCloseJob(NightlyJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void run(String instance) {
        jobs.closeMonthsAllCenters(instance);
    }
}
