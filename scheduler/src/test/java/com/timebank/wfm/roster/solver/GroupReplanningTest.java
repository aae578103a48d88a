package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class GroupReplanningTest {

    /** A try frees the week of its date alone or with a week next to it, about half and half, never past the horizon. */
    @Test
    void aTryFreesTheWeekAloneOrWithANeighbour() {
        Random random = new Random(11);
        for (int week = 0; week < 4; week++) {
            int alone = 0;
            int withNeighbour = 0;
            for (int draw = 0; draw < 1_000; draw++) {
                int[] window = GroupReplanning.window(week, 4, random);
                assertThat(window[0]).isBetween(0, week);
                assertThat(window[1]).isBetween(week, 3);
                assertThat(window[1] - window[0]).isBetween(0, 1);
                if (window[0] == window[1]) {
                    alone++;
                } else {
                    withNeighbour++;
                }
            }
            assertThat(alone).as("week %d alone", week).isBetween(400, 600);
            assertThat(withNeighbour).as("week %d with a neighbour", week).isBetween(400, 600);
        }
        assertThat(GroupReplanning.window(0, 1, random)).as("a one-week horizon").containsExactly(0, 0);
    }
}
