package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.roster.CoverageQuality.BoundState;

class CoverageQualityTest {

    @Test
    void aBoundTheSavedRosterBeatsIsShownAsNotAvailable() {
        CoverageQuality quality = new CoverageQuality(BoundState.AVAILABLE, 5_855_326.8, 155_395L, 120.5);

        assertThat(quality.boundState()).isEqualTo(BoundState.NOT_AVAILABLE);
        assertThat(quality.bound()).isNull();
        assertThat(quality.gap()).isNull();
        assertThat(quality.shortfallFloor()).as("it came from the same LP").isNull();
    }

    @Test
    void aValidBoundGivesTheGapToIt() {
        CoverageQuality quality = new CoverageQuality(BoundState.AVAILABLE, 1_000.0, 1_250L, 120.5);

        assertThat(quality.boundState()).isEqualTo(BoundState.AVAILABLE);
        assertThat(quality.gap()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void theShortfallFloorIsShownUnlessTheSavedRosterLeavesLess() {
        CoverageQuality quality = new CoverageQuality(BoundState.AVAILABLE, 1_000.0, 1_250L, 120.5);

        assertThat(quality.shortfallFloorFor(130)).isEqualTo(120.5);
        assertThat(quality.shortfallFloorFor(120.5)).isEqualTo(120.5);
        assertThat(quality.shortfallFloorFor(120.49)).as("a roster below the floor proves it wrong").isNull();
    }

    @Test
    void noFloorWithoutAnAvailableBound() {
        assertThat(new CoverageQuality(BoundState.COMPUTING, null, 1_250L, 120.5).shortfallFloorFor(130)).isNull();
        assertThat(new CoverageQuality(BoundState.NOT_AVAILABLE, null, 1_250L, 120.5).shortfallFloorFor(130)).isNull();
    }
}
