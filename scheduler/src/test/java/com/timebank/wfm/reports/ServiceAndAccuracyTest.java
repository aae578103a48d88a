package com.timebank.wfm.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.history.IntervalTotal;
import com.timebank.wfm.roster.PublishedPlanService;
import com.timebank.wfm.roster.RosterCoverage;

/** The day's service against a published plan, and the forecast errors, as plain arithmetic. */
class ServiceAndAccuracyTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    static final RosterCoverage.Policy POLICY = new RosterCoverage.Policy(0.8, 20, 0.0, 30);

    @Test
    void aPublishedDayCountsTheRostersAgentsAgainstItsForecastsRequirement() {
        LocalDateTime nine = DAY.atTime(9, 0);
        PublishedPlanService.PlanDay plan = new PublishedPlanService.PlanDay(DAY, 7, 3, null, POLICY,
                List.of(new PublishedPlanService.PlannedInterval(nine, 20, 180, 3),
                        new PublishedPlanService.PlannedInterval(nine.plusMinutes(30), 20, 180, 3)),
                // two agents 09:00–10:00, a third from 09:30
                List.of(new RosterCoverage.Span(nine, nine.plusHours(1)), new RosterCoverage.Span(nine, nine.plusHours(1)),
                        new RosterCoverage.Span(nine.plusMinutes(30), nine.plusHours(8))));
        // what arrived: 09:00 as forecast, nothing recorded at 09:30, and an unplanned 10:00 interval
        List<IntervalTotal> arrived = List.of(new IntervalTotal(nine, 20, 180),
                new IntervalTotal(nine.plusMinutes(60), 10, 180));
        Efficiency.ServiceDay day = EfficiencyService.serviceDay(DAY, arrived, plan);

        assertThat(day.rosterId()).isEqualTo(7L);
        assertThat(day.forecastId()).isEqualTo(3L);
        assertThat(day.requiredFrom()).isEqualTo(Efficiency.REQUIRED_FROM_FORECAST);
        assertThat(day.intervals()).extracting(Efficiency.ServiceInterval::start)
                .containsExactly(nine, nine.plusMinutes(30), nine.plusMinutes(60));
        assertThat(day.intervals()).extracting(Efficiency.ServiceInterval::scheduled).containsExactly(2, 3, 1);
        assertThat(day.intervals()).extracting(Efficiency.ServiceInterval::required).containsExactly(3, 3, 0);
        assertThat(day.intervals()).extracting(Efficiency.ServiceInterval::forecastContacts)
                .containsExactly(20.0, 20.0, 0.0);
        assertThat(day.intervals()).extracting(Efficiency.ServiceInterval::contacts).containsExactly(20.0, 0.0, 10.0);
        // 09:30 had no contacts: no service level of its own
        assertThat(day.intervals().get(1).serviceLevel()).isNull();
        assertThat(day.scheduledSeconds()).isEqualTo(6 * 1800L);
        assertThat(day.requiredSeconds()).isEqualTo(6 * 1800L);
        assertThat(day.shortIntervals()).isEqualTo(1);
        assertThat(day.overIntervals()).isEqualTo(1);
        // 20 contacts × 180 s in 1,800 s = 2 Erlangs on 2 agents: occupancy 100%
        assertThat(day.intervals().get(0).occupancy()).isEqualByComparingTo("1");
    }

    @Test
    void forecastErrorsAreWeightedByWhatArrived() {
        ForecastAccuracy.Errors e = new ForecastAccuracy.Errors().add(20, 10, 10.0).add(10, 10, 10.0).add(0, 5, null);
        ForecastAccuracy.Figures f = e.figures();
        // Σ|A − F| = 10 + 0 + 5 = 15 over ΣA = 30; bias (25 − 30) / 30; MASE over the two with a naive value: 10 / 10
        assertThat(f.wmape()).isEqualByComparingTo("0.5");
        assertThat(f.bias()).isEqualByComparingTo("-0.166667");
        assertThat(f.mase()).isEqualByComparingTo("1");
        assertThat(f.intervals()).isEqualTo(3);
        assertThat(new ForecastAccuracy.Errors().add(0, 4, null).figures().wmape()).isNull();
    }
}
