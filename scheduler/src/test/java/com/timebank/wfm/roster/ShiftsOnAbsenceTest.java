package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which shifts of a roster fall on an absence: a whole day off, or hours of a part-day one they overlap. */
class ShiftsOnAbsenceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Test
    void aWholeDayOffTakesEveryShiftOfThatAgentAndDayAndNoOther() {
        RosterAssignment own = shift(1, DAY, 9, 17);
        RosterAssignment otherAgent = shift(2, DAY, 9, 17);
        RosterAssignment nextDay = shift(1, DAY.plusDays(1), 9, 17);
        assertThat(RosterPlanning.onAbsence(List.of(own, otherAgent, nextDay),
                List.of(new RosterPlanning.Absence(1, DAY, null, null)))).containsExactly(own);
    }

    @Test
    void partOfADayTakesOnlyAShiftThatOverlapsItsHours() {
        RosterAssignment morning = shift(1, DAY, 8, 12);
        RosterAssignment evening = shift(2, DAY, 13, 21);
        RosterAssignment overnight = shift(3, DAY, 22, 30);
        List<RosterPlanning.Absence> absences = List.of(new RosterPlanning.Absence(1, DAY, 12 * 60, 14 * 60),
                new RosterPlanning.Absence(2, DAY, 12 * 60, 14 * 60),
                new RosterPlanning.Absence(3, DAY, 20 * 60, 22 * 60));
        // the morning shift ends as the absence starts; the overnight one starts as it ends
        assertThat(RosterPlanning.onAbsence(List.of(morning, evening, overnight), absences)).containsExactly(evening);
    }

    private static RosterAssignment shift(long agentId, LocalDate date, int fromHour, int toHour) {
        LocalDateTime start = date.atStartOfDay().plusHours(fromHour);
        return new RosterAssignment(agentId, date, "S", start, date.atStartOfDay().plusHours(toHour), 0, List.of(),
                false);
    }
}
