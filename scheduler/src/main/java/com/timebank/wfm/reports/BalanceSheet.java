package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * The time bank's balance sheet of a center (or of the teams a lead sees) for a month: the total, one line per
 * team and per agent; the month's time-bonus cap (the center's {@code bonusCapRatio} in force on the month's first
 * day, of published scheduled time) with what was used and is
 * left; the outstanding balance (Σ closing) in seconds and agent-days.
 */
public record BalanceSheet(String centerCode, String timeZone, YearMonth month, BalanceLine total,
        List<BalanceLine> teams, List<BalanceLine> agents, BonusCap bonusCap, long standardDaySeconds) {

    public record BonusCap(BigDecimal ratio, long scheduledSeconds, long capSeconds, long usedSeconds,
            long leftSeconds) {
    }

    /** Σ closing: the time the center owes its staff. */
    public long outstandingSeconds() {
        return total.closing();
    }

    /** The outstanding balance in standard paid days, exact to two places (half up). */
    public BigDecimal outstandingAgentDays() {
        return agentDays(total.closing(), standardDaySeconds);
    }

    static BigDecimal agentDays(long seconds, long daySeconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(daySeconds), 2, RoundingMode.HALF_UP);
    }
}
