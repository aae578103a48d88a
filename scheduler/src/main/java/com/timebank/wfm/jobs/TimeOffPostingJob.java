package com.timebank.wfm.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz entry point of time-off posting: every 15 minutes, so each center's approved time off is posted
 * shortly after its own local midnight (undecided requests expire) and a missed run is caught up. Idempotent.
 */
@DisallowConcurrentExecution
public class TimeOffPostingJob extends QuartzJobBean {

    private final NightlyJobs jobs;

    public TimeOffPostingJob(NightlyJobs jobs) {
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
        jobs.postTimeOffAllCenters(instance);
    }
}
