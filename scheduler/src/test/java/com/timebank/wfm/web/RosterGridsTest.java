package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.roster.RosterCoverage;
import com.timebank.wfm.web.RosterGrids.Level;

/** The heatmap's shading and layout, without Spring. */
class RosterGridsTest {

    @Test
    void shortfallIsShadedByTheShareMissingAndOverstaffingLighter() {
        assertThat(Level.of(0, 0)).isEqualTo(Level.NONE);
        assertThat(Level.of(4, 4)).isEqualTo(Level.MET);
        assertThat(Level.of(20, 19)).isEqualTo(Level.SHORT_1); // 5 % missing
        assertThat(Level.of(10, 8)).isEqualTo(Level.SHORT_2); // 20 %
        assertThat(Level.of(3, 2)).isEqualTo(Level.SHORT_3); // a third
        assertThat(Level.of(0, 1)).isEqualTo(Level.OVER_1);
        assertThat(Level.of(4, 5)).isEqualTo(Level.OVER_1);
        assertThat(Level.of(4, 7)).isEqualTo(Level.OVER_2);
        assertThat(Level.of(20, 22)).isEqualTo(Level.OVER_1); // 2 over 20 is 10 %: still light
        assertThat(Level.SHORT_3.css()).isEqualTo("cov-short-3");
    }

    @Test
    void theHeatmapHasARowPerDayAndAColumnPerTimeWithGapsForClosedIntervals() {
        LocalDate d = LocalDate.of(2026, 11, 23);
        List<RosterCoverage.Interval> coverage = List.of(
                new RosterCoverage.Interval(d.atTime(9, 0), 3, 2, 0.61),
                new RosterCoverage.Interval(d.atTime(9, 30), 3, 3, 0.85),
                new RosterCoverage.Interval(d.plusDays(2).atTime(10, 0), 2, 4, 0.99));
        RosterGrids.Heatmap h = RosterGrids.heatmap(d, d.plusDays(2), coverage, (day, i) -> day + " " + i.start().toLocalTime());
        assertThat(h.times()).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0));
        assertThat(h.rows()).hasSize(3);
        assertThat(h.rows().get(0).shortfall()).isEqualTo(1);
        assertThat(h.rows().get(0).cells().get(0).level()).isEqualTo(Level.SHORT_3);
        assertThat(h.rows().get(0).cells().get(2)).isNull();
        assertThat(h.rows().get(0).cells().get(1).title()).isEqualTo("2026-11-23 09:30");
        assertThat(h.rows().get(1).cells()).containsOnlyNulls();
        assertThat(h.rows().get(2).cells().get(2).level()).isEqualTo(Level.OVER_2);
    }

    @Test
    void consecutiveIntervalsShortAlikeAreOneRange() {
        LocalDate d = LocalDate.of(2026, 11, 23);
        var notUsed = com.timebank.wfm.roster.ShortfallAnalysis.Reason.AGENTS_NOT_USED;
        var leave = com.timebank.wfm.roster.ShortfallAnalysis.Reason.LEAVE;
        List<com.timebank.wfm.roster.ShortfallAnalysis.ShortInterval> intervals = List.of(
                new com.timebank.wfm.roster.ShortfallAnalysis.ShortInterval("q", d.atTime(9, 30), 3, 2, 2, 1, notUsed, 0, 0, 0, 1),
                new com.timebank.wfm.roster.ShortfallAnalysis.ShortInterval("q", d.atTime(9, 0), 3, 2, 2, 1, notUsed, 0, 0, 0, 1),
                new com.timebank.wfm.roster.ShortfallAnalysis.ShortInterval("q", d.atTime(10, 0), 3, 1, 1, 2, notUsed, 0, 0, 0, 1),
                new com.timebank.wfm.roster.ShortfallAnalysis.ShortInterval("q", d.atTime(11, 0), 3, 1, 1, 2, notUsed, 0, 0, 0, 1),
                new com.timebank.wfm.roster.ShortfallAnalysis.ShortInterval("q", d.atTime(11, 30), 3, 1, 1, 2, leave, 1, 0, 0, 0),
                new com.timebank.wfm.roster.ShortfallAnalysis.ShortInterval("q", d.plusDays(1).atTime(0, 0), 3, 1, 1, 2, leave, 1, 0, 0, 0));
        List<RosterGrids.ShortRange> ranges = RosterGrids.shortRanges(intervals, 30);
        assertThat(ranges).extracting(r -> r.date() + " " + r.from() + "-" + r.to() + " x" + r.intervals())
                .containsExactly("2026-11-23 09:00-10:00 x2", "2026-11-23 10:00-10:30 x1", "2026-11-23 11:00-11:30 x1",
                        "2026-11-23 11:30-12:00 x1", "2026-11-24 00:00-00:30 x1");
    }
}
