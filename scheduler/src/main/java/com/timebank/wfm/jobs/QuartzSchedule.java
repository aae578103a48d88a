package com.timebank.wfm.jobs;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job details and triggers; Spring Boot registers them in the clustered JDBC job store. */
@Configuration(proxyBeanMethods = false)
class QuartzSchedule {

    @Bean
    JobDetail auxSettlementJob() {
        return JobBuilder.newJob(AuxSettlementJob.class).withIdentity(NightlyJobs.AUX_SETTLEMENT, "nightly")
                .withDescription("Services 1 and 2: settle aux time of every unsettled business date up to yesterday")
                .storeDurably().requestRecovery().build();
    }

    @Bean
    Trigger auxSettlementTrigger(JobDetail auxSettlementJob,
            @Value("${wfm.jobs.aux-settlement.cron:0 5/15 * * * ?}") String cron) {
        return TriggerBuilder.newTrigger().forJob(auxSettlementJob).withIdentity(NightlyJobs.AUX_SETTLEMENT, "nightly")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail timeOffPostingJob() {
        return JobBuilder.newJob(TimeOffPostingJob.class).withIdentity(NightlyJobs.TIME_OFF_POSTING, "nightly")
                .withDescription("Service 6: post approved time off as TIME_OFF when its day comes; expire undecided requests")
                .storeDurably().requestRecovery().build();
    }

    @Bean
    Trigger timeOffPostingTrigger(JobDetail timeOffPostingJob,
            @Value("${wfm.jobs.time-off-posting.cron:0 2/15 * * * ?}") String cron) {
        return TriggerBuilder.newTrigger().forJob(timeOffPostingJob).withIdentity(NightlyJobs.TIME_OFF_POSTING, "nightly")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail monthCloseJob() {
        return JobBuilder.newJob(MonthCloseJob.class).withIdentity(NightlyJobs.MONTH_CLOSE, "nightly")
                .withDescription("Service 5: close every due month: post chosen leave offsets and write attendance")
                .storeDurably().requestRecovery().build();
    }

    @Bean
    Trigger monthCloseTrigger(JobDetail monthCloseJob,
            @Value("${wfm.jobs.month-close.cron:0 10 * * * ?}") String cron) {
        return TriggerBuilder.newTrigger().forJob(monthCloseJob).withIdentity(NightlyJobs.MONTH_CLOSE, "nightly")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
