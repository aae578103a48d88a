package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final SyntheticCenter CENTER = SyntheticCenter.weekdayCenter().start(START).days(20 * 7).build();

    @Test
    void asOfLearnsNothingFromLaterHistory() {
        LocalDate asOf = LocalDate.of(2024, 4, 12);
        IntervalHistory h = CENTER.history();
        // Same history up to asOf, wildly different afterwards.
        List<IntervalHistory.Row> tampered = new ArrayList<>();
        for (IntervalHistory.Row r : CENTER.rows(START, CENTER.end(), 42)) {
            boolean later = r.intervalStart().toLocalDate().isAfter(asOf);
            tampered.add(later ? new IntervalHistory.Row(r.intervalStart(), r.contacts() * 5 + 3, 999) : r);
        }
        Forecaster forecaster = new Forecaster();
        for (String method : ForecastMethods.names()) {
            Forecaster.Request req = new Forecaster.Request(asOf.plusDays(3), asOf.plusDays(16), method, asOf);
            Forecast a = forecaster.forecast(h, ForecastCalendar.defaults(), req);
            Forecast b = forecaster.forecast(IntervalHistory.of(30, tampered), ForecastCalendar.defaults(), req);
            assertThat(a.intervals()).as(method).isEqualTo(b.intervals());
            assertThat(a.learnedUpTo()).isEqualTo(asOf);
        }
    }

    @Test
    void automaticSelectionNamesTheMethodItPicked() {
        Forecast f = new Forecaster().forecast(CENTER.history(), ForecastCalendar.defaults(),
                new Forecaster.Request(CENTER.end().plusDays(1), CENTER.end().plusDays(42), null, null));
        assertThat(ForecastMethods.names()).contains(f.method());
        assertThat(f.notes().get(0).code()).isEqualTo("forecast.note.auto-picked");
        assertThat(f.notes().get(0).args().get(0)).isEqualTo(f.method());
        assertThat(f.intervals()).hasSize(30 * 20);
    }

    @Test
    void refusesUnknownMethodsAndTooLongHorizons() {
        Forecaster forecaster = new Forecaster();
        LocalDate from = CENTER.end().plusDays(1);
        assertThatThrownBy(() -> forecaster.forecast(CENTER.history(), ForecastCalendar.none(),
                new Forecaster.Request(from, from.plusDays(5), "crystal-ball", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seasonal-naive");
        assertThatThrownBy(() -> forecaster.forecast(CENTER.history(), ForecastCalendar.none(),
                new Forecaster.Request(from, from.plusDays(42), "seasonal-naive", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("42");
    }

    /** Why no forecast can be made is a message code with arguments, so the planner reads it in their language. */
    @Test
    void nothingToLearnFromSaysSoWithACode() {
        LocalDate from = CENTER.end().plusDays(1);
        ForecastCalendar.Builder everyDaySpecial = ForecastCalendar.builder();
        for (LocalDate d = START; d.isBefore(from); d = d.plusDays(1)) {
            everyDaySpecial.specialDay(d, 1.0, "campaign");
        }
        ForecastCalendar calendar = everyDaySpecial.build();
        List<String> refused = new ArrayList<>();
        for (String method : ForecastMethods.names()) {
            try {
                new Forecaster().forecast(CENTER.history(), calendar,
                        new Forecaster.Request(from, from.plusDays(6), method, null));
            } catch (NothingToLearn e) {
                assertThat(e.code()).as(method).isEqualTo("forecast.no-learnable-day");
                refused.add(method);
            }
        }
        assertThat(refused).contains(DailyVolumeTimesProfile.NAME, DoubleSeasonalHoltWinters.NAME);

        assertThatThrownBy(() -> new Forecaster().forecast(CENTER.history(), ForecastCalendar.none(),
                new Forecaster.Request(START, START.plusDays(6), "seasonal-naive", null)))
                .isInstanceOfSatisfying(NothingToLearn.class, e -> {
                    assertThat(e.code()).isEqualTo("forecast.no-open-day-before");
                    assertThat(e.args()).containsExactly(START);
                });
    }

    @Test
    void plannerSpecialDaysApplyToEveryMethod() {
        LocalDate from = CENTER.end().plusDays(1);
        LocalDate campaign = from.plusDays(2);
        LocalDate likeDay = from.plusDays(3);
        // A past Thursday that ran at 2x (an outage backlog), flagged as special so nobody learns from it.
        LocalDate outage = CENTER.end().minusDays(10);
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (IntervalHistory.Row r : CENTER.rows(START, CENTER.end(), 42)) {
            boolean doubled = r.intervalStart().toLocalDate().equals(outage);
            rows.add(doubled ? new IntervalHistory.Row(r.intervalStart(), r.contacts() * 2, r.ahtSeconds()) : r);
        }
        IntervalHistory h = IntervalHistory.of(30, rows);
        ForecastCalendar plain = ForecastCalendar.builder().specialDay(outage, 2.0, "outage").build();
        ForecastCalendar special = ForecastCalendar.builder().specialDay(outage, 2.0, "outage")
                .specialDay(campaign, 1.4, "campaign").specialDayLike(likeDay, outage, "another outage").build();
        for (ForecastMethod m : ForecastMethods.standard()) {
            Forecast normal = m.forecast(h, plain, from, from.plusDays(6));
            Forecast adjusted = m.forecast(h, special, from, from.plusDays(6));
            assertThat(adjusted.dayTotal(campaign)).as(m.name()).isCloseTo(1.4 * normal.dayTotal(campaign), within(1e-6));
            assertThat(adjusted.dayTotal(likeDay)).as(m.name()).isCloseTo(2 * normal.dayTotal(likeDay), withPercentage(10));
            assertThat(adjusted.dayTotal(from)).isEqualTo(normal.dayTotal(from));
            // The flagged outage was not learned: ordinary days stay near the truth.
            assertThat(normal.dayTotal(likeDay)).as(m.name()).isCloseTo(CENTER.expectedDayTotal(likeDay), withPercentage(10));
        }
    }
}
