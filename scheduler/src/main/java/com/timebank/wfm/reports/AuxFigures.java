package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Activity figures of a set of agent-days (reports.md): aux share = Σ aux ÷ Σ logged, exact to six places (half
 * up); aux minutes per agent per day = Σ aux ÷ agent-days with activity ÷ 60, to two places. Sign-ins per agent
 * per day and online utilisation (handled ÷ logged) come only from the agent-days whose import carried the optional
 * columns ({@code signInDays}, {@code handleDays} of them); null when none did, or when there is nothing to divide
 * by — never guessed. Each agent-day is judged against the aux target in force on its own date (settings are
 * effective-dated, as the settlement reads them): {@code auxTarget} is that target, for a set of days their mean
 * weighted by logged time (six places, half up), and {@code aboveTarget} is Σ aux &gt; Σ (target × logged).
 */
public record AuxFigures(long auxSeconds, long loggedSeconds, int agentDays, BigDecimal auxShare,
        BigDecimal auxMinutesPerAgentDay, BigDecimal auxTarget, Boolean aboveTarget, int signInDays, long signIns,
        BigDecimal signInsPerAgentDay, int handleDays, long handleSeconds, BigDecimal onlineUtilisation) {

    /** Is the agent-day over its target: aux &gt; target × logged, exactly. */
    static boolean above(long aux, long logged, BigDecimal target) {
        return BigDecimal.valueOf(aux).compareTo(target.multiply(BigDecimal.valueOf(logged))) > 0;
    }

    /** A running sum. */
    static final class Sum {
        long aux;
        long logged;
        /** Σ target × logged over the days added: the aux the days' own targets allow. */
        BigDecimal allowance = BigDecimal.ZERO;
        int days;
        int signInDays;
        long signIns;
        int handleDays;
        long handled;
        long handleLogged;

        Sum add(long auxSeconds, long loggedSeconds, BigDecimal target) {
            aux += auxSeconds;
            logged += loggedSeconds;
            allowance = allowance.add(target.multiply(BigDecimal.valueOf(loggedSeconds)));
            days++;
            return this;
        }

        /** Adds an agent-day with the aux target in force on its date. */
        Sum add(com.timebank.wfm.timebank.ActivityService.Day d, BigDecimal target) {
            add(d.auxSeconds(), d.loggedSeconds(), target);
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

        AuxFigures figures() {
            int agentDays = days;
            BigDecimal share = logged == 0 ? null
                    : BigDecimal.valueOf(aux).divide(BigDecimal.valueOf(logged), 6, RoundingMode.HALF_UP);
            BigDecimal minutes = agentDays == 0 ? null
                    : BigDecimal.valueOf(aux).divide(BigDecimal.valueOf(agentDays * 60L), 2, RoundingMode.HALF_UP);
            BigDecimal signInRate = signInDays == 0 ? null
                    : BigDecimal.valueOf(signIns).divide(BigDecimal.valueOf(signInDays), 2, RoundingMode.HALF_UP);
            BigDecimal utilisation = handleDays == 0 || handleLogged == 0 ? null
                    : BigDecimal.valueOf(handled).divide(BigDecimal.valueOf(handleLogged), 6, RoundingMode.HALF_UP);
            BigDecimal target = logged == 0 ? null
                    : allowance.divide(BigDecimal.valueOf(logged), 6, RoundingMode.HALF_UP);
            return new AuxFigures(aux, logged, agentDays, share, minutes, target,
                    share == null ? null : BigDecimal.valueOf(aux).compareTo(allowance) > 0,
                    signInDays, signIns, signInRate, handleDays, handled, utilisation);
        }
    }
}
