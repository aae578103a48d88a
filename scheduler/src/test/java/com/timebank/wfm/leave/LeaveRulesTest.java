package com.timebank.wfm.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.QuotaMode;

/** Services 5 and 6 as plain rules: eligibility, offsets, the month's close, notice and quotas. */
class LeaveRulesTest {

    private static final CenterSettings DEFAULTS = CenterSettings.defaults();

    private static boolean busy(LocalDate d) {
        return DEFAULTS.isBusyDay(d, Set.of());
    }

    @Nested
    class Eligibility {

        @Test
        void idleDayLeaveAndOverdraftLeaveAreEligibleBusyDayLeaveIsNot() {
            LocalDate idle = LocalDate.of(2026, 3, 10);
            LocalDate firstDays = LocalDate.of(2026, 3, 4);
            LocalDate lastDays = LocalDate.of(2026, 3, 30);
            assertThat(busy(idle)).isFalse();
            assertThat(busy(firstDays)).isTrue();
            assertThat(busy(lastDays)).isTrue();
            assertThat(LeaveEligibility.eligible(LeaveSource.LEAVE, busy(idle))).isTrue();
            assertThat(LeaveEligibility.eligible(LeaveSource.LEAVE, busy(firstDays))).isFalse();
            assertThat(LeaveEligibility.eligible(LeaveSource.LEAVE, busy(lastDays))).isFalse();
            assertThat(LeaveEligibility.eligible(LeaveSource.OVERDRAFT, busy(firstDays))).isTrue();
            assertThat(LeaveEligibility.eligible(LeaveSource.OVERDRAFT, busy(idle))).isTrue();
            assertThat(LeaveEligibility.reason(LeaveSource.LEAVE, true).english()).contains("busy day");
        }

        @Test
        void aSpecialBusyDateMakesAnIdleDayBusy() {
            LocalDate campaign = LocalDate.of(2026, 3, 12);
            assertThat(DEFAULTS.isBusyDay(campaign, Set.of(campaign))).isTrue();
            assertThat(LeaveEligibility.eligible(LeaveSource.LEAVE, DEFAULTS.isBusyDay(campaign, Set.of(campaign))))
                    .isFalse();
        }
    }

    @Nested
    class Offsets {

        private final LeaveOffsets.Item jan5 = new LeaveOffsets.Item(30, LocalDate.of(2026, 1, 5), 600);
        private final LeaveOffsets.Item jan9 = new LeaveOffsets.Item(10, LocalDate.of(2026, 1, 9), 1_000);
        private final LeaveOffsets.Item jan20 = new LeaveOffsets.Item(20, LocalDate.of(2026, 1, 20), 300);

        @Test
        void enoughBalanceOffsetsEverything() {
            LeaveOffsets.Plan plan = LeaveOffsets.plan(List.of(jan20, jan5, jan9), 5_000);
            assertThat(plan.offset()).containsExactly(jan5, jan9, jan20);
            assertThat(plan.offsetSeconds()).isEqualTo(1_900);
            assertThat(plan.notCovered()).isEmpty();
        }

        @Test
        void oldestFirstAndWholeItemsOnly() {
            // 1,500 s covers jan5 (600) but not jan9 (1,000) as a whole: nothing is split, and jan20 stays open too
            LeaveOffsets.Plan plan = LeaveOffsets.plan(List.of(jan20, jan9, jan5), 1_500);
            assertThat(plan.offset()).containsExactly(jan5);
            assertThat(plan.offsetSeconds()).isEqualTo(600);
            assertThat(plan.notCovered()).containsExactly(jan9, jan20);
        }

        @Test
        void exactBalanceCoversTheItemsItEquals() {
            LeaveOffsets.Plan plan = LeaveOffsets.plan(List.of(jan5, jan9, jan20), 1_600);
            assertThat(plan.offset()).containsExactly(jan5, jan9);
            assertThat(plan.offsetSeconds()).isEqualTo(1_600);
        }

        @Test
        void noBalanceOffsetsNothing() {
            assertThat(LeaveOffsets.plan(List.of(jan5), 0).offset()).isEmpty();
            assertThat(LeaveOffsets.plan(List.of(), 1_000).offsetSeconds()).isZero();
        }

