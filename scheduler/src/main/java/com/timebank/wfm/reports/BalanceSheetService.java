package com.timebank.wfm.reports;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.MonthSum;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.timebank.EmergencyService;
import com.timebank.wfm.timebank.TimeBonusService;

/**
 * Builds the month's balance sheet from the ledger's monthly summary (reports.md): planners and admins of the
 * center see it whole, team leads the agents of their teams; agents have no reports (404, like a missing center).
 */
@Service
public class BalanceSheetService {

    private final OrganisationService organisation;
    private final LedgerService ledger;
    private final EmergencyService emergencies;
    private final TimeBonusService bonuses;
    private final CenterSettingsService settings;
    private final Clock clock;

    BalanceSheetService(OrganisationService organisation, LedgerService ledger, EmergencyService emergencies,
            TimeBonusService bonuses, CenterSettingsService settings, Clock clock) {
        this.organisation = organisation;
        this.settings = settings;
        this.ledger = ledger;
        this.emergencies = emergencies;
        this.bonuses = bonuses;
        this.clock = clock;
    }

    /** The center and the agents of it the user may see in reports (optionally one team). */
    public record Scope(Center center, List<Team> teams, List<Agent> agents) {
    }

    @Transactional(readOnly = true)
    public Scope scope(String centerCode, String teamCode, CurrentUser user) {
        if (user.role() == Role.AGENT) {
            throw new NotFoundException("Center", centerCode);
        }
        Center center = organisation.center(centerCode, user);
        List<Team> teams = teamCode == null || teamCode.isBlank() ? organisation.teams(center.code(), user)
                : List.of(organisation.team(center.code(), teamCode, user));
        java.util.Set<Long> teamIds = teams.stream().map(Team::id).collect(java.util.stream.Collectors.toSet());
        List<Agent> agents = organisation.agentsOfCenter(center.id()).stream()
                .filter(a -> teamIds.contains(a.teamId()) && user.seesAgent(a.id(), a.centerId(), a.teamId()))
                .toList();
        return new Scope(center, teams, agents);
    }

    public YearMonth month(Center center, YearMonth month) {
        return month == null ? YearMonth.from(center.today(clock))
                : DateBounds.require("month", month, center.today(clock));
    }

    @Transactional(readOnly = true)
    public BalanceSheet sheet(String centerCode, YearMonth month, String teamCode, CurrentUser user) {
        Scope scope = scope(centerCode, teamCode, user);
        YearMonth m = month(scope.center(), month);
        LocalDateTime endUtc = m.plusMonths(1).atDay(1).atStartOfDay(scope.center().timeZone())
                .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        List<Long> ids = scope.agents().stream().map(Agent::id).toList();
        LedgerService.MonthSheet sheet = ledger.monthSheet(ids, m, endUtc);
        Map<Long, Long> worked = emergencies.workedSecondsByAgent(scope.center().id(), m.atDay(1), m.atEndOfMonth());
        Map<Long, List<MonthSum>> sumsByAgent = new HashMap<>();
        sheet.sums().forEach(s -> sumsByAgent.computeIfAbsent(s.agentId(), k -> new ArrayList<>()).add(s));

        List<BalanceLine> agentLines = new ArrayList<>(scope.agents().size());
        Map<Long, BalanceLine.Sum> teamSums = new LinkedHashMap<>();
        scope.teams().stream().sorted(Comparator.comparing(Team::code))
                .forEach(t -> teamSums.put(t.id(), new BalanceLine.Sum(t.code(), t.name(), t.code())));
        BalanceLine.Sum total = new BalanceLine.Sum(scope.center().code(), scope.center().name(), null);
        for (Agent a : scope.agents()) {
            BalanceLine line = agentLine(a, sheet.opening().getOrDefault(a.id(), 0L),
                    sumsByAgent.getOrDefault(a.id(), List.of()), worked.getOrDefault(a.id(), 0L),
                    sheet.heldAtEnd().getOrDefault(a.id(), 0L));
            agentLines.add(line);
            teamSums.get(a.teamId()).add(line);
            total.add(line);
        }
        agentLines.sort(Comparator.comparing(BalanceLine::team).thenComparing(BalanceLine::key));
        TimeBonusService.Budget b = bonuses.budget(scope.center().code(), m, user);
        // The balance is the one at the month's end, so it counts in the standard paid day in force on that day
        // (reports.md: "÷ the center's standard paid day"); a change later in the month applies to that month.
        long standardDay = settings.on(scope.center().id(), m.atEndOfMonth()).standardDaySeconds();
        return new BalanceSheet(scope.center().code(), scope.center().timeZone().getId(), m, total.line(),
                teamSums.values().stream().map(BalanceLine.Sum::line).toList(), agentLines,
                new BalanceSheet.BonusCap(b.capRatio(), b.scheduledSeconds(), b.capSeconds(), b.grantedSeconds(),
                        b.remainingSeconds()),
                standardDay);
    }

    static BalanceLine agentLine(Agent a, long opening, List<MonthSum> sums, long worked, long reserved) {
        EnumMap<EntryKind, Long> flows = new EnumMap<>(EntryKind.class);
        EnumMap<EntryKind, Long> reversals = new EnumMap<>(EntryKind.class);
        BalanceLine.FLOWS.forEach(k -> {
            flows.put(k, 0L);
            reversals.put(k, 0L);
        });
        long closing = opening;
        for (MonthSum s : sums) {
            (s.reversal() ? reversals : flows).merge(s.flow(), s.seconds(), Long::sum);
            closing += s.seconds();
        }
        return new BalanceLine(a.employeeNo(), a.name(), a.teamCode(), 1, opening, flows, reversals, worked, closing,
                reserved);
    }

    /**
     * Closing balances of the agents in scope over the months up to {@code month}, oldest first, each month in the
     * standard paid day in force at its own end (like that month's balance sheet), so a change of the standard day
     * does not rewrite the months before it.
     */
    @Transactional(readOnly = true)
    public List<Outstanding.TrendPoint> trend(Scope scope, YearMonth month, int months) {
        List<Long> ids = scope.agents().stream().map(Agent::id).toList();
        List<Outstanding.TrendPoint> trend = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            YearMonth m = month.minusMonths(i);
            long seconds = ledger.closingBalances(ids, m).values().stream().mapToLong(Long::longValue).sum();
            long standardDay = settings.on(scope.center().id(), m.atEndOfMonth()).standardDaySeconds();
            trend.add(new Outstanding.TrendPoint(m, seconds, BalanceSheet.agentDays(seconds, standardDay),
                    standardDay));
        }
        return trend;
    }
}
