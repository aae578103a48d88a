package com.timebank.wfm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.history.ContactVolume;

class DemoHistoryTest {

    @Test
    void tenWeeksOnTheGridWithMonthEdgePeaksAndWeekdayShape() {
        LocalDate from = LocalDate.of(2026, 8, 1);
        LocalDate to = from.plusWeeks(10).minusDays(1);
        List<ContactVolume> rows = DemoHistory.generate(from, to, 30, 1);
        assertThat(rows).hasSize(70 * 28);
        assertThat(rows).allSatisfy(r -> assertThat(r.intervalStart().getMinute() % 30).isZero());
        Map<LocalDate, Integer> daily = rows.stream().collect(Collectors.groupingBy(r -> r.intervalStart().toLocalDate(),
                Collectors.summingInt(ContactVolume::contacts)));
        // 1 Sep 2026 is a Tuesday at month start; 8 Sep a normal Tuesday
        assertThat(daily.get(LocalDate.of(2026, 9, 1))).isGreaterThan((int) (1.7 * daily.get(LocalDate.of(2026, 9, 8))));
        // Monday busier than Sunday in a normal week
        assertThat(daily.get(LocalDate.of(2026, 9, 14))).isGreaterThan(daily.get(LocalDate.of(2026, 9, 13)));
    }
}