        @Test
        void sameDayItemsGoInIdOrder() {
            LeaveOffsets.Item a = new LeaveOffsets.Item(7, LocalDate.of(2026, 1, 5), 500);
            LeaveOffsets.Item b = new LeaveOffsets.Item(3, LocalDate.of(2026, 1, 5), 500);
            assertThat(LeaveOffsets.plan(List.of(a, b), 500).offset()).containsExactly(b);
        }

        @Test
        void attendanceIsFullOnlyWhenAllLeaveIsOffset() {
            assertThat(Attendance.of(YearMonth.of(2026, 1), 1_900, 1_900).fullAttendance()).isTrue();
            assertThat(Attendance.of(YearMonth.of(2026, 1), 1_900, 600).fullAttendance()).isFalse();
            assertThat(Attendance.of(YearMonth.of(2026, 1), 0, 0).fullAttendance()).isTrue();
        }
    }

    @Nested
    class MonthClose {

        private final LeaveMonth january = new LeaveMonth(YearMonth.of(2026, 1), 2);

        @Test
        void choicesStayOpenUntilTheCloseDayOfTheNextMonthAt2359() {
            assertThat(january.deadline()).isEqualTo(LocalDateTime.of(2026, 2, 2, 23, 59));
            assertThat(january.openAt(LocalDateTime.of(2026, 1, 31, 12, 0))).isTrue();
            assertThat(january.openAt(LocalDateTime.of(2026, 2, 2, 23, 59, 59))).isTrue();
            assertThat(january.openAt(LocalDateTime.of(2026, 2, 3, 0, 0))).isFalse();
        }

        @Test
        void theLatestDueMonthFollowsTheCloseDay() {
            assertThat(LeaveMonth.latestDue(LocalDateTime.of(2026, 2, 2, 10, 0), 2)).isEqualTo(YearMonth.of(2025, 12));
            assertThat(LeaveMonth.latestDue(LocalDateTime.of(2026, 2, 3, 0, 0), 2)).isEqualTo(YearMonth.of(2026, 1));
            assertThat(LeaveMonth.latestDue(LocalDateTime.of(2026, 2, 28, 0, 0), 28)).isEqualTo(YearMonth.of(2025, 12));
        }

