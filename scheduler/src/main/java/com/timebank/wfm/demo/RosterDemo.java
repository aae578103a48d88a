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
 * The roster's part of the demo: a forecast of the next weeks and a roster for the next two weeks, solved
 * reproducibly and published (so the time bank's part, which runs next, publishes only past days).
 * <p>
 * The solve ends after a fixed number of local search steps, not after a few seconds: a timed solve on a loaded
 * machine sometimes stopped before the roster was feasible, leaving a demo without shifts or an approval queue. The
 * same data gives the same roster and score on any machine. Should it still break a hard rule, the log says so
 * loudly: the demo then has no published shifts.
 */
@Component
@ConditionalOnProperty(name = "wfm.demo", havingValue = "true")
class RosterDemo implements DemoData.DemoStep {

    /** Local search steps after the construction; what a resume or "continue solving" would use is SOLVE_SECONDS. */
    static final int SOLVE_STEPS = 2_000;
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
            long started = System.nanoTime();
            RosterRun solved = rosters.solveReproducibly(center.code(), new RosterService.StartRequest(today, to,
                    forecastId, SOLVE_SECONDS), SOLVE_STEPS, admin);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (solved.hardScore() == null || solved.hardScore() < 0) {
                log.error("DEMO ROSTER NOT PUBLISHED: roster {} for {}..{} breaks hard rules (score {}, {} steps, {} ms);"
                        + " the demo has no published shifts and no time-off approval queue. See GET /api/rosters/{}"
                        + "/explanation", solved.id(), today, to, solved.score(), SOLVE_STEPS, millis, solved.id());
                return;
            }
            RosterRun published = rosters.publish(solved.id(), admin);
            log.info("Demo roster {} for {}..{} published with score {} ({} steps, {} ms; GET /api/rosters/{})",
                    published.id(), today, to, published.score(), SOLVE_STEPS, millis, published.id());
        } catch (RuntimeException e) {
            log.error("DEMO ROSTER NOT PUBLISHED: it could not be made; the demo has no published shifts and no "
                    + "time-off approval queue", e);
        }
    }
}
