package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RosterInstanceGeneratorTest {

    private final RosterInstanceGenerator generator = new RosterInstanceGenerator();

    @Test
    void generatesOneAgentDayPerAgentAndDayWithAboutFivePercentLeave() {
        RosterSolution problem = generator.generate(RosterInstanceGenerator.Spec.of(100, 28));

        assertThat(problem.getAgents()).hasSize(100);
        assertThat(problem.getAgentDays()).hasSize(100 * 28);
        assertThat(problem.getRequirementSlots()).hasSize(2 * 28 * 48);
        long leaveDays = problem.getUnavailabilities().stream()
                .filter(u -> u.getType() == UnavailabilityType.LEAVE).count();
        assertThat(leaveDays / 2800.0).isCloseTo(0.05, within(0.01));
        assertThat(problem.getUnavailabilities()).anyMatch(u -> u.getType() == UnavailabilityType.TIME_OFF);
        assertThat(problem.getAgentDays().stream().filter(AgentDay::isPinned).count())
                .isGreaterThanOrEqualTo(leaveDays);
        assertThat(problem.getAgents()).allSatisfy(a -> assertThat(a.getEligibleShiftOptions()).isNotEmpty());
        assertThat(problem.getAgents()).extracting(Agent::getMinWeeklyMinutes).containsOnly(2250, 1680, 960);
    }

    @Test
    void shapesTheRequirementByWeekdayTimeOfDayAndMonthEnd() {
        RosterSolution problem = generator.generate(RosterInstanceGenerator.Spec.of(200, 28));
        int[] perDay = dailyTotals(problem);
        LocalDate start = problem.getHorizonStart();

        // Weekday × time of day: Mondays busier than Sundays, nights empty, late morning above early morning.
        assertThat(perDay[0]).isGreaterThan(2 * perDay[6]);
        RequirementSlot[] general = problem.getCoverageGrid().slotsOf(RosterInstanceGenerator.GENERAL);
        assertThat(IntStream.range(0, 14).map(s -> general[2 * 48 + s].getRequired()).sum()).isZero();
        assertThat(general[2 * 48 + 21].getRequired()).isGreaterThan(general[2 * 48 + 14].getRequired());
        // Month end (Tuesday 31 March 2026) is a busy day, well above an ordinary Tuesday.
        int monthEnd = (int) (LocalDate.of(2026, 3, 31).toEpochDay() - start.toEpochDay());
        assertThat(problem.getDays().get(monthEnd).isBusy()).isTrue();
        assertThat(perDay[monthEnd]).isGreaterThan((int) (1.3 * perDay[1]));
        // Idle days are the quiet ones.
        assertThat(problem.getDays()).filteredOn(RosterDay::isIdle).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void isReproducibleForTheSameSeed() {
        RosterSolution a = generator.generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(7));
        RosterSolution b = generator.generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(7));
        RosterSolution c = generator.generate(RosterInstanceGenerator.Spec.of(30, 14).withSeed(8));

        assertThat(dailyTotals(a)).isEqualTo(dailyTotals(b));
        assertThat(a.getUnavailabilities()).extracting(Unavailability::getId)
                .isEqualTo(b.getUnavailabilities().stream().map(Unavailability::getId).toList());
        assertThat(Arrays.equals(dailyTotals(a), dailyTotals(c))).isFalse();
    }

    private static int[] dailyTotals(RosterSolution problem) {
        int[] perDay = new int[problem.getHorizonDays()];
        problem.getRequirementSlots().forEach(slot -> perDay[slot.getDayIndex()] += slot.getRequired());
        return perDay;
    }

    @Test
    void theBenchmarkFamilyShapesDifferAsNamed() {
        RosterSolution standard = generator.generate(RosterBenchmark.instance("standard", 200, 28).spec());
        RosterSolution partTime = generate("part-time");
        RosterSolution longHours = generate("long-hours");
        RosterSolution weekendPeak = generate("weekend-peak");
        RosterSolution leaveHeavy = generate("leave-heavy");

        assertThat(count(partTime, 960)).isGreaterThan(2 * count(standard, 960));
        // 06:00 is closed in the standard shape and open with long hours
        assertThat(requiredAtSlot(standard, 12)).isZero();
        assertThat(requiredAtSlot(longHours, 12)).isPositive();
        int[] standardDays = dailyTotals(standard);
        int[] weekendDays = dailyTotals(weekendPeak);
        // day 5 is a Saturday: quiet in the standard shape, a peak in the weekend-peak one
        assertThat(weekendDays[5]).isGreaterThan(weekendDays[2]);
        assertThat(standardDays[5]).isLessThan(standardDays[2]);
        assertThat(leaveHeavy.getUnavailabilities().stream().filter(u -> u.getType() == UnavailabilityType.LEAVE)
                .count()).isGreaterThan(2 * standard.getUnavailabilities().stream()
                        .filter(u -> u.getType() == UnavailabilityType.LEAVE).count());
        for (String name : RosterBenchmark.FAMILY) {
            assertThat(generate(name).getAgentDays()).as(name).hasSize(200 * 28);
        }
    }

    private RosterSolution generate(String name) {
        RosterBenchmark.Instance instance = RosterBenchmark.instance(name, 200, 28);
        return generator.generate(instance.spec(), instance.shape(), new RosterConstraintConfiguration());
    }

    private static long count(RosterSolution problem, int minWeeklyMinutes) {
        return problem.getAgents().stream().filter(a -> a.getMinWeeklyMinutes() == minWeeklyMinutes).count();
    }

    private static int requiredAtSlot(RosterSolution problem, int slotOfDay) {
        return problem.getRequirementSlots().stream().filter(s -> s.getSlotOfDay() == slotOfDay)
                .mapToInt(RequirementSlot::getRequired).sum();
    }
}
