package com.timebank.wfm.staffing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Unplanned shrinkage: the share of scheduled time agents are off the phones without it being in the roster
 * (absence, sickness, unplanned aux). Planned meal and short breaks are not part of it: the roster places them and
 * counts agents net of them, so counting them here too would count them twice. Turns agents needed on the phones
 * into agents to schedule on the phones (outside their breaks): {@code scheduled = ceil(onPhones / (1 − shrinkage))}.
 *
 * <p>Done in decimal, not binary floating point: 14 / (1 − 0.3) is exactly 20, while the double division
 * gives 20.000000000000004 and a ceiling of 21. The shrinkage is taken as the decimal the planner typed
 * (0.3, not the binary double nearest to it).
 */
public final class Shrinkage {

    private final double fraction;
    /** {@code 1 − shrinkage = onPhoneNumerator / 10^scale}. */
    private final BigInteger onPhoneNumerator;
    private final int scale;

    public Shrinkage(double fraction) {
        this.fraction = Require.fractionBelowOne("shrinkage", fraction);
        BigDecimal onPhone = BigDecimal.ONE.subtract(BigDecimal.valueOf(fraction));
        this.onPhoneNumerator = onPhone.unscaledValue();
        this.scale = onPhone.scale();
    }

    public double fraction() {
        return fraction;
    }

    /** Agents to schedule so that {@code onPhones} remain after shrinkage. */
    public int scheduledAgents(int onPhones) {
        Require.nonNegative("agents on phones", onPhones);
        if (scale <= 9 && onPhoneNumerator.bitLength() < 63) {
            // Fast exact path: onPhones·10^scale fits a long (< 2^31 · 10^9).
            long numerator = onPhones * POWERS_OF_TEN[scale];
            long denominator = onPhoneNumerator.longValue();
            return Math.toIntExact((numerator + denominator - 1) / denominator);
        }
        return BigDecimal.valueOf(onPhones).scaleByPowerOfTen(scale)
                .divide(new BigDecimal(onPhoneNumerator), 0, RoundingMode.CEILING)
                .intValueExact();
    }

    /** One-off form of {@link #scheduledAgents(int)}. */
    public static int scheduledAgents(int onPhones, double shrinkage) {
        return new Shrinkage(shrinkage).scheduledAgents(onPhones);
    }

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    @Override
    public String toString() {
        return "Shrinkage[" + fraction + "]";
    }
}
