package com.timebank.wfm.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The efficiency and comparison figures as tables with stable column names, for CSV and XLSX. */
final class EfficiencyTables {

    private EfficiencyTables() {
    }

    static ReportTable efficiency(Efficiency e) {
        List<String> columns = List.of("level", "key", "name", "team", "from", "to", "aux_seconds", "logged_seconds",
                "agent_days", "aux_share", "aux_target", "aux_minutes_per_agent_day", "above_target",
                "days_above_target", "sign_ins_per_agent_day", "online_utilisation", "online_utilisation_estimated",
                "service_level_predicted", "occupancy_predicted", "scheduled_seconds", "required_seconds",
                "required_from", "roster_id", "forecast_id");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("center", e.centerCode(), "", "", e.auxTarget(), e.from(), e.to(), e.center(), null,
                e.onlineUtilisationEstimated(), null));
        for (Efficiency.DayFigures d : e.days()) {
            rows.add(row("day", d.date().toString(), "", "", d.auxTarget(), d.date(), d.date(), d.aux(), null,
                    d.onlineUtilisationEstimated(), d.service()));
        }
        for (Efficiency.GroupFigures g : e.teams()) {
            rows.add(row("team", g.key(), g.name(), g.team(), e.auxTarget(), e.from(), e.to(), g.aux(),
                    g.daysAboveTarget(), null, null));
        }
        for (Efficiency.GroupFigures g : e.agents()) {
            rows.add(row("agent", g.key(), g.name(), g.team(), e.auxTarget(), e.from(), e.to(), g.aux(),
                    g.daysAboveTarget(), null, null));
        }
        Efficiency.ServiceFigures s = e.service();
        List<Object> center = rows.get(0);
        center.set(17, s.serviceLevel());
        center.set(18, s.occupancy());
        center.set(19, s.scheduledSeconds());
        center.set(20, s.requiredSeconds());
        return new ReportTable("efficiency", columns, rows);
    }

    /** aux_target: the figures' own (a day's target, or over several days weighted by logged time), else the given. */
    private static List<Object> row(String level, String key, String name, String team, java.math.BigDecimal target,
            java.time.LocalDate from, java.time.LocalDate to, AuxFigures a, Integer daysAbove,
            java.math.BigDecimal estimated, Efficiency.ServiceDay service) {
        return new ArrayList<>(Arrays.asList(level, key, name, team, from.toString(), to.toString(),
                a == null ? null : a.auxSeconds(), a == null ? null : a.loggedSeconds(),
                a == null ? null : a.agentDays(), a == null ? null : a.auxShare(),
                a == null || a.auxTarget() == null ? target : a.auxTarget(),
                a == null ? null : a.auxMinutesPerAgentDay(), a == null ? null : a.aboveTarget(), daysAbove,
                a == null ? null : a.signInsPerAgentDay(), a == null ? null : a.onlineUtilisation(), estimated,
                service == null ? null : service.serviceLevel(), service == null ? null : service.occupancy(),
                service == null ? null : service.scheduledSeconds(), service == null ? null : service.requiredSeconds(),
                service == null ? null : service.requiredFrom(), service == null ? null : service.rosterId(),
                service == null ? null : service.forecastId()));
    }

    static ReportTable comparison(Comparison c) {
        List<String> columns = List.of("figure", "unit", "before_from", "before_to", "after_from", "after_to",
                "before", "after", "change_points", "change_percent");
        List<List<Object>> rows = new ArrayList<>();
        for (Comparison.Figure f : c.figures()) {
            rows.add(Arrays.asList(f.name(), f.unit().name(), c.beforeFrom().toString(), c.beforeTo().toString(),
                    c.afterFrom().toString(), c.afterTo().toString(), f.before(), f.after(), f.changePoints(),
                    f.changePercent()));
        }
        return new ReportTable("comparison", columns, rows);
    }
}
