package com.timebank.wfm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReasonArgsTest {

    @Test
    void aReasonSurvivesStorageWithNestedDurationsDecimalsAndTexts() {
        Message reason = Message.of("reason.aux-saving", "2026-11-11", Message.duration(27_738), Message.duration(414),
                Message.duration(1_026), new BigDecimal("0.037000"));
        Message read = ReasonArgs.read(reason.code(), ReasonArgs.write(reason));
        assertThat(read.code()).isEqualTo(reason.code());
        assertThat(read.args().get(1)).isEqualTo(Message.duration(27_738));
        assertThat(read.english()).isEqualTo("2026-11-11: you worked 7 h 42 min with 6 min of aux time; your allowance"
                + " was 17 min (3.7% of the time worked), so the time below it was saved");
    }

    @Test
    void listsSurviveStorageAndAreShownAsListsOfTheReadersLanguage() {
        Message reason = Message.of("problem.method-not-allowed", "PUT", List.of("GET", Message.duration(60), 12L));
        Message read = ReasonArgs.read(reason.code(), ReasonArgs.write(reason));
        assertThat(read).isEqualTo(reason);
        assertThat(read.english()).isEqualTo("Method PUT is not allowed here; allowed: GET, 1 min, 12");
        assertThat(IcuMessageSource.render(read, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("此处不允许方法 PUT；允许的方法：GET、1 分钟、12");
    }

    @Test
    void unreadableArgumentsLeaveTheCode() {
        assertThat(ReasonArgs.read("reason.time-off", "not json")).isEqualTo(Message.of("reason.time-off"));
        assertThat(ReasonArgs.read("reason.time-off", null).args()).isEmpty();
    }
}
