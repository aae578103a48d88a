package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.security.CurrentUser;

/** Before/after: the figures of the months before a date against the months from it (e.g. when the bank started). */
@Service
public class ComparisonService {

    public static final int MAX_MONTHS = 12;

    private final EfficiencyService efficiency;
    private final BalanceSheetService sheets;
    private final java.time.Clock clock;

    ComparisonService(EfficiencyService efficiency, BalanceSheetService sheets, java.time.Clock clock) {
        this.efficiency = efficiency;
        this.sheets = sheets;
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
        // the time bank's flows, summed over the whole months of each range
        List<BalanceSheet> sheetsBefore = monthSheets(centerCode, beforeFrom, beforeTo, team, user);
        List<BalanceSheet> sheetsAfter = monthSheets(centerCode, d, afterTo, team, user);
        for (EntryKind k : BalanceLine.FLOWS) {
            figures.add(Comparison.Figure.of("flow." + k.name(), Comparison.Unit.SECONDS,
                    total(sheetsBefore, s -> s.total().flow(k) + s.total().reversal(k)),
                    total(sheetsAfter, s -> s.total().flow(k) + s.total().reversal(k))));
        }
        figures.add(Comparison.Figure.of("outstandingSeconds", Comparison.Unit.SECONDS,
                sheetsBefore.isEmpty() ? null : seconds(sheetsBefore.get(sheetsBefore.size() - 1).outstandingSeconds()),
                sheetsAfter.isEmpty() ? null : seconds(sheetsAfter.get(sheetsAfter.size() - 1).outstandingSeconds())));
        return new Comparison(scope.center().code(), d, beforeFrom, beforeTo, d, afterTo, figures);
    }

    private List<BalanceSheet> monthSheets(String centerCode, LocalDate from, LocalDate to, String team,
            CurrentUser user) {
        List<BalanceSheet> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            out.add(sheets.sheet(centerCode, m, team, user));
        }
        return out;
    }

    private static BigDecimal total(List<BalanceSheet> sheets, Function<BalanceSheet, Long> figure) {
        return sheets.isEmpty() ? null : BigDecimal.valueOf(sheets.stream().mapToLong(figure::apply).sum());
    }

    private static BigDecimal seconds(long s) {
        return BigDecimal.valueOf(s);
    }
}
