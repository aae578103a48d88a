package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.MonthSum;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.security.CurrentUser;

/**
 * Before/after: the figures of the months before a date ({@code date − months .. date − 1}) against the months from
 * it ({@code date .. date + months − 1}, at most today), e.g. when the bank started; each side exactly its dates.
 */
@Service
public class ComparisonService {

    public static final int MAX_MONTHS = 12;

    private final EfficiencyService efficiency;
    private final BalanceSheetService sheets;
    private final LedgerService ledger;
    private final java.time.Clock clock;

    ComparisonService(EfficiencyService efficiency, BalanceSheetService sheets, LedgerService ledger,
            java.time.Clock clock) {
        this.efficiency = efficiency;
        this.sheets = sheets;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Comparison compare(String centerCode, LocalDate date, Integer months, String team, CurrentUser user) {
        BalanceSheetService.Scope scope = sheets.scope(centerCode, team, user);
        LocalDate today = scope.center().today(clock);
        if (date == null) {
            throw InvalidInputException.of("date", "reports.date-required");
        }
        LocalDate d = DateBounds.require("date", date, today);
        int n = months == null ? 3 : months;
        if (n < 1 || n > MAX_MONTHS) {
            throw InvalidInputException.of("months", "reports.months-range", 1, MAX_MONTHS);
        }
        LocalDate beforeFrom = d.minusMonths(n);
        LocalDate beforeTo = d.minusDays(1);
        LocalDate afterTo = d.plusMonths(n).minusDays(1);
        if (afterTo.isAfter(today)) {
            afterTo = today.isBefore(d) ? d : today;
        }
        Efficiency before = efficiency.efficiency(centerCode, beforeFrom, beforeTo, team, user);
        Efficiency after = efficiency.efficiency(centerCode, d, afterTo, team, user);
        List<Comparison.Figure> figures = new ArrayList<>();
        figures.add(Comparison.Figure.of("auxShare", Comparison.Unit.SHARE, before.center().auxShare(),
                after.center().auxShare()));
        figures.add(Comparison.Figure.of("auxMinutesPerAgentDay", Comparison.Unit.MINUTES,
                before.center().auxMinutesPerAgentDay(), after.center().auxMinutesPerAgentDay()));
        figures.add(Comparison.Figure.of("onlineUtilisationEstimated", Comparison.Unit.SHARE,
                before.onlineUtilisationEstimated(), after.onlineUtilisationEstimated()));
        figures.add(Comparison.Figure.of("onlineUtilisation", Comparison.Unit.SHARE,
                before.center().onlineUtilisation(), after.center().onlineUtilisation()));
        figures.add(Comparison.Figure.of("signInsPerAgentDay", Comparison.Unit.COUNT,
                before.center().signInsPerAgentDay(), after.center().signInsPerAgentDay()));
        figures.add(Comparison.Figure.of("serviceLevelPredicted", Comparison.Unit.SHARE,
                before.service().serviceLevel(), after.service().serviceLevel()));
        figures.add(Comparison.Figure.of("occupancyPredicted", Comparison.Unit.SHARE, before.service().occupancy(),
                after.service().occupancy()));
        figures.add(Comparison.Figure.of("scheduledSeconds", Comparison.Unit.SECONDS,
                seconds(before.service().scheduledSeconds()), seconds(after.service().scheduledSeconds())));
        figures.add(Comparison.Figure.of("requiredSeconds", Comparison.Unit.SECONDS,
                seconds(before.service().requiredSeconds()), seconds(after.service().requiredSeconds())));
        // the time bank's flows (corrections with the flow they reverse) by business date, exactly each side's
        // range: the month of the date belongs partly to each side
        List<Long> agentIds = scope.agents().stream().map(Agent::id).toList();
        Map<EntryKind, Long> flowsBefore = flows(ledger.rangeSums(agentIds, beforeFrom, beforeTo));
        Map<EntryKind, Long> flowsAfter = flows(ledger.rangeSums(agentIds, d, afterTo));
        for (EntryKind k : BalanceLine.FLOWS) {
            figures.add(Comparison.Figure.of("flow." + k.name(), Comparison.Unit.SECONDS,
                    seconds(flowsBefore.getOrDefault(k, 0L)), seconds(flowsAfter.getOrDefault(k, 0L))));
        }
        // Σ balances at the end of each side's last day
        figures.add(Comparison.Figure.of("outstandingSeconds", Comparison.Unit.SECONDS,
                seconds(total(ledger.balancesThrough(agentIds, beforeTo))),
                seconds(total(ledger.balancesThrough(agentIds, afterTo)))));
        return new Comparison(scope.center().code(), d, beforeFrom, beforeTo, d, afterTo, figures);
    }

    private static Map<EntryKind, Long> flows(List<MonthSum> sums) {
        Map<EntryKind, Long> flows = new EnumMap<>(EntryKind.class);
        sums.forEach(s -> flows.merge(s.flow(), s.seconds(), Long::sum));
        return flows;
    }

    private static long total(Map<Long, Long> balances) {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }

    private static BigDecimal seconds(long s) {
        return BigDecimal.valueOf(s);
    }
}
