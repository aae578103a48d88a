package com.timebank.wfm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's tuning settings ({@code wfm.*}), with their defaults, in one place; the README's configuration table
 * lists them. Not here: the database settings ({@code WFM_DB_*}, {@code wfm.db.*}), read before the application
 * starts because they decide which database it starts on; {@code WFM_ADMIN_PASSWORD}, an operator's environment
 * variable; and the demo's switch {@code wfm.demo} with its {@code wfm.demo.password}.
 */
@ConfigurationProperties("wfm")
public record WfmProperties(@DefaultValue Jobs jobs, @DefaultValue Settlement settlement,
        @DefaultValue MonthClose monthClose, @DefaultValue Roster roster, @DefaultValue Health health) {

    /** Quartz schedules (cron, seconds first) and the heartbeat that tells a live job run from a dead one. */
    public record Jobs(@DefaultValue AuxSettlementJob auxSettlement, @DefaultValue TimeOffPostingJob timeOffPosting,
            @DefaultValue MonthCloseJob monthClose, @DefaultValue ForecastRefreshJob forecastRefresh,
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("2m") Duration abandonedAfter) {
    }

    /** Every 15 minutes: a center's yesterday is settled soon after its local midnight, whatever its zone. */
    public record AuxSettlementJob(@DefaultValue("0 5/15 * * * ?") String cron) {
    }

    public record TimeOffPostingJob(@DefaultValue("0 2/15 * * * ?") String cron) {
    }

    /** Hourly: a month closes shortly after its deadline, and months missed during downtime are caught up. */
    public record MonthCloseJob(@DefaultValue("0 10 * * * ?") String cron) {
    }

    /**
     * Hourly: each center's forecast of its week is made shortly after Monday's local midnight, whatever its zone;
     * a week already refreshed is left alone.
     */
    public record ForecastRefreshJob(@DefaultValue("0 20 * * * ?") String cron) {
    }

    public record Settlement(@DefaultValue("2000") int batchSize, @DefaultValue("2") int threads) {
    }

    public record MonthClose(@DefaultValue("500") int batchSize) {
    }

    /**
     * {@code parallelSolvers}: a number or OptaPlanner's {@code AUTO}; {@code coverageBoundLimit}: the most time the
     * coverage bound (LP) may take next to a solve before it is reported as not available;
     * {@code partitionThresholdAgents}: centers with more agents are constructed and polished in partitions of whole
     * teams, each against the requirement the others leave (RosterSolver.Settings); {@code partitionAgents}: the
     * largest partition.
     */
    public record Roster(@DefaultValue("2") String parallelSolvers, @DefaultValue("10") long orphanCheckSeconds,
            @DefaultValue("60s") Duration coverageBoundLimit, @DefaultValue("3000") int partitionThresholdAgents,
            @DefaultValue("2000") int partitionAgents) {
    }

    public record Health(@DefaultValue("2s") Duration databaseTimeout) {
    }
}
