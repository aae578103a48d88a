package com.timebank.wfm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.ReasonArgs;

/** A detail is stored whole when it fits; long texts and lists, nested ones too, are cut so that the row is stored. */
class AuditLogTest {

    @Test
    void aDetailWithinItsBoundsIsStoredAsItIs() {
        Message detail = Message.of("audit.roster-resolve-started", 12L, List.of("2026-03-10"), List.of("E1", "E2"));
        assertThat(AuditLog.bounded(detail)).isEqualTo(detail);
        assertThat(ReasonArgs.read(detail.code(), ReasonArgs.write(detail))).isEqualTo(detail);
    }

    @Test
    void longTextsAndListsAreCutAndSayHowManyMoreThereWere() {
        List<String> agents = IntStream.range(0, 10_000).mapToObj(i -> "E" + i).toList();
        Message detail = Message.of("audit.roster-resolve-started", 12L, List.of(), agents);
        Message bounded = AuditLog.bounded(Message.of("audit.changes",
                List.of(detail, Message.of("audit.time-bonus-granted", "1 h", "x".repeat(2_000)))));

        List<?> changes = (List<?>) bounded.args().get(0);
        List<?> kept = (List<?>) ((Message) changes.get(0)).args().get(2);
        assertThat(kept).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(AuditLog.MAX_ITEMS + 1).startsWith("E0", "E1")
                .endsWith(Message.of("audit.more", 10_000 - AuditLog.MAX_ITEMS));
        String reason = (String) ((Message) changes.get(1)).args().get(1);
        assertThat(reason).hasSize(AuditLog.MAX_TEXT).endsWith("…");
        assertThat(Message.of("audit.roster-resolve-started", 12L, List.of("2026-03-10"), kept).english())
                .endsWith("agents E0, E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13, E14, E15, E16, E17, E18, "
                        + "E19, E20, E21, E22, E23, E24, E25, E26, E27, E28, E29, E30, E31, E32, E33, E34, E35, E36, "
                        + "E37, E38, E39, E40, E41, E42, E43, E44, E45, E46, E47, E48, E49, 9,950 more");
    }
}
