package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RosterCoverageTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 16);
    /** 80% within 20 s, no shrinkage: 1 Erlang needs 3 agents (SL 2 = 68.8%, SL 3 = 92.0%). */
    static final RosterCoverage.Policy POLICY = new RosterCoverage.Policy(0.8, 20, 0.0, 30);

    private static RosterCoverage.Span span(int fromHour, int toHour) {
        return new RosterCoverage.Span(DAY.atTime(fromHour, 0), DAY.atTime(toHour, 0));
    }

    @Test
    void minimumAgentsFollowErlangC() {
        RosterInterval oneErlang = new RosterInterval(DAY.atTime(9, 0), 6, 300, 3);
        assertThat(RosterCoverage.serviceLevel(oneErlang, 2, POLICY)).isBetween(0.687, 0.689);
        assertThat(RosterCoverage.serviceLevel(oneErlang, 3, POLICY)).isBetween(0.920, 0.921);
        assertThat(RosterCoverage.minimumScheduled(oneErlang, POLICY)).isEqualTo(3);
        // with 30% shrinkage, 5 scheduled leave floor(3.5) = 3 on the phones, 4 leave 2
        RosterCoverage.Policy shrunk = new RosterCoverage.Policy(0.8, 20, 0.3, 30);
        assertThat(RosterCoverage.minimumScheduled(oneErlang, shrunk)).isEqualTo(5);
        assertThat(RosterCoverage.serviceLevel(new RosterInterval(DAY.atTime(3, 0), 0, 0, 0), 0, POLICY)).isEqualTo(1.0);
    }

    @Test
    void timeOffSlotsByHand() {
        // 09:00-10:00 busy (1 Erlang, 3 needed), 10:00-12:00 no calls
        List<RosterInterval> intervals = new ArrayList<>();
        intervals.add(new RosterInterval(DAY.atTime(9, 0), 6, 300, 3));
        intervals.add(new RosterInterval(DAY.atTime(9, 30), 6, 300, 3));
        intervals.add(new RosterInterval(DAY.atTime(10, 0), 0, 0, 0));
        intervals.add(new RosterInterval(DAY.atTime(10, 30), 0, 0, 0));
        intervals.add(new RosterInterval(DAY.atTime(11, 0), 0, 0, 0));
        intervals.add(new RosterInterval(DAY.atTime(11, 30), 0, 0, 0));
        // four agents over the busy hour (one more than needed) and two who only work the quiet hours
        List<RosterCoverage.Span> shifts = List.of(span(9, 12), span(9, 12), span(9, 12), span(9, 11), span(10, 12),
                span(10, 12));
        // both quiet-hour agents may go, and one of the four busy-hour agents: 3
        assertThat(RosterCoverage.timeOffSlots(intervals, shifts, List.of(), POLICY)).isEqualTo(3);
        // last night's shift running until 10:00 counts towards the busy hour but cannot be released itself
        List<RosterCoverage.Span> night = List.of(new RosterCoverage.Span(DAY.minusDays(1).atTime(22, 0),
                DAY.atTime(10, 0)));
        assertThat(RosterCoverage.timeOffSlots(intervals, shifts, night, POLICY)).isEqualTo(4);
        // already below target in an interval: nobody more may go
        assertThat(RosterCoverage.timeOffSlots(intervals, List.of(span(9, 12), span(9, 12)), List.of(), POLICY)).isZero();
    }

    @Test
    void coverageCountsShiftsOverEachIntervalWithTheirServiceLevel() {
        List<RosterInterval> intervals = List.of(new RosterInterval(DAY.atTime(9, 0), 6, 300, 3),
                new RosterInterval(DAY.atTime(9, 30), 6, 300, 3));
        List<RosterCoverage.Interval> coverage = RosterCoverage.of(intervals,
                List.of(span(9, 10), span(9, 10), new RosterCoverage.Span(LocalDateTime.of(DAY, java.time.LocalTime.of(9, 30)),
                        DAY.atTime(12, 0))), POLICY);
        assertThat(coverage).extracting(RosterCoverage.Interval::scheduled).containsExactly(2, 3);
        assertThat(coverage.get(0).shortfall()).isEqualTo(1);
        assertThat(coverage.get(1).serviceLevel()).isEqualTo(0.9204);
    }
}
