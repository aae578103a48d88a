package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * The outstanding balance at the end of a month: time owed to the staff (Σ closing) in seconds and agent-days, how
 * much of it approved or pending time off holds, its trend over the months before, how it is spread over the agents
 * and who holds the most. Agent-days and the buckets count in {@code standardDaySeconds}: the center's standard paid
 * day in force at the month's end; each trend point counts in the one in force at the end of its own month.
 */
public record Outstanding(String centerCode, YearMonth month, long seconds, BigDecimal agentDays, long reservedSeconds,
        int agents, List<TrendPoint> trend, List<Bucket> distribution, List<Holder> topHolders,
        long standardDaySeconds) {

    public record TrendPoint(YearMonth month, long seconds, BigDecimal agentDays, long standardDaySeconds) {
    }

    /** Agents whose closing balance lies in [fromDays, toDays) standard days; {@code toDays} null = open-ended. */
    public record Bucket(int fromDays, Integer toDays, int agents, long seconds) {
    }

    public record Holder(String employeeNo, String name, String team, long seconds, long reservedSeconds) {
    }

    static final int[] BUCKET_DAYS = {0, 1, 2, 5, 10};
    static final int TOP = 10;

    public static Outstanding of(BalanceSheet sheet, List<TrendPoint> trend) {
        long day = sheet.standardDaySeconds();
        java.util.List<Bucket> buckets = new java.util.ArrayList<>();
        for (int i = 0; i < BUCKET_DAYS.length; i++) {
            int from = BUCKET_DAYS[i];
            Integer to = i + 1 < BUCKET_DAYS.length ? BUCKET_DAYS[i + 1] : null;
            List<BalanceLine> in = sheet.agents().stream()
                    .filter(l -> l.closing() >= from * day && (to == null || l.closing() < to * day)).toList();
            buckets.add(new Bucket(from, to, in.size(), in.stream().mapToLong(BalanceLine::closing).sum()));
        }
        List<Holder> top = sheet.agents().stream().filter(l -> l.closing() > 0)
                .sorted(Comparator.comparingLong(BalanceLine::closing).reversed().thenComparing(BalanceLine::key))
                .limit(TOP).map(l -> new Holder(l.key(), l.name(), l.team(), l.closing(), l.reserved())).toList();
        return new Outstanding(sheet.centerCode(), sheet.month(), sheet.outstandingSeconds(),
                sheet.outstandingAgentDays(), sheet.total().reserved(), sheet.agents().size(), trend, buckets, top,
                day);
    }
}
