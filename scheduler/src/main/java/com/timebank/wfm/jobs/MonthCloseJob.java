package com.timebank.wfm.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz entry point of month close (service 5): hourly, so each center's month closes shortly after its
 * deadline and months missed during downtime are closed, oldest first. Idempotent.
 */
@DisallowConcurrentExecution
public class MonthCloseJob extends QuartzJobBean {

    private final NightlyJobs jobs;

    public MonthCloseJob(NightlyJobs jobs) {
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
        jobs.closeMonthsAllCenters(instance);
    }
}
