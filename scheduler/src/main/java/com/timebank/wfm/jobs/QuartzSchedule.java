package com.timebank.wfm.jobs;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.timebank.wfm.WfmProperties;

/** Job details and triggers; Spring Boot registers them in the clustered JDBC job store. */
@Configuration(proxyBeanMethods = false)
class QuartzSchedule {

    @Bean
    JobDetail auxSettlementJob() {
        return JobBuilder.newJob(AuxSettlementJob.class).withIdentity(NightlyJobs.AUX_SETTLEMENT, "nightly")
                .withDescription("Settle aux time (savings and overdraft repayment) of every unsettled business date up to yesterday")
                .storeDurably().requestRecovery().build();
    }

    @Bean
    Trigger auxSettlementTrigger(JobDetail auxSettlementJob, WfmProperties wfm) {
        String cron = wfm.jobs().auxSettlement().cron();
        return TriggerBuilder.newTrigger().forJob(auxSettlementJob).withIdentity(NightlyJobs.AUX_SETTLEMENT, "nightly")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail timeOffPostingJob() {
        return JobBuilder.newJob(TimeOffPostingJob.class).withIdentity(NightlyJobs.TIME_OFF_POSTING, "nightly")
                .withDescription("Post approved time off as TIME_OFF when its day comes; expire undecided requests")
                .storeDurably().requestRecovery().build();
    }

    @Bean
    Trigger timeOffPostingTrigger(JobDetail timeOffPostingJob, WfmProperties wfm) {
        String cron = wfm.jobs().timeOffPosting().cron();
        return TriggerBuilder.newTrigger().forJob(timeOffPostingJob).withIdentity(NightlyJobs.TIME_OFF_POSTING, "nightly")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail monthCloseJob() {
        return JobBuilder.newJob(MonthCloseJob.class).withIdentity(NightlyJobs.MONTH_CLOSE, "nightly")
                .withDescription("Close every due month: post chosen leave offsets and write attendance")
                .storeDurably().requestRecovery().build();
    }

    @Bean
    Trigger monthCloseTrigger(JobDetail monthCloseJob, WfmProperties wfm) {
        String cron = wfm.jobs().monthClose().cron();
        return TriggerBuilder.newTrigger().forJob(monthCloseJob).withIdentity(NightlyJobs.MONTH_CLOSE, "nightly")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail forecastRefreshJob() {
        return JobBuilder.newJob(ForecastRefreshJob.class).withIdentity(NightlyJobs.FORECAST_REFRESH, "nightly")
                .withDescription("Make each center's forecast of its week, once per week, after Monday's local midnight")
                .storeDurably().requestRecovery().build();
    }

    @Bean
    Trigger forecastRefreshTrigger(JobDetail forecastRefreshJob, WfmProperties wfm) {
        String cron = wfm.jobs().forecastRefresh().cron();
        return TriggerBuilder.newTrigger().forJob(forecastRefreshJob).withIdentity(NightlyJobs.FORECAST_REFRESH, "nightly")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
