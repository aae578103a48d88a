package com.timebank.wfm.roster.solver;

import static com.timebank.wfm.roster.solver.RosterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** Weekly availability windows (hard), the preferred shift (soft), and availability that makes the minimum impossible. */
class AvailabilityConstraintTest {

    private static final ConstraintVerifier<RosterConstraintProvider, RosterSolution> VERIFIER =
            ConstraintVerifier.build(new RosterConstraintProvider(), RosterSolution.class, AgentDay.class);

    /** Monday to Friday 08:00–18:00, not at weekends. */
    static WeeklyAvailability weekdaysEightToSix() {
        Map<DayOfWeek, List<int[]>> windows = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            windows.put(day, List.of(new int[] {8 * 60, 18 * 60}));
        }
        return WeeklyAvailability.of(windows);
    }

    @Test
    void weeklyWindowsCountTheMinutesOutsideAndFollowAShiftPastMidnight() {
        WeeklyAvailability a = weekdaysEightToSix();
        assertThat(a.minutesOutside(DayOfWeek.MONDAY, 9 * 60, 17 * 60)).isZero();
        assertThat(a.minutesOutside(DayOfWeek.MONDAY, 7 * 60, 15 * 60)).isEqualTo(60);
        assertThat(a.minutesOutside(DayOfWeek.SUNDAY, 9 * 60, 13 * 60)).isEqualTo(240);
        assertThat(a.minutesOutside(DayOfWeek.SUNDAY, 20 * 60, 28 * 60)).isEqualTo(480); // Monday 00–04 is outside too
        WeeklyAvailability nights = WeeklyAvailability.of(Map.of(DayOfWeek.MONDAY, List.<int[]>of(new int[] {1200, 1440}),
                DayOfWeek.TUESDAY, List.<int[]>of(new int[] {0, 300})));
        assertThat(nights.minutesOutside(DayOfWeek.MONDAY, 20 * 60, 28 * 60)).isZero();
        assertThat(WeeklyAvailability.ALWAYS.minutesOutside(DayOfWeek.SUNDAY, 0, 600)).isZero();
    }

    @Test
    void penalizesEveryShiftMinuteOutsideTheWindows() {
        Agent ann = agent("ANN").availability(weekdaysEightToSix()).build();
        RosterSolution s = problem(7, ann);
        // Monday 07–15: 60 min early; Tuesday 09–17 inside; Wednesday 14–23: 300 min late; Sunday 09–13: 240
        work(s, ann, EARLY_8, DAY_8, LATE_9, null, null, null, PART_4);
        VERIFIER.verifyThat(RosterConstraintProvider::outsideAvailability)
                .given(s.getAgentDays().toArray()).penalizesBy(60 + 300 + 240);
    }

    @Test
    void doesNotPenalizeAnAgentWithoutDeclaredAvailability() {
        Agent bob = agent("BOB").build();
        RosterSolution s = problem(7, bob);
        work(s, bob, EARLY_8, DAY_8, LATE_9, NIGHT_8, null, null, PART_4);
        VERIFIER.verifyThat(RosterConstraintProvider::outsideAvailability)
                .given(s.getAgentDays().toArray()).penalizes(0);
    }

    @Test
    void penalizesEveryShiftOfAnotherTemplateThanThePreferredOne() {
        ShiftOption early = new ShiftOption("general@07:00+480", "general", LocalTime.of(7, 0), 480,
                BreakRule.standard(480, 30), true, false, "EARLY");
        ShiftOption day = new ShiftOption("general@09:00+480", "general", LocalTime.of(9, 0), 480,
                BreakRule.standard(480, 30), false, false, "DAY");
        Agent ann = agent("ANN").preferredTemplate("DAY").build();
        Agent bob = agent("BOB").build();
        RosterSolution s = RosterProblemBuilder.forHorizon(MONDAY, 7).shiftOptions(List.of(early, day))
                .agents(List.of(ann, bob)).build();
        work(s, ann, early, day, early, null, day);
        work(s, bob, early, early, early);
        VERIFIER.verifyThat(RosterConstraintProvider::preferredShift)
                .given(s.getAgentDays().toArray()).penalizesBy(2);
    }

    @Test
    void listsEveryPreferenceTheRosterDoesNotGrant() {
        ShiftOption early = new ShiftOption("general@07:00+480", "general", LocalTime.of(7, 0), 480,
                BreakRule.standard(480, 30), true, false, "EARLY");
        ShiftOption late = new ShiftOption("general@14:00+540", "general", LocalTime.of(14, 0), 540,
                BreakRule.standard(540, 60), false, true, "LATE");
        Agent ann = agent("ANN").preferredDaysOff(DayOfWeek.TUESDAY).shiftTimePreference(ShiftTimePreference.EARLY)
                .preferredTemplate("EARLY").build();
        RosterSolution s = RosterProblemBuilder.forHorizon(MONDAY, 7).shiftOptions(List.of(early, late))
                .agents(List.of(ann)).build();
        work(s, ann, early, early, late);

        assertThat(PreferenceMiss.of(s)).containsExactly(
                new PreferenceMiss("ANN", MONDAY.plusDays(1), PreferenceMiss.Kind.DAY_OFF, early.getId()),
                new PreferenceMiss("ANN", MONDAY.plusDays(2), PreferenceMiss.Kind.SHIFT_TIME, late.getId()),
                new PreferenceMiss("ANN", MONDAY.plusDays(2), PreferenceMiss.Kind.SHIFT, late.getId()));
    }

    @Test
    void anAgentWhoseAvailabilityCannotReachTheMinimumIsReportedAndLeftWithoutShifts() {
        // 4 h on Mondays only, but 30 h a week by contract: no roster can reach it
        Agent ann = agent("ANN").weeklyMinutes(30 * 60, 40 * 60)
                .availability(WeeklyAvailability.of(Map.of(DayOfWeek.MONDAY, List.<int[]>of(new int[] {540, 780}))))
                .build();
        Agent bob = agent("BOB").weeklyMinutes(30 * 60, 40 * 60).availability(weekdaysEightToSix()).build();
        RosterSolution s = builder(7, ann, bob).build();

        assertThat(s.getAgentIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.employeeNo()).isEqualTo("ANN");
            assertThat(issue.rule()).isEqualTo(AgentIssue.Rule.WEEKLY_MINIMUM);
            assertThat(issue.reason()).isEqualTo("roster.issue.weekly-minimum-availability");
            assertThat(issue.args()).containsExactly(1800, 240, 0);
        });
        assertThat(s.getAgentDays().stream().filter(d -> d.getAgent() == ann)).allMatch(AgentDay::isPinned);
    }

    @Test
    void aPartDayAbsenceLeavesTheRestOfTheDayWorkable() {
        Agent ann = agent("ANN").weeklyMinutes(0, 40 * 60).build();
        RosterSolution s = builder(7, ann)
                .unavailability(new Unavailability("ANN/doctor", ann, UnavailabilityType.TIME_OFF,
                        MONDAY.atTime(7, 0), MONDAY.atTime(9, 0), 120))
                .build();
        assertThat(day(s, ann, 0).isPinned()).isFalse();
        assertThat(day(s, ann, 0).getCreditedMinutes()).isEqualTo(120);
        work(s, ann, DAY_8, EARLY_8);
        VERIFIER.verifyThat(RosterConstraintProvider::leaveTimeOffAndUnavailability)
                .given(s.getAgentDays().toArray()[0], s.getAgentDays().toArray()[1], s.getUnavailabilities().get(0))
                .penalizes(0);
        work(s, ann, EARLY_8);
        VERIFIER.verifyThat(RosterConstraintProvider::leaveTimeOffAndUnavailability)
                .given(s.getAgentDays().toArray()[0], s.getUnavailabilities().get(0))
                .penalizesBy(120);
    }

    @Test
    void theGreedyConstructionAndTheSolverKeepShiftsInsideAvailability() {
        RosterSolution problem = new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(30, 14));
        List<Agent> limited = problem.getAgents().subList(0, 10);
        // rebuild the same instance with a third of the agents available only on weekdays 08:00–18:00
        RosterSolution constrained = withAvailability(problem, limited);
        new GreedyRoster(constrained, new Random(0)).plan().forEach(AgentDay::setShift);
        assertThat(constrained.getAgentDays()).filteredOn(AgentDay::isWorking)
                .allMatch(d -> d.getMinutesOutsideAvailability() == 0);
        HardSoftLongScore greedy = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(1)))
                .score(constrained);
        assertThat(greedy.isFeasible()).as("greedy %s", greedy).isTrue();

        RosterSolution solved = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(3)))
                .solve(withAvailability(problem, limited));
        assertThat(solved.getScore().isFeasible()).as("solved %s", solved.getScore()).isTrue();
        assertThat(solved.getAgentDays()).filteredOn(AgentDay::isWorking)
                .allMatch(d -> d.getMinutesOutsideAvailability() == 0);
        assertThat(solved.getAgentDays()).filteredOn(d -> d.isWorking() && limited.stream()
                .anyMatch(a -> a.getEmployeeNo().equals(d.getAgent().getEmployeeNo()))).isNotEmpty();
    }

    /** The generated problem again, with weekday daytime availability for the given agents. */
    private static RosterSolution withAvailability(RosterSolution problem, List<Agent> limited) {
        List<Agent> agents = problem.getAgents().stream().map(a -> {
            Agent.Builder b = Agent.builder(a.getEmployeeNo()).team(a.getTeam())
                    .weeklyMinutes(a.getMinWeeklyMinutes(), a.getMaxWeeklyMinutes()).skills(a.getSkills())
                    .allowedShiftLengths(a.getAllowedShiftLengths()).preferredDaysOff(a.getPreferredDaysOff())
                    .shiftTimePreference(a.getShiftTimePreference())
                    .timeBankBalanceSeconds(a.getTimeBankBalanceSeconds())
                    .minRestMinutes(a.getMinRestMinutes()).maxConsecutiveWorkingDays(a.getMaxConsecutiveWorkingDays());
            if (limited.contains(a)) {
                b.availability(weekdaysEightToSix());
            }
            return b.build();
        }).toList();
        RosterProblemBuilder builder = RosterProblemBuilder.forHorizon(problem.getHorizonStart(), problem.getHorizonDays())
                .slotMinutes(problem.getCoverageGrid().getSlotMinutes()).shiftOptions(problem.getShiftOptions())
                .agents(agents);
        for (String skill : problem.getCoverageGrid().getSkills()) {
            RequirementSlot[] slots = problem.getCoverageGrid().slotsOf(skill);
            int[] required = new int[slots.length];
            for (int i = 0; i < slots.length; i++) {
                required[i] = slots[i].getRequired();
            }
            builder.requirement(skill, required);
        }
        return builder.build();
    }
}
