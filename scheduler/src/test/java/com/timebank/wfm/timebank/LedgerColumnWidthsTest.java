package com.timebank.wfm.timebank;

import static com.timebank.wfm.db.Tables.AGENT;
import static com.timebank.wfm.db.Tables.APP_USER;
import static com.timebank.wfm.db.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.ledger.PostingKeys;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/**
 * What the time bank writes into a ledger entry fits its column at the longest input the service accepts (MariaDB
 * is strict: a longer value fails the insert). Read from the generated jOOQ fields, so a migration that narrows a
 * column, or a longer prefix, fails here rather than in production.
 */
class LedgerColumnWidthsTest {

    private static final int REFERENCE = LEDGER_ENTRY.REFERENCE.getDataType().length();
    private static final String LONGEST_EMPLOYEE_NO = "E".repeat(AGENT.EMPLOYEE_NO.getDataType().length());

    @Test
    void everyReferenceKeepsTheLongestReasonWhole() {
        assertThat(TimeBonusService.reference("r".repeat(TimeBonusService.MAX_REASON))).hasSizeLessThanOrEqualTo(
                REFERENCE);
        assertThat(CorrectionService.reference(Long.MAX_VALUE, "r".repeat(CorrectionService.MAX_REASON)))
                .hasSizeLessThanOrEqualTo(REFERENCE);
        assertThat(BalanceMoveService.payoutReference("r".repeat(BalanceMoveService.MAX_REASON)))
                .hasSizeLessThanOrEqualTo(REFERENCE);
        assertThat(BalanceMoveService.transferReference(LONGEST_EMPLOYEE_NO, LONGEST_EMPLOYEE_NO,
                "r".repeat(BalanceMoveService.MAX_REASON))).hasSizeLessThanOrEqualTo(REFERENCE);
    }

    /** Keys made from a client's key keep their format, so the column holds the longest user's longest key. */
    @Test
    void keysMadeFromTheLongestClientKeyOfTheLongestUsernameFit() {
        int column = LEDGER_ENTRY.IDEMPOTENCY_KEY.getDataType().length();
        String actor = new CurrentUser(1, "u".repeat(APP_USER.USERNAME.getDataType().length()), Role.ADMIN, null,
                null, null, null, Set.of(), Set.of(), Set.of()).actor();
        // the Idempotency-Key header takes as many characters as a balance move does
        String clientKey = "k".repeat(com.timebank.wfm.api.ClientKey.MAX_LENGTH);
        assertThat(PostingKeys.timeBonus(actor, clientKey)).hasSizeLessThanOrEqualTo(column);
        assertThat(PostingKeys.balanceMove(actor, clientKey, false)).hasSizeLessThanOrEqualTo(column);
        assertThat(PostingKeys.balanceMove(actor, clientKey, true)).hasSizeLessThanOrEqualTo(column);
    }
}
