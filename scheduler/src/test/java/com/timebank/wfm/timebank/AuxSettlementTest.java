package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.ledger.EntryKind;

class AuxSettlementTest {

    private static final BigDecimal TARGET = new BigDecimal("0.037");

    @Test
    void savingExampleOfTheRules() {
        AuxSettlement s = AuxSettlement.settle(28_800, 600, TARGET, 0);
        assertThat(s.allowanceSeconds()).isEqualTo(1_066);
        assertThat(s.creditSeconds()).isEqualTo(466);
        assertThat(s.entrySeconds()).isEqualTo(466);
        assertThat(s.kind()).isEqualTo(EntryKind.AUX_SAVING);
        assertThat(s.leaveSeconds()).isZero();
    }

    @Test
    void overdraftExampleOfTheRules() {
        AuxSettlement s = AuxSettlement.settle(28_800, 2_000, TARGET, 300);
        assertThat(s.debitSeconds()).isEqualTo(300);
        assertThat(s.leaveSeconds()).isEqualTo(634);
        assertThat(s.entrySeconds()).isEqualTo(-300);
        assertThat(s.kind()).isEqualTo(EntryKind.AUX_OVERDRAFT);
    }

    @Test
    void overdraftCoveredByTheBalanceLeavesNoLeave() {
        AuxSettlement s = AuxSettlement.settle(28_800, 2_000, TARGET, 5_000);
        assertThat(s.debitSeconds()).isEqualTo(934);
        assertThat(s.leaveSeconds()).isZero();
    }

    @Test
    void emptyBalanceTurnsTheWholeExcessIntoLeave() {
        AuxSettlement s = AuxSettlement.settle(28_800, 2_000, TARGET, 0);
        assertThat(s.debitSeconds()).isZero();
        assertThat(s.entrySeconds()).isZero();
        assertThat(s.leaveSeconds()).isEqualTo(934);
    }

    @Test
    void zeroLoggedTimePostsNothing() {
        AuxSettlement s = AuxSettlement.settle(0, 0, TARGET, 100);
        assertThat(s.entrySeconds()).isZero();
        assertThat(s.leaveSeconds()).isZero();
    }

    @Test
    void auxExactlyAtTheAllowancePostsNothing() {
        AuxSettlement s = AuxSettlement.settle(28_800, 1_066, TARGET, 100);
        assertThat(s.entrySeconds()).isZero();
        assertThat(s.leaveSeconds()).isZero();
    }

    @Test
    void allowanceRoundsHalfUpOnce() {
        // 0.037 × 500 = 18.5 → 19; 0.037 × 1500 = 55.5 → 56
        assertThat(AuxSettlement.settle(500, 0, TARGET, 0).allowanceSeconds()).isEqualTo(19);
        assertThat(AuxSettlement.settle(1_500, 0, TARGET, 0).allowanceSeconds()).isEqualTo(56);
        // 0.037 × 499 = 18.463 → 18
        assertThat(AuxSettlement.settle(499, 0, TARGET, 0).allowanceSeconds()).isEqualTo(18);
    }

    @Test
    void impossibleActivityIsRefused() {
        assertThatThrownBy(() -> AuxSettlement.settle(100, 101, TARGET, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuxSettlement.settle(-1, 0, TARGET, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
