package com.timebank.wfm.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.timebank.wfm.support.IntegrationTest;

/**
 * Two scheduler instances on one database with the service's clustered JDBC job-store settings: every trigger
 * fires on exactly one of them.
 */
@IntegrationTest
class QuartzClusterTest {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();
    static final Map<String, AtomicInteger> BY_TRIGGER = new ConcurrentHashMap<>();
    static final Set<String> INSTANCES = ConcurrentHashMap.newKeySet();

    @Autowired
    Environment env;

    @DisallowConcurrentExecution
    public static class CountingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            EXECUTIONS.incrementAndGet();
            BY_TRIGGER.computeIfAbsent(context.getTrigger().getKey().getName(), k -> new AtomicInteger()).incrementAndGet();
            try {
                INSTANCES.add(context.getScheduler().getSchedulerInstanceId());
                Thread.sleep(100);
            } catch (SchedulerException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Scheduler scheduler(String instanceId) throws SchedulerException {
        Properties p = new Properties();
        Binder.get(env).bind("spring.quartz.properties", org.springframework.boot.context.properties.bind.Bindable
                .mapOf(String.class, String.class)).ifBound(p::putAll);
        p.put("org.quartz.scheduler.instanceName", "cluster-test");
        p.put("org.quartz.scheduler.instanceId", instanceId);
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.dataSource", "db");
        p.put("org.quartz.dataSource.db.provider", "hikaricp");
        p.put("org.quartz.dataSource.db.driver", "com.mysql.cj.jdbc.Driver");
        p.put("org.quartz.dataSource.db.URL", env.getProperty("spring.datasource.url"));
        p.put("org.quartz.dataSource.db.user", env.getProperty("spring.datasource.username"));
        p.put("org.quartz.dataSource.db.password", env.getProperty("spring.datasource.password", ""));
        p.put("org.quartz.dataSource.db.maxConnections", "4");
        p.put("org.quartz.threadPool.threadCount", "3");
        return new StdSchedulerFactory(p).getScheduler();
    }

    @Test
    void eachTriggerFiresOnExactlyOneInstance() throws Exception {
        assertThat(env.getProperty("spring.quartz.properties.org.quartz.jobStore.isClustered")).isEqualTo("true");
        Scheduler one = scheduler("instance-one");
        Scheduler two = scheduler("instance-two");
        try {
            one.clear();
            var job = JobBuilder.newJob(CountingJob.class).withIdentity("counting", "test").storeDurably().build();
            one.addJob(job, true);
            int triggers = 20;
            for (int i = 0; i < triggers; i++) {
                one.scheduleJob(TriggerBuilder.newTrigger().withIdentity("t" + i, "test").forJob(job).startNow().build());
            }
            one.start();
            two.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (EXECUTIONS.get() < triggers && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1_500);
            assertThat(EXECUTIONS.get()).isEqualTo(triggers);
            assertThat(BY_TRIGGER).hasSize(triggers);
            assertThat(BY_TRIGGER.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        } finally {
            one.shutdown(true);
            two.shutdown(true);
        }
    }
}
