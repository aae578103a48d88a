package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.IcuMessageSource;
import com.timebank.wfm.ledger.Account;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.InsufficientBalanceException;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.ledger.Seconds;

class TimebankRulesTest {

    @Test
    void oneHourAtLevelThreeEarnsOneHourThirtySix() {
        assertThat(EmergencyOvertime.credit(3_600, new BigDecimal("0.60"))).isEqualTo(5_760);
        assertThat(Seconds.format(5_760)).isEqualTo("1 h 36 min");
        assertThat(EmergencyOvertime.credit(3_600, new BigDecimal("0.30"))).isEqualTo(4_680);
        // 1 s × 1.45 = 1.45 → 1; 3 s × 1.45 = 4.35 → 4; 10 s × 1.45 = 14.5 → 15
        assertThat(EmergencyOvertime.credit(1, new BigDecimal("0.45"))).isEqualTo(1);
        assertThat(EmergencyOvertime.credit(10, new BigDecimal("0.45"))).isEqualTo(15);
        assertThatThrownBy(() -> EmergencyOvertime.credit(0, new BigDecimal("0.45")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bonusCapIsOnePercentOfScheduledTimeRoundedHalfUp() {
        BonusBudget b = BonusBudget.of(1_000_050, new BigDecimal("0.01"), 9_000);
        assertThat(b.capSeconds()).isEqualTo(10_001);
        assertThat(b.remainingSeconds()).isEqualTo(1_001);
        assertThat(b.allows(1_001)).isTrue();
        assertThat(b.allows(1_002)).isFalse();
        assertThat(BonusBudget.of(0, new BigDecimal("0.01"), 0).allows(1)).isFalse();
    }

    @Test
    void accountKeepsBalanceAndAvailableNonNegative() {
        Account a = Account.empty(1).post(1_000).reserve(600);
        assertThat(a.availableSeconds()).isEqualTo(400);
        assertThatThrownBy(() -> a.post(-401)).isInstanceOf(InsufficientBalanceException.class);
        assertThatThrownBy(() -> a.reserve(401)).isInstanceOf(InsufficientBalanceException.class);
        Account posted = a.postReserved(600);
        assertThat(posted.balanceSeconds()).isEqualTo(400);
        assertThat(posted.reservedSeconds()).isZero();
        assertThat(a.release(600).availableSeconds()).isEqualTo(1_000);
        assertThatThrownBy(() -> new Account(1, -1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShortBalanceIsRefusedWithACodeEachReaderGetsInTheirLanguage() {
        Account a = Account.empty(1).post(1_020);
        InsufficientBalanceException e = catchThrowableOfType(InsufficientBalanceException.class,
                () -> a.reserve(7_200));
        assertThat(e.reason().code()).isEqualTo("ledger.insufficient-balance");
        assertThat(e.getMessage()).isEqualTo("The available balance (17 min, 1020 s) does not cover 2 h (7200 s)");
        IcuMessageSource messages = new IcuMessageSource();
        messages.setBasenames(IcuMessageSource.SERVICE_MESSAGES);
        assertThat(messages.getMessage(e.reason(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("可用余额（17 分钟，1020 秒）不足以支付 2 小时（7200 秒）");
    }

    @Test
    void postingsCarryTheSignOfTheirService() {
        LocalDate d = LocalDate.of(2026, 11, 2);
        assertThatThrownBy(() -> Posting.of(1, d, EntryKind.TIME_BONUS, -5, "a", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posting.of(1, d, EntryKind.AUX_OVERDRAFT, 5, "a", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posting.of(1, d, EntryKind.REVERSAL, 5, "a", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posting.of(1, d, EntryKind.TIME_BONUS, 0, "a", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsReadAsHoursAndMinutes() {
        assertThat(Seconds.format(27_960)).isEqualTo("7 h 46 min");
        assertThat(Seconds.format(7_200)).isEqualTo("2 h");
        assertThat(Seconds.format(-720)).isEqualTo("-12 min");
        assertThat(Seconds.format(45)).isEqualTo("45 s");
    }
}
