package com.timebank.wfm.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.context.TestComponent;

import com.timebank.wfm.forecast.SeasonalNaive;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.ContactVolume;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.support.SteadyCalls;

/**
 * A small center a roster can be solved for in seconds: named agents on 40 h contracts, four weeks of steady calls
 * 09:00–17:00 and a week's forecast from tomorrow (as RosterApiTest sets it up, through the services).
 */
@TestComponent
class RosterSeed {

    static final String[] NAMES = {"Ana Ferreira", "Bo Chen", "Cai Wen", "Dara Okafor", "Eli Novak", "Fang Li", "Gita Rao",
        "Hugo Brandt"};

    record Setup(Center center, Team team, List<Agent> agents, String planner, LocalDate from, LocalDate to,
            Long forecastId) {
    }

    private final Org org;
    private final OrganisationService organisation;
    private final ContactHistoryService history;
    private final ForecastService forecasts;
    private final Clock clock;

    RosterSeed(Org org, OrganisationService organisation, ContactHistoryService history, ForecastService forecasts,
            Clock clock) {
        this.org = org;
        this.organisation = organisation;
        this.history = history;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    /** A center with {@code agents} agents and a planner; with history and a forecast when {@code forecast}. */
    Setup center(int agents, int contactsPerInterval, boolean forecast) {
        Center center = org.center();
        Team team = org.team(center);
        List<Agent> list = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            list.add(organisation.createAgent(new OrganisationService.NewAgent(Org.unique("E"), NAMES[i % NAMES.length],
                    center.code(), team.code(), 2400, 2400, List.of("voice")), org.admin()));
        }
        String planner = org.plannerUser(center);
        LocalDate today = center.today(clock);
        LocalDate from = today.plusDays(1);
        LocalDate to = today.plusDays(7);
        if (!forecast) {
            return new Setup(center, team, list, planner, from, to, null);
        }
        history.store(center.id(), SteadyCalls.fourWeeksBefore(today, contactsPerInterval), "test");
        long id = forecasts.create(center.code(), new ForecastService.ForecastRequest(from, to, SeasonalNaive.NAME,
                null, null), org.as(planner)).value().run().id();
        return new Setup(center, team, list, planner, from, to, id);
    }
}
