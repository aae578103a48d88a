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
}
