package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** The rules across the period edge (published shifts just outside the horizon) and inputs no roster can satisfy. */
class PeriodEdgeAndInputConstraintTest {

    private static final ConstraintVerifier<RosterConstraintProvider, RosterSolution> VERIFIER =
            ConstraintVerifier.build(new RosterConstraintProvider(), RosterSolution.class, AgentDay.class);

    private static final LocalDateTime SUNDAY_BEFORE = MONDAY.minusDays(1).atStartOfDay();

    private static Object[] entities(RosterSolution solution) {
        return solution.getAgentDays().toArray();
    }

    /** Worked days just before the horizon: {@code days} days ending on the Sunday before, 09:00–17:00. */
    private static RosterProblemBuilder workedBefore(RosterProblemBuilder builder, Agent agent, int days) {
        for (int i = 1; i <= days; i++) {
            LocalDateTime start = MONDAY.minusDays(i).atTime(9, 0);
            builder.shiftOutsideHorizon(agent, start, start.plusHours(8));
        }
        return builder;
    }

    @Nested
    class RestNextToPublishedShifts {
        private final Agent ann = agent("ANN").build();

        @Test
        void penalizesAMondayShiftTooSoonAfterALateSundayShift() {
            RosterSolution s = builder(7, ann)
                    .shiftOutsideHorizon(ann, SUNDAY_BEFORE.withHour(14), SUNDAY_BEFORE.withHour(23)).build();
            work(s, ann, EARLY_8); // 23:00 → 07:00 = 8 h
            VERIFIER.verifyThat(RosterConstraintProvider::minimumRestNextToPublishedShifts)
                    .given(entities(s)).penalizesBy(660 - 480);
        }

        @Test
        void penalizesALastDayShiftTooCloseToTheNextPublishedShift() {
            LocalDateTime nextMonday = MONDAY.plusDays(7).atTime(7, 0);
            RosterSolution s = builder(7, ann).shiftOutsideHorizon(ann, nextMonday, nextMonday.plusHours(8)).build();
            work(s, ann, null, null, null, null, null, null, LATE_9); // Sunday 23:00 → Monday 07:00
            VERIFIER.verifyThat(RosterConstraintProvider::minimumRestNextToPublishedShifts)
                    .given(entities(s)).penalizesBy(660 - 480);
        }

