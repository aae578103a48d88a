package com.timebank.wfm.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.roster.RosterRun;
import com.timebank.wfm.roster.RosterService;

/**
 * The roster's part of the demo: a forecast of the next weeks, a roster for the next two weeks solved for a few
 * seconds and published (so the time bank's part, which runs next, publishes only past days).
 */
@Component
@ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
class RosterDemo implements DemoData.DemoStep {

    static final int SOLVE_SECONDS = 8;
    private static final Logger log = LoggerFactory.getLogger(RosterDemo.class);

    private final ForecastService forecasts;
    private final RosterService rosters;
    private final Clock clock;

    RosterDemo(ForecastService forecasts, RosterService rosters, Clock clock) {
        this.forecasts = forecasts;
        this.rosters = rosters;
        this.clock = clock;
    }

    @Override
    public void seed(Center center, List<Agent> agents, CurrentUser admin) {
        LocalDate today = center.today(clock);
        LocalDate to = today.plusDays(13);
        try {
            long forecastId = forecasts.create(center.code(), new ForecastService.ForecastRequest(today, to, null, null,
                    null), admin).value().run().id();
            RosterRun run = rosters.start(center.code(), new RosterService.StartRequest(today, to, forecastId,
                    SOLVE_SECONDS), admin);
            rosters.awaitSolved(run.id(), SOLVE_SECONDS + 60L);
            RosterRun published = rosters.publish(run.id(), admin);
            log.info("Demo roster {} for {}..{} published with score {} (GET /api/rosters/{})", published.id(), today, to,
                    published.score(), published.id());
        } catch (RuntimeException e) {
            log.warn("Demo roster could not be made and published; the rest of the demo is unaffected", e);
        }
    }
}
