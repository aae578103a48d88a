package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class RosterBenchmarkHistoryTest {

    /** The bound's state names its steps with commas; the history line still reads back as one value per column. */
    @Test
    void aHistoryLineReadsBackColumnByColumn() throws IOException {
        String state = "OPTIMAL, raised by whole agent plans in 8779 steps (57 plan searches for 100 agents)";
        CoverageBound.Result bound = new CoverageBound.Result(499_236.41, true, state, 10, 20, 10_141, null, null,
                404_508.56, Double.NaN);
        RosterBenchmark.Row row = new RosterBenchmark.Row("weekend-peak", 100, "center", "NONE", 48,
                new long[] {520_160, 519_470}, bound, 1549.0, 682.0, 7323);

        String line = RosterBenchmark.historyLine("2026-12-03T16:22:39Z", "1.52 1.22 0.95", new int[] {30, 60}, row);

        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader(
                RosterBenchmark.HISTORY_HEADER.toArray(String[]::new)).build().parse(new StringReader(line)).getRecords();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.size()).isEqualTo(RosterBenchmark.HISTORY_HEADER.size());
            assertThat(r.get("bound_state")).isEqualTo(state);
            assertThat(r.get("bound_ms")).isEqualTo("10141");
            assertThat(r.get("objectives")).isEqualTo("520160;519470");
            assertThat(r.get("bound")).isEqualTo("499236.41");
            assertThat(r.get("gaps")).isEqualTo(String.format(java.util.Locale.ROOT, "%.5f;%.5f",
                    CoverageBound.gap(520_160, 499_236.41), CoverageBound.gap(519_470, 499_236.41)));
        });
    }

    /** Repeated runs of an instance count once in the summary, by their median gap; runs without a roster left out. */
    @Test
    void repeatedRunsOfAnInstanceGiveItsMedianGapAndSpread() {
        CoverageBound.Result bound = new CoverageBound.Result(1_000.0, true, "OPTIMAL", 10, 20, 100, null, null, 900.0,
                Double.NaN);
        List<RosterBenchmark.Row> rows = List.of(row("weekend-peak", 1_045, bound), row("standard", 1_020, bound),
                row("weekend-peak", 1_038, bound), row("weekend-peak", 1_041, bound), row("standard", -1, bound),
                row("standard", 1_010, bound));

        List<RosterBenchmark.InstanceGap> gaps = RosterBenchmark.instanceGaps(rows, 0);

        assertThat(gaps).extracting(RosterBenchmark.InstanceGap::instance).containsExactly("weekend-peak", "standard");
        assertThat(gaps.get(0).runs()).isEqualTo(3);
        assertThat(gaps.get(0).median()).isCloseTo(0.041, within(1e-12));
        assertThat(gaps.get(0).lowest()).isCloseTo(0.038, within(1e-12));
        assertThat(gaps.get(0).highest()).isCloseTo(0.045, within(1e-12));
        // two feasible runs of three: the mean of the two
        assertThat(gaps.get(1).runs()).isEqualTo(3);
        assertThat(gaps.get(1).median()).isCloseTo(0.015, within(1e-12));
    }

    @Test
    void anInstanceWithNoFeasibleRunHasNoGap() {
        CoverageBound.Result bound = new CoverageBound.Result(1_000.0, true, "OPTIMAL", 10, 20, 100, null, null, 900.0,
                Double.NaN);

        assertThat(RosterBenchmark.instanceGaps(List.of(row("tight", -1, bound)), 0)).singleElement()
                .satisfies(g -> assertThat(g.median()).isNull());
    }

    private static RosterBenchmark.Row row(String instance, long objective, CoverageBound.Result bound) {
        return new RosterBenchmark.Row(instance, 100, "center", "NONE", 50, new long[] {objective}, bound, 0, 0, 1);
    }
}
