package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Aux time of a set of agent-days (reports.md): share = Σ aux ÷ Σ logged, exact to six places (half up); aux
 * minutes per agent per day = Σ aux ÷ agent-days with activity ÷ 60, to two places. Null when there is nothing to
 * divide by.
 */
public record AuxFigures(long auxSeconds, long loggedSeconds, int agentDays, BigDecimal auxShare,
        BigDecimal auxMinutesPerAgentDay, Boolean aboveTarget) {

    static AuxFigures of(long aux, long logged, int agentDays, BigDecimal target) {
        BigDecimal share = logged == 0 ? null
                : BigDecimal.valueOf(aux).divide(BigDecimal.valueOf(logged), 6, RoundingMode.HALF_UP);
        BigDecimal minutes = agentDays == 0 ? null
                : BigDecimal.valueOf(aux).divide(BigDecimal.valueOf(agentDays * 60L), 2, RoundingMode.HALF_UP);
        return new AuxFigures(aux, logged, agentDays, share, minutes,
                share == null ? null : BigDecimal.valueOf(aux).compareTo(target.multiply(BigDecimal.valueOf(logged))) > 0);
    }

    /** A running sum. */
    static final class Sum {
        long aux;
        long logged;
        int days;

        Sum add(long auxSeconds, long loggedSeconds) {
            aux += auxSeconds;
            logged += loggedSeconds;
            days++;
            return this;
        }

        AuxFigures figures(BigDecimal target) {
            return AuxFigures.of(aux, logged, days, target);
        }
    }
}
