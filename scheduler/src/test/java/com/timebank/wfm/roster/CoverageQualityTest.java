package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.roster.CoverageQuality.BoundState;

class CoverageQualityTest {

    @Test
    void aBoundTheSavedRosterBeatsIsShownAsNotAvailable() {
        CoverageQuality quality = new CoverageQuality(BoundState.AVAILABLE, 5_855_326.8, 155_395L);

        assertThat(quality.boundState()).isEqualTo(BoundState.NOT_AVAILABLE);
        assertThat(quality.bound()).isNull();
        assertThat(quality.gap()).isNull();
    }

    @Test
    void aValidBoundGivesTheGapToIt() {
        CoverageQuality quality = new CoverageQuality(BoundState.AVAILABLE, 1_000.0, 1_250L);

        assertThat(quality.boundState()).isEqualTo(BoundState.AVAILABLE);
        assertThat(quality.gap()).isCloseTo(0.25, within(1e-9));
    }
}
