package com.timebank.wfm.timebank;

import java.math.BigDecimal;

import com.timebank.wfm.ledger.Seconds;

/**
 * Service 4's cap: per center and calendar month, all bonuses together may not exceed
 * {@code round_half_up(bonusCapRatio × scheduled work time of the month)}.
 */
public record BonusBudget(long scheduledSeconds, long capSeconds, long grantedSeconds) {

    public static BonusBudget of(long scheduledSeconds, BigDecimal capRatio, long grantedSeconds) {
        return new BonusBudget(scheduledSeconds, Seconds.times(scheduledSeconds, capRatio), grantedSeconds);
    }

    public long remainingSeconds() {
        return Math.max(0, capSeconds - grantedSeconds);
    }

    public boolean allows(long seconds) {
        return seconds <= remainingSeconds();
    }
}
