package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Activity figures of a set of agent-days (reports.md): aux share = Σ aux ÷ Σ logged, exact to six places (half
 * up); aux minutes per agent per day = Σ aux ÷ agent-days with activity ÷ 60, to two places. Sign-ins per agent
 * per day and online utilisation (handled ÷ logged) come only from the agent-days whose import carried the optional
 * columns ({@code signInDays}, {@code handleDays} of them); null when none did, or when there is nothing to divide
 * by — never guessed.
 */
public record AuxFigures(long auxSeconds, long loggedSeconds, int agentDays, BigDecimal auxShare,
        BigDecimal auxMinutesPerAgentDay, Boolean aboveTarget, int signInDays, long signIns,
        BigDecimal signInsPerAgentDay, int handleDays, long handleSeconds, BigDecimal onlineUtilisation) {

    static AuxFigures of(long aux, long logged, int agentDays, BigDecimal target) {
        return new Sum().figures(target, aux, logged, agentDays);
    }

    /** A running sum. */
    static final class Sum {
        long aux;
        long logged;
        int days;
        int signInDays;
        long signIns;
        int handleDays;
        long handled;
        long handleLogged;

        Sum add(long auxSeconds, long loggedSeconds) {
            aux += auxSeconds;
            logged += loggedSeconds;
            days++;
            return this;
        }

        Sum add(com.timebank.wfm.timebank.ActivityService.Day d) {
            add(d.auxSeconds(), d.loggedSeconds());
            if (d.signIns() != null) {
                signInDays++;
                signIns += d.signIns();
            }
            if (d.handleSeconds() != null) {
                handleDays++;
                handled += d.handleSeconds();
                handleLogged += d.loggedSeconds();
            }
            return this;
        }

        AuxFigures figures(BigDecimal target) {
            return figures(target, aux, logged, days);
        }

        private AuxFigures figures(BigDecimal target, long aux, long logged, int agentDays) {
            BigDecimal share = logged == 0 ? null
                    : BigDecimal.valueOf(aux).divide(BigDecimal.valueOf(logged), 6, RoundingMode.HALF_UP);
            BigDecimal minutes = agentDays == 0 ? null
                    : BigDecimal.valueOf(aux).divide(BigDecimal.valueOf(agentDays * 60L), 2, RoundingMode.HALF_UP);
            BigDecimal signInRate = signInDays == 0 ? null
                    : BigDecimal.valueOf(signIns).divide(BigDecimal.valueOf(signInDays), 2, RoundingMode.HALF_UP);
            BigDecimal utilisation = handleDays == 0 || handleLogged == 0 ? null
                    : BigDecimal.valueOf(handled).divide(BigDecimal.valueOf(handleLogged), 6, RoundingMode.HALF_UP);
            return new AuxFigures(aux, logged, agentDays, share, minutes, share == null ? null
                    : BigDecimal.valueOf(aux).compareTo(target.multiply(BigDecimal.valueOf(logged))) > 0,
                    signInDays, signIns, signInRate, handleDays, handled, utilisation);
        }
    }
}
