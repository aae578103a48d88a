package com.timebank.wfm.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Time as money: whole seconds, exact decimal rates, one half-up rounding at the end. */
public final class Seconds {

    private Seconds() {
    }

    /** {@code round_half_up(seconds × rate)} — the only rounding a time-bank amount gets. */
    public static long times(long seconds, BigDecimal rate) {
        return BigDecimal.valueOf(seconds).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** How screens show an amount: {@code 7 h 46 min}, {@code -12 min}, {@code 45 s}. */
    public static String format(long seconds) {
        long abs = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "";
        long hours = abs / 3600;
        long minutes = (abs % 3600) / 60;
        if (hours == 0 && minutes == 0) {
            return sign + abs + " s";
        }
        return sign + (hours > 0 ? hours + " h" + (minutes > 0 ? " " : "") : "") + (minutes > 0 ? minutes + " min" : "");
    }
}