        @Test
        void doesNotPenalizeEnoughRestOrADayOff() {
            RosterSolution s = builder(7, ann)
                    .shiftOutsideHorizon(ann, SUNDAY_BEFORE.withHour(14), SUNDAY_BEFORE.withHour(23)).build();
            work(s, ann, null, EARLY_8); // Monday off: 32 h of rest
            VERIFIER.verifyThat(RosterConstraintProvider::minimumRestNextToPublishedShifts)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class ConsecutiveDaysNextToPublishedShifts {
        private final Agent ann = agent("ANN").build();

        @Test
        void penalizesExtendingARunThatStartedInThePublishedWeek() {
            RosterSolution s = workedBefore(builder(7, ann), ann, 5).build();
            work(s, ann, DAY_8, DAY_8); // 5 + 2 = 7 days in a row
            VERIFIER.verifyThat(RosterConstraintProvider::consecutiveDaysNextToPublishedShifts)
                    .given(entities(s)).penalizesBy(1);
            VERIFIER.verifyThat(RosterConstraintProvider::maximumConsecutiveWorkingDays)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void penalizesARunThatRunsIntoThePublishedNextWeek() {
            RosterProblemBuilder b = builder(7, ann);
            for (int i = 0; i < 4; i++) {
                LocalDateTime start = MONDAY.plusDays(7 + i).atTime(9, 0);
                b.shiftOutsideHorizon(ann, start, start.plusHours(8));
            }
            RosterSolution s = b.build();
            work(s, ann, null, null, null, null, DAY_8, DAY_8, DAY_8); // 3 + 4 = 7
            VERIFIER.verifyThat(RosterConstraintProvider::consecutiveDaysNextToPublishedShifts)
                    .given(entities(s)).penalizesBy(1);
        }

        @Test
        void doesNotPenalizeADayOffAfterSixPublishedDays() {
            RosterSolution s = workedBefore(builder(7, ann), ann, 6).build();
            work(s, ann, null, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::consecutiveDaysNextToPublishedShifts)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void countsOnlyTheWindowsThatReachTheEdgeOnce() {
            RosterSolution s = workedBefore(builder(14, ann), ann, 6).build();
            // 6 published + 8 worked: windows ending on horizon days 0..7 = 8, of which 2 inside the horizon
            work(s, ann, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::consecutiveDaysNextToPublishedShifts)
                    .given(entities(s)).penalizesBy(6);
            VERIFIER.verifyThat(RosterConstraintProvider::maximumConsecutiveWorkingDays)
                    .given(entities(s)).penalizesBy(2);
        }
    }

    @Nested
    class LeaveCreditedUpToTheContract {
        // 960–1,200 min a week, 4 h shifts only
        private final Agent partTimer = agent("PT").weeklyMinutes(960, 1200).allowedShiftLengths(240).build();

        private RosterSolution leaveDays(int days) {
            RosterProblemBuilder b = builder(7, partTimer);
            for (int d = 0; d < days; d++) {
                b.unavailability(Unavailability.fullDay(partTimer, MONDAY.plusDays(d), UnavailabilityType.LEAVE, 480));
            }
            return b.build();
        }

        @Test
        void threeEightHourLeaveDaysAreCreditedUpToTheMaximumReportedAndLeaveTheWeekEmpty() {
            RosterSolution s = leaveDays(3);
            assertThat(s.getAgentDays().stream().mapToInt(AgentDay::getCountedMinutes).sum()).isEqualTo(1200);
            assertThat(s.getAgentIssues()).singleElement().satisfies(issue -> {
                assertThat(issue.rule()).isEqualTo(AgentIssue.Rule.WEEKLY_MAXIMUM);
                assertThat(issue.reason()).isEqualTo("roster.issue.absence-above-maximum");
                assertThat(issue.args()).containsExactly(1200, 1440);
            });
            assertThat(s.getAgentDays()).allMatch(d -> d.isPinned() && !d.isWorking());
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract)
                    .given(entities(s)).penalizes(0);
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void shiftsOnTopOfLeaveCountTowardsTheMaximum() {
            RosterSolution s = leaveDays(2); // 960 credited
            assertThat(s.getAgentIssues()).isEmpty();
            work(s, partTimer, null, null, PART_4, PART_4); // 960 + 480 = 1440
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract)
                    .given(entities(s)).penalizesBy(240);
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class InputsThatMakeARuleImpossible {

        @Test
        void aWeeklyMinimumOutOfReachIsReportedNotJudgedAndTheWeekIsLeftEmpty() {
            Agent partTimer = agent("PT").weeklyMinutes(960, 1200).allowedShiftLengths(240).build();
            RosterProblemBuilder b = builder(14, partTimer);
            for (int d = 0; d < 5; d++) { // unpaid: nothing credited, two free days of at most 4 h left
                b.unavailability(Unavailability.fullDay(partTimer, MONDAY.plusDays(d), UnavailabilityType.LEAVE, 0));
            }
            RosterSolution s = b.build();

            assertThat(s.getAgentIssues()).singleElement().satisfies(issue -> {
                assertThat(issue.employeeNo()).isEqualTo("PT");
                assertThat(issue.rule()).isEqualTo(AgentIssue.Rule.WEEKLY_MINIMUM);
                assertThat(issue.weekStart()).isEqualTo(MONDAY);
                assertThat(issue.reason()).isEqualTo("roster.issue.weekly-minimum");
                assertThat(issue.args()).containsExactly(960, 480, 0);
            });
            assertThat(s.getAgentDays().subList(0, 7)).allMatch(d -> d.isPinned() && !d.isWorking());
            assertThat(s.getAgentDays().subList(7, 14)).noneMatch(AgentDay::isPinned);
            // week 1 is not judged; week 2 is (no shifts yet: 960 missing)
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizesBy(960);
        }

        @Test
        void anAgentWithoutTheQueuesSkillIsLeftOutAndReported() {
            Agent sales = Agent.builder("SALES").weeklyMinutes(960, 1200).skills("sales").build();
            Agent ann = agent("ANN").build();
            RosterSolution s = problem(7, sales, ann);

            assertThat(s.getAgentIssues()).singleElement().satisfies(issue -> {
                assertThat(issue.employeeNo()).isEqualTo("SALES");
                assertThat(issue.rule()).isEqualTo(AgentIssue.Rule.SKILL);
            });
            assertThat(s.getAgentDays()).filteredOn(d -> d.getAgent() == sales)
                    .allMatch(d -> d.isPinned() && !d.isWorking());
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void aFeasibleAgentIsNotReported() {
            Agent fullTime = agent("FT").weeklyMinutes(2250, 2400).build();
            assertThat(problem(7, fullTime).getAgentIssues()).isEmpty();
        }
    }

    /**
     * A horizon from Wednesday with contract weeks from Monday: the published Monday and Tuesday (480 paid minutes
     * each) count towards the first week's contract of 2,400 minutes, so Wednesday to Sunday need exactly 1,440.
     */
    @Nested
    class WeeklyMinutesAcrossTheWeekStart {
        private final java.time.LocalDate wednesday = MONDAY.plusDays(2);
        private final Agent ann = agent("ANN").weeklyMinutes(2400, 2400).build();

        private RosterSolution fromWednesday(boolean mondayAndTuesdayPublished) {
            RosterProblemBuilder b = RosterProblemBuilder.forHorizon(wednesday, 7).shiftOptions(OPTIONS).agent(ann)
                    .contractWeekStart(java.time.DayOfWeek.MONDAY);
            if (mondayAndTuesdayPublished) {
                b.plannedDayOutsideHorizon(ann, MONDAY, 480).plannedDayOutsideHorizon(ann, MONDAY.plusDays(1), 480);
            }
            return b.build();
        }

        @Test
        void contractWeeksStartOnMondayInsideTheHorizon() {
            RosterSolution s = fromWednesday(false);
            assertThat(s.getContractWeeks().count()).isEqualTo(2);
            assertThat(day(s, ann, 4).getWeekIndex()).isZero();   // Sunday
            assertThat(day(s, ann, 5).getWeekIndex()).isEqualTo(1); // next Monday
            assertThat(s.getContractWeeks().daysIn(0)).isEqualTo(5);
        }

        @Test
        void thePublishedDaysBeforeTheHorizonCountTowardsTheWeeklyMinimum() {
            RosterSolution s = fromWednesday(true);
            work(s, ann, DAY_9, DAY_9, DAY_9); // 1,440 + 960 published = 2,400
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract).given(entities(s))
                    .penalizesBy(2 * 2400 / 7); // only the 2-day second week (Mon, Tue) is short: 685 min
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract).given(entities(s))
                    .penalizes(0);
        }

        @Test
        void thePublishedDaysBeforeTheHorizonCountTowardsTheWeeklyMaximum() {
            RosterSolution s = fromWednesday(true);
            work(s, ann, DAY_9, DAY_9, DAY_9, DAY_9, DAY_9); // 2,400 in the horizon + 960 published
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract).given(entities(s))
                    .penalizesBy(960);
        }

        @Test
        void withoutPublishedDaysThePartialWeekIsProRated() {
            RosterSolution s = fromWednesday(false);
            work(s, ann, DAY_9, DAY_9, DAY_9, DAY_9, DAY_9); // 2,400 against 5/7 of the contract
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract).given(entities(s))
                    .penalizesBy(2400 - (2400 * 5 + 6) / 7);
        }
    }
}
