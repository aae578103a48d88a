package com.timebank.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalHistoryTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

    private static IntervalHistory.Row row(LocalDate d, int hour, int minute, double contacts) {
        return new IntervalHistory.Row(d.atTime(hour, minute), contacts, 200);
    }

    @Test
    void daysWithoutRowsAreClosedAndOpenHoursComeFromTheData() {
        List<IntervalHistory.Row> rows = new ArrayList<>();
        for (int day = 0; day < 14; day++) {
            LocalDate d = MONDAY.plusDays(day);
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY || day == 2) {
                continue; // Sundays and the first Wednesday: no rows
            }
            int close = d.getDayOfWeek() == DayOfWeek.SATURDAY ? 12 : 17;
            for (int h = 9; h < close; h++) {
                rows.add(row(d, h, 0, 5));
                rows.add(row(d, h, 30, h == 9 ? 0 : 5)); // 09:30 is never busy
            }
        }
        IntervalHistory h = IntervalHistory.of(30, rows);

        assertThat(h.firstDate()).isEqualTo(MONDAY);
        assertThat(h.lastDate()).isEqualTo(MONDAY.plusDays(12)); // the last Saturday
        assertThat(h.isOpen(MONDAY.plusDays(2))).isFalse();
        assertThat(h.isOpen(MONDAY.plusDays(6))).isFalse();
        assertThat(h.isOpen(MONDAY.plusDays(9))).isTrue();
        assertThat(h.openDayCount()).isEqualTo(11);
        assertThat(h.slotsPerDay()).isEqualTo(48);
        assertThat(h.isOpenSlot(DayOfWeek.MONDAY, 18)).isTrue();   // 09:00
        assertThat(h.isOpenSlot(DayOfWeek.MONDAY, 19)).isFalse();  // 09:30: rows, but never a contact
        assertThat(h.isOpenSlot(DayOfWeek.MONDAY, 33)).isTrue();   // 16:30
        assertThat(h.isOpenSlot(DayOfWeek.MONDAY, 34)).isFalse();  // 17:00
        assertThat(h.isOpenSlot(DayOfWeek.SATURDAY, 23)).isTrue(); // 11:30
        assertThat(h.isOpenSlot(DayOfWeek.SATURDAY, 24)).isFalse();
        assertThat(h.openSlotCount(DayOfWeek.SUNDAY)).isZero();
        assertThat(h.dayTotal(h.dayIndex(MONDAY))).isEqualTo(75);
    }

    @Test
    void lastRowForAnIntervalWins() {
        IntervalHistory h = IntervalHistory.of(15, List.of(row(MONDAY, 10, 15, 3), row(MONDAY, 10, 15, 7)));
        assertThat(h.contacts(0, 41)).isEqualTo(7);
        assertThat(h.slotStart(41).toString()).isEqualTo("10:15");
    }

    @Test
    void refusesRowsOffTheGridAndBadValues() {
        assertThatThrownBy(() -> IntervalHistory.of(15, List.of(row(MONDAY, 10, 20, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid");
        assertThatThrownBy(() -> IntervalHistory.of(7, List.of(row(MONDAY, 10, 0, 3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntervalHistory.Row(LocalDateTime.of(2024, 1, 1, 10, 0), -1, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalHistory.of(30, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upToForgetsLaterDataIncludingOpenHoursAndTrailingClosedDays() {
        List<IntervalHistory.Row> rows = new ArrayList<>();
        rows.add(row(MONDAY, 9, 0, 4));
        rows.add(row(MONDAY.plusDays(7), 9, 0, 4));
        rows.add(row(MONDAY.plusDays(14), 20, 0, 4)); // evening hours start in week 3
        IntervalHistory h = IntervalHistory.of(30, rows);
        assertThat(h.isOpenSlot(DayOfWeek.MONDAY, 40)).isTrue();

        IntervalHistory cut = h.upTo(MONDAY.plusDays(12));
        assertThat(cut.lastDate()).isEqualTo(MONDAY.plusDays(7)); // the days after are closed: trimmed
        assertThat(cut.isOpenSlot(DayOfWeek.MONDAY, 40)).isFalse();
        assertThat(cut.isOpenSlot(DayOfWeek.MONDAY, 18)).isTrue();
        assertThat(h.upTo(MONDAY.minusDays(1)).isEmpty()).isTrue();
        assertThat(h.upTo(MONDAY.plusDays(30))).isSameAs(h);
    }
}