        @Test
        void closeDayIsADayOfTheNextMonth() {
            assertThatThrownBy(() -> new LeaveMonth(YearMonth.of(2026, 1), 29)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class TimeOff {

        @Test
        void noticeCountsWholeDaysAhead() {
            LocalDate today = LocalDate.of(2026, 3, 10);
            assertThat(TimeOffRules.enoughNotice(today, today, 1)).isFalse();
            assertThat(TimeOffRules.enoughNotice(today, today.plusDays(1), 1)).isTrue();
            assertThat(TimeOffRules.enoughNotice(today, today.plusDays(2), 3)).isFalse();
            assertThat(TimeOffRules.enoughNotice(today, today, 0)).isTrue();
            assertThat(TimeOffRules.earliestDate(today, 3)).isEqualTo(LocalDate.of(2026, 3, 13));
        }

        @Test
        void aRequestIsTheWholeShiftOrAPartOfIt() {
            assertThat(TimeOffRules.withinShift(28_800, 28_800)).isTrue();
            assertThat(TimeOffRules.withinShift(3_600, 28_800)).isTrue();
            assertThat(TimeOffRules.withinShift(28_801, 28_800)).isFalse();
            assertThat(TimeOffRules.withinShift(0, 28_800)).isFalse();
        }

        @Test
        void fixedQuotaIsZeroOnBusyDaysAndTheSettingOnIdleDays() {
            assertThat(TimeOffRules.slots(DEFAULTS, true, OptionalInt.empty())).isZero();
            assertThat(TimeOffRules.slots(DEFAULTS, false, OptionalInt.empty())).isEqualTo(2);
            // a roster's answer does not count in FIXED mode
            assertThat(TimeOffRules.slots(DEFAULTS, false, OptionalInt.of(7))).isEqualTo(2);
        }

        @Test
        void derivedQuotaUsesTheRosterWhenItAnswersAndTheFixedQuotaOtherwise() {
            CenterSettings derived = withMode(QuotaMode.DERIVED);
            RosterQuota roster = (centerId, date) -> date.getDayOfMonth() == 15 ? OptionalInt.of(5) : OptionalInt.empty();
            LocalDate covered = LocalDate.of(2026, 3, 15);
            LocalDate uncovered = LocalDate.of(2026, 3, 16);
            assertThat(TimeOffRules.slots(derived, false, roster.slots(1, covered))).isEqualTo(5);
            assertThat(TimeOffRules.slots(derived, false, roster.slots(1, uncovered))).isEqualTo(2);
            assertThat(TimeOffRules.slots(derived, true, roster.slots(1, uncovered))).isZero();
            // the roster may release agents on a busy day when the forecast allows it
            assertThat(TimeOffRules.slots(derived, true, OptionalInt.of(3))).isEqualTo(3);
            assertThat(TimeOffRules.slots(derived, false, OptionalInt.of(-1))).isZero();
        }

        @Test
        void quotaCountsFreeSlots() {
            TimeOffRules.Quota q = new TimeOffRules.Quota(LocalDate.of(2026, 3, 10), false, 2, 1);
            assertThat(q.full()).isFalse();
            assertThat(q.free()).isEqualTo(1);
            assertThat(new TimeOffRules.Quota(q.date(), false, 2, 2).full()).isTrue();
            assertThat(new TimeOffRules.Quota(q.date(), true, 0, 0).full()).isTrue();
        }

        private CenterSettings withMode(QuotaMode mode) {
            CenterSettings d = DEFAULTS;
            return new CenterSettings(d.effectiveFrom(), d.auxTarget(), d.overtimeRate1(), d.overtimeRate2(),
                    d.overtimeRate3(), d.bonusCapRatio(), d.idleDayQuota(), d.busyDayQuota(), d.busyFirstDays(),
                    d.busyLastDays(), d.monthCloseDay(), d.minNoticeDays(), d.serviceLevelTarget(),
                    d.serviceLevelSeconds(), d.maxOccupancy(), d.shrinkage(), mode, d.standardDayMinutes());
        }
    }

    @Nested
    class HrFile {

        @Test
        void aGoodFileReadsEveryLine() {
            LeaveFile f = LeaveFile.parseCsv("employee_no,date,seconds,type\nE1,2026-03-10,3600,personal\nE2,2026-03-11,28800,SICK\n");
            assertThat(f.errors()).isEmpty();
            assertThat(f.rows()).extracting(LeaveFile.Row::type).containsExactly(LeaveType.PERSONAL, LeaveType.SICK);
            assertThat(f.rows().get(1).line()).isEqualTo(3);
        }

        @Test
        void everyBadLineIsListed() {
            LeaveFile f = LeaveFile.parseCsv("employee_no,date,seconds,type\n,2026-03-10,3600,PERSONAL\n"
                    + "E1,2026-02-30,3600,PERSONAL\nE1,2026-03-10,0,PERSONAL\nE1,2026-03-10,90000,HOLIDAY\nE1,2026-03-10\n");
            assertThat(f.rows()).isEmpty();
            assertThat(f.errors()).extracting(e -> e.line() + ":" + e.field()).containsExactly("2:employee_no",
                    "3:date", "4:seconds", "5:seconds", "5:type", "6:line");
        }

        @Test
        void aDuplicateLineIsAnError() {
            LeaveFile f = LeaveFile.parseCsv("employee_no,date,seconds,type\nE1,2026-03-10,3600,SICK\n"
                    + "E1,2026-03-10,1800,PERSONAL\nE1,2026-03-10,600,sick\n");
            assertThat(f.rows()).hasSize(2);
            assertThat(f.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(4);
                assertThat(e.message()).contains("first on line 2");
            });
        }

        @Test
        void aWrongHeaderIsRefused() {
            LeaveFile f = LeaveFile.parseCsv("employee,date,seconds,type\nE1,2026-03-10,3600,PERSONAL\n");
            assertThat(f.errors()).extracting(e -> e.message()).anyMatch(m -> m.contains("Missing column employee_no"))
                    .anyMatch(m -> m.contains("Unknown column employee"));
        }
    }
}
