package com.timebank.wfm.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A shift's paid time is measured in its center's zone: over a change of daylight saving time it is not its clock's. */
class PublishedShiftTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void aNightShiftWorksAnHourMoreWhenTheClocksGoBackAndAnHourLessWhenTheyGoForward() {
        // 25 October 2026, 02:00 → 01:00; 29 March 2026, 01:00 → 02:00
        assertThat(night(LocalDate.of(2026, 10, 24)).workSeconds(LISBON)).isEqualTo(9 * 3600 - 1800);
        assertThat(night(LocalDate.of(2026, 3, 28)).workSeconds(LISBON)).isEqualTo(7 * 3600 - 1800);
        assertThat(night(LocalDate.of(2026, 11, 7)).workSeconds(LISBON)).isEqualTo(8 * 3600 - 1800);
        assertThat(night(LocalDate.of(2026, 10, 24)).workSeconds(ZoneId.of("Asia/Shanghai")))
                .as("a zone without daylight saving time").isEqualTo(8 * 3600 - 1800);
    }

    /** 22:00 to 06:00 the next morning with a 30-minute unpaid break. */
    private static PublishedShift night(LocalDate date) {
        LocalDateTime start = date.atTime(22, 0);
        return new PublishedShift(1, date, start, start.plusHours(8), 30, "ROSTER");
    }
}
