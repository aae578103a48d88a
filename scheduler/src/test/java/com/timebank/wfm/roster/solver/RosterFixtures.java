package com.timebank.wfm.roster.solver;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made problems for the constraint and solver tests. */
final class RosterFixtures {

    /** A Monday. */
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);

    static final ShiftOption EARLY_8 = ShiftOption.of("general", LocalTime.of(7, 0), 480, 30);    // 07–15, paid 450
    static final ShiftOption DAY_8 = ShiftOption.of("general", LocalTime.of(9, 0), 480, 30);      // 09–17, paid 450
    static final ShiftOption DAY_9 = ShiftOption.of("general", LocalTime.of(9, 0), 540, 60);      // 09–18, paid 480
    static final ShiftOption LATE_9 = ShiftOption.of("general", LocalTime.of(14, 0), 540, 60);    // 14–23, paid 480
    static final ShiftOption NIGHT_8 = ShiftOption.of("general", LocalTime.of(20, 0), 480, 30);   // 20–04, paid 450
    static final ShiftOption PART_4 = ShiftOption.of("general", LocalTime.of(9, 0), 240, 0);      // 09–13, paid 240
    static final ShiftOption BILLING_8 = ShiftOption.of("billing", LocalTime.of(8, 0), 480, 30);  // 08–16, paid 450

    static final List<ShiftOption> OPTIONS = List.of(EARLY_8, DAY_8, DAY_9, LATE_9, NIGHT_8, PART_4, BILLING_8);

    private RosterFixtures() {
    }

    static Agent.Builder agent(String employeeNo) {
        return Agent.builder(employeeNo).team("T1").weeklyMinutes(0, 10_000).skills("general");
    }

    /** A problem over {@code days} days from {@link #MONDAY} with no requirement. */
    static RosterSolution problem(int days, Agent... agents) {
        return builder(days, agents).build();
    }

    static RosterProblemBuilder builder(int days, Agent... agents) {
        return RosterProblemBuilder.forHorizon(MONDAY, days).shiftOptions(OPTIONS).agents(List.of(agents));
    }

    static AgentDay day(RosterSolution solution, Agent agent, int dayIndex) {
        return solution.getAgentDays().stream()
                .filter(d -> d.getAgent() == agent && d.getDayIndex() == dayIndex)
                .findFirst().orElseThrow();
    }

    /** Assigns {@code shifts[i]} to day i of the agent (null = day off) and returns those agent-days. */
    static List<AgentDay> work(RosterSolution solution, Agent agent, ShiftOption... shifts) {
        List<AgentDay> days = new ArrayList<>();
        for (int i = 0; i < shifts.length; i++) {
            AgentDay agentDay = day(solution, agent, i);
            agentDay.setShift(shifts[i]);
            days.add(agentDay);
        }
        return days;
    }

    /** Required agents for one day: {@code required} in the slots [fromSlot, toSlot). */
    static int[] dayRequirement(int fromSlot, int toSlot, int required) {
        int[] perSlot = new int[48];
        for (int s = fromSlot; s < toSlot; s++) {
            perSlot[s] = required;
        }
        return perSlot;
    }
}
