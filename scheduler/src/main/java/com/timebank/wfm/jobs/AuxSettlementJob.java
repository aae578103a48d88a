package com.timebank.wfm.jobs;

/**
 * Quartz entry point of the nightly aux settlement. Runs every 15 minutes so that every center is settled shortly
 * after its own local midnight and a missed night is caught up; idempotent, so extra runs post nothing.
 * In a cluster the JDBC job store fires each trigger on exactly one instance.
 */
public class AuxSettlementJob extends ClusteredJob {

    private final NightlyJobs jobs;

    public AuxSettlementJob(NightlyJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void run(String instance) {
        jobs.settleAllCenters(instance);
    }
}
