package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The break rule per shift and the coverage vector net of breaks that the solver, the API and the pages share. */
class ShiftBreaksTest {

    @Test
    void placesTheMealInTheMiddleOfItsWindowAndAShortBreakOnEitherSide() {
        // 8 h with 30 min meal: window 120..330 min after the start
        assertThat(EARLY_8.getBreakOffsets()).containsExactly(
                new ShiftBreaks.Offset(PlannedBreak.Kind.SHORT, 105, 15),
                new ShiftBreaks.Offset(PlannedBreak.Kind.MEAL, 225, 30),
                new ShiftBreaks.Offset(PlannedBreak.Kind.SHORT, 360, 15));
        assertThat(PART_4.getBreakOffsets()).containsExactly(new ShiftBreaks.Offset(PlannedBreak.Kind.SHORT, 105, 15));
        assertThat(EARLY_8.breaksOn(MONDAY)).extracting(PlannedBreak::start).containsExactly(
                MONDAY.atTime(8, 45), MONDAY.atTime(10, 45), MONDAY.atTime(13, 0));
    }

    @Test
    void everyTemplateLengthKeepsItsBreaksInsideTheShiftAndApart() {
        for (int length = 120; length <= 720; length += 30) {
            for (int meal : new int[] {0, 30, 45, 60}) {
                BreakRule rule = BreakRule.standard(length, meal);
                List<ShiftBreaks.Offset> breaks = ShiftBreaks.of(length, rule);
                for (ShiftBreaks.Offset b : breaks) {
                    assertThat(b.offsetMinutes()).as("%d min, meal %d", length, meal).isGreaterThanOrEqualTo(0);
                    assertThat(b.offsetMinutes() + b.minutes()).as("%d min, meal %d", length, meal)
                            .isLessThanOrEqualTo(length);
                }
                for (int i = 1; i < breaks.size(); i++) {
                    assertThat(breaks.get(i).offsetMinutes())
                            .isGreaterThanOrEqualTo(breaks.get(i - 1).offsetMinutes() + breaks.get(i - 1).minutes());
                }
                breaks.stream().filter(b -> b.kind() == PlannedBreak.Kind.MEAL).forEach(b -> assertThat(b.offsetMinutes())
                        .isBetween(rule.mealWindowStartOffset(), rule.mealWindowEndOffset()));
                assertThat(breaks.stream().filter(b -> b.kind() == PlannedBreak.Kind.MEAL).count())
                        .isEqualTo(rule.hasMealBreak() ? 1 : 0);
            }
        }
    }

    @Test
    void theCoverageVectorIsTheShiftLessItsBreaksPerInterval() {
        int[] thirty = NetCoverage.onPhoneMinutesPerSlot(EARLY_8, 30); // 07:00–15:00
        assertThat(thirty).hasSize(16);
        assertThat(Arrays.stream(thirty).sum()).isEqualTo(480 - 15 - 30 - 15);
        assertThat(thirty[3]).isEqualTo(15);  // 08:30–09:00, break 08:45
        assertThat(thirty[7]).isEqualTo(15);  // 10:30–11:00, meal from 10:45
        assertThat(thirty[8]).isEqualTo(15);  // 11:00–11:30, meal to 11:15
        assertThat(thirty[12]).isEqualTo(15); // 13:00–13:30, break 13:00
        assertThat(thirty[0]).isEqualTo(30);
        // a start off the interval grid touches one more interval, partly
        ShiftOption offGrid = ShiftOption.of("general", LocalTime.of(7, 15), 240, 0);
        int[] shifted = NetCoverage.onPhoneMinutesPerSlot(offGrid, 30);
        assertThat(shifted).hasSize(9);
        assertThat(shifted[0]).isEqualTo(15);
        assertThat(Arrays.stream(shifted).sum()).isEqualTo(240 - 15);
    }

    @Test
    void theSolverAndTheApiCountTheSameMinutes() {
        LocalDate day = LocalDate.of(2026, 3, 16);
        int[] vector = NetCoverage.onPhoneMinutesPerSlot(LATE_9, 30);
        for (int i = 0; i < vector.length; i++) {
            assertThat(NetCoverage.onPhoneMinutes(day.atTime(14, 0).plusMinutes(30L * i), 30, day.atTime(14, 0),
                    day.atTime(23, 0), LATE_9.breaksOn(day))).as("interval %d", i).isEqualTo(vector[i]);
        }
    }

    @Test
    void penaltiesAreInHundredthsOfSquaredAgentsAndTenthsOfAgents() {
        assertThat(NetCoverage.shortfallPenalty(30, 30)).isEqualTo(100);
        assertThat(NetCoverage.shortfallPenalty(60, 30)).isEqualTo(400);
        assertThat(NetCoverage.shortfallPenalty(15, 30)).isEqualTo(25);
        assertThat(NetCoverage.shortfallPenalty(0, 30)).isZero();
        assertThat(NetCoverage.overstaffingPenalty(30, 30)).isEqualTo(10);
        assertThat(NetCoverage.overstaffingPenalty(15, 30)).isEqualTo(5);
        assertThat(NetCoverage.overstaffingPenalty(15, 15)).isEqualTo(10);
    }
}
