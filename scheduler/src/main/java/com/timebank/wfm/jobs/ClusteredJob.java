package com.timebank.wfm.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A Quartz job that runs on whichever instance of the cluster the JDBC job store fires it on, never twice at
 * once, and records that instance on the job runs it makes.
 */
@DisallowConcurrentExecution
abstract class ClusteredJob extends QuartzJobBean {

    @Override
    protected final void executeInternal(JobExecutionContext context) {
        String instance;
        try {
            instance = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            instance = null;
        }
        run(instance);
    }

    protected abstract void run(String instance);
}
