package com.timebank.wfm.timebank;

import java.math.BigDecimal;

import com.timebank.wfm.ledger.Seconds;

/** Service 3: each hour worked in a surge earns the hour plus interest at the level's rate. */
public final class EmergencyOvertime {

    public static final BigDecimal MIN_RATE = new BigDecimal("0.30");
    public static final BigDecimal MAX_RATE = new BigDecimal("0.60");

    private EmergencyOvertime() {
    }

    /** {@code round_half_up(worked × (1 + rate))}. */
    public static long credit(long workedSeconds, BigDecimal rate) {
        if (workedSeconds <= 0) {
            throw new IllegalArgumentException("Worked time must be positive");
        }
        return Seconds.times(workedSeconds, BigDecimal.ONE.add(rate));
    }
}
