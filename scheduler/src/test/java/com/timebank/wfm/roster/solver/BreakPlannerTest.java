package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class BreakPlannerTest {

    @Test
    void staggersMealBreaksAgainstTheSurplus() {
        Agent ann = agent("ANN").build();
        Agent bob = agent("BOB").build();
        Agent cid = agent("CID").build();
        // 2 required 09:00–18:00, 3 scheduled: one agent at a time can be on a break.
        RosterSolution roster = builder(1, ann, bob, cid).requirement("general", MONDAY, dayRequirement(18, 36, 2)).build();
        for (Agent agent : List.of(ann, bob, cid)) {
            day(roster, agent, 0).setShift(DAY_9);
        }

        new BreakPlanner().planBreaks(roster);

        List<PlannedBreak> meals = roster.getAgentDays().stream()
                .map(day -> day.getBreaks().stream().filter(b -> b.kind() == PlannedBreak.Kind.MEAL).findFirst().orElseThrow())
                .toList();
        LocalDateTime nine = MONDAY.atTime(9, 0);
        for (PlannedBreak meal : meals) {
            assertThat(meal.minutes()).isEqualTo(60);
            assertThat(meal.start()).isBetween(nine.plusMinutes(120), nine.plusMinutes(360)); // the meal window
        }
        for (int i = 0; i < meals.size(); i++) {
            for (int j = i + 1; j < meals.size(); j++) {
                boolean overlap = meals.get(i).start().isBefore(meals.get(j).end())
                        && meals.get(j).start().isBefore(meals.get(i).end());
                assertThat(overlap).as("meals %s and %s", meals.get(i), meals.get(j)).isFalse();
            }
        }
        // Nobody is short while on the phone: the on-phone count never drops below the requirement.
        CoverageReport report = CoverageReport.of(roster);
        assertThat(report.intervals()).filteredOn(i -> i.required() > 0)
                .allSatisfy(i -> assertThat(i.onPhone()).isGreaterThanOrEqualTo(i.required() - 1e-9));
    }

    @Test
    void placesShortBreaksAwayFromTheMealAndTheShiftEdges() {
        Agent ann = agent("ANN").build();
        RosterSolution roster = problem(1, ann);
        day(roster, ann, 0).setShift(DAY_9);

        new BreakPlanner().planBreaks(roster);

        List<PlannedBreak> breaks = day(roster, ann, 0).getBreaks();
        assertThat(breaks).extracting(PlannedBreak::kind)
                .containsExactly(PlannedBreak.Kind.SHORT, PlannedBreak.Kind.MEAL, PlannedBreak.Kind.SHORT);
        PlannedBreak meal = breaks.get(1);
        assertThat(breaks.get(0).start()).isAfterOrEqualTo(MONDAY.atTime(9, 45));
        assertThat(breaks.get(0).end().plusMinutes(45)).isBeforeOrEqualTo(meal.start());
        assertThat(breaks.get(2).start()).isAfterOrEqualTo(meal.end().plusMinutes(45));
        assertThat(breaks.get(2).end()).isBeforeOrEqualTo(MONDAY.atTime(17, 15));
        assertThat(breaks).allSatisfy(b -> assertThat(b.start().getMinute() % 15).isZero());
    }

    @Test
    void respectsTheBreakRulesOfEveryTemplate() {
        RosterSolution roster = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(40, 7));
        new GreedyRoster(roster, new java.util.Random(1)).plan().forEach(AgentDay::setShift);

        new BreakPlanner().planBreaks(roster);

        assertThat(roster.getAgentDays()).filteredOn(AgentDay::isWorking).isNotEmpty().allSatisfy(day -> {
            ShiftOption shift = day.getShift();
            BreakRule rule = shift.getBreakRule();
            LocalDateTime start = day.getDate().atTime(shift.getStart());
            LocalDateTime end = start.plusMinutes(shift.getLengthMinutes());
            List<PlannedBreak> breaks = day.getBreaks();
            assertThat(breaks).hasSize((rule.hasMealBreak() ? 1 : 0) + rule.shortBreakCount());
            for (PlannedBreak b : breaks) {
                assertThat(b.start()).isAfterOrEqualTo(start.plusMinutes(45));
                assertThat(b.end()).isBeforeOrEqualTo(end.minusMinutes(45));
                if (b.kind() == PlannedBreak.Kind.MEAL) {
                    assertThat(b.start()).isBetween(start.plusMinutes(rule.mealWindowStartOffset()),
                            start.plusMinutes(rule.mealWindowEndOffset()));
                }
            }
            for (int i = 1; i < breaks.size(); i++) {
                assertThat(breaks.get(i - 1).end().plusMinutes(45)).isBeforeOrEqualTo(breaks.get(i).start());
            }
        });
    }

    @Test
    void aPartTimeShiftGetsOneShortBreakAndDaysOffNone() {
        Agent ann = agent("ANN").build();
        Agent bob = agent("BOB").build();
        RosterSolution roster = problem(1, ann, bob);
        day(roster, ann, 0).setShift(PART_4);

        new BreakPlanner().planBreaks(roster);

        assertThat(day(roster, ann, 0).getBreaks()).singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo(PlannedBreak.Kind.SHORT));
        assertThat(day(roster, bob, 0).getBreaks()).isEmpty();
    }

    @Test
    void keepsTheBreaksOfAPinnedDay() {
        Agent ann = agent("ANN").build();
        RosterSolution roster = builder(1, ann).pin(ann, MONDAY, DAY_9).build();
        List<PlannedBreak> published = List.of(new PlannedBreak(PlannedBreak.Kind.MEAL, MONDAY.atTime(12, 0), 60));
        day(roster, ann, 0).setBreaks(published);

        new BreakPlanner().planBreaks(roster);

        assertThat(day(roster, ann, 0).getBreaks()).isEqualTo(published);
    }
}
