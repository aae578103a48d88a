package com.timebank.wfm.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz entry point of the nightly aux settlement. Runs every 15 minutes so that every center is settled shortly
 * after its own local midnight and a missed night is caught up; idempotent, so extra runs post nothing.
 * In a cluster the JDBC job store fires each trigger on exactly one instance.
 */
@DisallowConcurrentExecution
public class AuxSettlementJob extends QuartzJobBean {

    private final NightlyJobs jobs;

    public AuxSettlementJob(NightlyJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String instance;
        try {
            instance = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            instance = null;
        }
        jobs.settleAllCenters(instance);
    }
}
