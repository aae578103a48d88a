package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class RosterConstraintProviderTest {

    private static final ConstraintVerifier<RosterConstraintProvider, RosterSolution> VERIFIER =
            ConstraintVerifier.build(new RosterConstraintProvider(), RosterSolution.class, AgentDay.class);

    private static Object[] entities(RosterSolution solution) {
        return solution.getAgentDays().toArray();
    }

    private static Object[] entitiesAndUnavailabilities(RosterSolution solution) {
        List<Object> all = new ArrayList<>(solution.getAgentDays());
        all.addAll(solution.getUnavailabilities());
        return all.toArray();
    }

    // ************************************************************************
    // Hard
    // ************************************************************************

    @Nested
    class WeeklyMinutesBelowContract {
        private final Agent fullTime = agent("FT").weeklyMinutes(2250, 2400).build();

        @Test
        void penalizesMinutesMissingFromTheWeeklyMinimum() {
            RosterSolution s = problem(7, fullTime);
            work(s, fullTime, DAY_9, DAY_9, DAY_9, DAY_9); // 4 × 480 = 1920
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizesBy(2250 - 1920);
        }

        @Test
        void penalizesAWeekWithoutAnyShift() {
            RosterSolution s = problem(7, fullTime);
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizesBy(2250);
        }

        @Test
        void doesNotPenalizeAWeekAtTheMinimum() {
            RosterSolution s = problem(7, fullTime);
            work(s, fullTime, EARLY_8, EARLY_8, EARLY_8, EARLY_8, EARLY_8); // 5 × 450 = 2250
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void countsMinutesCreditedByApprovedLeave() {
            RosterSolution s = builder(7, fullTime)
                    .unavailability(Unavailability.fullDay(fullTime, MONDAY.plusDays(4), UnavailabilityType.LEAVE, 465))
                    .build();
            work(s, fullTime, DAY_9, DAY_9, DAY_9, DAY_9); // 1920 + 465 credited = 2385
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void proratesAPartialWeekAtTheEndOfTheHorizon() {
            RosterSolution s = problem(8, fullTime);
            work(s, fullTime, EARLY_8, EARLY_8, EARLY_8, EARLY_8, EARLY_8); // week 0 fine; week 1 = 1 day, off
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesBelowContract)
                    .given(entities(s)).penalizesBy(2250 / 7);
        }
    }

    @Nested
    class WeeklyMinutesAboveContract {
        private final Agent fullTime = agent("FT").weeklyMinutes(2250, 2400).build();

        @Test
        void penalizesMinutesAboveTheWeeklyMaximum() {
            RosterSolution s = problem(7, fullTime);
            work(s, fullTime, EARLY_8, EARLY_8, EARLY_8, EARLY_8, EARLY_8, EARLY_8); // 6 × 450 = 2700
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract)
                    .given(entities(s)).penalizesBy(300);
        }

        @Test
        void doesNotPenalizeAWeekAtTheMaximum() {
            RosterSolution s = problem(7, fullTime);
            work(s, fullTime, DAY_9, DAY_9, DAY_9, DAY_9, DAY_9); // 2400
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void proratesAPartialWeek() {
            RosterSolution s = problem(8, fullTime);
            work(s, fullTime, null, null, null, null, null, null, null, DAY_9); // 480 in a 1-day week, max 343
            VERIFIER.verifyThat(RosterConstraintProvider::weeklyMinutesAboveContract)
                    .given(entities(s)).penalizesBy(480 - 343);
        }
    }

    @Nested
    class MinimumRestBetweenShifts {
        private final Agent ann = agent("ANN").build();
        private final Agent bob = agent("BOB").build();

        @Test
        void penalizesMissingRestMinutesAfterALateShift() {
            RosterSolution s = problem(2, ann);
            work(s, ann, LATE_9, EARLY_8); // 23:00 → 07:00 = 8 h
            VERIFIER.verifyThat(RosterConstraintProvider::minimumRestBetweenShifts)
                    .given(entities(s)).penalizesBy(660 - 480);
        }

        @Test
        void measuresRestFromTheEndOfAShiftPastMidnight() {
            RosterSolution s = problem(2, ann);
            work(s, ann, NIGHT_8, EARLY_8); // ends 04:00 → 07:00 = 3 h
            VERIFIER.verifyThat(RosterConstraintProvider::minimumRestBetweenShifts)
                    .given(entities(s)).penalizesBy(660 - 180);
        }

        @Test
        void usesTheAgentsOwnMinimumRest() {
            Agent twelveHours = agent("TWELVE").minRestMinutes(720).build();
            RosterSolution s = problem(2, twelveHours);
            work(s, twelveHours, LATE_9, DAY_9); // 23:00 → 09:00 = 10 h
            VERIFIER.verifyThat(RosterConstraintProvider::minimumRestBetweenShifts)
                    .given(entities(s)).penalizesBy(720 - 600);
        }

        @Test
        void doesNotPenalizeEnoughRestADayOffBetweenOrAnotherAgent() {
            RosterSolution s = problem(3, ann, bob);
            work(s, ann, EARLY_8, LATE_9, null);
            work(s, bob, LATE_9, null, EARLY_8);
            day(s, ann, 2).setShift(null);
            VERIFIER.verifyThat(RosterConstraintProvider::minimumRestBetweenShifts)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class MaximumConsecutiveWorkingDays {
        private final Agent ann = agent("ANN").build();

        @Test
        void penalizesSevenDaysInARow() {
            RosterSolution s = problem(14, ann);
            work(s, ann, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::maximumConsecutiveWorkingDays)
                    .given(entities(s)).penalizesBy(1);
        }

        @Test
        void penalizesEachExtraDayOfALongerRun() {
            RosterSolution s = problem(14, ann);
            work(s, ann, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::maximumConsecutiveWorkingDays)
                    .given(entities(s)).penalizesBy(2);
        }

        @Test
        void doesNotPenalizeRunsOfSixSeparatedByADayOff() {
            RosterSolution s = problem(14, ann);
            work(s, ann, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, null, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::maximumConsecutiveWorkingDays)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void usesTheAgentsOwnMaximum() {
            Agent three = agent("THREE").maxConsecutiveWorkingDays(3).build();
            RosterSolution s = problem(7, three);
            work(s, three, null, DAY_8, DAY_8, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::maximumConsecutiveWorkingDays)
                    .given(entities(s)).penalizesBy(1);
        }
    }

    @Nested
    class LeaveTimeOffAndUnavailability {
        private final Agent ann = agent("ANN").build();
        private final Agent bob = agent("BOB").build();

        @Test
        void penalizesAShiftOnApprovedLeaveByItsMinutes() {
            RosterSolution s = builder(2, ann)
                    .unavailability(Unavailability.fullDay(ann, MONDAY, UnavailabilityType.LEAVE, 450))
                    .build();
            day(s, ann, 0).setShift(EARLY_8); // e.g. a careless manual edit of the pinned day
            VERIFIER.verifyThat(RosterConstraintProvider::leaveTimeOffAndUnavailability)
                    .given(entitiesAndUnavailabilities(s)).penalizesBy(480);
        }

        @Test
        void penalizesOnlyTheOverlapWithADeclaredUnavailability() {
            RosterSolution s = builder(1, ann)
                    .unavailability(Unavailability.window(ann, MONDAY, LocalTime.of(18, 0), LocalTime.MIDNIGHT))
                    .build();
            day(s, ann, 0).setShift(LATE_9); // 14:00–23:00 overlaps 18:00–23:00
            VERIFIER.verifyThat(RosterConstraintProvider::leaveTimeOffAndUnavailability)
                    .given(entitiesAndUnavailabilities(s)).penalizesBy(300);
        }

        @Test
        void penalizesAShiftRunningPastMidnightIntoTimeOff() {
            RosterSolution s = builder(2, ann)
                    .unavailability(Unavailability.fullDay(ann, MONDAY.plusDays(1), UnavailabilityType.TIME_OFF, 450))
                    .build();
            day(s, ann, 0).setShift(NIGHT_8); // 20:00–04:00
            VERIFIER.verifyThat(RosterConstraintProvider::leaveTimeOffAndUnavailability)
                    .given(entitiesAndUnavailabilities(s)).penalizesBy(240);
        }

        @Test
        void doesNotPenalizeShiftsOutsideTheAgentsOwnUnavailability() {
            RosterSolution s = builder(1, ann, bob)
                    .unavailability(Unavailability.window(ann, MONDAY, LocalTime.of(18, 0), LocalTime.MIDNIGHT))
                    .build();
            day(s, ann, 0).setShift(EARLY_8);
            day(s, bob, 0).setShift(LATE_9);
            VERIFIER.verifyThat(RosterConstraintProvider::leaveTimeOffAndUnavailability)
                    .given(entitiesAndUnavailabilities(s)).penalizes(0);
        }
    }

    @Nested
    class RequiredSkill {
        @Test
        void penalizesAShiftOnAQueueTheAgentHasNoSkillFor() {
            Agent generalOnly = agent("GEN").build();
            RosterSolution s = problem(1, generalOnly);
            day(s, generalOnly, 0).setShift(BILLING_8);
            VERIFIER.verifyThat(RosterConstraintProvider::requiredSkill)
                    .given(entities(s)).penalizesBy(480);
        }

        @Test
        void doesNotPenalizeASkilledAgent() {
            Agent billing = agent("BIL").skills("billing").build();
            RosterSolution s = problem(1, billing);
            day(s, billing, 0).setShift(BILLING_8);
            VERIFIER.verifyThat(RosterConstraintProvider::requiredSkill)
                    .given(entities(s)).penalizes(0);
        }
    }

    // ************************************************************************
    // Soft
    // ************************************************************************

    /**
     * Coverage counts agents on the phone, net of their breaks (ShiftBreaks): EARLY_8 (07:00–15:00) takes its short
     * breaks 08:45–09:00 and 13:00–13:15 and its meal 10:45–11:15, so it is on the phone 15 of the 30 minutes of four
     * intervals (08:30, 10:30, 11:00, 13:00). Penalties in hundredths of agents² (shortfall), tenths of agents (over).
     */
    @Nested
    class CoverageShortfall {
        private final Agent ann = agent("ANN").build();
        private final Agent bob = agent("BOB").build();

        @Test
        void penalizesTheSquaredShortfall() {
            RosterSolution s = builder(1, ann, bob).requirement("general", MONDAY, dayRequirement(14, 15, 3)).build();
            day(s, ann, 0).setShift(EARLY_8); // 1 of 3 at 07:00
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(s)).penalizesBy(100 * 2 * 2);
        }

        @Test
        void penalizesUncoveredIntervals() {
            RosterSolution s = builder(1, ann, bob).requirement("general", MONDAY, dayRequirement(40, 42, 2)).build();
            day(s, ann, 0).setShift(EARLY_8); // nobody at 20:00–21:00
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(s)).penalizesBy(100 * 2 * 2 * 2);
        }

        @Test
        void aGapOfTwoCostsMoreThanTwoGapsOfOne() {
            int[] twoAllDay = dayRequirement(14, 30, 2); // 07:00–15:00, 16 slots
            RosterSolution oneShort = builder(1, ann, bob).requirement("general", MONDAY, twoAllDay).build();
            day(oneShort, ann, 0).setShift(EARLY_8);
            // 12 intervals 1 short (100 each), 4 intervals 1.5 short while Ann is on a break (225 each)
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(oneShort)).penalizesBy(12 * 100 + 4 * 225);
            RosterSolution twoShort = builder(1, ann, bob).requirement("general", MONDAY, twoAllDay).build();
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(twoShort)).penalizesBy(16 * 400);
        }

        @Test
        void countsAShiftOnlyForItsOwnQueue() {
            RosterSolution s = builder(1, ann).requirement("billing", MONDAY, dayRequirement(16, 17, 1)).build();
            day(s, ann, 0).setShift(EARLY_8); // general shift at 08:00, billing needs 1
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(s)).penalizesBy(100);
        }

        @Test
        void countsAShiftPastMidnightOnTheNextDayNetOfItsBreaks() {
            RosterSolution s = builder(2, ann).requirement("general", MONDAY.plusDays(1), dayRequirement(0, 8, 1)).build();
            // 20:00–04:00 covers Tuesday 00:00–04:00 but for the end of its meal (to 00:15) and a break at 02:00
            day(s, ann, 0).setShift(NIGHT_8);
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(s)).penalizesBy(25 + 25);
        }

        @Test
        void doesNotPenalizeFullCoverage() {
            RosterSolution s = builder(1, ann, bob).requirement("general", MONDAY, dayRequirement(14, 30, 1)).build();
            day(s, ann, 0).setShift(EARLY_8);
            day(s, bob, 0).setShift(EARLY_8); // both on the same breaks: still one agent on the phone throughout
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(s)).penalizes(0);
        }

        @Test
        void anAgentOnABreakIsNotOnThePhone() {
            RosterSolution s = builder(1, ann).requirement("general", MONDAY, dayRequirement(14, 30, 1)).build();
            day(s, ann, 0).setShift(EARLY_8); // half an agent short in each of the 4 intervals with a break
            VERIFIER.verifyThat(RosterConstraintProvider::coverageShortfall)
                    .given(entities(s)).penalizesBy(4 * 25);
        }
    }

    @Nested
    class Overstaffing {
        private final Agent ann = agent("ANN").build();
        private final Agent bob = agent("BOB").build();

        @Test
        void penalizesEachAgentAboveTheRequirement() {
            RosterSolution s = builder(1, ann, bob).requirement("general", MONDAY, dayRequirement(14, 30, 1)).build();
            day(s, ann, 0).setShift(EARLY_8);
            day(s, bob, 0).setShift(EARLY_8);
            // 12 intervals 1 agent over (10 each); in the 4 with a break both are on it for half the interval: exact
            VERIFIER.verifyThat(RosterConstraintProvider::overstaffing)
                    .given(entities(s)).penalizesBy(12 * 10);
        }

        @Test
        void penalizesAShiftWhereNothingIsRequired() {
            RosterSolution s = problem(1, ann);
            day(s, ann, 0).setShift(PART_4); // 09:00–13:00, its break 10:45–11:00
            VERIFIER.verifyThat(RosterConstraintProvider::overstaffing)
                    .given(entities(s)).penalizesBy(7 * 10 + 5);
        }

        @Test
        void doesNotPenalizeExactCoverage() {
            RosterSolution s = builder(1, ann, bob).requirement("general", MONDAY, dayRequirement(14, 30, 1)).build();
            day(s, ann, 0).setShift(EARLY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::overstaffing)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class PreferredDayOff {
        private final Agent ann = agent("ANN").preferredDaysOff(DayOfWeek.MONDAY).build();

        @Test
        void penalizesWorkingOnAPreferredDayOff() {
            RosterSolution s = problem(2, ann);
            work(s, ann, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::preferredDayOff)
                    .given(entities(s)).penalizesBy(1);
        }

        @Test
        void doesNotPenalizeOtherDays() {
            RosterSolution s = problem(2, ann);
            work(s, ann, null, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::preferredDayOff)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class EarlyLateShiftPreference {
        @Test
        void penalizesShiftsAgainstThePreference() {
            Agent early = agent("EARLY").shiftTimePreference(ShiftTimePreference.EARLY).build();
            Agent late = agent("LATE").shiftTimePreference(ShiftTimePreference.LATE).build();
            RosterSolution s = problem(1, early, late);
            day(s, early, 0).setShift(LATE_9);
            day(s, late, 0).setShift(EARLY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::earlyLateShiftPreference)
                    .given(entities(s)).penalizesBy(2);
        }

        @Test
        void doesNotPenalizeMatchingOrIndifferentAgents() {
            Agent early = agent("EARLY").shiftTimePreference(ShiftTimePreference.EARLY).build();
            Agent none = agent("NONE").build();
            RosterSolution s = problem(1, early, none);
            day(s, early, 0).setShift(EARLY_8);
            day(s, none, 0).setShift(LATE_9);
            VERIFIER.verifyThat(RosterConstraintProvider::earlyLateShiftPreference)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class FairWeekendWork {
        @Test
        void penalizesTheSquaredWeekendDaysPerAgent() {
            Agent ann = agent("ANN").build();
            Agent bob = agent("BOB").build();
            RosterSolution s = problem(7, ann, bob);
            work(s, ann, null, null, null, null, null, DAY_8, DAY_8); // Sat + Sun: 2² = 4
            work(s, bob, null, null, null, null, null, DAY_8);        // Sat: 1² = 1
            VERIFIER.verifyThat(RosterConstraintProvider::fairWeekendWork)
                    .given(entities(s)).penalizesBy(5);
        }

        @Test
        void doesNotPenalizeWeekdayWork() {
            Agent ann = agent("ANN").build();
            RosterSolution s = problem(7, ann);
            work(s, ann, DAY_8, DAY_8, DAY_8, DAY_8, DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::fairWeekendWork)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class FairLateShifts {
        @Test
        void penalizesTheSquaredLateShiftsPerAgent() {
            Agent ann = agent("ANN").build();
            RosterSolution s = problem(4, ann);
            work(s, ann, LATE_9, LATE_9, EARLY_8, LATE_9);
            VERIFIER.verifyThat(RosterConstraintProvider::fairLateShifts)
                    .given(entities(s)).penalizesBy(9);
        }

        @Test
        void doesNotPenalizeDayShifts() {
            Agent ann = agent("ANN").build();
            RosterSolution s = problem(2, ann);
            work(s, ann, EARLY_8, DAY_9);
            VERIFIER.verifyThat(RosterConstraintProvider::fairLateShifts)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class StableStartTimes {
        private final Agent ann = agent("ANN").build();

        @Test
        void penalizesStartTimeChangesOnConsecutiveDays() {
            RosterSolution s = problem(2, ann);
            work(s, ann, EARLY_8, DAY_9); // 07:00 → 09:00 = 4 half hours
            VERIFIER.verifyThat(RosterConstraintProvider::stableStartTimes)
                    .given(entities(s)).penalizesBy(4);
        }

        @Test
        void doesNotPenalizeSameStartOrNonConsecutiveDays() {
            RosterSolution s = problem(4, ann);
            work(s, ann, DAY_8, DAY_9, null, EARLY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::stableStartTimes)
                    .given(entities(s)).penalizes(0);
        }
    }

    @Nested
    class TimeBankDaysOffOnIdleDays {
        @Test
        void penalizesWorkingOnAnIdleDayByTheBalanceInHours() {
            Agent saver = agent("SAVER").timeBankBalanceSeconds(10 * 3600 + 1800).build();
            RosterSolution s = builder(2, saver).idleDays(List.of(MONDAY)).build();
            work(s, saver, DAY_8, DAY_8); // Monday is idle: 10 whole hours; Tuesday is not
            VERIFIER.verifyThat(RosterConstraintProvider::timeBankDaysOffOnIdleDays)
                    .given(entities(s)).penalizesBy(10);
        }

        @Test
        void doesNotPenalizeAgentsWhoOweTimeOrAreOff() {
            Agent owes = agent("OWES").timeBankBalanceSeconds(-5 * 3600).build();
            Agent saver = agent("SAVER").timeBankBalanceSeconds(20 * 3600).build();
            RosterSolution s = builder(1, owes, saver).idleDays(List.of(MONDAY)).build();
            day(s, owes, 0).setShift(DAY_8);
            VERIFIER.verifyThat(RosterConstraintProvider::timeBankDaysOffOnIdleDays)
                    .given(entities(s)).penalizes(0);
        }
    }
}
